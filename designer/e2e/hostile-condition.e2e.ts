// Definition code never runs as JavaScript in a clerk's page. The validator keeps a hostile condition
// from being published; this test shows the second wall: if one reached the browser anyway (here the
// item's answer is altered on its way to the page), the page evaluates it with its own interpreter of
// the expression language, which reaches neither constructors nor the page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn, startServer, type RunningServer } from './harness';
import { pickItem } from './intake';

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

const attacks = [
  "form.schoolLevel.constructor.constructor('document.title = \"pwned\"; window.__pwned = 1')() || true",
  "form['constr' + 'uctor'] || true",
  "(function () { window.__pwned = 1 })() || true",
];

describe('a hostile condition in an item definition', () => {
  it('does not run in the clerk\'s intake page', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'clerk-comprehensive-1');
    // Each attack becomes the visibility condition of a field of the form the page receives.
    await page.route('**/api/items/teacher-qualification', async (route) => {
      const response = await route.fetch();
      const item = await response.json() as { form: { fields: { id: string; when?: string }[] } };
      item.form.fields.forEach((field, i) => { if (i > 0 && i <= attacks.length) field.when = attacks[i - 1]; });
      await route.fulfill({ response, json: item });
    });
    const title = await page.title();
    await pickItem(page, '教师资格', 'teacher-qualification');
    // The page has evaluated the conditions: the form is shown with its first field.
    await page.getByTestId('field-schoolLevel').waitFor();
    await page.locator('#form-schoolLevel').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('小学教师资格', { exact: true }).click();
    await expect.poll(() => page.locator('#form-schoolLevel').locator('xpath=ancestor::*[contains(@class,"ant-select")][1]').innerText()).toContain('小学');
    expect(await page.title()).toBe(title);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await context.close();
  });
});
