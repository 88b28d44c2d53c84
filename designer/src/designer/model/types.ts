// The definition models as the designer API sends them: the files' own kebab-case keys
// (see server/Workflows.Definitions/Model and definitions/README.md). Generated from the JSON Schemas
// the server writes (definitions/.schemas → src/api/definitions.d.ts, npm run gen:api); only the
// designer API's own shapes (workflow steps as a list with their id, files, diagnostics) are written here.
import type { Field as FieldFile, FormFile, MaterialsFile, WorkflowFile } from '../../api/definitions';
import type { components } from '../../api/schema';

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

// The designer API's own answers are generated from the server's OpenAPI document (src/api/schema.d.ts).
type Schemas = components['schemas'];

/** A diagnostic of a definition file, located by line and, in an item file, by its element (step, material, field). */
export type Diagnostic = Schemas['DesignerDiagnostic'];

/** A file as the designer API sends it: text, ETag, and the parsed model (absent when the text does not parse). */
export type DesignerFile<M = unknown> = Omit<Schemas['DesignerFileView'], 'model'> & { model?: M | null };

export type ItemFileName = 'guide' | 'materials' | 'form' | 'workflow';

export type ItemTemplateRef = Schemas['DesignerItemTemplate'];

export type FormFieldRef = Schemas['DesignerField'];

/** GET /api/designer/items/{id}: the item's four files (each typed by its model), templates, fields and diagnostics. */
export type DesignerItem = Omit<Schemas['DesignerItem'], 'files'> & {
  files: {
    guide?: DesignerFile<Guide> | null;
    materials?: DesignerFile<Material[]> | null;
    form?: DesignerFile<Form> | null;
    workflow?: DesignerFile<Workflow> | null;
  };
};

export type CatalogRow = Schemas['DesignerCatalogRow'];

export type Option = Schemas['ReferenceOption'];

export type ScriptReference = Schemas['ScriptReferenceView'];

/** GET /api/designer/reference: departments, windows, roles, step kinds, enums, templates, the script vocabulary. */
export type Reference = Schemas['DesignerReference'];

export type FileDiff = Schemas['FileDiff'];

export type Commit = Schemas['CommitView'];
