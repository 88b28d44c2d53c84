// Issue 15, Deliver 4, as an administrator finds it: names instead of user names and ids, conditions in
// words. The security log names who acted (系统管理员（admin）), the rating tablets say who paired them,
// the template list and the workflow canvas name their templates, and a material's condition reads in Chinese (the code in its tooltip).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchBrowser, newPage, shot, signIn, startServer, type RunningServer } from './harness';

const suite = 'ops-words';
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

describe('names and words for the administrator', () => {
  it('shows display names, template names and conditions in words', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'admin');

    await page.goto('/admin/security');
    const signedIn = page.getByTestId('security-events').locator('tbody tr', { hasText: '登录成功' }).first();
    await signedIn.getByText('系统管理员（admin）').waitFor();

    await apiAs(page, 'POST', '/api/kiosk/devices', { name: '一号窗口评价器', window: 'issuance', pin: '135790' });
    await page.goto('/admin/kiosks');
    await page.getByTestId('kiosk-devices').locator('tr', { hasText: '一号窗口评价器' }).getByText(/^系统管理员 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/).waitFor();

    await page.goto('/designer/templates');
    await page.getByTestId('template-notices/acceptance').getByText('受理通知书').waitFor();
    await page.getByTestId('template-certificates/teacher-qualification').getByText('教师资格认定 · 证照').waitFor();
    await shot(page, suite, '01-templates');

    await page.goto('/designer/items/teacher-qualification/materials');
    const condition = page.getByTestId('material-condition-residence-permit');
    await condition.waitFor();
    const words = await condition.innerText();
    expect(words).toContain('条件：');
    expect(words).toContain('持有桃山区居住证');
    expect(words).not.toContain('form.');
    await shot(page, suite, '02-material-condition');

    // The workflow canvas names a document step's template (不予许可决定书), not its id.
    await page.goto('/designer/items/teacher-qualification/workflow');
    const notify = page.getByTestId('step-node-notify-denial');
    await notify.getByText('不予许可决定书').waitFor();
    expect(await notify.innerText()).not.toContain('notices/');
    await page.getByTestId('step-node-issue').getByText('证照').waitFor();
    await context.close();
  });
});
