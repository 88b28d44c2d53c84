// Issue 15 items 2 and 4 in the browser: names instead of user names, 常用意见 where an opinion is
// written, conditions in words for a department editor (code behind a toggle), no white frame
// around the page and links in the theme's red.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, shot, signIn, startServer, type RunningServer } from './harness';

const suite = 'words';
let server: RunningServer;
let browser: Browser;
const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 30_000, interval: 250 });

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('中文与常用意见', () => {
  it('lets a reviewer keep an opinion phrase and pick it, shows names not user names, red links and no frame', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'education-reviewer');
    // 我的待办: tasks this reviewer may act on (the department's list also holds the head's).
    await page.goto('/workbench/tasks?scope=mine');
    const link = page.locator('a[href^="/workbench/cases/"]').first();
    await link.waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    expect(await link.evaluate((a) => getComputedStyle(a).color)).toBe('rgb(166, 29, 36)');

    await link.click();
    const opinion = page.getByTestId('opinion');
    await opinion.waitFor();
    await page.locator('[data-testid="opinion-phrases"][data-loaded="true"]').waitFor();
    const phrase = '经审查，申请材料齐全，符合法定形式';
    await opinion.fill(phrase);
    await page.getByTestId('save-phrase').click();
    const saved = page.getByTestId('opinion-phrase').filter({ hasText: phrase });
    await saved.waitFor();
    await opinion.fill('');
    await saved.click();
    await poll(() => opinion.inputValue()).toBe(phrase);
    await shot(page, suite, '01-opinion-phrases');

    // The timeline names people (演示账号的姓名), never their user names.
    await page.getByRole('tab', { name: '时间线' }).click();
    const timeline = page.getByTestId('timeline');
    await timeline.getByText('收件', { exact: true }).first().waitFor();
    const text = await timeline.innerText();
    expect(text).not.toMatch(/clerk-|-reviewer|-head\b/);
    // 收件 and 受理 name the window's clerk (综合受理…工作人员), from the events' ReceivedBy / AcceptedBy.
    expect(text).toContain('工作人员');
    // The steps name their kind and limit in words (受理、办理…, "20 个工作日"), never by key (task, 20wd).
    const kinds = await page.getByTestId('step-kind').allInnerTexts();
    expect(kinds.length).toBeGreaterThan(1);
    for (const kind of kinds) expect(kind).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(kinds).toContain('受理');
    expect(await page.locator('main').innerText()).not.toMatch(/\b\d+wd\b/);
    await context.close();
  });

  it('shows a department editor a material condition in words, with the code behind a toggle', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'education-editor');
    await page.goto('/designer');
    await page.getByRole('link', { name: '教师资格认定' }).click();
    await page.getByRole('tab', { name: '申请材料' }).click();
    const row = page.getByTestId('material-row-residence-permit');
    await row.waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    const details = page.getByTestId('material-details-residence-permit');
    const words = details.getByTestId('condition-words');
    await words.waitFor();
    expect(await words.innerText()).toBe('「申请认定依据」为“持有桃山区居住证”');
    expect(await details.locator('.monaco-editor').count()).toBe(0);
    await details.getByTestId('condition-toggle').click();
    await details.locator('.monaco-editor').waitFor();
    await poll(async () => (await details.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ')).toContain("form.residenceType == 'resident-permit'");
    await shot(page, suite, '02-condition-in-words');
    await context.close();
  });
});
