import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, showError } from '../api/client';
import { formatDateTime } from '../common/format';
import { personName, usePeople } from '../workbench/common/usePeople';
import type { components } from '../api/schema';

type Device = components['schemas']['KioskDeviceView'];
/** A one-time pairing code just issued (shown once). */
type Issued = components['schemas']['KioskPairingCode'];

const statusTags: Record<Device['status'], React.ReactNode> = {
  waiting: <Tag color="gold">待配对</Tag>, paired: <Tag color="green">已配对</Tag>, revoked: <Tag>已解除</Tag>,
};

/**
 * 评价器管理: the admin pairs a rating tablet with a window (a one-time code to type on the tablet at
 * /kiosk, and the device PIN that leaving kiosk mode needs), lists the tablets and unpairs them.
 */
export default function KioskDevicesPage() {
  const { message, modal } = App.useApp();
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [pinLength, setPinLength] = useState(6);
  const [windows, setWindows] = useState<{ id: string; name: string }[]>([]);
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [pinFor, setPinFor] = useState<Device | null>(null);
  const load = useCallback(() => api.get<components['schemas']['KioskDeviceList']>('/api/kiosk/devices')
    .then((r) => { setDevices(r.devices); setPinLength(r.pinLength); }).catch((e) => showError(e, '评价器列表')), []);
  useEffect(() => {
    void load();
    api.get<components['schemas']['AccountList']>('/api/admin/users').then((r) => setWindows(r.windows), (e) => showError(e, '窗口列表'));
  }, [load]);

  const newCode = async (d: Device) => {
    try { setIssued(await api.post<Issued>(`/api/kiosk/devices/${d.id}/pairing-code`)); await load(); } catch (e) { showError(e, '配对码'); }
  };
  const revoke = (d: Device) => modal.confirm({
    title: `解除 ${d.name} 的配对？`, content: '该平板立即退出评价模式，需重新配对才能使用。', okText: '解除配对', okButtonProps: { danger: true },
    onOk: async () => {
      try { await api.post(`/api/kiosk/devices/${d.id}/revoke`); message.success(`已解除 ${d.name}`); await load(); } catch (e) { showError(e, '解除配对'); }
    },
  });
  const windowName = (id: string) => windows.find((w) => w.id === id)?.name ?? id;
  const people = usePeople();

  return (
    <Card title="评价器管理" extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>配对新评价器</Button>}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="评价器（好差评平板）以设备身份运行，不使用工作人员账号"
        description="新建后在平板浏览器打开本系统的 /kiosk 页面，输入一次性配对码。平板只能显示所属窗口当前办件（该窗口人员最近办结或推送的办件）的评价；退出评价模式需要设备 PIN。" />
      <Table<Device> rowKey="id" loading={!devices} dataSource={devices ?? []} pagination={false} data-testid="kiosk-devices"
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '窗口', dataIndex: 'window', render: windowName },
          { title: '状态', dataIndex: 'status', render: (s: Device['status']) => statusTags[s] },
          { title: '配对时间', dataIndex: 'pairedAt', render: (v?: string | null) => (v ? formatDateTime(v) : '—') },
          { title: '新建', key: 'created', render: (_, d) => `${personName(people, d.createdBy)} · ${formatDateTime(d.createdAt)}` },
          {
            title: '操作', key: 'actions', render: (_, d) => d.status === 'revoked' ? <Typography.Text type="secondary">{personName(people, d.revokedBy)} 于 {formatDateTime(d.revokedAt!)} 解除</Typography.Text> : (
              <Space>
                <Button size="small" onClick={() => void newCode(d)}>新配对码</Button>
                <Button size="small" onClick={() => setPinFor(d)}>设置 PIN</Button>
                <Button size="small" danger onClick={() => revoke(d)}>解除配对</Button>
              </Space>
            ),
          },
        ]} />
      <CreateDialog open={creating} windows={windows} pinLength={pinLength} onClose={() => setCreating(false)}
        onCreated={(i) => { setCreating(false); setIssued(i); void load(); }} />
      <PinDialog device={pinFor} pinLength={pinLength} onClose={() => setPinFor(null)} />
      <Modal open={!!issued} title="一次性配对码" footer={<Button type="primary" onClick={() => setIssued(null)}>完成</Button>} onCancel={() => setIssued(null)}>
        {issued && (
          <>
            <p>在 {issued.device.name}（{windowName(issued.device.window)}）的浏览器中打开 <Typography.Text code>/kiosk</Typography.Text>，输入：</p>
            <Typography.Title level={2} copyable data-testid="pairing-code" style={{ letterSpacing: 6 }}>{issued.pairingCode}</Typography.Title>
            <p>有效至 {formatDateTime(issued.expiresAt)}，只能使用一次。</p>
          </>
        )}
      </Modal>
    </Card>
  );
}

function pinRules(pinLength: number) {
  return [{ required: true, pattern: new RegExp(`^[0-9]{${pinLength},12}$`), message: `PIN 为 ${pinLength}–12 位数字` }];
}

function CreateDialog({ open, windows, pinLength, onClose, onCreated }: {
  open: boolean; windows: { id: string; name: string }[]; pinLength: number; onClose: () => void; onCreated: (i: Issued) => void;
}) {
  const [form] = Form.useForm<{ name: string; window: string; pin: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try { onCreated(await api.post<Issued>('/api/kiosk/devices', values)); form.resetFields(); } catch (e) { showError(e, '配对评价器'); } finally { setSaving(false); }
  };
  return (
    <Modal open={open} title="配对新评价器" okText="生成配对码" onOk={() => void submit()} onCancel={onClose} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}><Input placeholder="如：3 号窗口评价器" /></Form.Item>
        <Form.Item name="window" label="窗口" rules={[{ required: true, message: '请选择窗口' }]}>
          <Select options={windows.map((w) => ({ value: w.id, label: w.name }))} aria-label="窗口" />
        </Form.Item>
        <Form.Item name="pin" label="设备 PIN（退出评价模式时需要）" rules={pinRules(pinLength)}><Input.Password inputMode="numeric" /></Form.Item>
      </Form>
    </Modal>
  );
}

function PinDialog({ device, pinLength, onClose }: { device: Device | null; pinLength: number; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ pin: string }>();
  const submit = async () => {
    const { pin } = await form.validateFields();
    try { await api.post(`/api/kiosk/devices/${device!.id}/pin`, { pin }); message.success('PIN 已更新'); form.resetFields(); onClose(); } catch (e) { showError(e, '设置 PIN'); }
  };
  return (
    <Modal open={!!device} title={`设置 ${device?.name ?? ''} 的 PIN`} okText="保存" onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="pin" label="新 PIN" rules={pinRules(pinLength)}><Input.Password inputMode="numeric" /></Form.Item>
      </Form>
    </Modal>
  );
}
