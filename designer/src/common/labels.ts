// Words instead of keys: one place that turns the definitions' keys into what a clerk reads.

/** "3wd" → "3 个工作日", "10d" → "10 天", "2h" → "2 小时"; anything else as it is. */
export function limitLabel(limit: string | null | undefined): string {
  if (!limit) return '—';
  const m = /^(\d+)\s*(wd|d|h)$/.exec(limit.trim());
  if (!m) return limit;
  return `${m[1]} ${m[2] === 'wd' ? '个工作日' : m[2] === 'd' ? '天' : '小时'}`;
}

/** The usual outcome keys of the sample workflows; a step's own label wins where the definition gives one. */
export const outcomeLabels: Record<string, string> = {
  grant: '准予', deny: '不予', pass: '通过', approve: '同意', reject: '不同意', refuse: '不予受理', return: '退回',
  supplement: '补正', agree: '同意', disagree: '不同意', accept: '受理', complete: '办结',
};

export function outcomeLabel(outcome: string | null | undefined, stepLabel?: string | null): string {
  if (stepLabel) return stepLabel;
  if (!outcome) return '—';
  return outcomeLabels[outcome] ?? outcome;
}

/** The engine's step kinds as office.yaml's editors and clerks name them (the definitions' [Label]s). */
export const stepKindLabels: Record<string, string> = {
  intake: '受理', task: '办理', countersign: '会签', parallel: '并行', join: '汇聚', branch: '条件分支',
  document: '制证', notify: '通知', timer: '定时', subcase: '子办件', plugin: '插件',
};

export function stepKindLabel(kind: string | null | undefined): string {
  if (!kind) return '—';
  return stepKindLabels[kind] ?? kind;
}

/** 时限等级 of a deadline alert. */
export const levelLabels: Record<string, string> = { normal: '正常', warning: '预警', overdue: '超期', due: '到期', yellow: '黄牌', red: '红牌' };

export function levelLabel(level: string | null | undefined): string {
  if (!level) return '—';
  return levelLabels[level] ?? level;
}
