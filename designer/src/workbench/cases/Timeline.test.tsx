import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseTimeline } from './Timeline';
import type { CaseEffect } from '../types';

const failed: CaseEffect = {
  id: 'c-1-5-notify', kind: 'case.notify', label: '发送通知', version: 5, state: 'failed', attempts: 11,
  reason: 'HttpRequestException: Connection refused (127.0.0.1:9)', createdAt: '2026-12-07T09:00:00+08:00',
};

afterEach(() => vi.unstubAllGlobals());

describe('CaseTimeline failed effects', () => {
  it('shows a failed effect with its reason, and an admin runs it again', async () => {
    const calls: { url: string; method?: string }[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, method: init.method });
      return new Response(JSON.stringify({ ...failed, state: 'done', reason: null }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }));
    const reloaded = vi.fn();
    render(<App><CaseTimeline events={[]} effects={[failed, { ...failed, id: 'c-1-6-notify', state: 'pending' }]} caseId="c-1" canRun onRun={reloaded} /></App>);

    const shown = await screen.findByTestId('failed-effects');
    expect(shown.textContent).toContain('发送通知失败（已重试 11 次）');
    expect(shown.textContent).toContain('原因：HttpRequestException: Connection refused');
    expect(screen.getAllByRole('button', { name: '重新执行' })).toHaveLength(1); // the pending one is not listed

    await userEvent.click(screen.getByRole('button', { name: '重新执行' }));
    await vi.waitFor(() => expect(reloaded).toHaveBeenCalledTimes(1));
    // The one write is the run of the failed effect (the timeline also reads display names: GET /api/people).
    expect(calls.filter((c) => c.method === 'POST')).toEqual([{ url: '/api/cases/c-1/effects/c-1-5-notify/run', method: 'POST' }]);
  });

  it('shows others that it failed, without the reason they may not see and without the button', () => {
    render(<App><CaseTimeline events={[]} effects={[{ ...failed, reason: null }]} caseId="c-1" /></App>);
    expect(screen.getByTestId('failed-effects').textContent).toContain('请联系管理员处理');
    expect(screen.queryByRole('button', { name: '重新执行' })).toBeNull();
  });

  it('shows nothing when no effect failed', () => {
    render(<App><CaseTimeline events={[]} effects={[{ ...failed, state: 'pending' }]} caseId="c-1" /></App>);
    expect(screen.queryByTestId('failed-effects')).toBeNull();
  });
});
