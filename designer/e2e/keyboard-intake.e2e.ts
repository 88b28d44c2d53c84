// Issue 15: the window intake as a clerk does it, keyboard only (real key presses, no fill(), no
// clicks): search the item and press Enter, type the applicant, an ID card reader "types" the
// number and Enter, the form, every material checked one by one, then 受理 and its confirmation.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from './fixtures';
import { launchBrowser, newPage, shot, signIn, startServer, type RunningServer } from './harness';

const suite = 'keyboard-intake';
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

/** What has the focus: its id, test id and the test id of the nearest marked ancestor. */
async function focused(page: Page): Promise<{ id: string; testId: string; within: string; value: string }> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLInputElement | null;
    return {
      id: e?.id ?? '', testId: e?.getAttribute('data-testid') ?? '',
      within: e?.closest('[data-testid]')?.getAttribute('data-testid') ?? '', value: e?.value ?? '',
    };
  });
}

async function waitForFocus(page: Page, want: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string): Promise<void> {
  await expect.poll(async () => want(await focused(page)), { timeout: 15_000, message: `focus on ${what}` }).toBe(true);
}

/** Presses Tab until the focus satisfies `want` (at most `max` presses), as a clerk tabs through the screen. */
async function tabTo(page: Page, want: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (want(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}; focus is on ${JSON.stringify(await focused(page))}`);
}

describe('窗口收件：只用键盘', () => {
  it('takes 老年人优待证 from item search to the case number without the mouse, with an ID card reader', async () => {
    const { context, page } = await newPage(browser, server);
    // Every script the clerk's pages load, with how it travelled.
    const scripts: { url: string; encoding: string }[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.endsWith('.js')) scripts.push({ url: new URL(r.url()).pathname, encoding: r.headers()['content-encoding'] ?? '' });
    });
    await signIn(page, 'clerk-comprehensive-2');
    await page.waitForURL('**/workbench/intake');

    // The search box has the focus: pinyin initials, Enter picks the only match.
    await waitForFocus(page, (f) => f.testId === 'item-search', 'the item search');
    await page.keyboard.type('lnr');
    await page.keyboard.press('Enter');
    await page.getByTestId('intake-item').waitFor();

    // The applicant's name has the focus once the item opens.
    await waitForFocus(page, (f) => f.id === 'applicant-name', 'the applicant name');
    await page.keyboard.type(person.name);
    await page.keyboard.press('Tab');
    // The ID card reader: a keyboard wedge typing the 18 characters, then Enter.
    await waitForFocus(page, (f) => f.id === 'applicant-id', 'the ID number');
    await page.keyboard.type(person.idNumber);
    await page.keyboard.press('Enter');
    expect(await page.locator('#applicant-id').inputValue()).toBe(person.idNumber);
    await page.getByText('校验通过').waitFor();
    // Enter moved on to the phone, the next thing to type.
    await waitForFocus(page, (f) => f.id === 'applicant-phone', 'the phone after the reader\'s Enter');
    await page.keyboard.type(person.phone);

    // The form: a searchable select (type, Enter), the default kept, a phone.
    await tabTo(page, (f) => f.id === 'form-residenceType', '申领依据');
    await page.keyboard.type('户籍');
    await page.locator('.ant-select-dropdown:visible').getByTitle('桃山区户籍', { exact: true }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('field-residenceType').getByTitle('桃山区户籍').waitFor();
    await tabTo(page, (f) => f.id === 'form-contactPhone', '联系电话');
    await page.keyboard.type('13945671234');

    // The checklist starts unmarked; wait for the server's answer to the form as typed.
    await page.getByTestId('checklist').locator('tbody tr[data-row-key]').first().waitFor();
    const settled = page.locator('[data-testid="checklist"][data-updating="false"]');
    await settled.waitFor({ timeout: 60_000 });
    const unmarked = page.getByTestId('unmarked-count');
    await unmarked.waitFor();
    const materialIds = await page.getByTestId('checklist').locator('tbody tr[data-row-key]').evaluateAll(
      (rows) => rows.map((r) => r.getAttribute('data-row-key')!));
    expect(materialIds.length).toBeGreaterThan(0);
    expect(await page.getByTestId('checklist').locator('.ant-radio-button-wrapper-checked').count()).toBe(0);

    // Each material: Tab into its marks (the first is 已收取), Space marks it.
    for (const id of materialIds) {
      await tabTo(page, (f) => f.within === `mark-${id}`, `the marks of ${id}`);
      await page.keyboard.press('Space');
      await page.getByTestId(`mark-${id}`).locator('.ant-radio-button-wrapper-checked').getByText('已收取').waitFor();
    }
    await unmarked.waitFor({ state: 'detached' });
    await shot(page, suite, '01-all-checked');

    await settled.waitFor({ timeout: 60_000 });
    await tabTo(page, (f) => f.testId === 'decide-accept', '受理');
    await page.keyboard.press('Enter');
    await page.getByTestId('decision-confirm').waitFor();
    await tabTo(page, (f) => f.testId === 'decision-confirm', '确认并出具通知书');
    await page.keyboard.press('Enter');
    await page.getByTestId('case-number').waitFor({ timeout: 90_000 });
    await shot(page, suite, '02-accepted');

    const number = (await page.getByTestId('case-number').innerText()).trim();
    const found = await (await page.request.get(`/api/cases?number=${encodeURIComponent(number)}`)).json() as { items: { id: string }[] };
    const view = await (await page.request.get(`/api/cases/${found.items[0].id}`)).json() as {
      case: { applicant: { name: string; idNumber: string; phone: string }; materials: Record<string, { status: string }> };
    };
    expect(view.case.applicant).toMatchObject({ name: person.name, idNumber: person.idNumber, phone: person.phone });
    expect(Object.keys(view.case.materials).sort()).toEqual([...materialIds].sort());
    expect(Object.values(view.case.materials).every((m) => m.status === 'received')).toBe(true);

    // The next applicant (Escape closes the printed notice): 受理 with nothing checked is refused, naming what is left.
    await page.getByTestId('document-frame').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('document-frame').waitFor({ state: 'hidden' });
    await tabTo(page, (f) => f.testId === 'next-applicant', '下一位');
    await page.keyboard.press('Enter');
    await waitForFocus(page, (f) => f.testId === 'item-search', 'the item search again');
    await page.keyboard.type('lnr');
    await page.keyboard.press('Enter');
    await waitForFocus(page, (f) => f.id === 'applicant-name', 'the applicant name again');
    await page.keyboard.type(person.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(person.idNumber);
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.id === 'form-residenceType', '申领依据');
    await page.keyboard.type('户籍');
    await page.locator('.ant-select-dropdown:visible').getByTitle('桃山区户籍', { exact: true }).waitFor();
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.id === 'form-contactPhone', '联系电话');
    await page.keyboard.type('13945671234');
    await unmarked.waitFor();
    await settled.waitFor({ timeout: 60_000 });
    await tabTo(page, (f) => f.testId === 'decide-accept', '受理');
    await page.keyboard.press('Enter');
    await page.locator('.ant-message').getByText(/材料未核验/).waitFor();
    expect(await page.getByTestId('decision-confirm').count()).toBe(0);
    await shot(page, suite, '03-unmarked-refused');

    // The clerk's screen came compressed and without the designer or its Monaco editor.
    const main = scripts.find((x) => /^\/assets\/index-[\w-]+\.js$/.test(x.url));
    expect(main, JSON.stringify(scripts)).toBeDefined();
    expect(['br', 'gzip']).toContain(main!.encoding);
    expect(scripts.filter((x) => /Designer|monaco|editor\.worker|setup-|CodeEditor|ConditionEditor/.test(x.url))).toEqual([]);
    await context.close();
  });
});
