import { describe, expect, it } from 'vitest';
import { decisionText } from './reviewText';

describe('decisionText', () => {
  it('names the reviewer by display name, the reason, and the time in Beijing time', () => {
    expect(decisionText({ kind: 'rejected', by: '李管理', byUser: 'li-admin', at: '2026-12-07T22:10:00Z', reason: ' 请先与教育局确认 ' }))
      .toBe('已退回：请先与教育局确认（审核人 李管理，2026-12-08 06:10）');
  });

  it('says when no reason was given, and tells a withdrawal from a rejection', () => {
    expect(decisionText({ kind: 'rejected', by: '李管理', byUser: 'li-admin', at: '2026-12-07T22:10:00Z', reason: '' }))
      .toBe('已退回：审核人未填写理由（审核人 李管理，2026-12-08 06:10）');
    expect(decisionText({ kind: 'withdrawn', by: '系统管理员', byUser: 'admin', at: '2026-12-07T16:00:00Z', reason: '' }))
      .toBe('已撤回（作者 系统管理员，2026-12-08 00:00）');
  });
});
