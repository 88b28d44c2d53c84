// What the case API answers, generated from the server's OpenAPI document (src/api/schema.d.ts,
// npm run gen:api). The parts of a definition the API sends as the files spell them (a guide,
// materials, a form: JSON in the document) take the definition types (src/api/definitions.d.ts).
// Only the screens' own labels and colours are written here.
import type { components } from '../api/schema';
import type { GuideFile, MaterialsFile } from '../api/definitions';
import type { FormDefinition } from '../forms/model';

type Schemas = components['schemas'];

/** A row of GET /api/items. */
export type ItemSummary = Schemas['ItemSummary'];

/** A material of the item (materials.yaml), as GET /api/items/{id}, the checklist and the case's definition send it. */
export type Material = MaterialsFile[number];

/** 办事指南 (guide.yaml). */
export type Guide = GuideFile;

/** One row of POST /api/items/{id}/checklist: the material, whether it applies, and the condition's error when it failed. */
export type ChecklistRow = Omit<Schemas['ChecklistRow'], 'material'> & { material: Material };

/** POST /api/items/{id}/checklist; shared: material id → the certificate 信息共享 found. */
export type ChecklistAnswer = Omit<Schemas['ChecklistAnswer'], 'materials'> & { materials: ChecklistRow[] };

/** GET /api/items/{id}: the summary, the guide, materials and form, and the acceptance set-up (委托受理 or 前台收件、后台受理). */
export type ItemDetail = Omit<Schemas['ItemDetail'], 'guide' | 'materials' | 'form'> & { guide: Guide; materials: Material[]; form?: FormDefinition | null };

// pledged: covered by the applicant's 告知承诺 (chosen before acceptance; never typed in at receipt).
export type MaterialStatus = Schemas['MaterialStatus'];

/** Who a task (TaskAssignee) or a step (StepAssigneeView, its keys left out when empty) is for: a department's role, or a window. */
export type Assignee = Partial<Schemas['TaskAssignee']>;

export type CaseTask = Schemas['CaseTask'];
export type ProcedureRun = Schemas['ProcedureRun'];
export type CaseState = Schemas['CaseState'];

/** GET /api/cases/{id}: the state with its labels, remaining days and the server's deadline level (Queries/DeadlineLevel.cs). */
export type CaseView = Schemas['CaseView'];

export type TaskRow = Schemas['TaskRow'];
/** GET /api/tasks: one page of the scope's tasks; total counts the cases with such tasks. */
export type TaskPage = Schemas['InboxPage'];

export type StepOutcome = Schemas['StepOutcomeView'];
export type StepAssignee = Schemas['StepAssigneeView'];
export type WorkflowStep = Schemas['CaseStepView'];

/** GET /api/cases/{id}/definition: the definition the case runs on (its pinned version), with its steps named. */
export type CaseDefinition = Omit<Schemas['CaseDefinitionView'], 'guide' | 'materials' | 'form'> & { guide: Guide; materials: Material[]; form?: FormDefinition | null };

/** An event of the case's log; data is its payload as stored. */
export type CaseEvent = Schemas['CaseEventView'];

/** An effect of the case not done yet (生成文书, 发送通知): pending, or failed after its last retry. */
export type CaseEffect = Schemas['CaseEffectView'];

/** GET /api/cases/{id}/timeline. */
export type CaseTimeline = Schemas['CaseTimeline'];

export const materialStatusLabels: Record<MaterialStatus, string> = { received: '已收取', deferred: '容缺后补', missing: '缺少', defective: '有误', pledged: '告知承诺' };
export const necessityLabels: Record<string, string> = { required: '必要', optional: '非必要', deferrable: '可容缺' };
export const kindLabels: Record<string, string> = { original: '原件', copy: '复印件', 'original-and-copy': '原件和复印件', 'original-or-copy': '原件或复印件' };
export const formLabels: Record<string, string> = { paper: '纸质', electronic: '电子', both: '纸质和电子' };
export const sourceLabels: Record<string, string> = { applicant: '申请人自备', government: '政府部门核发', 'e-license': '电子证照库调取', 'online-form': '在线填报', other: '其他' };

