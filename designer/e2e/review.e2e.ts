// Issue 15, Deliver 7: review before publish. With office.yaml designer.review-before-publish on, the
// author's 发布 becomes 提交复核; the author sees the pending change but no 批准; a second admin sees
// its diff, presses 批准 and exactly that commit goes live; a second change is sent back with 退回: the
// author reads the reason, the reviewer's name and the time (Beijing) where they publish, submits it
// again, and the reviewer sees the rejection in the new submission's history before approving it.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, shot, signIn, startServer, type RunningServer, writeHeaders } from './harness';

const suite = 'review';
const teacher = 'teacher-qualification';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({
    demoCases: false,
    county: (definitions) => appendFileSync(path.join(definitions, 'office.yaml'), 'designer:\n  review-before-publish: true\n'),
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Saves the id card's necessity in the teacher item through the designer API, as the signed-in page's user. */
async function saveIdCard(page: Page, necessity: 'deferrable' | 'required'): Promise<void> {
  const read = await (await page.request.get(`/api/designer/items/${teacher}/materials`)).json();
  const model = read.model.map((m: Record<string, unknown>) => m.id === 'id-card'
    ? { ...m, necessity, ...(necessity === 'deferrable' ? { 'deferral-limit': '5wd' } : {}) } : m);
  const saved = await page.request.put(`/api/designer/items/${teacher}/materials`, { headers: { ...writeHeaders, 'If-Match': read.etag }, data: { model } });
  expect(saved.status(), await saved.text()).toBe(200);
}

async function necessity(page: Page): Promise<string> {
  const item = await (await page.request.get(`/api/items/${teacher}`)).json();
  return item.materials.find((m: { id: string }) => m.id === 'id-card').necessity;
}

/** Presses the button and waits for the server's answer to the POST it sends. */
async function press(page: Page, button: ReturnType<Page['getByRole']>, pathEnd: string): Promise<{ status: number; body: string }> {
  await button.waitFor();
  expect(await button.isEnabled()).toBe(true);
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(pathEnd), { timeout: 60_000 });
  await button.click();
  const r = await answer;
  return { status: r.status(), body: await r.text() };
}

describe('发布前复核', () => {
  it('holds a publish for a second admin, who approves it from its diff; the author cannot; a second change is sent back', async () => {
    const author = await newPage(browser, server);
    await signIn(author.page, 'admin');
    // The second admin: created by the first, past the forced password change.
    const created = await author.page.request.post('/api/admin/users', {
      headers: writeHeaders,
      data: { userName: 'li-admin', displayName: '李管理', password: 'Review-2026!', roles: ['admin'], department: null, window: null },
    });
    expect(created.status(), await created.text()).toBe(201);
    const reviewer = await newPage(browser, server);
    await reviewer.page.goto('/login');
    await reviewer.page.getByLabel('用户名').fill('li-admin');
    await reviewer.page.getByLabel('密码').fill('Review-2026!');
    await reviewer.page.getByRole('button', { name: /登\s*录/ }).click();
    await reviewer.page.waitForURL('**/account/password');
    await reviewer.page.locator('#current-password').fill('Review-2026!');
    await reviewer.page.locator('#new-password').fill('Second-admin-2026');
    await reviewer.page.locator('#confirm-password').fill('Second-admin-2026');
    await reviewer.page.getByTestId('change-password').click();
    await reviewer.page.waitForURL((url) => !url.pathname.startsWith('/account/password'));
    // A password change ends the account's sessions (the API test shows it): sign in with the new one.
    await reviewer.page.context().clearCookies();
    await signIn(reviewer.page, 'li-admin', 'Second-admin-2026');
    await reviewer.page.getByTestId('current-user').getByText('李管理').waitFor();

    // The author asks to publish: nothing goes live yet.
    await saveIdCard(author.page, 'deferrable');
    await author.page.goto('/designer/changes');
    await author.page.getByLabel('发布说明').fill('居民身份证可容缺受理');
    const asked = await press(author.page, author.page.getByRole('button', { name: '提交复核' }), '/api/designer/publish');
    expect(asked.status, asked.body).toBe(202);
    await author.page.getByTestId('review-requested').waitFor();
    const own = author.page.getByTestId('review');
    await own.getByText('须由另一位管理员复核批准后才发布').waitFor();
    expect(await own.getByRole('button', { name: '批准' }).count()).toBe(0);
    expect(await necessity(author.page)).toBe('required');
    await shot(author.page, suite, '01-author-waits');

    // The second admin reviews the diff and approves.
    const listed = await reviewer.page.request.get('/api/designer/reviews');
    const listedText = await listed.text();
    expect(listed.status(), listedText).toBe(200);
    expect(JSON.parse(listedText).reviews, listedText).toHaveLength(1);
    await reviewer.page.goto('/designer/changes');
    await reviewer.page.getByTestId('changes-page').waitFor();
    await shot(reviewer.page, suite, '02a-reviewer-opens');
    const pending = reviewer.page.getByTestId('review').filter({ hasText: '居民身份证可容缺受理' });
    await pending.getByTestId('file-diff').filter({ hasText: `definitions/items/${teacher}/materials.yaml` }).waitFor();
    await pending.getByTestId('semantic-diff').first().waitFor();
    await pending.getByText('系统管理员 提交于').waitFor();
    await shot(reviewer.page, suite, '02-reviewer-sees-diff');
    const approved = await press(reviewer.page, pending.getByRole('button', { name: '批准' }), '/approve');
    expect(approved.status, approved.body).toBe(200);
    await reviewer.page.getByTestId('review-decided').getByText(/已批准并发布/).waitFor();
    await pending.waitFor({ state: 'detached' });
    expect(await necessity(reviewer.page)).toBe('deferrable');
    const reviewed = JSON.parse(asked.body).review as string;
    expect(JSON.parse(approved.body).commit).toBe(reviewed);

    // A second change is sent back with a reason; it stays in the author's work tree.
    await saveIdCard(author.page, 'required');
    await author.page.goto('/designer/changes');
    await author.page.getByLabel('发布说明').fill('居民身份证改回必须提交');
    expect((await press(author.page, author.page.getByRole('button', { name: '提交复核' }), '/api/designer/publish')).status).toBe(202);
    await reviewer.page.goto('/designer/changes');
    const second = reviewer.page.getByTestId('review').filter({ hasText: '居民身份证改回必须提交' });
    await second.getByRole('button', { name: '退回' }).click();
    const dialog = reviewer.page.locator('.ant-modal:visible');
    await dialog.getByLabel('退回理由').fill('请先与教育局确认');
    const rejected = await press(reviewer.page, dialog.getByRole('button', { name: '退回' }), '/reject');
    expect(rejected.status, rejected.body).toBe(200);
    await reviewer.page.getByTestId('review-decided').getByText(/已退回/).waitFor();
    await reviewer.page.getByTestId('reviews').getByText('没有待复核的修改').waitFor();
    await shot(reviewer.page, suite, '03-sent-back');
    expect(await necessity(reviewer.page)).toBe('deferrable');
    const changes = await (await author.page.request.get('/api/designer/changes')).json();
    expect(changes.files.map((f: { path: string }) => f.path)).toContain(`definitions/items/${teacher}/materials.yaml`);

    // The author sees why, who and when, where they publish (times in Beijing time, the reviewer by name).
    const decidedAt = new Date(JSON.parse(rejected.body).decision.at as string);
    const beijing = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(decidedAt);
    await author.page.goto('/designer/changes');
    const sentBack = author.page.getByTestId('review-returned').filter({ hasText: '居民身份证改回必须提交' });
    await sentBack.getByText(`已退回：请先与教育局确认（审核人 李管理，${beijing}）`).waitFor();
    await shot(author.page, suite, '04-author-reads-why');
    // ...and submits it again with the same words plus what was done.
    await sentBack.getByRole('button', { name: '沿用原发布说明' }).click();
    const note = author.page.getByLabel('发布说明');
    expect(await note.inputValue()).toBe('居民身份证改回必须提交');
    await note.fill('居民身份证改回必须提交（已与教育局确认）');
    const again = await press(author.page, author.page.getByRole('button', { name: '提交复核' }), '/api/designer/publish');
    expect(again.status, again.body).toBe(202);
    await author.page.getByTestId('returned').waitFor({ state: 'detached' });

    // The reviewer sees the earlier rejection with the new submission, and approves it.
    await reviewer.page.goto('/designer/changes');
    const resubmitted = reviewer.page.getByTestId('review').filter({ hasText: '居民身份证改回必须提交（已与教育局确认）' });
    await resubmitted.getByTestId('review-history').getByText(`已退回：请先与教育局确认（审核人 李管理，${beijing}）`).waitFor();
    await shot(reviewer.page, suite, '05-history-with-resubmission');
    const finallyApproved = await press(reviewer.page, resubmitted.getByRole('button', { name: '批准' }), '/approve');
    expect(finallyApproved.status, finallyApproved.body).toBe(200);
    await resubmitted.waitFor({ state: 'detached' });
    expect(await necessity(reviewer.page)).toBe('required');
    await author.context.close();
    await reviewer.context.close();
  });
});
