// 工作日历 in the designer against the REAL server and git: an administrator adds 2028 with one
// holiday; a make-up workday on a Monday is refused with its located error on the row; with a
// Saturday it saves, publishes, and the working-day count across the holiday skips it.
// Screenshots go to .test-results/screenshots/calendar.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, shot, signIn, startServer, type RunningServer } from './harness';

const suite = 'calendar';
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

interface Workdays { due: string; provisional: boolean }
const workdays = async (from: string, days: number): Promise<Workdays> =>
  (await (await fetch(`${server.url}/api/calendar/workdays?from=${from}&days=${days}`)).json()) as Workdays;

describe('工作日历', () => {
  it('an admin adds 2028 with one holiday, a weekday make-up day is refused where it is, and the published year is counted', async () => {
    // Before: 2028 is counted from the statutory holidays alone (国庆 10/1–3), provisional.
    expect(await workdays('2028-09-29', 1)).toMatchObject({ due: '2028-10-04', provisional: true });

    const { context, page } = await newPage(browser, server);
    page.setDefaultTimeout(45_000);
    await signIn(page, 'admin');
    await page.goto('/designer/calendars');
    await page.getByTestId('calendar-year-2026').waitFor();
    await page.getByLabel('新增年份').fill('2028');
    await page.getByRole('button', { name: '新增年份' }).click();
    await page.getByText('2028 年节假日安排').waitFor();

    await page.getByRole('button', { name: '添加节假日' }).click();
    await page.getByLabel('节假日名称 1').fill('国庆节');
    await page.getByLabel('节假日开始 1').fill('2028-10-01');
    await page.getByLabel('节假日结束 1').fill('2028-10-08');
    await page.getByRole('button', { name: '添加调休上班日' }).click();
    await page.getByLabel('调休上班日 1', { exact: true }).fill('2028-10-09');
    await page.getByLabel('调休节日 1').fill('国庆节');
    await page.getByRole('button', { name: /保存$/ }).click();

    // The server's error, on the row it is about and with its place in the file.
    const rowError = page.getByTestId('make-up-workday-error-0');
    await rowError.waitFor();
    expect(await rowError.textContent()).toContain('周一');
    const diagnostic = page.getByTestId('diagnostic').first();
    expect(await diagnostic.textContent()).toMatch(/2028\.yaml:8:\d+/);
    expect(await diagnostic.textContent()).toContain('调休上班日第 1 行');
    await shot(page, suite, '01-weekday-make-up-day-refused');
    expect((await (await context.request.get('/api/designer/calendars')).json()).years.map((y: { year: number }) => y.year)).not.toContain(2028);

    await page.getByLabel('调休上班日 1', { exact: true }).fill('2028-10-14');
    await page.getByRole('button', { name: '保存并发布' }).click();
    const row = page.getByTestId('calendar-year-2028');
    await row.getByText('已发布').waitFor();
    await expect.poll(() => rowError.count(), { timeout: 30_000 }).toBe(0);
    await shot(page, suite, '02-2028-published');

    // After: the published 国庆节 runs to 10/8, so one working day after Friday 9/29 is Monday 10/9, firm.
    expect(await workdays('2028-09-29', 1)).toEqual(expect.objectContaining({ due: '2028-10-09', provisional: false }));
    await context.close();
  });
});