/** The notice a window decision produces (templates/notices). */
export const noticeOf: Record<string, { templateId: string; label: string }> = {
  receive: { templateId: 'notices/material-receipt', label: '材料接收凭证' },
  accept: { templateId: 'notices/acceptance', label: '受理通知书' },
  'accept-with-deferral': { templateId: 'notices/deferral-acceptance', label: '容缺受理通知书' },
  'request-supplement': { templateId: 'notices/supplement', label: '补正材料通知书（一次性告知）' },
  refuse: { templateId: 'notices/refusal', label: '不予受理通知书' },
};

export const templateLabels: Record<string, string> = {
  'notices/material-receipt': '材料接收凭证', 'notices/acceptance': '受理通知书', 'notices/deferral-acceptance': '容缺受理通知书',
  'notices/supplement': '补正材料通知书', 'notices/refusal': '不予受理通知书', 'notices/special-procedure': '特别程序告知书',
  'notices/extension': '延期告知书', 'notices/approval-decision': '准予许可决定书', 'notices/denial-decision': '不予许可决定书',
  'notices/completion': '办结通知书', 'notices/termination': '终止办理告知书',
  'notices/pledge': '证明事项告知承诺书', 'notices/revocation': '撤销行政许可决定书',
};

/** 告知承诺 as the item's guide publishes it (guide.yaml pledge; docs/pledge.md). */
export interface PledgeScheme { materials: string[]; check: 'written' | 'online' | 'on-site' | 'public'; basis?: string }
export const pledgeCheckLabels: Record<PledgeScheme['check'], string> = { written: '书面核查', online: '网络核验', 'on-site': '实地调查', public: '公示核查' };
/** What 告知承诺 means for the applicant, in the row of a pledged proof (国办发〔2020〕42号). */
export function pledgeExplanation(scheme: PledgeScheme): string {
  const method = pledgeCheckLabels[scheme.check];
  return `申请人以书面承诺代替本证明，窗口不再索要；作出决定后由部门核查${method ? `（${method}）` : ''}；`
    + '承诺不实的，撤销许可决定，并记入申请人信用记录。受理时出具《证明事项告知承诺书》，由申请人签字。';
}

/** The step id of the department's 核查 task (not a workflow step: it has no outcomes, only check-pledge). */
export const pledgeCheckStep = 'pledge-check';

export function pledgeSchemeOf(guide: Guide | undefined): PledgeScheme | null {
  const p = guide?.pledge as Partial<PledgeScheme> | undefined;
  return p && Array.isArray(p.materials) && p.materials.length > 0 ? { materials: p.materials, check: p.check ?? 'written', basis: p.basis } : null;
}

/** The case statuses (the server labels them; these are for filters and colours). */
export const caseStatuses: [string, string][] = [
  ['received', '已收件'], ['supplementing', '补正中'], ['in-progress', '办理中'], ['suspended', '挂起'], ['granted', '准予许可'],
  ['denied', '不予许可'], ['refused', '不予受理'], ['withdrawn', '已撤回'], ['terminated', '终止办理'], ['revoked', '已撤销'], ['completed', '已办结'],
];
const statusColors: Record<string, string> = {
  received: 'gold', supplementing: 'orange', 'in-progress': 'blue', suspended: 'default', granted: 'green', denied: 'volcano',
  refused: 'volcano', withdrawn: 'default', terminated: 'magenta', revoked: 'red', completed: 'green',
};
/** A status's tag colour; 已撤销 red wherever a status is shown. */
export function caseStatusColor(status: string | undefined): string {
  return (status && statusColors[status]) || 'blue';
}

export function templateLabel(id: string): string {
  return templateLabels[id] ?? (id.startsWith('certificates/') ? '证照' : id);
}

/** 正常/预警/超期/已暂停 as the server decides it; the browser only colours it (labels come with each row as levelLabel). */
export type DeadlineLevel = Schemas['DeadlineLevel'];
export const levelColors: Record<DeadlineLevel, string> = { normal: 'green', warning: 'gold', overdue: 'red', suspended: 'default' };

/** "剩余 3 个工作日" / "今日到期" / "超期 2 个工作日". */
export function remainingText(days: number | null | undefined): string {
  if (days === null || days === undefined) return '无时限';
  if (days > 0) return `剩余 ${days} 个工作日`;
  if (days === 0) return '今日到期';
  return `超期 ${-days} 个工作日`;
}
