import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api, describeError } from '../api/client';
import { useUser } from '../auth/AuthContext';

interface CreditMark {
  id: string; kind: string; kindLabel: string; applicantId: string; applicantName?: string | null; reason: string; basis?: string | null;
  markedOn: string; validUntil?: string | null; caseId?: string | null; caseNumber?: string | null; addedBy?: string | null;
  liftedOn?: string | null; liftedBy?: string | null; liftReason?: string | null; active: boolean;
}
interface CreditMarkList { marks: CreditMark[]; page: number; pageSize: number; total: number }

/** What the applicant ID field accepts: 15 or 18 characters of an ID number, or an 18-character USCC (the server checks again). */
const applicantIdRule = { pattern: /^[0-9A-Za-z]{15}([0-9A-Za-z]{3})?$/, message: '应为 15 或 18 位身份证号码或 18 位统一社会信用代码' };

function stateTag(m: CreditMark) {
  if (m.liftedOn) return <Tag>已解除</Tag>;
  return m.active ? <Tag color="red">有效</Tag> : <Tag color="default">已过期</Tag>;
}

/**
 * 信用记录 (/admin/credit): false pledges found by 告知承诺核查 and 失信 marks entered from credit lists, by
 * applicant; an active mark refuses 容缺 and 告知承诺 at intake. Admins add a 失信 mark and lift a mark
 * (信用修复, the row stays); supervisors read. Every change is in the 安全日志.
 */
export default function CreditMarksPage() {
  const me = useUser();
  const isAdmin = me.roles.includes('admin');
  const { message } = App.useApp();
  const [applicantInput, setApplicantInput] = useState('');
  const [applicant, setApplicant] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [data, setData] = useState<CreditMarkList | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ReturnType<typeof describeError> | null>(null);
  const [adding, setAdding] = useState(false);
  const [lifting, setLifting] = useState<CreditMark | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
    if (applicant) query.set('applicantId', applicant);
    try {
      setData(await api.get<CreditMarkList>(`/api/credit-marks?${query}`));
      setError(null);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setLoading(false);
    }
  }, [applicant, page, pageSize]);
  useEffect(() => { void load(); }, [load]);

  return (
    <Card title="信用记录" extra={
      <Space>
        <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()}>刷新</Button>
        {isAdmin && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-credit-mark">新增失信记录</Button>}
      </Space>
    }>
      <Typography.Paragraph type="secondary">
        有效的虚假承诺或失信记录使申请人不适用容缺受理和告知承诺。失信记录由管理员依失信名单录入；信用修复后解除，记录保留。新增与解除均记入安全日志。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder="申请人证件号码或统一社会信用代码" allowClear style={{ width: 320 }} value={applicantInput} aria-label="申请人证件号码"
          onChange={(e) => setApplicantInput(e.target.value)} onSearch={(v) => { setApplicant(v.trim()); setPage(1); }} />
      </Space>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error.code ? `${error.title}（${error.code}）` : error.title} description={error.detail} />}
      <Table<CreditMark>
        data-testid="credit-marks"
        rowKey="id"
        loading={loading}
        dataSource={data?.marks ?? []}
        size="middle"
        pagination={{
          current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => `共 ${total} 条`, onChange: (p, s) => { setPage(s === pageSize ? p : 1); setPageSize(s); },
        }}
        columns={[
          { title: '类型', dataIndex: 'kindLabel', width: 90, render: (label: string, m) => <Tag color={m.kind === 'false-pledge' ? 'volcano' : 'magenta'}>{label}</Tag> },
          { title: '申请人', dataIndex: 'applicantName', render: (name: string | null | undefined, m) => <>{name ?? '—'}<br /><Typography.Text type="secondary">{m.applicantId}</Typography.Text></> },
          { title: '事由', dataIndex: 'reason' },
          { title: '来源依据', dataIndex: 'basis', render: (v: string | null | undefined, m) => v ?? (m.caseNumber ? `告知承诺核查，办件 ${m.caseNumber}` : '—') },
          { title: '记录日期', dataIndex: 'markedOn', width: 110 },
          { title: '有效期至', dataIndex: 'validUntil', width: 110, render: (v?: string | null) => v ?? '长期' },
          {
            title: '状态', key: 'state', width: 200,
            render: (_: unknown, m) => <>{stateTag(m)}{m.liftedOn && <Typography.Text type="secondary" style={{ display: 'block' }}>{m.liftedOn} {m.liftedBy}：{m.liftReason}</Typography.Text>}</>,
          },
          ...(isAdmin ? [{
            title: '操作', key: 'actions', width: 110,
            render: (_: unknown, m: CreditMark) => !m.liftedOn && <Button size="small" onClick={() => setLifting(m)} data-testid={`lift-${m.id}`}>信用修复</Button>,
          }] : []),
        ]}
      />
      <AddMarkModal open={adding} onClose={() => setAdding(false)} onDone={async (mark) => {
        message.success(`已新增 ${mark.applicantName ?? mark.applicantId} 的失信记录`);
        setApplicantInput(mark.applicantId); setApplicant(mark.applicantId); setPage(1);
        await load();
      }} />
      <LiftMarkModal mark={lifting} onClose={() => setLifting(null)} onDone={async () => { message.success('已解除，记录保留'); await load(); }} />
    </Card>
  );
}

function AddMarkModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (mark: CreditMark) => Promise<void> }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields() as { applicantId: string; applicantName: string; reason: string; basis: string; validUntil?: Dayjs };
    setBusy(true); setError(null);
    try {
      const mark = await api.post<CreditMark>('/api/credit-marks', {
        applicantId: v.applicantId.trim(), applicantName: v.applicantName, reason: v.reason, basis: v.basis,
        validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : undefined,
      });
      form.resetFields();
      onClose();
      await onDone(mark);
    } catch (e) {
      const d = describeError(e);
      setError(d.detail ?? d.title);
    } finally { setBusy(false); }
  };
  return (
    <Modal open={open} title="新增失信记录" okText="新增" cancelText="取消" onOk={submit} confirmLoading={busy} onCancel={onClose} destroyOnHidden
      okButtonProps={{ 'data-testid': 'save-credit-mark' } as never}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="credit-mark-error" />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="applicantId" label="证件号码或统一社会信用代码" rules={[{ required: true, message: '请输入证件号码' }, applicantIdRule]}>
          <Input id="credit-applicant-id" />
        </Form.Item>
        <Form.Item name="applicantName" label="姓名或名称" rules={[{ required: true, message: '请输入姓名或名称' }]}><Input id="credit-applicant-name" /></Form.Item>
        <Form.Item name="reason" label="失信事由" rules={[{ required: true, message: '请输入失信事由' }]}><Input.TextArea id="credit-reason" rows={2} maxLength={500} /></Form.Item>
        <Form.Item name="basis" label="来源依据" extra="如：法院失信被执行人名单，(2026)黑0903执123号" rules={[{ required: true, message: '请输入来源依据' }]}>
          <Input id="credit-basis" maxLength={500} />
        </Form.Item>
        <Form.Item name="validUntil" label="有效期至" extra="留空为长期，直至信用修复"><DatePicker id="credit-valid-until" /></Form.Item>
      </Form>
    </Modal>
  );
}

function LiftMarkModal({ mark, onClose, onDone }: { mark: CreditMark | null; onClose: () => void; onDone: () => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!mark) return;
    if (!reason.trim()) { setError('请写明解除理由'); return; }
    setBusy(true); setError(null);
    try {
      await api.post(`/api/credit-marks/${encodeURIComponent(mark.id)}/lift`, { reason: reason.trim() });
      setReason('');
      onClose();
      await onDone();
    } catch (e) {
      const d = describeError(e);
      setError(d.detail ?? d.title);
    } finally { setBusy(false); }
  };
  return (
    <Modal open={mark !== null} title="信用修复：解除信用记录" okText="解除" cancelText="取消" onOk={submit} confirmLoading={busy}
      onCancel={() => { setReason(''); setError(null); onClose(); }} destroyOnHidden okButtonProps={{ 'data-testid': 'confirm-lift' } as never}>
      {mark && <Typography.Paragraph>{mark.applicantName ?? mark.applicantId}：{mark.kindLabel}，{mark.reason}</Typography.Paragraph>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Input.TextArea id="lift-reason" aria-label="解除理由" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)}
        placeholder="如：已履行生效法律文书确定的义务，已从失信被执行人名单删除" />
    </Modal>
  );
}
