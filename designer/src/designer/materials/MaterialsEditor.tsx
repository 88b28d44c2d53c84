import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { completionFields, type CompletionContext } from '../conditions/completion';
import { describeCondition } from '../conditions/describe';
import type { DesignerFile, DesignerItem, Material } from '../model/types';
import { ConditionEditor } from '../monaco/lazy';
import { ConflictModal } from '../shared/ConflictModal';
import { useDesigner } from '../shared/DesignerContext';
import { DiagnosticsList, diagnosticsFor } from '../shared/Diagnostics';
import { EditorToolbar } from '../shared/EditorToolbar';
import { useFileEditor } from '../shared/useFileEditor';
import { ChecklistPreview } from './ChecklistPreview';
import { addMaterial, moveMaterial, removeMaterial, renameMaterial, setMaterial } from './commands';

/** 申请材料: the checklist as a table (drag to reorder), details and condition per row, live preview. */
export function MaterialsEditor({ item, file, onSaved }: { item: DesignerItem; file: DesignerFile<Material[]>; onSaved(): void }) {
  const d = useDesigner();
  const editor = useFileEditor<Material[]>(item.id, 'materials', file, (m) => m, onSaved);
  const materials = editor.model;
  const readOnly = !editor.editable;
  const [expanded, setExpanded] = useState<string[]>([]);
  const dragFrom = useRef<number | null>(null);

  const completion: CompletionContext = useMemo(() => ({
    script: d.reference.script,
    fields: completionFields(item),
    materials: materials.map((m) => ({ id: m.id, name: m.name })),
  }), [d.reference.script, item, materials]);

  const set = (m: Material, patch: Partial<Material>) => editor.execute(setMaterial(m.id, patch, m.name));
  const select = (name: string, m: Material, key: keyof Material, width = 120) => (
    <span data-testid={`select-${m.id}-${key}`}><Select size="small" style={{ width }} value={m[key] as string} disabled={readOnly} aria-label={`${m.name} ${name}`}
      options={d.enumOptions(name)} onChange={(v) => set(m, { [key]: v } as Partial<Material>)} /></span>
  );

  const add = () => {
    const command = addMaterial();
    editor.execute(command);
    const added = editor.stack.state[editor.stack.state.length - 1];
    setExpanded((e) => [...e, added.id]);
  };

  return (
    <div data-testid="materials-editor">
      <EditorToolbar editor={editor} extra={!readOnly && <Button icon={<PlusOutlined />} onClick={add}>添加材料</Button>} />
      <DiagnosticsList diagnostics={editor.diagnostics} />
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Table<Material>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={materials}
            expandable={{
              expandedRowKeys: expanded,
              onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
              expandedRowRender: (m) => <MaterialDetails material={m} readOnly={readOnly} completion={completion}
                error={diagnosticsFor(editor.diagnostics, 'material', m.id).map((x) => x.message).join('；')}
                onChange={(patch) => set(m, patch)} onRename={(to) => {
                  editor.execute(renameMaterial(m.id, to));
                  if (editor.stack.state.some((x) => x.id === to)) setExpanded((keys) => keys.map((k) => (k === m.id ? to : k)));
                }} />,
            }}
            onRow={(m, index) => ({
              draggable: !readOnly,
              'data-testid': `material-row-${m.id}`,
              onDragStart: () => { dragFrom.current = index ?? null; },
              onDragOver: (e: React.DragEvent) => e.preventDefault(),
              onDrop: () => {
                if (dragFrom.current !== null && index !== undefined) editor.execute(moveMaterial(dragFrom.current, index));
                dragFrom.current = null;
              },
              style: diagnosticsFor(editor.diagnostics, 'material', m.id).some((x) => x.severity === 'error') ? { background: '#fff1f0' } : undefined,
            }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'drag', width: 28, render: () => !readOnly && <HolderOutlined style={{ cursor: 'grab', color: '#999' }} aria-label="拖动排序" /> },
              {
                title: '材料名称', render: (_, m) => (
                  <Space direction="vertical" size={0} style={{ width: '100%' }}>
                    <Input size="small" value={m.name} disabled={readOnly} aria-label="材料名称" onChange={(e) => set(m, { name: e.target.value })} />
                    {/* In words for a department editor; the code is in the tooltip and in the row's condition editor (+). */}
                    {m.when && <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: `代码：${m.when}` }} data-testid={`material-condition-${m.id}`}>
                      条件：{describeCondition(m.when, completion) ?? m.when}</Typography.Text>}
                    {diagnosticsFor(editor.diagnostics, 'material', m.id).map((x, i) => (
                      <Typography.Text key={i} type={x.severity === 'error' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>{x.message}</Typography.Text>
                    ))}
                  </Space>
                ),
              },
              { title: '材料形式', width: 124, render: (_, m) => select('material-kind', m, 'kind', 116) },
              { title: '载体', width: 100, render: (_, m) => select('material-form', m, 'form', 92) },
              {
                title: '必要性', width: 116, render: (_, m) => (
                  <Space direction="vertical" size={2}>
                    {select('necessity', m, 'necessity', 100)}
                    {m.necessity === 'deferrable' && (
                      <Input size="small" style={{ width: 100 }} addonBefore="补交" value={m['deferral-limit']} disabled={readOnly}
                        aria-label={`${m.name} 容缺补交期限`} onChange={(e) => set(m, { 'deferral-limit': e.target.value })} />
                    )}
                  </Space>
                ),
              },
              { title: '来源', width: 132, render: (_, m) => select('material-source', m, 'source', 124) },
              {
                key: 'actions', width: 96, render: (_, m, index) => !readOnly && (
                  <Space size={0}>
                    <Tooltip title="上移"><Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => editor.execute(moveMaterial(index, index - 1))} /></Tooltip>
                    <Tooltip title="下移"><Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === materials.length - 1} onClick={() => editor.execute(moveMaterial(index, index + 1))} /></Tooltip>
                    <Tooltip title="删除"><Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除 ${m.name}`} onClick={() => editor.execute(removeMaterial(m.id, m.name))} /></Tooltip>
                  </Space>
                ),
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={7}>
          <ChecklistPreview item={item} materials={materials} />
        </Col>
      </Row>
      <ConflictModal editor={editor} />
    </div>
  );
}

function MaterialDetails({ material: m, readOnly, completion, error, onChange, onRename }: {
  material: Material; readOnly: boolean; completion: CompletionContext; error?: string; onChange(patch: Partial<Material>): void; onRename(to: string): void;
}) {
  const [id, setId] = useState(m.id);
  const text = (key: keyof Material, label: string, area = false) => (
    <Form.Item label={label} style={{ marginBottom: 8 }}>
      {area
        ? <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} value={(m[key] as string) ?? ''} disabled={readOnly} aria-label={label} onChange={(e) => onChange({ [key]: e.target.value } as Partial<Material>)} />
        : <Input value={(m[key] as string) ?? ''} disabled={readOnly} aria-label={label} onChange={(e) => onChange({ [key]: e.target.value } as Partial<Material>)} />}
    </Form.Item>
  );
  return (
    <Card size="small" style={{ background: '#fafafa' }} data-testid={`material-details-${m.id}`}>
      <Form layout="vertical" size="small">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label="材料标识" style={{ marginBottom: 8 }} help="小写英文、数字和 -，脚本中以 materials['标识'] 引用">
              <Input value={id} disabled={readOnly} aria-label="材料标识" onChange={(e) => setId(e.target.value)} onBlur={() => id !== m.id && onRename(id)} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="份数" style={{ marginBottom: 8 }}>
              <InputNumber min={0} value={m.copies} disabled={readOnly} aria-label="份数" onChange={(v) => onChange({ copies: v ?? undefined })} />
            </Form.Item>
          </Col>
          <Col span={4}>{text('paper-size', '纸张规格')}</Col>
          <Col span={4}>
            <Form.Item label="可告知承诺" style={{ marginBottom: 8 }}>
              <Switch checked={!!m.pledge} disabled={readOnly} aria-label="可告知承诺" onChange={(v) => onChange({ pledge: v })} />
            </Form.Item>
          </Col>
          <Col span={4}>{m.source === 'e-license' && text('license', '电子证照类型')}</Col>
        </Row>
        <Form.Item label="适用条件（留空：对所有申请人适用）" style={{ marginBottom: 8 }}>
          <ConditionEditor value={m.when ?? ''} readOnly={readOnly} context={completion} error={error || undefined} onChange={(v) => onChange({ when: v.trim() })} ariaLabel={`${m.name} 适用条件`} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>{text('standard', '受理标准', true)}</Col>
          <Col span={12}>{text('source-note', '来源说明', true)}</Col>
          <Col span={12}>{text('blank-form', '空白表格')}</Col>
          <Col span={12}>{text('sample', '示例样表')}</Col>
          <Col span={12}>{text('filling-notes', '填报须知')}</Col>
          <Col span={12}>{text('basis', '要求提供依据')}</Col>
        </Row>
      </Form>
    </Card>
  );
}

export function NecessityTag({ necessity, label }: { necessity: string; label: string }) {
  const colour = necessity === 'required' ? 'blue' : necessity === 'deferrable' ? 'gold' : 'default';
  return <Tag color={colour}>{label}</Tag>;
}

export { Descriptions };
