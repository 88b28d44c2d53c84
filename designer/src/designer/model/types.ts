// The definition models as the designer API sends them: the files' own kebab-case keys
// (see server/Workflows.Definitions/Model and definitions/README.md). Generated from the JSON Schemas
// the server writes (definitions/.schemas → src/api/definitions.d.ts, npm run gen:api); only the
// designer API's own shapes (workflow steps as a list with their id, files, diagnostics) are written here.
import type { Field as FieldFile, FormFile, MaterialsFile, WorkflowFile } from '../../api/definitions';

export type Duration = string; // "10wd" working days, "30d" calendar days

type StepFile = WorkflowFile['steps'][string];

export type Assignee = NonNullable<StepFile['by']>;

export type BranchCase = NonNullable<StepFile['cases']>[number];

export type StepKind = StepFile['kind'];

/** A step of workflow.yaml; the designer API lists the steps with their id (the file keys them by id). */
export type Step = StepFile & { id: string };

export interface Workflow {
  steps: Step[];
}

export type Material = MaterialsFile[number];

export type FieldOption = NonNullable<FieldFile['options']>[number];

export type Rule = NonNullable<FormFile['rules']>[number];

export type Field = FieldFile;

export type Form = FormFile;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Guide = Record<string, any> & { name: string; department: string; type: string };

export interface Diagnostic {
  severity: 'error' | 'warning';
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
  element?: 'step' | 'material' | 'field' | 'holiday' | 'make-up-workday';
  'element-id'?: string;
}

export interface DesignerFile<M = unknown> {
  path: string;
  etag: string;
  text: string;
  model: M | null;
  editable: boolean;
}

export type ItemFileName = 'guide' | 'materials' | 'form' | 'workflow';

export interface ItemTemplateRef {
  id: string;
  path: string;
  etag?: string;
  text?: string;
  exists: boolean;
  editable: boolean;
}

export interface FormFieldRef {
  id: string;
  label: string;
  type: string;
  columns: { id: string; label: string; type: string }[];
}

export interface DesignerItem {
  id: string;
  name?: string;
  department?: string;
  retired: boolean;
  published: boolean;
  'pending-files': string[];
  files: {
    guide: DesignerFile<Guide> | null;
    materials: DesignerFile<Material[]> | null;
    form: DesignerFile<Form> | null;
    workflow: DesignerFile<Workflow> | null;
  };
  templates: ItemTemplateRef[];
  fields: FormFieldRef[];
  diagnostics: Diagnostic[];
  'published-version'?: string;
}

export interface CatalogRow {
  id: string;
  name: string;
  'base-code'?: string;
  department?: string;
  'department-name'?: string;
  type?: string;
  'type-label'?: string;
  retired: boolean;
  readable: boolean;
  pending: boolean;
  editable: ItemFileName[];
}

export interface Option {
  value: string;
  label: string;
}

export interface ScriptReference {
  globals: string[];
  applicant: Record<string, string>;
  data: Record<string, string>;
  helpers: { name: string; signature: string; description: string }[];
}

export interface Reference {
  departments: { id: string; name: string; 'short-name'?: string }[];
  windows: { id: string; name: string; kind: string; departments: string[] }[];
  roles: { id: string; name: string; scope: string }[];
  'step-kinds': { value: StepKind; label: string; keys: string[] }[];
  outcomes: Option[];
  enums: Record<string, Option[]>;
  templates: string[];
  starters: { type: string; label: string; steps: unknown }[];
  script: ScriptReference;
  version?: string;
}

export interface FileDiff {
  path: string;
  status: 'added' | 'modified' | 'deleted';
  item?: string;
  title: string;
  semantic?: string[];
  raw: string;
}

export interface Commit {
  commit: string;
  'short-commit': string;
  author: string;
  email: string;
  date: string;
  message: string;
}
