/** What the after-care and supervision endpoints answer (server/Workflows.Server/Workbench, Api/WorkEndpoints.cs). */

import type { DeadlineLevel } from '../types';

export type Level = DeadlineLevel;

/** GET /api/supervision: open cases at 预警, 超期 or 已暂停 (every level as the server decides it), and the counts. */
export interface SupervisionCase {
  id: string;
  number: string;
  itemId: string;
  itemName?: string | null;
  applicantName: string;
  status: string;
  statusLabel: string;
  department?: string | null;
  promisedDue?: string | null;
  promisedDueProvisional?: boolean;
  remaining?: number | null;
  level: Level;
  levelLabel: string;
  /** A case suspended for a 特别程序 step: which one, and whether it ran past the announced duration. */
  procedure?: { name: string; startedOn: string; announcedEnd: string; overrun: boolean } | null;
  /** In a 特别程序 past its announced end (from the server's figures index). */
  procedureOverrun?: boolean;
}

/** Open cases by level; the card, the table and the report count the same cases the same way. */
export interface LevelCounts {
  open: number; warning: number; overdue: number; suspended: number;
  /** 特别程序 past the announced duration. */
  procedureOverrun?: number;
  /** 告知承诺 核查 past due, on open or 办结 cases (the check task waits in the department's inbox as 超期). */
  pledgeCheckOverdue?: number;
}

export interface SupervisionOverview {
  today: string;
  /** Every open case counted (the lists below stop at the server's limit; listed says how many they hold). */
  totals: LevelCounts;
  listed: number;
  warnings: SupervisionCase[];
  overdue: SupervisionCase[];
  suspended: SupervisionCase[];
  departments: ({ department: string; departmentName?: string | null } & LevelCounts)[];
}

export interface WeekVolume {
  week: string;
  received: number;
  closed: number;
}

export interface DepartmentReport {
  department: string;
  departmentName?: string | null;
  departmentShortName?: string | null;
  received: number;
  closed: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
  open: number;
  warning: number;
  overdue: number;
  suspended: number;
  /** Open cases in a 特别程序 past its announced duration. */
  procedureOverrun?: number;
  weekly: WeekVolume[];
}

export type EvaluationLevel = 'very-satisfied' | 'satisfied' | 'basically-satisfied' | 'dissatisfied' | 'very-dissatisfied';

export type RectificationStatus = 'open' | 'overdue' | 'completed';

/** One 整改 (GET /api/rectifications, and the bad ratings of the report). */
export interface Rectification {
  caseId: string;
  number: string;
  version: number;
  itemId: string;
  itemName?: string | null;
  applicantName: string;
  department?: string | null;
  departmentName?: string | null;
  departmentShortName?: string | null;
  level?: EvaluationLevel | null;
  levelLabel?: string | null;
  comment?: string | null;
  ratedAt?: string | null;
  openedOn: string;
  due: string;
  remainingWorkingDays?: number | null;
  status: RectificationStatus;
  measures?: string | null;
  by?: string | null;
  completedAt?: string | null;
  onTime?: boolean | null;
  mayRectify: boolean;
}

export interface SupervisionReport {
  today: string;
  weeks: string[];
  departments: DepartmentReport[];
  evaluations: {
    total: number;
    satisfactionRate: number | null;
    levels: { level: EvaluationLevel; label: string; count: number }[];
    bad: Rectification[];
  };
}
