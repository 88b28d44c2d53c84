// The definition models as the designer API sends them: the files' own kebab-case keys
// (see server/Workflows.Definitions/Model and definitions/README.md).

export type Duration = string; // "10wd" working days, "30d" calendar days

export interface Assignee {
  window?: string;
  department?: string;
  role?: string;
}

export interface BranchCase {
  when: string;
  next: string;
}

export type StepKind =
  | 'intake' | 'task' | 'countersign' | 'parallel' | 'join' | 'branch'
  | 'document' | 'notify' | 'timer' | 'subcase' | 'plugin';

export interface Step {
  id: string;
  kind: StepKind;
  name?: string;
  by?: Assignee;
  limit?: Duration;
  mode?: 'all' | 'any';
  signers?: Assignee[];
  template?: string;
  after?: Duration;
  item?: string;
  activity?: string;
  config?: Record<string, string>;
  branches?: string[];
  cases?: BranchCase[];
  otherwise?: string;
  next?: string;
  outcomes?: Record<string, string>;
}

export interface Workflow {
  steps: Step[];
}

export interface Material {
  id: string;
  name: string;
  kind: string;
  form: string;
  copies?: number;
  'paper-size'?: string;
  necessity: string;
  'deferral-limit'?: Duration;
  pledge?: boolean;
  source: string;
  'source-note'?: string;
  license?: string;
  when?: string;
  standard?: string;
  'blank-form'?: string;
  sample?: string;
  'filling-notes'?: string;
  basis?: string;
}

export interface FieldOption {
  value: string;
  label: string;
}

export interface Rule {
  when?: string;
  rule: string;
  message: string;
}

export interface Field {
  id: string;
  label: string;
  type: string;
  required?: boolean;
  when?: string;
  placeholder?: string;
  help?: string;
  default?: string;
  options?: FieldOption[];
  unit?: string;
  min?: number;
  max?: number;
  'max-length'?: number;
  pattern?: string;
  'min-rows'?: number;
  'max-rows'?: number;
  columns?: Field[];
  check?: Rule;
}

export interface Form {
  'applicant-types': string[];
  fields: Field[];
  rules?: Rule[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Guide = Record<string, any> & { name: string; department: string; type: string };

export interface Diagnostic {
  severity: 'error' | 'warning';
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
  element?: 'step' | 'material' | 'field';
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
