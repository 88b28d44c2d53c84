import { describe, expect, it } from 'vitest';
import { BOM } from './csv';
import { alertRows, alertsCsv, departmentsCsv, formatRate, officeTotals, onTimeRate, ratingsCsv, weekLabel, weeklyTotals } from './stats';
import type { DepartmentReport, Rectification, SupervisionCase } from './types';

const dept = (department: string, closed: number, onTime: number, weekly: [number, number][]): DepartmentReport => ({
  department, departmentName: `${department}局`, departmentShortName: null, received: closed + 1, closed, onTime, late: closed - onTime, onTimeRate: onTimeRate(onTime, closed),
  open: 1, warning: 0, overdue: 0, suspended: 1, procedureOverrun: 0, weekly: weekly.map(([received, closedInWeek], i) => ({ week: `week-${i}`, received, closed: closedInWeek })),
});

describe('onTimeRate', () => {
  it('is a percentage with one decimal, and null (—) when nothing closed', () => {
    expect(onTimeRate(1, 2)).toBe(50);
    expect(onTimeRate(2, 3)).toBe(66.7);
    expect(onTimeRate(0, 4)).toBe(0);
    expect(onTimeRate(0, 0)).toBeNull();
    expect(formatRate(66.7)).toBe('66.7%');
    expect(formatRate(null)).toBe('—');
  });

  it('adds the office up from the departments instead of averaging their rates', () => {
    const totals = officeTotals([dept('a', 1, 1, []), dept('b', 3, 0, [])]);
    expect(totals.closed).toBe(4);
    expect(totals.onTimeRate).toBe(25); // the average of 100% and 0% would say 50%
  });
});

describe('weekly volumes', () => {
  it('sums each week over the departments', () => {
    const weeks = ['2026-10-26', '2026-11-02'];
    expect(weeklyTotals({ weeks, departments: [dept('a', 0, 0, [[1, 0], [2, 1]]), dept('b', 0, 0, [[0, 0], [3, 2]])] })).toEqual([
      { week: '2026-10-26', received: 1, closed: 0 },
      { week: '2026-11-02', received: 5, closed: 3 },
    ]);
    expect(weekLabel('2026-11-02')).toBe('11月2日');
  });
});

describe('CSV exports', () => {
  const labels = { warning: '预警', overdue: '超期', suspended: '已暂停' } as const;
  const row = (number: string, level: 'warning' | 'overdue' | 'suspended', promisedDue: string): SupervisionCase => ({
    id: number, number, itemId: 'agri', itemName: '农业机械登记', applicantName: '张建国', status: 'in-progress', statusLabel: '办理中',
    department: 'agriculture', itemDepartment: 'agriculture', promisedDue, remaining: level === 'overdue' ? -3 : level === 'suspended' ? null : 1, level, levelLabel: labels[level],
  });

  it('lists overdue cases first, then warned, then suspended, each group by due date, with the server\'s labels', () => {
    const rows = alertRows({
      warnings: [row('W-2', 'warning', '2026-11-20')], overdue: [row('O-2', 'overdue', '2026-11-05'), row('O-1', 'overdue', '2026-11-04')],
      suspended: [row('S-1', 'suspended', '2026-11-01')],
    });
    expect(rows.map((r) => r.number)).toEqual(['O-1', 'O-2', 'W-2', 'S-1']);
    const lines = alertsCsv(rows, () => '农业农村局').replace(BOM, '').trim().split('\r\n');
    expect(lines[0]).toBe('级别,办件编号,事项,申请人,当前部门,状态,承诺办结日,剩余工作日');
    expect(lines[1]).toBe('超期,O-1,农业机械登记,张建国,农业农村局,办理中,2026-11-04,-3');
    expect(lines[4]).toBe('已暂停,S-1,农业机械登记,张建国,农业农村局,办理中,2026-11-01,');
    expect(lines).toHaveLength(5);
  });

  it('writes one line per department with its rate and weekly columns, and one per bad rating', () => {
    const csv = departmentsCsv({ weeks: ['2026-11-02'], departments: [dept('a', 2, 1, [[3, 2]])] });
    expect(csv.split('\r\n')[0]).toBe(`${BOM}部门,收件,办结,按时办结,超期办结,按时办结率,在办,在办预警,在办超期,已暂停,2026-11-02起收件,2026-11-02起办结`);
    expect(csv.split('\r\n')[1]).toBe('a局,3,2,1,1,50.0%,1,0,0,1,3,2');
    const bad = { number: 'N-1', itemId: 'x', itemName: '事项', applicantName: '李', departmentName: '农业农村局', levelLabel: '不满意', comment: '慢, 很慢', due: '2026-11-09', status: 'overdue', measures: null } as unknown as Rectification;
    expect(ratingsCsv([bad]).split('\r\n')[1]).toBe('N-1,事项,李,农业农村局,不满意,"慢, 很慢",2026-11-09,整改超期,');
  });
});
