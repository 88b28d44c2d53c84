// Issue 15: staff accounts an office can run. The administrator creates a clerk in 账号管理, the
// clerk's first sign-in asks for a password of their own, then the intake opens; the list shows the
// last sign-in in Beijing time; a disabled account cannot sign in.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, shot, signIn, signOut, startServer, type RunningServer, writeHeaders } from './harness';

const suite = 'accounts';
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

/** Presses 创建 and waits for the server's answer; if the form itself refused, says which fields. */
async function create(page: Page): Promise<{ status: number; body: string }> {
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/admin/users', { timeout: 60_000 });
  await page.getByTestId('create-user').click();
  try {
    const r = await answer;
    return { status: r.status(), body: await r.text() };
  } catch (e) {
    const said = await page.locator('.ant-form-item-explain-error').allInnerTexts();
    throw new Error(`创建 sent nothing; the form says: ${said.join(' | ') || '(nothing)'} (${String(e).split('\n')[0]})`);
  }
}

describe('账号管理', () => {
  it('creates a clerk, who must change the password at the first sign-in, then works; disabling locks them out', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'admin');
    await page.getByRole('menuitem', { name: /账号管理/ }).click();
    await page.waitForURL('**/admin/users');
    await page.getByTestId('users').getByText('clerk-comprehensive-1').waitFor();

    await page.getByTestId('new-user').click();
    const modal = page.locator('.ant-modal:visible');
    await page.locator('#user-display-name').fill('王芳');
    await page.locator('#user-name').fill('wang-fang');
    await page.locator('#user-roles').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('窗口人员', { exact: true }).click();
    // Close the multi-select's list by clicking the dialog's title (Escape would close the dialog
    // itself if the list had already gone), and go on once the choice shows as a tag.
    await modal.locator('.ant-modal-title').click();
    await modal.locator('.ant-select', { has: page.locator('#user-roles'), hasText: '窗口人员' }).waitFor();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.locator('#user-window').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('综合受理1号窗口', { exact: true }).click();
    await modal.locator('.ant-select', { has: page.locator('#user-window'), hasText: '综合受理1号窗口' }).waitFor();
    // A password of one class is refused by the server with its reason.
    await page.locator('#user-password').fill('1234567890');
    const refusal = await create(page);
    expect(refusal.status, refusal.body).toBe(400);
    await page.getByTestId('user-error').getByText(/不能只由一类字符组成/).waitFor();
    await page.locator('#user-password').fill('Window-2026');
    const created = await create(page);
    expect(created.status, created.body).toBe(201);
    const row = page.getByTestId('users').locator('tr', { hasText: 'wang-fang' });
    await row.getByText('待改密码').waitFor();
    await row.getByText('从未登录').waitFor();
    await shot(page, suite, '01-created');
    await signOut(page);

    // The clerk's first sign-in: the password change comes first, and nothing else is open meanwhile.
    await page.getByLabel('用户名').fill('wang-fang');
    await page.getByLabel('密码').fill('Window-2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/account/password');
    expect((await page.request.get('/api/items')).status()).toBe(403);
    await page.locator('#current-password').fill('Window-2026');
    await page.locator('#new-password').fill('fang-own-2026');
    await page.locator('#confirm-password').fill('fang-own-2026');
    await shot(page, suite, '02-change-password');
    await page.getByTestId('change-password').click();
    await page.waitForURL('**/workbench/intake');
    await page.getByTestId('current-user').getByText('王芳').waitFor();
    expect((await page.request.get('/api/items')).status()).toBe(200);
    await signOut(page);

    // The administrator sees the sign-in, in Beijing time, and disables the account.
    await signIn(page, 'admin');
    await page.goto('/admin/users');
    const again = page.getByTestId('users').locator('tr', { hasText: 'wang-fang' });
    await again.getByText('正常').waitFor();
    const account = await (await page.request.get('/api/admin/users')).json() as { users: { userName: string; lastSignInAt: string; mustChangePassword: boolean }[] };
    const fang = account.users.find((u) => u.userName === 'wang-fang')!;
    expect(fang.mustChangePassword).toBe(false);
    const beijing = new Date(Date.parse(fang.lastSignInAt) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    await again.getByText(beijing).waitFor();
    await page.getByTestId('toggle-wang-fang').click();
    await again.getByText('已停用').waitFor();
    await shot(page, suite, '03-disabled');
    await signOut(page);

    const refused = await page.request.post('/api/auth/login', { data: { userName: 'wang-fang', password: 'fang-own-2026' }, headers: writeHeaders });
    expect(refused.status()).toBe(401);
    await context.close();
  });
});
