import { limitLabel } from '../../common/labels';
import { templateLabel } from '../../workbench/types';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Command } from '../commands/commandStack';
import { completionFields, type CompletionContext } from '../conditions/completion';
import type { Assignee, DesignerItem, Diagnostic, Step, Workflow } from '../model/types';
import { ConditionEditor } from '../monaco/lazy';
import { useDesigner } from '../shared/DesignerContext';
import { diagnosticsFor } from '../shared/Diagnostics';
import { makeFirst, removeStep, renameOutcome, renameStep, setAssignee, setCaseCondition, updateStep } from './commands';
import { END } from './graph';

/** The selected step's properties; each change is a named command on the workflow's stack. */
export function StepProperties({ step, workflow, item, readOnly, diagnostics, execute, onSelect }: {
  step: Step; workflow: Workflow; item: DesignerItem; readOnly: boolean; diagnostics: Diagnostic[];
  execute(command: Command<Workflow>): void; onSelect(id: string | null): void;
}) {
  const d = useDesigner();
  const [id, setId] = useState(step.id);
  const keys = d.reference['step-kinds'].find((k) => k.value === step.kind)?.keys ?? [];
  const has = (key: string) => keys.includes(key);
  const errors = diagnosticsFor(diagnostics, 'step', step.id);
  const targets = [...workflow.steps.filter((s) => s.id !== step.id).map((s) => ({ value: s.id, label: `${s.name ?? s.id}（${s.id}）` })), { value: END, label: '办结（end）' }];
  const update = (patch: Partial<Step>, label?: string) => execute(updateStep(step.id, patch, label));
  const completion: CompletionContext = useMemo(() => ({
    script: d.reference.script,
    fields: completionFields(item),
    materials: (item.files.materials?.model ?? []).map((m) => ({ id: m.id, name: m.name })),
  }), [d.reference.script, item]);

  return (
    <Card size="small" title={<Space>{d.kindLabel(step.kind)}步骤 <Typography.Text type="secondary">{step.id}</Typography.Text></Space>} data-testid="step-properties"
      extra={!readOnly && <Button size="small" danger icon={<DeleteOutlined />} onClick={() => { execute(removeStep(step.id)); onSelect(null); }}>删除</Button>}
      styles={{ body: { maxHeight: 560, overflow: 'auto' } }}>
      {errors.map((e, i) => <Typography.Paragraph key={i} type={e.severity === 'error' ? 'danger' : 'warning'} style={{ marginBottom: 4 }} data-testid="step-error">{e.code} {e.message}</Typography.Paragraph>)}
      <Form layout="vertical" size="small">
        <Form.Item label="步骤标识" style={{ marginBottom: 8 }} extra="小写英文、数字和 -">
          <Input value={id} disabled={readOnly} aria-label="步骤标识" onChange={(e) => setId(e.target.value)}
            onBlur={() => { if (id !== step.id) { execute(renameStep(step.id, id)); onSelect(id); } }} />
        </Form.Item>
        <Form.Item label="名称" style={{ marginBottom: 8 }}>
          <Input value={step.name ?? ''} disabled={readOnly} aria-label="步骤名称" onChange={(e) => update({ name: e.target.value }, `修改步骤 ${step.id} 的名称`)} />
        </Form.Item>
        {has('by') && <AssigneePicker value={step.by} readOnly={readOnly} windowsOnly={step.kind === 'intake'} onChange={(by) => execute(setAssignee(step.id, by))} />}
        {has('limit') && (
          <Form.Item label="时限" style={{ marginBottom: 8 }}
            extra={step.limit ? <span data-testid="limit-in-words">即 {limitLabel(step.limit)}</span> : '如 5wd（5 个工作日）；留空：不单独计时'}>
            <Input value={step.limit ?? ''} disabled={readOnly} aria-label="时限" onChange={(e) => update({ limit: e.target.value.trim() }, `修改步骤 ${step.id} 的时限`)} />
          </Form.Item>
        )}
        {has('mode') && (
          <Form.Item label="会签方式" style={{ marginBottom: 8 }}>
            <Radio.Group value={step.mode} disabled={readOnly} onChange={(e) => update({ mode: e.target.value })}
              options={d.enumOptions('sign-mode').map((o) => ({ value: o.value, label: o.label }))} />
          </Form.Item>
        )}
        {has('signers') && (
          <Form.Item label="会签人" style={{ marginBottom: 8 }}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {(step.signers ?? []).map((s, i) => (
                <Space key={i} align="start">
                  <AssigneePicker compact value={s} readOnly={readOnly} onChange={(by) => update({ signers: (step.signers ?? []).map((x, j) => (j === i ? by ?? {} : x)) }, `修改步骤 ${step.id} 的会签人`)} />
                  {!readOnly && <Button type="text" danger icon={<DeleteOutlined />} onClick={() => update({ signers: (step.signers ?? []).filter((_, j) => j !== i) })} />}
                </Space>
              ))}
              {!readOnly && <Button size="small" icon={<PlusOutlined />} onClick={() => update({ signers: [...(step.signers ?? []), { department: item.department, role: 'reviewer' }] }, `添加会签人`)}>添加会签人</Button>}
            </Space>
          </Form.Item>
        )}
        {has('template') && (
          <Form.Item label="文书模板" style={{ marginBottom: 8 }}>
            <Select value={step.template} disabled={readOnly} aria-label="文书模板" showSearch onChange={(template) => update({ template })}
              options={d.reference.templates.map((t) => ({ value: t, label: templateLabel(t) === t ? t : `${templateLabel(t)}（${t}）` }))} />
          </Form.Item>
        )}
        {has('after') && (
          <Form.Item label="等待时长" style={{ marginBottom: 8 }}>
            <Input value={step.after ?? ''} disabled={readOnly} aria-label="等待时长" onChange={(e) => update({ after: e.target.value.trim() })} />
          </Form.Item>
        )}
        {has('item') && (
          <Form.Item label="子事项" style={{ marginBottom: 8 }}>
            <Input value={step.item ?? ''} disabled={readOnly} aria-label="子事项" onChange={(e) => update({ item: e.target.value.trim() })} />
          </Form.Item>
        )}
        {has('activity') && (
          <Form.Item label="插件活动" style={{ marginBottom: 8 }}>
            <Input value={step.activity ?? ''} disabled={readOnly} aria-label="插件活动" onChange={(e) => update({ activity: e.target.value.trim() })} />
          </Form.Item>
        )}
        {has('branches') && (
          <Form.Item label="并行分支（各分支须汇聚到同一汇聚步骤）" style={{ marginBottom: 8 }}>
            <Select mode="multiple" value={step.branches ?? []} disabled={readOnly} aria-label="并行分支" onChange={(branches) => update({ branches }, `修改步骤 ${step.id} 的并行分支`)}
              options={targets.filter((t) => t.value !== END)} />
          </Form.Item>
        )}
        {has('cases') && (
          <Form.Item label="条件分支（按顺序，第一个成立的条件生效）" style={{ marginBottom: 8 }}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {(step.cases ?? []).map((c, i) => (
                <Card key={i} size="small" style={{ background: '#fafafa' }}>
                  <ConditionEditor value={c.when} readOnly={readOnly} context={completion} ariaLabel={`条件 ${i + 1}`} onChange={(when) => execute(setCaseCondition(step.id, i, when.trim()))} />
                  <Space style={{ marginTop: 4 }}>
                    <span>转到</span>
                    <Select style={{ width: 200 }} size="small" value={c.next} disabled={readOnly} options={targets}
                      onChange={(next) => update({ cases: (step.cases ?? []).map((x, j) => (j === i ? { ...x, next } : x)) })} />
                    {!readOnly && <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => update({ cases: (step.cases ?? []).filter((_, j) => j !== i) })} />}
                  </Space>
                </Card>
              ))}
              {!readOnly && <Button size="small" icon={<PlusOutlined />} onClick={() => update({ cases: [...(step.cases ?? []), { when: '', next: END }] }, `添加条件分支`)}>添加条件</Button>}
            </Space>
          </Form.Item>
        )}
        {has('otherwise') && (
          <Form.Item label="其他情况转到" style={{ marginBottom: 8 }}>
            <Select allowClear value={step.otherwise} disabled={readOnly} options={targets} aria-label="其他情况" onChange={(otherwise) => update({ otherwise })} />
          </Form.Item>
        )}
        {has('outcomes') && (
          <Form.Item label="办理结果（每个结果一条连线）" style={{ marginBottom: 8 }}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {Object.entries(step.outcomes ?? {}).map(([name, target]) => (
                <Space key={name}>
                  <AutoComplete size="small" style={{ width: 110 }} value={name} disabled={readOnly} aria-label={`办理结果 ${name}`}
                    options={d.reference.outcomes.map((o) => ({ value: o.value, label: `${o.label}（${o.value}）` }))}
                    onSelect={(to: string) => execute(renameOutcome(step.id, name, to))}
                    onBlur={(e) => { const to = (e.target as HTMLInputElement).value; if (to !== name) execute(renameOutcome(step.id, name, to)); }} />
                  <Typography.Text type="secondary">{d.outcomeLabel(name)} →</Typography.Text>
                  <Select size="small" style={{ width: 150 }} value={target} disabled={readOnly} options={targets}
                    onChange={(to) => update({ outcomes: { ...step.outcomes, [name]: to } }, `修改步骤 ${step.id} 的办理结果 ${name}`)} />
                  {!readOnly && <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => {
                    const outcomes = { ...step.outcomes };
                    delete outcomes[name];
                    update({ outcomes }, `删除步骤 ${step.id} 的办理结果 ${name}`);
                  }} />}
                </Space>
              ))}
              {!readOnly && <Button size="small" icon={<PlusOutlined />} onClick={() => {
                const used = new Set(Object.keys(step.outcomes ?? {}));
                const name = d.reference.outcomes.map((o) => o.value).find((o) => !used.has(o)) ?? `outcome-${used.size + 1}`;
                const base: Record<string, string> = step.next && !step.outcomes ? { pass: step.next } : {};
                update({ next: step.outcomes ? step.next : undefined, outcomes: { ...base, ...step.outcomes, [name]: END } }, `添加步骤 ${step.id} 的办理结果`);
              }}>添加办理结果</Button>}
            </Space>
          </Form.Item>
        )}
        {has('next') && (
          <Form.Item label="下一步" style={{ marginBottom: 8 }} extra={step.outcomes ? '有办理结果时按结果走向，不用下一步' : undefined}>
            <Select allowClear value={step.next} disabled={readOnly} options={targets} aria-label="下一步" onChange={(next) => update({ next }, `修改步骤 ${step.id} 的下一步`)} />
          </Form.Item>
        )}
        {!readOnly && workflow.steps[0]?.id !== step.id && (
          <Button size="small" onClick={() => execute(makeFirst(step.id))}>设为第一步</Button>
        )}
      </Form>
    </Card>
  );
}

