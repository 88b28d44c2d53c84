import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Dropdown, Empty, Form, Input, InputNumber, List, Row, Segmented, Select, Space, Switch, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { FormRenderer } from '../../forms/FormRenderer';
import type { FormDefinition, FormValues } from '../../forms/model';
import type { CompletionContext } from '../conditions/completion';
import type { DesignerFile, DesignerItem, Field, FieldOption, Form as FormModel, Rule } from '../model/types';
import { ConditionEditor } from '../monaco/lazy';
import { ConflictModal } from '../shared/ConflictModal';
import { useDesigner } from '../shared/DesignerContext';
import { DiagnosticsList, diagnosticsFor } from '../shared/Diagnostics';
import { EditorToolbar } from '../shared/EditorToolbar';
import { useFileEditor } from '../shared/useFileEditor';
import { addField, moveField, removeField, renameField, setField, setFormValue, typeName } from './commands';

/** 申请表: the fields (every type), their validation and visibility, with a live preview in the clerks' form renderer. */
export function FormEditor({ item, file, onSaved }: { item: DesignerItem; file: DesignerFile<FormModel>; onSaved(): void }) {
  const d = useDesigner();
  const editor = useFileEditor<FormModel>(item.id, 'form', file, (m) => m, onSaved);
  const form = editor.model;
  const readOnly = !editor.editable;
  const [selected, setSelected] = useState<string | null>(form.fields[0]?.id ?? null);
  const [values, setValues] = useState<FormValues>({});
  const [applicantType, setApplicantType] = useState<'person' | 'organization'>((form['applicant-types'][0] as 'person') ?? 'person');
  const field = form.fields.find((f) => f.id === selected) ?? null;

  const completion: CompletionContext = useMemo(() => ({
    script: d.reference.script,
    fields: form.fields.map((f) => ({ id: f.id, label: f.label, type: f.type, options: f.options, columns: f.columns })),
    materials: (item.files.materials?.model ?? []).map((m) => ({ id: m.id, name: m.name })),
  }), [d.reference.script, form.fields, item.files.materials]);

  const typeMenu = d.enumOptions('field-type').map((o) => ({ key: o.value, label: o.label }));
  const add = (type: string) => {
    editor.execute(addField(type, selected ?? undefined));
    const added = editor.stack.state.fields.find((f) => !form.fields.some((g) => g.id === f.id));
    if (added) setSelected(added.id);
  };

  return (
    <div data-testid="form-editor">
      <EditorToolbar editor={editor} extra={!readOnly && (
        <Dropdown menu={{ items: typeMenu, onClick: (e) => add(e.key) }}>
          <Button icon={<PlusOutlined />}>添加字段</Button>
        </Dropdown>
      )} />
      <DiagnosticsList diagnostics={editor.diagnostics} />
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <Card size="small" title="字段" styles={{ body: { padding: 0 } }}>
            <List size="small" dataSource={form.fields} renderItem={(f, index) => {
              const errors = diagnosticsFor(editor.diagnostics, 'field', f.id);
              return (
                <List.Item onClick={() => setSelected(f.id)} data-testid={`form-field-${f.id}`}
                  style={{ cursor: 'pointer', padding: '6px 10px', background: f.id === selected ? '#e6f4ff' : errors.length ? '#fff1f0' : undefined }}
                  actions={readOnly ? [] : [
                    <Button key="up" size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={(e) => { e.stopPropagation(); editor.execute(moveField(index, index - 1)); }} />,
                    <Button key="down" size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === form.fields.length - 1} onClick={(e) => { e.stopPropagation(); editor.execute(moveField(index, index + 1)); }} />,
                  ]}>
                  <Space direction="vertical" size={0}>
                    <span>{f.label}{f.required && <Typography.Text type="danger"> *</Typography.Text>}</span>
                    <Space size={4}><Tag style={{ fontSize: 11 }}>{d.enumLabel('field-type', f.type) || typeName(f.type)}</Tag>{f.when && <Tag color="purple" style={{ fontSize: 11 }}>有条件</Tag>}</Space>
                  </Space>
                </List.Item>
              );
            }} />
          </Card>
          <Card size="small" title="申请人类型" style={{ marginTop: 12 }}>
            <Checkbox.Group value={form['applicant-types']} disabled={readOnly}
              options={d.enumOptions('applicant-type')}
              onChange={(v) => editor.execute(setFormValue('applicant-types', v as FormModel['applicant-types'], '修改申请人类型'))} />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          {field
            ? <FieldProperties key={field.id} field={field} readOnly={readOnly} completion={completion}
                errors={diagnosticsFor(editor.diagnostics, 'field', field.id).map((x) => `${x.code} ${x.message}`)}
                onChange={(patch) => editor.execute(setField(field.id, patch, field.label))}
                onRename={(to) => { editor.execute(renameField(field.id, to)); setSelected(to); }}
                onRemove={() => { editor.execute(removeField(field.id)); setSelected(null); }} />
            : <Card size="small"><Empty description="选择左侧的字段进行编辑" /></Card>}
          <RulesCard rules={form.rules ?? []} readOnly={readOnly} completion={completion}
            onChange={(rules) => editor.execute(setFormValue('rules', rules, '修改校验规则'))} />
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title="预览（与窗口收件时所见相同）" data-testid="form-preview"
            extra={<Segmented size="small" value={applicantType} onChange={(v) => setApplicantType(v as 'person')}
              options={[{ value: 'person', label: '个人' }, { value: 'organization', label: '单位' }]} />}>
            <FormRenderer form={form as unknown as FormDefinition} values={values} onChange={setValues} columns={1}
              applicant={{ type: applicantType, name: '王晓雪', idNumber: '230903199003154528' }} />
          </Card>
        </Col>
      </Row>
      <ConflictModal editor={editor} />
    </div>
  );
}

