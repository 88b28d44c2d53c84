import { CopyOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { showError } from '../../api/client';
import { designerApi } from '../api/designerApi';
import type { CatalogRow } from '../model/types';
import { useDesigner } from '../shared/DesignerContext';

const fileLabels: Record<string, string> = { guide: '指南', materials: '材料', form: '申请表', workflow: '流程' };

/** 事项目录: every item of the work tree the user may see, drafts and retired ones too. */
export function CatalogPage() {
  const d = useDesigner();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [department, setDepartment] = useState<string | undefined>();
  const [type, setType] = useState<string | undefined>();
  const [status, setStatus] = useState<'active' | 'retired' | 'all'>('all');
  const [rows, setRows] = useState<CatalogRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [duplicating, setDuplicating] = useState<CatalogRow | null>(null);
  const [retiring, setRetiring] = useState<CatalogRow | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const answer = await designerApi.catalog({ q, department, type, retired: status === 'all' ? undefined : status === 'retired' });
      setRows(answer.items);
    } catch (e) {
      showError(e, '加载事项目录失败');
    } finally {
      setLoading(false);
    }
  }, [q, department, type, status]);

  useEffect(() => {
    const timer = setTimeout(load, 200);
    return () => clearTimeout(timer);
  }, [load]);

  const reinstate = async (row: CatalogRow) => {
    try {
      await designerApi.reinstate(row.id);
      await load();
    } catch (e) {
      showError(e, '恢复失败');
    }
  };

  return (
    <div data-testid="catalog">
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Input.Search allowClear placeholder="按名称、编码或标识搜索" style={{ width: 260 }} value={q} onChange={(e) => setQ(e.target.value)} aria-label="搜索事项" />
          {d.isAdmin && (
            <Select allowClear placeholder="实施部门" style={{ width: 200 }} value={department} onChange={setDepartment} aria-label="部门"
              options={d.reference.departments.map((x) => ({ value: x.id, label: x.name }))} />
          )}
          <Select allowClear placeholder="事项类型" style={{ width: 150 }} value={type} onChange={setType} aria-label="事项类型" options={d.enumOptions('item-type')} />
          <Select style={{ width: 120 }} value={status} onChange={setStatus} aria-label="状态"
            options={[{ value: 'all', label: '全部状态' }, { value: 'active', label: '在用' }, { value: 'retired', label: '已停用' }]} />
        </Space>
        {d.isAdmin && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建事项</Button>}
      </Space>
      <Table<CatalogRow>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: '事项名称', dataIndex: 'name', render: (name, row) => (
              <Space direction="vertical" size={0}>
                <Link to={`/designer/items/${row.id}`}>{name}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.id}</Typography.Text>
              </Space>
            ),
          },
          { title: '基本编码', dataIndex: 'base-code', width: 140 },
          { title: '实施部门', dataIndex: 'department-name', width: 200 },
          { title: '类型', dataIndex: 'type-label', width: 110 },
          {
            title: '状态', width: 170, render: (_, row) => (
              <Space size={4} wrap>
                {row.retired ? <Tag color="red">已停用</Tag> : <Tag color="green">在用</Tag>}
                {row.pending && <Tag color="orange">有待发布修改</Tag>}
              </Space>
            ),
          },
          { title: '可编辑', width: 170, render: (_, row) => row.editable.map((f) => fileLabels[f] ?? f).join('、') || '只读' },
          {
            title: '操作', width: 220, render: (_, row) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => navigate(`/designer/items/${row.id}`)}>编辑</Button>
                {d.isAdmin && <Tooltip title="复制为新事项"><Button size="small" icon={<CopyOutlined />} onClick={() => setDuplicating(row)} aria-label={`复制 ${row.name}`} /></Tooltip>}
                {row.editable.includes('guide') && (row.retired
                  ? <Button size="small" icon={<UndoOutlined />} onClick={() => reinstate(row)}>恢复</Button>
                  : <Button size="small" danger icon={<StopOutlined />} onClick={() => setRetiring(row)}>停用</Button>)}
              </Space>
            ),
          },
        ]}
      />
      {creating && <CreateItemModal onClose={() => setCreating(false)} onCreated={(id) => navigate(`/designer/items/${id}`)} />}
      {duplicating && <DuplicateModal row={duplicating} onClose={() => setDuplicating(null)} onDone={(id) => navigate(`/designer/items/${id}`)} />}
      {retiring && <RetireModal row={retiring} onClose={() => setRetiring(null)} onDone={() => { setRetiring(null); void load(); }} />}
    </div>
  );
}

function CreateItemModal({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const d = useDesigner();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const type = Form.useWatch('type', form) as string | undefined;
  const starter = d.reference.starters.find((s) => s.type === type);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const created = await designerApi.create(values);
      onCreated(created.id);
    } catch (e) {
      showError(e, '新建失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="从起始模板新建事项" okText="创建" cancelText="取消" onOk={submit} confirmLoading={busy} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ type: 'licensing' }}>
        <Form.Item name="name" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}><Input placeholder="如 民办培训机构设立" /></Form.Item>
        <Form.Item name="id" label="事项标识（英文，小写字母、数字和 -）" rules={[{ required: true, pattern: /^[a-z][a-z0-9-]*$/, message: '小写字母开头，仅含小写字母、数字和 -' }]}>
          <Input placeholder="如 private-training-school" />
        </Form.Item>
        <Form.Item name="department" label="实施部门" rules={[{ required: true, message: '请选择实施部门' }]}>
          <Select options={d.reference.departments.map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
        <Form.Item name="type" label="事项类型（决定起始流程）"><Select options={d.reference.starters.map((s) => ({ value: s.type, label: s.label }))} /></Form.Item>
        {starter && (
          <Typography.Paragraph type="secondary">
            起始流程：{(starter.steps as string[]).join(' → ')}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}

function DuplicateModal({ row, onClose, onDone }: { row: CatalogRow; onClose(): void; onDone(id: string): void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const created = await designerApi.duplicate(row.id, values);
      onDone(created.id);
    } catch (e) {
      showError(e, '复制失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`复制事项：${row.name}`} okText="复制" cancelText="取消" onOk={submit} confirmLoading={busy} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ id: `${row.id}-copy`, name: `${row.name}（副本）` }}>
        <Form.Item name="id" label="新事项标识" rules={[{ required: true, pattern: /^[a-z][a-z0-9-]*$/, message: '小写字母开头，仅含小写字母、数字和 -' }]}><Input /></Form.Item>
        <Form.Item name="name" label="新事项名称"><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

function RetireModal({ row, onClose, onDone }: { row: CatalogRow; onClose(): void; onDone(): void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await designerApi.retire(row.id, note);
      onDone();
    } catch (e) {
      showError(e, '停用失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`停用事项：${row.name}`} okText="停用" okButtonProps={{ danger: true, disabled: !note.trim() }} cancelText="取消" onOk={submit} confirmLoading={busy} onCancel={onClose}>
      <Typography.Paragraph>停用后该事项不再受理新的申请，已受理的办件照常办理。发布后生效。</Typography.Paragraph>
      <Input.TextArea rows={3} placeholder="停用原因（必填），如：该事项已取消，由市级统一办理" value={note} onChange={(e) => setNote(e.target.value)} aria-label="停用原因" />
    </Modal>
  );
}