/** An assignee from the office's departments, windows and roles (roles filtered by scope). */
export function AssigneePicker({ value, onChange, readOnly, windowsOnly, compact }: {
  value?: Assignee; onChange(by: Assignee | undefined): void; readOnly: boolean; windowsOnly?: boolean; compact?: boolean;
}) {
  const d = useDesigner();
  const mode = value?.window !== undefined || windowsOnly ? 'window' : 'department';
  const roles = (scope: string) => d.reference.roles.filter((r) => r.scope === scope || r.scope === 'office').map((r) => ({ value: r.id, label: r.name }));
  const body = (
    <Space direction="vertical" style={{ width: '100%' }} size={4}>
      {!windowsOnly && (
        <Radio.Group size="small" value={mode} disabled={readOnly} optionType="button"
          onChange={(e) => onChange(e.target.value === 'window' ? { window: 'issuance' } : { department: d.reference.departments[0]?.id, role: 'reviewer' })}
          options={[{ value: 'department', label: '部门' }, { value: 'window', label: '窗口' }]} />
      )}
      {mode === 'window' ? (
        <Space.Compact style={{ width: '100%' }}>
          <Select style={{ width: '60%' }} value={value?.window} disabled={readOnly} aria-label="窗口" options={d.reference.windows.map((w) => ({ value: w.id, label: w.name }))}
            onChange={(window) => onChange({ ...value, window, department: undefined })} />
          <Select style={{ width: '40%' }} allowClear placeholder="角色（选填）" value={value?.role} disabled={readOnly} aria-label="窗口角色" options={roles('window')}
            onChange={(role) => onChange({ ...value, role })} />
        </Space.Compact>
      ) : (
        <Space.Compact style={{ width: '100%' }}>
          <Select style={{ width: '60%' }} value={value?.department} disabled={readOnly} aria-label="办理部门" options={d.reference.departments.map((x) => ({ value: x.id, label: x.name }))}
            onChange={(department) => onChange({ ...value, department, window: undefined })} />
          <Select style={{ width: '40%' }} value={value?.role} disabled={readOnly} aria-label="办理角色" options={roles('department')}
            onChange={(role) => onChange({ ...value, role })} />
        </Space.Compact>
      )}
    </Space>
  );
  if (compact) return <div style={{ width: 280 }}>{body}</div>;
  return <Form.Item label="办理人" style={{ marginBottom: 8 }}>{body}</Form.Item>;
}