function FieldProperties({ field: f, readOnly, completion, errors, onChange, onRename, onRemove }: {
  field: Field; readOnly: boolean; completion: CompletionContext; errors: string[]; onChange(patch: Partial<Field>): void; onRename(to: string): void; onRemove(): void;
}) {
  const d = useDesigner();
  const [id, setId] = useState(f.id);
  const text = (key: keyof Field, label: string, extra?: string) => (
    <Form.Item label={label} extra={extra} style={{ marginBottom: 8 }}>
      <Input value={(f[key] as string) ?? ''} disabled={readOnly} aria-label={label} onChange={(e) => onChange({ [key]: e.target.value } as Partial<Field>)} />
    </Form.Item>
  );
  const num = (key: keyof Field, label: string) => (
    <Form.Item label={label} style={{ marginBottom: 8 }}>
      <InputNumber value={f[key] as number | undefined} disabled={readOnly} aria-label={label} onChange={(v) => onChange({ [key]: v ?? undefined } as Partial<Field>)} />
    </Form.Item>
  );
  return (
    <Card size="small" title={`字段：${f.label}`} data-testid="field-properties"
      extra={!readOnly && <Button size="small" danger icon={<DeleteOutlined />} onClick={onRemove}>删除字段</Button>}>
      {errors.map((e, i) => <Typography.Paragraph key={i} type="danger" style={{ marginBottom: 4 }}>{e}</Typography.Paragraph>)}
      <Form layout="vertical" size="small">
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item label="字段标识" extra="驼峰式英文，脚本中以 form.标识 引用" style={{ marginBottom: 8 }}>
              <Input value={id} disabled={readOnly} aria-label="字段标识" onChange={(e) => setId(e.target.value)} onBlur={() => id !== f.id && onRename(id)} />
            </Form.Item>
          </Col>
          <Col span={12}>{text('label', '标题')}</Col>
          <Col span={12}>
            <Form.Item label="类型" style={{ marginBottom: 8 }}>
              <Select value={f.type} disabled={readOnly} aria-label="字段类型" options={d.enumOptions('field-type')} onChange={(type) => onChange({ type })} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="必填" style={{ marginBottom: 8 }}>
              <Switch checked={!!f.required} disabled={readOnly} aria-label="必填" onChange={(v) => onChange({ required: v || undefined })} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="显示条件（留空：始终显示）" style={{ marginBottom: 8 }}>
          <ConditionEditor value={f.when ?? ''} readOnly={readOnly} context={completion} onChange={(v) => onChange({ when: v.trim() })} ariaLabel="显示条件" placeholder="例如 form.residenceType == 'school'（留空：始终显示）" />
        </Form.Item>
        <Row gutter={8}>
          <Col span={12}>{text('placeholder', '提示文字')}</Col>
          <Col span={12}>{text('default', '默认值')}</Col>
          <Col span={24}>{text('help', '填写说明')}</Col>
          {(f.type === 'text' || f.type === 'textarea' || f.type === 'address' || f.type === 'phone') && <>
            <Col span={12}>{num('max-length', '最大长度')}</Col>
            <Col span={12}>{text('pattern', '格式（正则表达式）', '如 ^[0-9]{18}$')}</Col>
          </>}
          {f.type === 'number' && <>
            <Col span={8}>{num('min', '最小值')}</Col>
            <Col span={8}>{num('max', '最大值')}</Col>
            <Col span={8}>{text('unit', '单位')}</Col>
          </>}
          {f.type === 'table' && <>
            <Col span={12}>{num('min-rows', '最少行数')}</Col>
            <Col span={12}>{num('max-rows', '最多行数')}</Col>
          </>}
        </Row>
        {(f.type === 'select' || f.type === 'multi-select') && (
          <OptionsEditor options={f.options ?? []} readOnly={readOnly} onChange={(options) => onChange({ options })} />
        )}
        {f.type === 'table' && (
          <ColumnsEditor columns={f.columns ?? []} readOnly={readOnly} onChange={(columns) => onChange({ columns })} />
        )}
        <Form.Item label="字段校验（规则为真即通过）" style={{ marginBottom: 8 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <ConditionEditor value={f.check?.rule ?? ''} readOnly={readOnly} context={completion} ariaLabel="字段校验规则" placeholder="例如 form.area >= 180（留空：不校验）"
              onChange={(rule) => onChange({ check: rule.trim() ? { ...f.check, rule: rule.trim(), message: f.check?.message ?? '' } : undefined })} />
            {f.check && <Input placeholder="不通过时的提示" value={f.check.message} disabled={readOnly} aria-label="校验提示"
              onChange={(e) => onChange({ check: { ...f.check!, message: e.target.value } })} />}
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}

function OptionsEditor({ options, readOnly, onChange }: { options: FieldOption[]; readOnly: boolean; onChange(o: FieldOption[]): void }) {
  return (
    <Form.Item label="选项" style={{ marginBottom: 8 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {options.map((o, i) => (
          <Space.Compact key={i} style={{ width: '100%' }}>
            <Input style={{ width: '40%' }} value={o.value} placeholder="值" disabled={readOnly} aria-label={`选项 ${i + 1} 的值`} onChange={(e) => onChange(options.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
            <Input style={{ width: '50%' }} value={o.label} placeholder="显示文字" disabled={readOnly} aria-label={`选项 ${i + 1} 的显示文字`} onChange={(e) => onChange(options.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))} />
            {!readOnly && <Button danger icon={<DeleteOutlined />} onClick={() => onChange(options.filter((_, j) => j !== i))} />}
          </Space.Compact>
        ))}
        {!readOnly && <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...options, { value: `option${options.length + 1}`, label: `选项${options.length + 1}` }])}>添加选项</Button>}
      </Space>
    </Form.Item>
  );
}

function ColumnsEditor({ columns, readOnly, onChange }: { columns: Field[]; readOnly: boolean; onChange(c: Field[]): void }) {
  const d = useDesigner();
  return (
    <Form.Item label="表格列" style={{ marginBottom: 8 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {columns.map((c, i) => (
          <Space.Compact key={i} style={{ width: '100%' }}>
            <Input style={{ width: '28%' }} value={c.id} disabled={readOnly} aria-label={`列 ${i + 1} 标识`} onChange={(e) => onChange(columns.map((x, j) => (j === i ? { ...x, id: e.target.value } : x)))} />
            <Input style={{ width: '32%' }} value={c.label} disabled={readOnly} aria-label={`列 ${i + 1} 标题`} onChange={(e) => onChange(columns.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))} />
            <Select style={{ width: '30%' }} value={c.type} disabled={readOnly} options={d.enumOptions('field-type').filter((o) => o.value !== 'table')} onChange={(type) => onChange(columns.map((x, j) => (j === i ? { ...x, type } : x)))} />
            {!readOnly && <Button danger icon={<DeleteOutlined />} onClick={() => onChange(columns.filter((_, j) => j !== i))} />}
          </Space.Compact>
        ))}
        {!readOnly && <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...columns, { id: `col${columns.length + 1}`, label: `列${columns.length + 1}`, type: 'text' }])}>添加列</Button>}
      </Space>
    </Form.Item>
  );
}

function RulesCard({ rules, readOnly, completion, onChange }: { rules: Rule[]; readOnly: boolean; completion: CompletionContext; onChange(r: Rule[]): void }) {
  return (
    <Card size="small" title="跨字段校验规则" style={{ marginTop: 12 }}
      extra={!readOnly && <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...rules, { rule: 'true', message: '请填写提示' }])}>添加规则</Button>}>
      {rules.length === 0 && <Typography.Text type="secondary">没有跨字段规则</Typography.Text>}
      {rules.map((r, i) => (
        <Space key={i} direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
          <ConditionEditor value={r.rule} readOnly={readOnly} context={completion} ariaLabel={`规则 ${i + 1}`} onChange={(rule) => onChange(rules.map((x, j) => (j === i ? { ...x, rule: rule.trim() } : x)))} />
          <Space.Compact style={{ width: '100%' }}>
            <Input value={r.message} disabled={readOnly} aria-label={`规则 ${i + 1} 提示`} onChange={(e) => onChange(rules.map((x, j) => (j === i ? { ...x, message: e.target.value } : x)))} />
            {!readOnly && <Button danger icon={<DeleteOutlined />} onClick={() => onChange(rules.filter((_, j) => j !== i))} />}
          </Space.Compact>
        </Space>
      ))}
    </Card>
  );
}
