// The applicant's ID card photo on the case page: the server answers it no-store (personal data stays
// out of the window PC's disk cache) and records who looked, so the page must not ask again at every
// render. The tab fetches it once across 刷新 and visits, and the security log has one entry per
// session (server: PersonalDownloadLogTests for the hour).
import { createHash, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchBrowser, newPage, shot, signIn, startServer, type RunningServer, writeHeaders } from './harness';

const suite = 'id-photo';
// A 1×1 PNG: the card reader hands over a JPEG, but any picture the server accepts shows the same way.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
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

async function shown(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('case-id-photo').evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBe(1);
}

describe('身份证照片', () => {
  it('is fetched once per tab across refreshes and visits, and recorded once per session', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'clerk-comprehensive-1');
    const view = await apiAs<{ id: string }>(page, 'POST', '/api/cases', {
      itemId: 'teacher-qualification',
      applicant: { type: 'person', name: '孙志强', idNumber: '11010519491231002X', phone: '13900000000' },
      form: {
        schoolLevel: 'primary', subject: '语文', residenceType: 'household', education: 'bachelor', graduationSchool: '七台河师范学校',
        major: '汉语言文学', diplomaNumber: '123456789012345678', examCertificateNumber: 'NTCE2026000123', putonghuaLevel: 'second-a', physicalExamDate: '2026-10-20',
      },
      materials: ['application-form', 'id-card', 'diploma', 'exam-certificate', 'physical-exam', 'putonghua-certificate', 'no-criminal-record']
        .map((materialId) => ({ materialId, status: 'received' })),
      decision: { kind: 'accept' },
    });
    const upload = await page.request.post(`/api/cases/${view.id}/files?name=${encodeURIComponent('身份证照片.png')}`, {
      data: png, headers: { ...writeHeaders, 'Content-Type': 'image/png', 'Idempotency-Key': randomUUID() },
    });
    expect(upload.status(), await upload.text()).toBe(201);
    const photoPath = `/api/cases/${view.id}/files/${createHash('sha256').update(png).digest('hex')}`;
    let fetches = 0;
    page.on('request', (r) => { if (new URL(r.url()).pathname === photoPath) fetches += 1; });

    await page.goto(`/workbench/cases/${view.id}`);
    await shown(page);
    // 刷新 re-reads the case three times.
    const header = page.locator('.ant-card').filter({ has: page.getByTestId('case-number') });
    for (let i = 0; i < 3; i++) {
      const reread = page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === `/api/cases/${view.id}`);
      await header.getByRole('button', { name: /刷\s*新/ }).click();
      await reread;
    }
    // Away to the workbench and back through the app's own history (no page load).
    await page.evaluate(() => { window.history.pushState(null, '', '/workbench'); window.dispatchEvent(new PopStateEvent('popstate')); });
    await page.getByTestId('case-number').waitFor({ state: 'detached' });
    await page.goBack();
    await page.getByTestId('case-number').waitFor();
    await shown(page);
    await shot(page, suite, '01-case-with-photo');
    expect(fetches).toBe(1);

    const { context: adminContext, page: admin } = await newPage(browser, server);
    await signIn(admin, 'admin');
    const looks = async () => (await apiAs<{ events: { userName: string }[] }>(admin, 'GET',
      `/api/security/events?kind=personal-document-downloaded&target=${view.id}`)).events;
    expect(await looks()).toHaveLength(1);

    // The same clerk on another PC (another session): recorded again.
    const { context: otherContext, page: other } = await newPage(browser, server);
    await signIn(other, 'clerk-comprehensive-1');
    await other.goto(`/workbench/cases/${view.id}`);
    await shown(other);
    const after = await looks();
    expect(after).toHaveLength(2);
    expect(after.map((e) => e.userName)).toEqual(['clerk-comprehensive-1', 'clerk-comprehensive-1']);
    await Promise.all([context.close(), adminContext.close(), otherContext.close()]);
  });
});
