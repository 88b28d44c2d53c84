import { beforeEach, describe, expect, it } from 'vitest';
import { agent, base64Of, blobOf, calibrationOf, DeviceError, saveCalibration, type PrinterPreset } from './agent';

const certificate: PrinterPreset = { id: 'certificate', name: '证照打印机（套打）', kind: 'certificate', printer: '证照打印机', offsetX: 0.5, offsetY: -1 };

describe('device bridge helpers', () => {
  beforeEach(() => localStorage.clear());

  it('starts from the office calibration and then keeps what the clerk set on this PC', () => {
    expect(calibrationOf(certificate)).toEqual({ x: 0.5, y: -1 });
    saveCalibration(certificate, { x: 1.5, y: -2 });
    expect(calibrationOf(certificate)).toEqual({ x: 1.5, y: -2 });
    expect(calibrationOf({ ...certificate, id: 'other' })).toEqual({ x: 0.5, y: -1 });
  });

  it('ignores a damaged saved calibration', () => {
    localStorage.setItem('wf.printer.certificate', '{"x":"left"}');
    expect(calibrationOf(certificate)).toEqual({ x: 0.5, y: -1 });
  });

  it('turns base64 into bytes and back without loss (a print job carries the PDF as base64)', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const text = await base64Of(new Blob([bytes]));
    const back = new Uint8Array(await blobOf(text, 'application/pdf').arrayBuffer());
    expect(back).toEqual(bytes);
  });

  it('refuses a device call with DEV000 while no agent is connected', async () => {
    await expect(agent.call('idcard.read')).rejects.toBeInstanceOf(DeviceError);
    await expect(agent.call('idcard.read')).rejects.toMatchObject({ code: 'DEV000' });
  });
});
