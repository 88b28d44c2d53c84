import { DeleteOutlined, EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { residentIdBirthDate, residentIdGender } from './checks';
import type { ScriptScope } from './expressions';
import type { ApplicantValues, FormDefinition, FormField, FormValues } from './model';
import { fieldProblem, isEmpty, validateForm, visibleFields, type FormErrors } from './validation';

export interface FormRendererProps {
  form: FormDefinition;
  values: FormValues;
  onChange?: (values: FormValues) => void;
  applicant?: ApplicantValues;
  /** yyyy-mm-dd for `today` in scripts (the server's date when known). */
  today?: string;
  /** Show every error, not only those of fields already touched (after a submit attempt). */
  showAllErrors?: boolean;
  readOnly?: boolean;
  /** Two columns on wide screens. */
  columns?: 1 | 2;
}

/**
 * The one renderer of 申请表: the workbench's intake and the designer's live preview both use it,
 * so the designer previews exactly what a clerk sees. Controlled: values in, values out.
 */
export function FormRenderer({ form, values, onChange, applicant, today, showAllErrors, readOnly, columns = 2 }: FormRendererProps) {
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const scope: ScriptScope = useMemo(() => ({ form: values, applicant, today }), [values, applicant, today]);
  const errors: FormErrors = useMemo(() => validateForm(form, scope), [form, scope]);
  const fields = visibleFields(form, scope);

  if (readOnly) return <FormView form={form} values={values} applicant={applicant} today={today} />;

  const set = (id: string, value: unknown) => {
    setTouched((t) => (t.has(id) ? t : new Set(t).add(id)));
    onChange?.({ ...values, [id]: value });
  };
  const shown = (path: string) => showAllErrors || touched.has(path.split('.')[0]);

  return (
    <Form layout="vertical" component="div" className="wf-form" data-testid="form-renderer">
      <div style={{ display: 'grid', gridTemplateColumns: columns === 2 ? 'repeat(auto-fill, minmax(320px, 1fr))' : '1fr', columnGap: 16 }}>
        {fields.map((field) => {
          const error = shown(field.id) ? errors[field.id] : undefined;
          const wide = field.type === 'table' || field.type === 'textarea' || field.type === 'address';
          return (
            <Form.Item
              key={field.id}
              label={<span>{field.label}{field.unit && field.type !== 'number' ? `（${field.unit}）` : ''}</span>}
              required={!!field.required}
              validateStatus={error ? 'error' : undefined}
              help={error ?? hint(field, values[field.id])}
              extra={error ? undefined : field.help}
              htmlFor={`form-${field.id}`}
              style={wide ? { gridColumn: '1 / -1' } : undefined}
              data-testid={`field-${field.id}`}
            >
              {field.type === 'table'
                ? <TableInput field={field} rows={(values[field.id] as FormValues[] | undefined) ?? []} onChange={(rows) => set(field.id, rows)}
                    errors={errors} showErrors={shown(field.id)} scope={scope} />
                : <FieldInput field={field} value={values[field.id]} onChange={(v) => set(field.id, v)} id={`form-${field.id}`} invalid={!!error} />}
            </Form.Item>
          );
        })}
      </div>
      {errors.$rules && (showAllErrors || touched.size > 0) && (
        <Alert type="warning" showIcon title="申请表规则" data-testid="form-rules"
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{errors.$rules.split('\n').map((m) => <li key={m}>{m}</li>)}</ul>} />
      )}
    </Form>
  );
}

/** A short hint under an ID number: birth date and gender read from it. */
function hint(field: FormField, value: unknown): string | undefined {
  if (field.type === 'idcard' && typeof value === 'string' && value.length === 18) {
    const birth = residentIdBirthDate(value);
    const gender = residentIdGender(value.toUpperCase());
    if (birth && gender) return `出生日期 ${birth}，${gender === 'male' ? '男' : '女'}`;
  }
  return undefined;
}

interface FieldInputProps { field: FormField; value: unknown; onChange: (value: unknown) => void; id?: string; invalid?: boolean; size?: 'small' | 'middle' }

