import { CheckCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Form, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { describeError } from '../../api/client';
import { workbenchApi } from '../api';
import { rectificationLabels } from '../supervision/stats';
import type { Rectification, RectificationStatus } from '../supervision/types';

const statusColors: Record<RectificationStatus, string> = { open: 'gold', overdue: 'red', completed: 'green' };

export function RectificationStatusTag({ r }: { r: Pick<Rectification, 'status' | 'remainingWorkingDays' | 'onTime'> }) {
  const extra = r.status === 'open' && r.remainingWorkingDays !== null && r.remainingWorkingDays !== undefined ? `，剩 ${r.remainingWorkingDays} 个工作日`
    : r.status === 'completed' && r.onTime === false ? '（逾期完成）' : '';
  return <Tag color={statusColors[r.status]}>{rectificationLabels[r.status]}{extra}</Tag>;
}

/** 差评整改: bad ratings with their deadlines; the department's head records what was done. */
export function RectificationList() {
  const [state, setState] = useState<'open' | 'completed' | 'all'>('open');
  const [rows, setRows] = useState<Rectification[] | null>(null);
  const [error, setError] = useState<ReturnType<typeof describeError> | null>(null);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<Rectification | null>(null);
  const [saveError, setSaveError] = useState<ReturnType<typeof describeError> | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ measures: string }>();
  const { message } = App.useApp();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRows((await workbenchApi.rectifications(state)).rectifications);
      setError(null);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setLoading(false);
    }
  }, [state]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = async () => {
    if (!editing) return;
    const { measures } = await form.validateFields();
    setSaving(true);
    setSaveError(null);
    try {
      await workbenchApi.command(editing.caseId, 'rectify', { measures: measures.trim() });
      message.success(`${editing.number} 整改情况已记录`);
      setEditing(null);
      void load();
    } catch (e) {
      setSaveError(describeError(e));
    } finally {
      setSaving(false);
    }
  };

  const columns: ColumnsType<Rectification> = [
    { title: '办件编号', key: 'number', width: 170, render: (_, r) => <Link to={`/workbench/cases/${r.caseId}`}>{r.number}</Link> },
    { title: '事项', dataIndex: 'itemName', render: (v, r) => v ?? r.itemId },
    { title: '责任部门', key: 'department', render: (_, r) => <span title={r.departmentName ?? undefined}>{r.departmentShortName ?? r.departmentName ?? r.department}</span> },
    { title: '评价', key: 'level', render: (_, r) => <Tag color="red">{r.levelLabel}</Tag> },
    { title: '评价意见', dataIndex: 'comment', render: (v) => v || <Typography.Text type="secondary">（未填写）</Typography.Text> },
    { title: '整改期限', dataIndex: 'due', width: 120, render: (v) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    { title: '状态', key: 'status', render: (_, r) => <RectificationStatusTag r={r} /> },
    { title: '整改情况', dataIndex: 'measures', render: (v) => v ?? '—' },
    {
      title: '操作', key: 'actions', width: 120,
      render: (_, r) => r.mayRectify
        ? <Button type="primary" size="small" icon={<CheckCircleOutlined />} onClick={() => { form.resetFields(); setSaveError(null); setEditing(r); }}>记录整改</Button>
        : null,
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Segmented<'open' | 'completed' | 'all'> value={state} onChange={setState}
          options={[{ label: '待整改', value: 'open' }, { label: '已整改', value: 'completed' }, { label: '全部', value: 'all' }]} />
        <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>刷新</Button>
      </Space>
      {error && <Alert type="error" showIcon title={error.code ? `${error.title}（${error.code}）` : error.title} description={error.detail} style={{ marginBottom: 12 }} />}
      <Table<Rectification> rowKey="caseId" columns={columns} dataSource={rows ?? []} loading={loading && !rows} data-testid="rectifications"
        pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: <Empty description={state === 'open' ? '没有待整改的差评' : '没有记录'} /> }} />
      <Modal open={!!editing} title={editing ? `记录整改：${editing.number}` : ''} onCancel={() => setEditing(null)} onOk={() => void save()}
        okText="提交整改情况" confirmLoading={saving} destroyOnHidden>
        {editing && (
          <>
            <p>
              {editing.applicantName} 评价「{editing.levelLabel}」{editing.comment ? `：${editing.comment}` : ''}
              <br />整改期限 {editing.due}
            </p>
            <Form form={form} layout="vertical">
              <Form.Item name="measures" label="整改情况（原因分析、整改措施、回访结果）" rules={[{ required: true, whitespace: true, message: '请填写整改情况' }]}>
                <Input.TextArea rows={4} maxLength={1000} showCount />
              </Form.Item>
            </Form>
            {saveError && <Alert type="error" showIcon title={saveError.code ? `${saveError.title}（${saveError.code}）` : saveError.title} description={saveError.detail} />}
          </>
        )}
      </Modal>
    </>
  );
}
