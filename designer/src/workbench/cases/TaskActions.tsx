import { App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { showError } from '../../api/client';
import { workbenchApi } from '../api';
import { useUser, type User } from '../../auth/AuthContext';
import { departmentsOf, useItems } from '../common/useItemNames';
import { personName, usePeople } from '../common/usePeople';
import { pledgeCheckStep, remainingText, type Assignee, type CaseDefinition, type CaseTask, type CaseView, type Material, type WorkflowStep } from '../types';
import { DueDate } from '../common/DueDate';
import { OpinionPhrases } from './OpinionPhrases';
import { PledgeCheck } from './PledgeCheck';

type Dialog =
  | { kind: 'return' } | { kind: 'transfer' } | { kind: 'add-signer' } | { kind: 'supplement-outcome'; outcome: string }
  | { kind: 'suspend' } | { kind: 'extend' } | { kind: 'supplement' } | { kind: 'refuse' } | { kind: 'terminate' } | null;

const procedures = [
  ['hearing', '听证'], ['tender', '招标'], ['auction', '拍卖'], ['testing', '检验'], ['inspection', '检测'], ['quarantine', '检疫'],
  ['appraisal', '鉴定'], ['expert-review', '专家评审'], ['other', '其他'],
];

/** Whether the user fits an assignee (the server decides; this only hides buttons that would be refused). */
export function fits(user: User, a: Assignee): boolean {
  if (user.roles.includes('admin')) return true;
  if (a.window) return user.roles.includes('clerk') && user.window === a.window;
  if (a.department && a.department !== user.department) return false;
  return !a.role || user.roles.includes(a.role as never);
}

export function myTasks(user: User, view: CaseView): CaseTask[] {
  return view.case.activeTasks.filter((t) => t.pendingSignerIndexes.some((i) => fits(user, t.signers[i]?.assignee ?? t.assignee))
    && (!t.claimedBy || t.claimedBy === user.userName));
}

/** 当前环节: the actions of the step (pass, return, transfer, add signer, decide, supplement...), with keyboard shortcuts. */
export function TaskActions({ view, definition, onUpdated, onNotice, onOpenDocument }: {
  view: CaseView; definition: CaseDefinition; onUpdated: (v: CaseView) => void;
  /** Issue and open a notice (after a decision taken here). */
  onNotice: (templateId: string, view: CaseView) => void;
  /** Open a document the command itself issued (the 撤销行政许可决定书 of a false pledge). */
  onOpenDocument?: (templateId: string, view: CaseView) => void;
}) {
  const user = useUser();
  const { message } = App.useApp();
  const items = useItems();
  const people = usePeople();
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const tasks = myTasks(user, view);
  // The 告知承诺核查 is no workflow step: it gets its own form (check-pledge), never the step outcomes.
  const checkTask = tasks.find((t) => t.stepId === pledgeCheckStep);
  const task = tasks.find((t) => t.stepId !== pledgeCheckStep);
  const step: WorkflowStep | undefined = task ? definition.steps.find((s) => s.id === task.stepId) : undefined;
  const outcomes = step?.outcomes ?? [];
  const isHead = user.roles.includes('head') || user.roles.includes('admin');
  const isClerk = user.roles.includes('clerk') || user.roles.includes('admin');
  // 终止办理 by hand: a deferred material already reminded (its catch-up date passed, by the server's clock), no decision yet.
  const overdueDeferred = !view.case.decision && Object.values(view.case.materials).some((m) => m.status === 'deferred' && !!m.remindedOn);
  const pendingSupplement = (view.case.openSupplement && !view.case.openSupplement.supplementedOn ? view.case.openSupplement.deficiencies.map((d) => d.materialId) : null)
    ?? Object.values(view.case.materials).filter((m) => m.status === 'deferred').map((m) => m.materialId);

  const run = async (command: string, body: Record<string, unknown>, done: string) => {
    setBusy(true);
    try {
      const updated = await workbenchApi.command(view.id, command, body, view.version);
      onUpdated(updated);
      setOpinion('');
      setDialog(null);
      message.success(done);
      if (command === 'accept') onNotice('notices/acceptance', updated);
      // 前台收件、后台受理: the department's 受理 outcome is the acceptance; its notice goes out in the department's name.
      if (command === 'complete' && body.outcome === 'accept' && updated.case.clocks.acceptedOn) onNotice('notices/acceptance', updated);
      if (command === 'refuse') onNotice('notices/refusal', updated);
      if (command === 'check-pledge' && updated.case.revocation) onOpenDocument?.('notices/revocation', updated);
    } catch (e) { showError(e, done.replace(/^已/, '')); } finally { setBusy(false); }
  };

  const complete = (outcome?: string) => {
    if (!task) return;
    if (outcome === 'supplement') { setDialog({ kind: 'supplement-outcome', outcome }); return; }
    const label = outcomes.find((o) => o.outcome === outcome)?.label ?? '办理完成';
    void run('complete', { taskId: task.id, outcome, opinion: opinion.trim() || undefined }, `已${label}`);
  };

  // Alt+1…9 the outcomes in order, Alt+Enter completes a step without outcomes, Alt+C claim, Alt+R return, Alt+T transfer, Alt+J add signer.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || busy || dialog || !task) return;
      const n = Number(e.key);
      if (n >= 1 && n <= outcomes.length) { e.preventDefault(); complete(outcomes[n - 1].outcome); return; }
      const k = e.key.toLowerCase();
      if (k === 'enter' && outcomes.length === 0) { e.preventDefault(); complete(); }
      else if (k === 'c' && !task.claimedBy) { e.preventDefault(); void run('claim', { taskId: task.id }, '已认领'); }
      else if (k === 'r') { e.preventDefault(); setDialog({ kind: 'return' }); }
      else if (k === 't') { e.preventDefault(); setDialog({ kind: 'transfer' }); }
      else if (k === 'j') { e.preventDefault(); setDialog({ kind: 'add-signer' }); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const materials: Material[] = definition.materials.filter((m) => view.case.materials[m.id]);
  const visited = view.case.visitedSteps.filter((s, i, all) => all.indexOf(s) === i && s !== task?.stepId)
    .map((id) => definition.steps.find((s) => s.id === id)).filter((s): s is WorkflowStep => !!s && (s.kind === 'task' || s.kind === 'intake'));

  return (
    <Card size="small" title="当前环节" data-testid="task-actions">
      {view.case.activeTasks.length === 0 && <Typography.Text type="secondary">没有进行中的任务（{view.statusLabel}）</Typography.Text>}
      {view.case.activeTasks.map((t) => (
        <Descriptions key={t.id} size="small" column={1} style={{ marginBottom: 8 }} bordered>
          <Descriptions.Item label="环节">{t.stepName}{t.isCountersign && <Tag color="purple" style={{ marginInlineStart: 6 }}>会签（{t.mode === 'any' ? '或签' : '全部'}）</Tag>}</Descriptions.Item>
          <Descriptions.Item label="办理人">{t.signers.map((s, i) => (
            <Tag key={i} color={t.pendingSignerIndexes.includes(i) ? 'blue' : 'green'}>
              {describeAssignee(s.assignee, definition)}{s.added ? '（加签）' : ''}{t.pendingSignerIndexes.includes(i) ? '' : ' ✓'}
            </Tag>))}</Descriptions.Item>
          <Descriptions.Item label="到期"><DueDate date={t.due} provisional={t.dueProvisional} /> <Tag color={(view.remaining?.tasks[t.id] ?? 1) < 0 ? 'red' : 'green'}>{remainingText(view.remaining?.tasks[t.id])}</Tag></Descriptions.Item>
          <Descriptions.Item label="认领">{t.claimedBy ? personName(people, t.claimedBy) : '未认领'}</Descriptions.Item>
        </Descriptions>
      ))}
      {checkTask && <PledgeCheck key={checkTask.id} view={view} definition={definition} task={checkTask} busy={busy} run={run} />}
      {task && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: checkTask ? 12 : 0 }}>
          <Input.TextArea rows={3} placeholder="办理意见" value={opinion} onChange={(e) => setOpinion(e.target.value)} data-testid="opinion" />
          <OpinionPhrases opinion={opinion} onPick={(text) => setOpinion((o) => (o.trim() ? `${o.trim()}${/[。；，]$/.test(o.trim()) ? '' : '；'}${text}` : text))} />
          <Space wrap>
            {!task.claimedBy && <Tooltip title="Alt+C"><Button onClick={() => run('claim', { taskId: task.id }, '已认领')} disabled={busy} data-testid="action-claim">认领 <Kbd>Alt+C</Kbd></Button></Tooltip>}
            {outcomes.map((o, i) => (
              <Button key={o.outcome} type={i === 0 ? 'primary' : 'default'} danger={['refuse', 'deny', 'reject'].includes(o.outcome)} loading={busy}
                onClick={() => complete(o.outcome)} data-testid={`outcome-${o.outcome}`}>{o.label} <Kbd>Alt+{i + 1}</Kbd></Button>
            ))}
            {outcomes.length === 0 && <Button type="primary" loading={busy} onClick={() => complete()} data-testid="outcome-complete">办理完成 <Kbd>Alt+Enter</Kbd></Button>}
          </Space>
          <Space wrap>
            <Button size="small" onClick={() => setDialog({ kind: 'return' })} disabled={busy || visited.length === 0} data-testid="action-return">退回 <Kbd>Alt+R</Kbd></Button>
            <Button size="small" onClick={() => setDialog({ kind: 'transfer' })} disabled={busy} data-testid="action-transfer">转办 <Kbd>Alt+T</Kbd></Button>
            <Button size="small" onClick={() => setDialog({ kind: 'add-signer' })} disabled={busy} data-testid="action-add-signer">加签 <Kbd>Alt+J</Kbd></Button>
          </Space>
        </Space>
      )}
      {view.case.status === 'received' && isClerk && view.case.activeTasks.length === 0 && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Typography.Text>材料已收齐待受理：{view.case.clocks.acceptanceDue ? <>受理期限 <DueDate date={view.case.clocks.acceptanceDue} provisional={view.case.clocks.acceptanceDueProvisional} /></> : ''}</Typography.Text>
          <Space wrap>
            <Button type="primary" loading={busy} onClick={() => run('accept', {}, '已受理')} data-testid="action-accept">受理</Button>
            <Button danger disabled={busy} onClick={() => setDialog({ kind: 'refuse' })} data-testid="action-refuse">不予受理</Button>
          </Space>
        </Space>
      )}
      {!view.closed && (isHead || (isClerk && pendingSupplement.length > 0)) && (
        <Space wrap style={{ marginTop: 12 }}>
          {isHead && (view.case.status === 'suspended'
            ? <Button size="small" onClick={() => run('resume', {}, '已恢复办理')} data-testid="action-resume">恢复办理</Button>
            : <Button size="small" onClick={() => setDialog({ kind: 'suspend' })} data-testid="action-suspend">挂起 / 特别程序</Button>)}
          {isHead && <Button size="small" onClick={() => setDialog({ kind: 'extend' })} data-testid="action-extend">申请延期</Button>}
          {isHead && overdueDeferred && <Button size="small" danger onClick={() => setDialog({ kind: 'terminate' })} data-testid="action-terminate">终止办理</Button>}
          {isClerk && pendingSupplement.length > 0 && (
            <Button size="small" type="primary" ghost onClick={() => setDialog({ kind: 'supplement' })} data-testid="action-supplement">
              {view.case.status === 'supplementing' ? '补正材料到件' : '容缺材料补交'}
            </Button>)}
        </Space>
      )}
      <ActionDialog dialog={dialog} busy={busy} onCancel={() => setDialog(null)} task={task} visited={visited} materials={materials} definition={definition}
        departments={departmentsOf(items)} pending={pendingSupplement} run={run} opinion={opinion} />
    </Card>
  );
}

