// 信用记录 (issue 12 item 5), in a real browser against the real server: the admin enters a 失信 mark
// from a court list, finds it by the applicant's ID number, lifts it (信用修复) with a reason and the
// row stays, marked 已解除; a supervisor reads the page without the buttons. Waits are on rows and answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, shot, signIn, startServer, type RunningServer } from './harness';

const suite = 'credit-marks';
const applicantId = '230903198501010012';
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

describe('credit marks', () => {
  it('an admin adds a 失信 mark and lifts it; a supervisor only reads', async () => {
    const { page: admin } = await newPage(browser, server);
    await signIn(admin, 'admin');
    await admin.getByRole('menuitem', { name: '信用记录' }).click();
    await admin.waitForURL('**/admin/credit');

    await admin.getByTestId('add-credit-mark').click();
    await admin.locator('#credit-applicant-id').fill(applicantId);
    await admin.locator('#credit-applicant-name').fill('赵某');
    await admin.locator('#credit-reason').fill('拒不履行生效判决');
    await admin.locator('#credit-basis').fill('法院失信被执行人名单 (2026)黑0903执88号');
    const added = admin.waitForResponse((r) => r.url().endsWith('/api/credit-marks') && r.request().method() === 'POST');
    await admin.getByTestId('save-credit-mark').click();
    expect((await added).status()).toBe(201);

    const table = admin.getByTestId('credit-marks');
    const row = table.locator('tbody tr', { hasText: applicantId });
    await row.first().waitFor();
    expect(await row.innerText()).toContain('有效');
    await shot(admin, suite, '01-added');

    await row.getByRole('button', { name: '信用修复' }).click();
    await admin.locator('#lift-reason').fill('已履行判决义务，已移出失信名单');
    const lifted = admin.waitForResponse((r) => r.url().includes('/lift'));
    await admin.getByTestId('confirm-lift').click();
    expect((await lifted).status()).toBe(200);
    await table.locator('tbody tr', { hasText: '已解除' }).first().waitFor();
    expect(await row.innerText()).toContain('已履行判决义务');
    expect(await row.getByRole('button', { name: '信用修复' }).count()).toBe(0);
    await shot(admin, suite, '02-lifted');

    const { page: supervisor } = await newPage(browser, server);
    await signIn(supervisor, 'supervisor');
    await supervisor.getByRole('menuitem', { name: '信用记录' }).click();
    await supervisor.getByTestId('credit-marks').locator('tbody tr', { hasText: applicantId }).first().waitFor();
    expect(await supervisor.getByTestId('add-credit-mark').count()).toBe(0);
  });
});
