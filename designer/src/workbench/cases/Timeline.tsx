import { Alert, App, Button, Switch, Timeline as AntTimeline, Typography } from 'antd';
import { useState } from 'react';
import { showError } from '../../api/client';
import { workbenchApi } from '../api';
import { templateLabel, type CaseEffect, type CaseEvent } from '../types';
import { formatDateTime } from '../../common/format';
import { outcomeLabel } from '../../common/labels';
import { personName, usePeople } from '../common/usePeople';

const labels: Record<string, string> = {
  'case-received': '收件', 'case-accepted': '受理', 'materials-deferred': '容缺受理', 'case-refused': '不予受理',
  'supplement-requested': '一次性告知补正', 'materials-supplemented': '补正/补交材料', 'case-suspended': '挂起', 'clock-resumed': '恢复计时',
  'case-extended': '延期', 'deadline-alert-raised': '时限提醒', 'task-created': '任务产生', 'task-claimed': '认领', 'task-vote-cast': '签署意见',
  'task-completed': '办理完成', 'task-cancelled': '任务取消', 'task-transferred': '转办', 'signer-added': '加签', 'decision-recorded': '作出决定',
  'document-issued': '出具文书', 'notification-sent': '送达通知', 'activity-completed': '插件活动', 'case-urged': '催办', 'case-withdrawn': '撤回', 'catch-up-reminded': '催补', 'case-terminated': '终止办理',
  'pledge-chosen': '选择告知承诺', 'pledge-check-opened': '告知承诺核查', 'pledge-checked': '核查完成', 'decision-revoked': '撤销许可决定',
  'case-closed': '办结', 'case-evaluated': '好差评', 'file-attached': '上传附件', 'result-delivered': '送达结果', 'rectification-opened': '整改开始',
  'rectification-completed': '整改完成', 'timer-scheduled': '定时器', 'timer-fired': '定时触发', 'token-created': '流转', 'token-moved': '流转', 'token-consumed': '流转',
};
const noise = new Set(['token-created', 'token-moved', 'token-consumed', 'timer-scheduled', 'timer-fired']);

function detail(e: CaseEvent, people: Map<string, string>): string {
  const d = e.data as Record<string, unknown>;
  const parts: string[] = [];
  // Who acted: UserId / By, a vote's user, or the event's own ...By field (ReceivedBy, AcceptedBy, RequestedBy...).
  const byField = Object.entries(d).find(([k, v]) => /By$/.test(k) && typeof v === 'string')?.[1];
  const who = (d.UserId ?? d.By ?? (d.Vote as Record<string, unknown> | undefined)?.UserId ?? byField) as string | undefined;
  if (who) parts.push(personName(people, who));
  if (d.StepName) parts.push(String(d.StepName));
  const outcome = (d.Outcome ?? (d.Vote as Record<string, unknown> | undefined)?.Outcome) as string | undefined;
  if (outcome) parts.push(`结果：${outcomeLabel(outcome)}`);
  const opinion = (d.Opinion ?? (d.Vote as Record<string, unknown> | undefined)?.Opinion) as string | undefined;
  if (opinion) parts.push(`意见：${opinion}`);
  if (d.Reason) parts.push(`理由：${d.Reason}`);
  if (Array.isArray(d.Reasons)) parts.push(`理由：${(d.Reasons as string[]).join('；')}`);
  if (d.TemplateId) parts.push(templateLabel(String(d.TemplateId)));
  if (d.FileName) parts.push(String(d.FileName));
  if (d.Message) parts.push(String(d.Message));
  if (d.Due) parts.push(`到期 ${d.Due}`);
  return parts.join(' · ');
}

/**
 * Effects that failed after their last retry (a notice not delivered, a document not rendered): shown
 * above the timeline with the reason (admins and supervisors see it), and admins run one again.
 */
function FailedEffects({ effects, caseId, canRun, onRun }: { effects: CaseEffect[]; caseId: string; canRun: boolean; onRun: () => void }) {
  const { message } = App.useApp();
  const [running, setRunning] = useState<string | null>(null);
  const failed = effects.filter((e) => e.state === 'failed');
  if (failed.length === 0) return null;
  const run = async (effect: CaseEffect) => {
    setRunning(effect.id);
    try {
      const after = await workbenchApi.runEffect(caseId, effect.id);
      if (after.state === 'done') message.success(`已重新执行：${effect.label}`);
      else message.error(`仍未成功：${after.reason ?? effect.label}`);
    } catch (e) { showError(e, '重新执行'); }
    setRunning(null);
    onRun();
  };
  return (
    <div data-testid="failed-effects" style={{ marginBottom: 12 }}>
      {failed.map((e) => (
        <Alert key={e.id} type="error" showIcon style={{ marginBottom: 8 }} data-effect={e.id}
          title={`${e.label}失败（已重试 ${e.attempts} 次）`}
          description={<span>{e.reason ? `原因：${e.reason}` : '请联系管理员处理'} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(e.createdAt)}</Typography.Text></span>}
          action={canRun ? <Button size="small" danger loading={running === e.id} onClick={() => void run(e)}>重新执行</Button> : undefined} />
      ))}
    </div>
  );
}

/** 时间线: every event of the case, as recorded (全过程留痕), and the effects that failed. */
export function CaseTimeline({ events, effects = [], caseId = '', canRun = false, onRun = () => {} }: {
  events: CaseEvent[]; effects?: CaseEffect[]; caseId?: string; canRun?: boolean; onRun?: () => void;
}) {
  const [all, setAll] = useState(false);
  const people = usePeople();
  const shown = events.filter((e) => all || !noise.has(e.type));
  return (
    <div data-testid="timeline">
      <FailedEffects effects={effects} caseId={caseId} canRun={canRun} onRun={onRun} />
      <div style={{ marginBottom: 12 }}><Switch size="small" checked={all} onChange={setAll} /> <Typography.Text type="secondary">显示流转与定时器事件</Typography.Text></div>
      <AntTimeline items={shown.map((e) => ({
        key: e.sequence,
        color: e.type.includes('refused') || e.type.includes('alert') ? 'red' : e.type === 'case-closed' ? 'green' : 'blue',
        content: (
          <div>
            <b>{labels[e.type] ?? e.type}</b> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(e.at)}</Typography.Text>
            <div style={{ fontSize: 13 }}>{detail(e, people)}</div>
          </div>
        ),
      }))} />
    </div>
  );
}