function Kbd({ children }: { children: React.ReactNode }) {
  return <kbd style={{ fontSize: 10, opacity: 0.65, marginInlineStart: 4, fontFamily: 'monospace' }}>{children}</kbd>;
}

export function describeAssignee(a: Assignee, definition: CaseDefinition): string {
  const named = definition.steps.flatMap((s) => [s.by, ...s.signers]).find((b) => b && b.department === (a.department ?? undefined) && b.window === (a.window ?? undefined));
  if (a.window) return named?.['window-name'] ?? a.window;
  const dept = named?.['department-name'] ?? a.department ?? '';
  const role = a.role === 'head' ? '负责人' : a.role === 'reviewer' ? '审查人员' : a.role ?? '';
  return `${dept}${role}`;
}

function ActionDialog({ dialog, busy, onCancel, task, visited, materials, definition, departments, pending, run, opinion }: {
  dialog: Dialog; busy: boolean; onCancel: () => void; task?: CaseTask; visited: WorkflowStep[]; materials: Material[]; definition: CaseDefinition;
  departments: { id: string; name: string }[]; pending: string[]; opinion: string;
  run: (command: string, body: Record<string, unknown>, done: string) => Promise<void>;
}) {
  const [form] = Form.useForm();
  useEffect(() => { form.resetFields(); }, [dialog, form]);
  if (!dialog) return null;
  const assigneeFields = (name: string) => (
    <>
      <Form.Item name={[name, 'department']} label="部门" rules={[{ required: true, message: '请选择部门' }]}>
        <Select options={departments.map((d) => ({ value: d.id, label: d.name }))} data-testid={`${name}-department`} />
      </Form.Item>
      <Form.Item name={[name, 'role']} label="角色" initialValue="reviewer">
        <Select options={[{ value: 'reviewer', label: '审查人员' }, { value: 'head', label: '负责人' }]} />
      </Form.Item>
    </>
  );
  const reason = <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}><Input.TextArea rows={2} data-testid="dialog-reason" /></Form.Item>;
  const spec: Record<NonNullable<Dialog>['kind'], { title: string; body: React.ReactNode; submit: (v: Record<string, never>) => Promise<void> }> = {
    return: {
      title: '退回', body: <><Form.Item name="targetStepId" label="退回到" rules={[{ required: true, message: '请选择环节' }]}>
        <Select options={visited.map((s) => ({ value: s.id, label: s.name }))} data-testid="return-target" /></Form.Item>{reason}</>,
      submit: (v) => run('return', { taskId: task!.id, targetStepId: v.targetStepId, reason: v.reason }, '已退回'),
    },
    transfer: {
      title: '转办', body: <>{assigneeFields('to')}{reason}</>,
      submit: (v) => run('transfer', { taskId: task!.id, to: v.to, reason: v.reason }, '已转办'),
    },
    'add-signer': {
      title: '加签', body: <>{assigneeFields('signer')}{reason}</>,
      submit: (v) => run('add-signer', { taskId: task!.id, signer: v.signer, reason: v.reason }, '已加签'),
    },
    'supplement-outcome': {
      title: '要求补正（一次性告知）',
      body: <Form.Item name="materialIds" label="缺少或有误的材料（办理意见作为补正说明）" rules={[{ required: true, message: '请选择材料' }]}>
        <Checkbox.Group options={materials.map((m) => ({ value: m.id, label: m.name }))} style={{ display: 'grid', gap: 4 }} />
      </Form.Item>,
      submit: (v) => run('complete', {
        taskId: task!.id, outcome: 'supplement', opinion: opinion.trim() || undefined,
        deficiencies: ((v.materialIds ?? []) as string[]).map((id) => ({ materialId: id, kind: 'defective', note: opinion.trim() || undefined })),
      }, '已要求补正'),
    },
    suspend: {
      title: '挂起 / 特别程序',
      body: <><Form.Item name="procedure" label="特别程序（时间不计入办理时限）"><Select allowClear options={procedures.map(([value, label]) => ({ value, label }))} /></Form.Item>
        {reason}<Form.Item name="approver" label="批准人" rules={[{ required: true, message: '请填写批准人' }]}><Input data-testid="suspend-approver" /></Form.Item>
        <Form.Item name="basis" label="法律依据" extra="写明规定中止或特别程序的法律、法规及条款；不写则挂起期间法定期限照常计算"><Input data-testid="suspend-basis" /></Form.Item></>,
      submit: (v) => run('suspend', { reason: v.reason, procedure: v.procedure, approver: v.approver, basis: v.basis }, '已挂起'),
    },
    extend: {
      title: '延期',
      body: <><Form.Item name="workingDays" label="延长工作日数" rules={[{ required: true, message: '请填写天数' }]}><InputNumber min={1} max={30} /></Form.Item>
        <Form.Item name="approver" label="批准人" rules={[{ required: true, message: '请填写批准人' }]}><Input /></Form.Item>{reason}</>,
      submit: (v) => run('extend', { workingDays: v.workingDays, approver: v.approver, reason: v.reason }, '已延期'),
    },
    terminate: {
      title: '终止办理（容缺材料逾期未补交）',
      body: <Form.Item name="reason" label="终止理由（写入终止办理告知书）" rules={[{ required: true, message: '请填写理由' }]}><Input.TextArea rows={3} data-testid="terminate-reason" /></Form.Item>,
      submit: (v) => run('terminate', { reason: v.reason }, '已终止办理'),
    },
    refuse: {
      title: '不予受理',
      body: <><Form.Item name="reasons" label="理由" rules={[{ required: true, message: '请填写理由' }]}><Select mode="tags" /></Form.Item>
        <Form.Item name="competentBody" label="有权机关"><Input /></Form.Item></>,
      submit: (v) => run('refuse', { reasons: v.reasons, competentBody: v.competentBody }, '已不予受理'),
    },
    supplement: {
      title: '材料到件',
      body: <Form.Item name="materialIds" label="申请人已交来的材料" initialValue={pending} rules={[{ required: true, message: '请选择材料' }]}>
        <Checkbox.Group options={pending.map((id) => ({ value: id, label: definition.materials.find((m) => m.id === id)?.name ?? id }))} style={{ display: 'grid', gap: 4 }} />
      </Form.Item>,
      submit: (v) => run('supplement', { materialIds: v.materialIds }, '已登记到件'),
    },
  };
  const s = spec[dialog.kind];
  return (
    <Modal open title={s.title} onCancel={onCancel} confirmLoading={busy} okText="确定" cancelText="取消" onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'dialog-ok' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => s.submit(v as Record<string, never>)}>{s.body}</Form>
    </Modal>
  );
}
