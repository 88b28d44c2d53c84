import type { DepartmentReport, Rectification, SupervisionCase, SupervisionReport, WeekVolume } from './types';
import { toCsv } from './csv';

/** 按时办结率 in percent, one decimal; null when nothing closed (shown as —, never as 0%). */
export function onTimeRate(onTime: number, closed: number): number | null {
  return closed > 0 ? Math.round((1000 * onTime) / closed) / 10 : null;
}

export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${rate.toFixed(1)}%`;
}

/** The whole office: the departments added up, the rate computed from the sums (not averaged). */
export function officeTotals(departments: readonly DepartmentReport[]) {
  const sum = (pick: (d: DepartmentReport) => number) => departments.reduce((n, d) => n + pick(d), 0);
  const closed = sum((d) => d.closed);
  const onTime = sum((d) => d.onTime);
  return {
    received: sum((d) => d.received), closed, onTime, late: sum((d) => d.late), open: sum((d) => d.open),
    warning: sum((d) => d.warning), overdue: sum((d) => d.overdue), suspended: sum((d) => d.suspended), procedureOverrun: sum((d) => d.procedureOverrun ?? 0), onTimeRate: onTimeRate(onTime, closed),
  };
}

/** Received and closed per week over every department, in the report's week order. */
export function weeklyTotals(report: Pick<SupervisionReport, 'weeks' | 'departments'>): WeekVolume[] {
  return report.weeks.map((week, i) => ({
    week,
    received: report.departments.reduce((n, d) => n + (d.weekly[i]?.received ?? 0), 0),
    closed: report.departments.reduce((n, d) => n + (d.weekly[i]?.closed ?? 0), 0),
  }));
}

/** "2026-11-02" → "11月2日": the Monday a week starts on. */
export function weekLabel(monday: string): string {
  const [, m, d] = monday.split('-').map(Number);
  return `${m}月${d}日`;
}

export const rectificationLabels: Record<string, string> = { open: '整改中', overdue: '整改超期', completed: '已整改' };

/** 超期 first, then 预警, then 已暂停, each by due date: the order the list and the CSV share. */
export function alertRows(overview: { overdue: SupervisionCase[]; warnings: SupervisionCase[]; suspended?: SupervisionCase[] }): SupervisionCase[] {
  const byDue = (a: SupervisionCase, b: SupervisionCase) => (a.promisedDue ?? '9999').localeCompare(b.promisedDue ?? '9999') || a.number.localeCompare(b.number);
  return [...[...overview.overdue].sort(byDue), ...[...overview.warnings].sort(byDue), ...[...(overview.suspended ?? [])].sort(byDue)];
}

export function alertsCsv(rows: readonly SupervisionCase[], departmentName: (id?: string | null) => string): string {
  return toCsv(
    ['级别', '办件编号', '事项', '申请人', '当前部门', '状态', '承诺办结日', '剩余工作日'],
    rows.map((r) => [r.levelLabel, r.number, r.itemName ?? r.itemId, r.applicantName, departmentName(r.department), r.statusLabel, r.promisedDue ?? '', r.remaining ?? '']),
  );
}

export function departmentsCsv(report: Pick<SupervisionReport, 'weeks' | 'departments'>): string {
  return toCsv(
    ['部门', '收件', '办结', '按时办结', '超期办结', '按时办结率', '在办', '在办预警', '在办超期', '已暂停', ...report.weeks.flatMap((w) => [`${w}起收件`, `${w}起办结`])],
    report.departments.map((d) => [
      d.departmentName ?? d.department, d.received, d.closed, d.onTime, d.late, formatRate(d.onTimeRate), d.open, d.warning, d.overdue, d.suspended,
      ...d.weekly.flatMap((w) => [w.received, w.closed]),
    ]),
  );
}

export function ratingsCsv(bad: readonly Rectification[]): string {
  return toCsv(
    ['办件编号', '事项', '申请人', '部门', '评价', '评价意见', '整改期限', '整改状态', '整改情况'],
    bad.map((r) => [r.number, r.itemName ?? r.itemId, r.applicantName, r.departmentName ?? r.department ?? '', r.levelLabel ?? '', r.comment ?? '', r.due, rectificationLabels[r.status] ?? r.status, r.measures ?? '']),
  );
}