/** One input for one field type (also used for table cells). */
export function FieldInput({ field, value, onChange, id, invalid, size }: FieldInputProps) {
  const status = invalid ? 'error' : undefined;
  const text = (value as string | undefined) ?? '';
  switch (field.type) {
    case 'textarea':
      return <Input.TextArea id={id} value={text} onChange={(e) => onChange(e.target.value)} placeholder={field.placeholder}
        maxLength={field['max-length']} showCount={!!field['max-length']} autoSize={{ minRows: 2, maxRows: 6 }} status={status} />;
    case 'number':
      return <InputNumber id={id} value={value as number | null | undefined} onChange={(v) => onChange(v ?? undefined)} min={field.min} max={field.max}
        placeholder={field.placeholder} suffix={field.unit} style={{ width: '100%' }} status={status} size={size} />;
    case 'date':
      return <DatePicker id={id} value={typeof value === 'string' && value ? dayjs(value) : null} onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : undefined)}
        style={{ width: '100%' }} status={status} size={size} placeholder={field.placeholder ?? '选择日期'} />;
    case 'select':
      return <Select id={id} value={value as string | undefined} onChange={(v) => onChange(v)} allowClear showSearch={{ optionFilterProp: 'label' }}
        options={field.options?.map((o) => ({ value: o.value, label: o.label }))} placeholder={field.placeholder ?? '请选择'} status={status} size={size} style={{ width: '100%' }} />;
    case 'multi-select':
      return (field.options?.length ?? 0) <= 6
        ? <Checkbox.Group value={(value as string[] | undefined) ?? []} onChange={(v) => onChange(v)} options={field.options?.map((o) => ({ value: o.value, label: o.label }))} />
        : <Select id={id} mode="multiple" value={(value as string[] | undefined) ?? []} onChange={(v) => onChange(v)}
            options={field.options?.map((o) => ({ value: o.value, label: o.label }))} status={status} size={size} />;
    case 'boolean':
      return <Radio.Group id={id} value={value as boolean | undefined} onChange={(e) => onChange(e.target.value)} size={size}
        options={[{ value: true, label: '是' }, { value: false, label: '否' }]} />;
    case 'idcard':
      return <Input id={id} value={text} onChange={(e) => onChange(e.target.value.toUpperCase().replace(/\s/g, ''))} maxLength={18}
        placeholder={field.placeholder ?? '18 位公民身份号码'} status={status} size={size} style={{ fontFamily: 'monospace' }} />;
    case 'uscc':
      return <Input id={id} value={text} onChange={(e) => onChange(e.target.value.toUpperCase().replace(/\s/g, ''))} maxLength={18}
        placeholder={field.placeholder ?? '18 位统一社会信用代码'} status={status} size={size} style={{ fontFamily: 'monospace' }} />;
    case 'phone':
      return <Input id={id} value={text} onChange={(e) => onChange(e.target.value.trim())} placeholder={field.placeholder ?? '手机号或区号-电话'} status={status} size={size} inputMode="tel" />;
    case 'address':
      return <Input id={id} value={text} onChange={(e) => onChange(e.target.value)} prefix={<EnvironmentOutlined />} maxLength={field['max-length']}
        placeholder={field.placeholder ?? '省、市、区（县）、街道、门牌号'} status={status} size={size} />;
    case 'text':
    default:
      return <Input id={id} value={text} onChange={(e) => onChange(e.target.value)} placeholder={field.placeholder} maxLength={field['max-length']} status={status} size={size} />;
  }
}

interface Row { key: string; index: number; row: FormValues }

interface TableInputProps {
  field: FormField; rows: FormValues[]; onChange: (rows: FormValues[]) => void;
  errors: FormErrors; showErrors: boolean; scope: ScriptScope;
}

/** A repeating table (表格): one row per entry, columns are fields; rows added and removed within min/max. */
function TableInput({ field, rows, onChange, errors, showErrors, scope }: TableInputProps) {
  const max = field['max-rows'];
  const setCell = (i: number, column: string, value: unknown) => onChange(rows.map((r, j) => (j === i ? { ...r, [column]: value } : r)));
  const columns = [
    { title: '序号', key: '#', width: 56, render: (_: unknown, r: Row) => r.index + 1 },
    ...(field.columns ?? []).map((c) => ({
      title: <span>{c.required && <span style={{ color: '#ff4d4f' }}>* </span>}{c.label}{c.unit ? `（${c.unit}）` : ''}</span>,
      key: c.id,
      render: (_: unknown, { row, index: i }: Row) => {
        const path = `${field.id}.${i}.${c.id}`;
        const error = showErrors ? errors[path] ?? (errors[path] === undefined ? fieldProblem(c, row[c.id], { ...scope, form: { ...scope.form, ...row } }) ?? undefined : undefined) : undefined;
        return (
          <div data-testid={`cell-${path}`}>
            <FieldInput field={c} value={row[c.id]} onChange={(v) => setCell(i, c.id, v)} invalid={!!error} size="small" />
            {error && <Typography.Text type="danger" style={{ fontSize: 12 }}>{error}</Typography.Text>}
          </div>
        );
      },
    })),
    { title: '', key: '$remove', width: 48, render: (_: unknown, { index: i }: Row) =>
      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${i + 1} 行`} onClick={() => onChange(rows.filter((_, j) => j !== i))} /> },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<Row> size="small" bordered pagination={false} rowKey="key" dataSource={rows.map((row, index) => ({ key: String(index), index, row }))} columns={columns}
        locale={{ emptyText: '暂无，点击“添加一行”' }} scroll={{ x: true }} />
      <Button icon={<PlusOutlined />} onClick={() => onChange([...rows, {}])} disabled={max !== undefined && rows.length >= max} data-testid={`add-row-${field.id}`}>
        添加一行{max !== undefined ? `（最多 ${max} 行）` : ''}
      </Button>
    </Space>
  );
}

/** The form as read-only text (case view, notices). */
export function FormView({ form, values, applicant, today }: { form: FormDefinition; values: FormValues; applicant?: ApplicantValues; today?: string }) {
  const fields = visibleFields(form, { form: values, applicant, today }).filter((f) => !isEmpty(values[f.id]) || f.required);
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="form-view">
      {fields.map((f) => (
        <Descriptions.Item key={f.id} label={f.label} span={f.type === 'table' ? 'filled' : 1}>
          {display(f, values[f.id])}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function display(field: FormField, value: unknown): React.ReactNode {
  if (isEmpty(value)) return <Typography.Text type="secondary">未填写</Typography.Text>;
  switch (field.type) {
    case 'select':
      return field.options?.find((o) => o.value === value)?.label ?? String(value);
    case 'multi-select':
      return (value as string[]).map((v) => <Tag key={v}>{field.options?.find((o) => o.value === v)?.label ?? v}</Tag>);
    case 'boolean':
      return value ? '是' : '否';
    case 'number':
      return `${value}${field.unit ? ' ' + field.unit : ''}`;
    case 'table': {
      const rows = value as FormValues[];
      return (
        <Table<Row> size="small" pagination={false} rowKey="key" dataSource={rows.map((row, index) => ({ key: String(index), index, row }))}
          columns={(field.columns ?? []).map((c) => ({ title: c.label, key: c.id, render: (_: unknown, r: Row) => display(c, r.row[c.id]) }))} />
      );
    }
    default:
      return String(value);
  }
}
