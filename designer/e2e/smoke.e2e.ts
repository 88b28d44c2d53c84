// The foundation: the SPA is served by the real server, sign-in works for each area, roles shape the menu.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, shot, signIn, signOut, startServer, type RunningServer } from './harness';

const suite = 'foundation';
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

describe('the web UI foundation', () => {
  it('sends a signed-out visitor to the sign-in page without a 401 in the console', async () => {
    const { context, page } = await newPage(browser, server);
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('response', (r) => { if (r.status() === 401) problems.push(`401 ${r.url()}`); });
    await page.goto('/workbench/tasks');
    await page.waitForURL('**/login?next=*');
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    await shot(page, suite, '01-sign-in');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the error code for a wrong password', async () => {
    const { context, page } = await newPage(browser, server);
    await page.goto('/login');
    await page.getByLabel('用户名').fill('clerk-comprehensive-1');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('WF9401');
    await context.close();
  });

  it('gives a clerk the workbench menu and no designer', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'clerk-comprehensive-1');
    await page.waitForURL('**/workbench/intake');
    const menu = await page.locator('.ant-menu').innerText();
    expect(menu).toContain('窗口收件');
    expect(menu).toContain('工作台');
    expect(menu).not.toContain('设计器');
    expect(await page.getByTestId('current-user').innerText()).toContain('窗口人员');
    await shot(page, suite, '02-clerk-home');
    await signOut(page);
    await context.close();
  });

  it('gives a department editor the designer only, and refuses the workbench', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'education-editor');
    await page.waitForURL('**/designer**');
    const menu = await page.locator('.ant-menu').innerText();
    expect(menu).toContain('事项设计');
    expect(menu).not.toContain('窗口收件');
    await page.goto('/workbench/intake');
    await page.getByText('无权访问').waitFor();
    await context.close();
  });

  it('reloads a deep client route (the server falls back to index.html)', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'education-reviewer');
    await page.goto('/workbench/cases');
    await page.getByTestId('current-user').waitFor();
    expect(await page.title()).toBe('政务服务事项办理平台');
    await context.close();
  });
});
