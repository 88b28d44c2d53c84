/** What the after-care and supervision endpoints answer (server/Workflows.Server/Workbench, Api/WorkEndpoints.cs). */

export type Level = 'normal' | 'warning' | 'overdue';

/** GET /api/supervision: open cases at warning or overdue, and open counts per department. */
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
}

export interface SupervisionOverview {
  today: string;
  warnings: SupervisionCase[];
  overdue: SupervisionCase[];
  departments: { department: string; departmentName?: string | null; open: number; warning: number; overdue: number }[];
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
  overdue: number;
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
  truncated: boolean;
  departments: DepartmentReport[];
  evaluations: {
    total: number;
    satisfactionRate: number | null;
    levels: { level: EvaluationLevel; label: string; count: number }[];
    bad: Rectification[];
  };
}
