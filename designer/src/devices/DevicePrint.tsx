import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, InputNumber, Select, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { base64Of, calibrationOf, DeviceError, saveCalibration, type PrinterPreset } from './agent';
import { useDeviceAgent } from './useDeviceAgent';

/**
 * 设备打印: the document's PDF sent through the agent to a preset printer, with the preset's 套打
 * calibration (millimetres, adjustable here and remembered on this PC). Without an agent it stays
 * disabled and the browser's own 打印 remains.
 */
export function DevicePrint({ url, title, kind, document }: { url: string; title: string; kind: 'notice' | 'certificate'; document: Record<string, unknown> }) {
  const agent = useDeviceAgent();
  const { message } = App.useApp();
  const presets = agent.config?.printers ?? [];
  const [presetId, setPresetId] = useState<string | null>(null);
  const preset: PrinterPreset | undefined = presets.find((p) => p.id === presetId) ?? presets.find((p) => p.kind === kind) ?? presets[0];
  const [offset, setOffset] = useState<{ x: number; y: number }>({ x: 0, y: 0 });
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (preset) setOffset(calibrationOf(preset)); }, [preset]);
  useEffect(() => { void agent.loadConfig(); }, [agent]);

  const connected = agent.status === 'connected';
  const print = async () => {
    if (!preset) return;
    setBusy(true);
    try {
      const response = await fetch(url, { credentials: 'include' });
      if (!response.ok) throw new Error(`读取文书失败（HTTP ${response.status}）`);
      const base64 = await base64Of(await response.blob());
      saveCalibration(preset, offset);
      const answer = await agent.call<{ job: string }>('print', {
        printer: preset.printer, preset: preset.id, kind: preset.kind, copies: 1, offsetMm: offset, document: { title, ...document }, contentType: 'application/pdf', base64,
      });
      message.success(`已发送到${preset.name}（任务 ${answer.job}）`);
    } catch (e) {
      message.error(e instanceof DeviceError ? `设备打印失败：${e.message}（${e.code}）` : `设备打印失败：${(e as Error).message}`);
    } finally { setBusy(false); }
  };

  if (presets.length === 0) return null;
  return (
    <Space size={4} data-testid="device-print">
      <Select size="middle" style={{ width: 170 }} value={preset?.id} onChange={setPresetId} data-testid="print-preset"
        options={presets.map((p) => ({ value: p.id, label: p.name }))} />
      {preset?.kind === 'certificate' && (
        <Tooltip title="套打校准（毫米）：水平正数向右，垂直正数向下；按本机打印机调整后会记住">
          <Space size={2}>
            <InputNumber size="middle" style={{ width: 84 }} step={0.5} min={-50} max={50} value={offset.x} prefix="X" data-testid="offset-x"
              onChange={(v) => setOffset((o) => ({ ...o, x: typeof v === 'number' ? v : 0 }))} />
            <InputNumber size="middle" style={{ width: 84 }} step={0.5} min={-50} max={50} value={offset.y} prefix="Y" data-testid="offset-y"
              onChange={(v) => setOffset((o) => ({ ...o, y: typeof v === 'number' ? v : 0 }))} />
          </Space>
        </Tooltip>
      )}
      <Tooltip title={connected ? undefined : '未连接本机设备代理，可使用浏览器打印'}>
        <Button icon={<PrinterOutlined />} disabled={!connected || !preset} loading={busy} onClick={print} data-testid="device-print-button">设备打印</Button>
      </Tooltip>
    </Space>
  );
}
