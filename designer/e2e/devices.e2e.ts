// Issue 15: devices at the window through one bridge (docs/devices.md). The device agent simulator
// runs as a real process; the server tells the page where it is (WORKFLOWS_DEVICE_AGENT) and its CSP
// lets the page connect there. The ID card reader fills the applicant, the document camera's pages
// land in their materials (checked through the API: a real PDF and a real JPEG, attached before the
// acceptance), and a notice printed through a preset reaches the simulator's job folder with the
// preset's 套打 calibration. Then the agent stops and the clerk's screen says so and still works.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from './devices';
import { launchBrowser, newPage, shot, signIn, startServer, type RunningServer } from './harness';
import { decide, markRemaining, waitForChecklist } from './intake';

const suite = 'devices';
const card = {
  name: '李秀兰', sex: '女', nation: '汉', birthDate: '1949-12-31', idNumber: '11010519491231002X',
  address: '黑龙江省七台河市桃山区桃北街道学府街21号', authority: '七台河市公安局桃山分局', validFrom: '2016-03-01', validTo: '长期',
};
let simulator: RunningSimulator;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  simulator = await startSimulator(card);
  server = await startServer({ demoCases: false, env: { WORKFLOWS_DEVICE_AGENT: simulator.url } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await simulator?.stop();
});

interface Attachment { materialId?: string | null; fileName: string; contentType: string; sha256: string }
interface Job { printer: string; preset: string; kind: string; offsetMm: { x: number; y: number }; document: { caseId: string; documentId: string }; bytes: number }

/** The print jobs the simulator has saved so far (a job's JSON is written after its PDF). */
function jobs(): { name: string; job: Job }[] {
  if (!existsSync(simulator.jobsDir)) return [];
  return readdirSync(simulator.jobsDir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), job: JSON.parse(readFileSync(path.join(simulator.jobsDir, f), 'utf8')) as Job }));
}

