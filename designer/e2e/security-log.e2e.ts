// The admin's security log (安全日志, issue 16 item 9), in a real browser against the real server: a
// wrong password on the sign-in page shows up on the admin's screen as 登录失败 with the account, the
// address and the time in Beijing; the filter by kind and user finds it; a non-admin's call to the
// API is refused with 403 and the menu does not offer the page. Waits are on rows and answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, shot, signIn, startServer, type RunningServer } from './harness';

const suite = 'security-log';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ demoCases: false });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the security log', () => {
  it('shows a failed sign-in on the admin screen; a non-admin gets 403', async () => {
    // Someone types a wrong password for the 水务局 head on the sign-in page.
    const { page: stranger } = await newPage(browser, server);
    await stranger.goto('/login');
    await stranger.getByLabel('用户名').fill('water-head');
    await stranger.getByLabel('密码').fill('guess-2026');
    const refused = stranger.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await stranger.getByRole('button', { name: /登\s*录/ }).click();
    expect((await refused).status()).toBe(401);

    // The admin opens 系统管理 → 安全日志 and narrows it to failed sign-ins of that account.
    const { page: admin } = await newPage(browser, server);
    await signIn(admin, 'admin');
    await admin.getByRole('menuitem', { name: '安全日志' }).click();
    await admin.waitForURL('**/admin/security');
    const table = admin.getByTestId('security-events');
    await table.locator('tr', { hasText: '登录成功' }).first().waitFor(); // the admin's own sign-in, newest first
    await admin.getByLabel('事件类型').click();
    await admin.locator('.ant-select-item-option', { hasText: /^登录失败$/ }).click();
    const filtered = admin.waitForResponse((r) => r.url().includes('/api/security/events') && r.url().includes('user=water-head'));
    await admin.getByLabel('用户名').fill('water-head');
    await admin.getByLabel('用户名').press('Enter');
    expect((await filtered).status()).toBe(200);
    const row = table.locator('tbody tr', { hasText: 'water-head' });
    await row.first().waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('登录失败');
    expect(text).toContain('127.0.0.1');
    // Beijing time: the API answers at +08:00 and the screen shows that wall-clock time, to the second.
    const api = (await (await admin.request.get('/api/security/events?kind=sign-in-failed&user=water-head')).json()) as { events: { at: string }[] };
    const at = api.events[0].at;
    expect(at).toMatch(/\+08:00$/);
    expect(text).toContain(`${at.slice(0, 10)} ${at.slice(11, 19)}`);
    expect(await admin.getByText('共 1 条').count()).toBe(1);
    await shot(admin, suite, '01-failed-sign-in');

    // A supervisor: no menu entry, and the API refuses.
    const { page: supervisor } = await newPage(browser, server);
    await signIn(supervisor, 'supervisor');
    expect(await supervisor.getByRole('menuitem', { name: '安全日志' }).count()).toBe(0);
    const denied = await supervisor.request.get('/api/security/events');
    expect(denied.status()).toBe(403);
    expect(((await denied.json()) as { code: string }).code).toMatch(/^WF94/);
  });
});
