// Issue 15: the head's inbox and case view on a phone (390 px): tasks read as cards, not as a
// nine-column table squeezed to one character per line, and the page does not scroll sideways.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shot, signIn, startServer, type RunningServer } from './harness';

const suite = 'phone-inbox';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('手机上的待办', () => {
  it('shows the department inbox readable at 390 px and opens a case from it', async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signIn(page, 'education-reviewer');
    await page.goto('/workbench/tasks?scope=department');
    const title = page.getByTestId('task-list').getByTestId('task-title').first();
    await title.waitFor();
    const box = (await title.boundingBox())!;
    expect(box.width, 'the item name of a task row').toBeGreaterThan(200);
    // One line of a title is about one line high, not a column of single characters.
    expect(box.height).toBeLessThan(80);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
    await shot(page, suite, '01-inbox-390');

    await title.click();
    await page.waitForURL('**/workbench/cases/**');
    const number = page.getByTestId('case-number');
    await number.waitFor();
    expect((await number.boundingBox())!.width).toBeLessThanOrEqual(390);
    await shot(page, suite, '02-case-390');
    await context.close();
  });
});
