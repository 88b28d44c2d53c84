// What the after-care and supervision endpoints answer (server/Workflows.Server/Workbench, Api/WorkEndpoints.cs),
// generated from the server's OpenAPI document (src/api/schema.d.ts, npm run gen:api).
import type { components } from '../../api/schema';
import type { DeadlineLevel } from '../types';

type Schemas = components['schemas'];

export type Level = DeadlineLevel;

/** GET /api/supervision: an open case at 预警, 超期 or 已暂停 (its level as the server decides it); a suspended one says its 特别程序. */
export type SupervisionCase = Schemas['SupervisionRow'];

/** Open cases by level; the card, the table and the report count the same cases the same way. */
export type LevelCounts = Schemas['SupervisionTotals'];

/** GET /api/supervision: every open case counted (totals); the lists stop at the server's limit (listed says how many they hold). */
export type SupervisionOverview = Schemas['SupervisionView'];

export type WeekVolume = Schemas['ReportWeek'];

export type DepartmentReport = Schemas['ReportDepartment'];

export type EvaluationLevel = Schemas['EvaluationLevel'];

export type RectificationStatus = Schemas['RectificationStatus'];

/** One 整改 (GET /api/rectifications, and the bad ratings of the report). */
export type Rectification = Schemas['RectificationRow'];

/** GET /api/rectifications?state=open|completed|all. */
export type RectificationList = Schemas['RectificationList'];

/** GET /api/supervision/report?weeks=N. */
export type SupervisionReport = Schemas['SupervisionReportView'];