describe('窗口设备：读卡器、高拍仪、打印预设', () => {
  it('fills the applicant from the ID card, uploads captured pages into their materials before 受理, and prints through a preset', async () => {
    const { context, page } = await newPage(browser, server);
    const home = await page.goto('/login');
    // The page may talk to exactly this agent.
    expect(home?.headers()['content-security-policy']).toContain(`connect-src 'self' ${simulator.url};`);
    await signIn(page, 'clerk-comprehensive-2');
    await page.waitForURL('**/workbench/intake');
    await page.getByTestId('item-search').fill('lnr');
    await page.getByTestId('item-senior-preferential-card').click();
    await page.getByTestId('intake-item').waitFor();
    await page.locator('[data-testid="device-status"][data-status="connected"]').waitFor();

    // 读取身份证: name and number into the applicant, address and the chip's photo beside them.
    await page.getByTestId('read-id-card').click();
    await expect.poll(() => page.locator('#applicant-id').inputValue()).toBe(card.idNumber);
    expect(await page.locator('#applicant-name').inputValue()).toBe(card.name);
    await page.getByText('校验通过').waitFor();
    expect(await page.getByTestId('id-card-address').innerText()).toBe(card.address);
    // The photo is a JPEG the browser decoded.
    await expect.poll(() => page.getByTestId('id-card-photo').evaluate((img: HTMLImageElement) => img.complete ? img.naturalWidth : 0)).toBeGreaterThan(0);
    await page.locator('#applicant-phone').fill('13945671234');

    await page.locator('#form-residenceType').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('桃山区户籍', { exact: true }).click();
    await page.locator('#form-contactPhone').fill('13945671234');
    await waitForChecklist(page);
    const materialIds = await page.getByTestId('checklist').locator('tbody tr[data-row-key]').evaluateAll(
      (rows) => rows.map((r) => r.getAttribute('data-row-key')!));
    expect(materialIds.length).toBeGreaterThanOrEqual(2);
    const [asPdf, asJpeg] = materialIds;

    // 高拍仪拍摄: the first material as PDF, the second as JPEG.
    await page.getByTestId('capture-format').getByText('PDF', { exact: true }).click();
    await page.getByTestId(`capture-${asPdf}`).click();
    await page.getByTestId(`captured-${asPdf}`).getByText(/\.pdf（1 页）/).waitFor();
    await page.getByTestId('capture-format').getByText('JPEG', { exact: true }).click();
    await page.getByTestId(`capture-${asJpeg}`).click();
    await page.getByTestId(`captured-${asJpeg}`).getByText(/\.jpg（1 页）/).waitFor();
    await shot(page, suite, '01-card-read-and-pages-captured');

    await markRemaining(page);
    await waitForChecklist(page);
    await decide(page, 'accept');
    await page.getByTestId('case-number').waitFor({ timeout: 90_000 });
    const number = (await page.getByTestId('case-number').innerText()).trim();

    // Through the API: the applicant as read, each scan a file of its material, real PDF and JPEG bytes.
    const found = await (await page.request.get(`/api/cases?number=${encodeURIComponent(number)}`)).json() as { items: { id: string }[] };
    const caseId = found.items[0].id;
    const view = await (await page.request.get(`/api/cases/${caseId}`)).json() as { case: { applicant: { name: string; idNumber: string; address?: string }; attachments: Attachment[]; status: string } };
    // The card's 住址 is kept in the applicant record, its photo as a file of the case (of no material).
    expect(view.case.applicant).toMatchObject({ name: card.name, idNumber: card.idNumber, address: card.address });
    const photo = view.case.attachments.find((a) => !a.materialId && a.fileName.startsWith('身份证照片'));
    expect(photo?.contentType).toBe('image/jpeg');
    const photoBytes = await (await page.request.get(`/api/cases/${caseId}/files/${photo!.sha256}`)).body();
    expect([...photoBytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(createHash('sha256').update(photoBytes).digest('hex')).toBe(photo!.sha256);
    const pdf = view.case.attachments.find((a) => a.materialId === asPdf);
    const jpeg = view.case.attachments.find((a) => a.materialId === asJpeg);
    expect(pdf?.contentType).toBe('application/pdf');
    expect(jpeg?.contentType).toBe('image/jpeg');
    const pdfBytes = await (await page.request.get(`/api/cases/${caseId}/files/${pdf!.sha256}`)).body();
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = spawnSync('pdftotext', ['-', '-'], { input: pdfBytes }).stdout.toString();
    expect(text).toContain('Workflows device simulator scan - page 1 of 1');
    const jpegBytes = await (await page.request.get(`/api/cases/${caseId}/files/${jpeg!.sha256}`)).body();
    expect([...jpegBytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(createHash('sha256').update(jpegBytes).digest('hex')).toBe(jpeg!.sha256);
    // Attached before the acceptance decision.
    const timeline = await (await page.request.get(`/api/cases/${caseId}/timeline`)).json() as { events: { type: string }[] };
    const types = timeline.events.map((e) => e.type);
    const lastFile = types.lastIndexOf('file-attached');
    const accepted = types.indexOf('case-accepted');
    expect(lastFile, types.join(', ')).toBeGreaterThan(-1);
    expect(accepted, types.join(', ')).toBeGreaterThan(lastFile);

    // 设备打印: the notice goes to the notice printer preset by default.
    await page.getByTestId('document-frame').waitFor();
    await page.getByTestId('print-preset').getByText('通知书打印机').waitFor();
    await page.getByTestId('device-print-button').click();
    await page.locator('.ant-message').getByText(/已发送到通知书打印机/).waitFor();
    await expect.poll(() => jobs().length).toBe(1);
    const notice = jobs()[0];
    expect(notice.job).toMatchObject({ printer: '通知书打印机', preset: 'notice', kind: 'notice', offsetMm: { x: 0, y: 0 } });
    expect(notice.job.document).toMatchObject({ caseId });
    const served = await (await page.request.get(`/api/cases/${caseId}/documents/${notice.job.document.documentId}`)).body();
    const printed = readFileSync(path.join(simulator.jobsDir, `${notice.name}.pdf`));
    expect(createHash('sha256').update(printed).digest('hex')).toBe(createHash('sha256').update(served).digest('hex'));

    // The certificate printer preset with its 套打 calibration, set in the UI.
    await page.getByTestId('print-preset').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('证照打印机（套打）', { exact: true }).click();
    const offsetX = page.locator('[data-testid="offset-x"] input, input[data-testid="offset-x"]').first();
    const offsetY = page.locator('[data-testid="offset-y"] input, input[data-testid="offset-y"]').first();
    await offsetX.fill('1.5');
    await offsetY.fill('-2');
    await offsetY.press('Tab');
    await shot(page, suite, '02-print-preset');
    await page.getByTestId('device-print-button').click();
    await page.locator('.ant-message').getByText(/已发送到证照打印机/).waitFor();
    await expect.poll(() => jobs().length).toBe(2);
    expect(jobs()[1].job).toMatchObject({ printer: '证照打印机', preset: 'certificate', kind: 'certificate', offsetMm: { x: 1.5, y: -2 } });

    // The case view shows the address and the photo (decoded by the browser) beside the applicant.
    await page.goto(`/workbench/cases/${caseId}`);
    await page.getByTestId('case-applicant-address').getByText(card.address).waitFor();
    await expect.poll(() => page.getByTestId('case-id-photo').evaluate((img: HTMLImageElement) => img.complete ? img.naturalWidth : 0)).toBeGreaterThan(0);
    await shot(page, suite, '03-case-view-card');
    await context.close();
  });

  it('tells the clerk when no agent answers, and intake goes on by keyboard', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'clerk-comprehensive-2');
    await page.waitForURL('**/workbench/intake');
    await page.getByTestId('item-search').fill('lnr');
    await page.getByTestId('item-senior-preferential-card').click();
    await page.locator('[data-testid="device-status"][data-status="connected"]').waitFor();
    await simulator.stop();
    await page.locator('[data-testid="device-status"][data-status="offline"]').waitFor();
    await page.getByTestId('device-offline-hint').getByText('未连接本机设备，可直接键盘录入').waitFor();
    expect(await page.getByTestId('read-id-card').isDisabled()).toBe(true);
    await page.locator('#applicant-name').click();
    await page.keyboard.type(card.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(card.idNumber);
    await page.getByText('校验通过').waitFor();
    await waitForChecklist(page);
    const first = await page.getByTestId('checklist').locator('tbody tr[data-row-key]').first().getAttribute('data-row-key');
    expect(await page.getByTestId(`capture-${first}`).isDisabled()).toBe(true);
    await shot(page, suite, '03-no-agent');
    await context.close();
  });
});
