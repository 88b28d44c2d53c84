// The 申请表 model as the server sends it (GET /api/items/{id} → form; kebab-case keys like the YAML files).
// The types are generated from definitions/.schemas/form.schema.json (src/api/definitions.d.ts, npm run gen:api).
import type { Field, FormFile } from '../api/definitions';

export type FieldType = Field['type'];

export const fieldTypeLabels: Record<FieldType, string> = {
  text: '文本', textarea: '多行文本', number: '数字', date: '日期', select: '单选', 'multi-select': '多选',
  boolean: '是否', idcard: '身份证号', uscc: '统一社会信用代码', phone: '电话', address: '地址', table: '表格',
};

export type FieldOption = NonNullable<Field['options']>[number];

export type FormRule = NonNullable<FormFile['rules']>[number];

export type FormField = Field;

export type FormDefinition = FormFile;

export type FormValues = Record<string, unknown>;

/** The applicant as scripts see it (DOMAIN: applicant.type, name, idNumber...). */
export interface ApplicantValues {
  type: 'person' | 'organization';
  name?: string;
  idNumber?: string;
  uscc?: string;
  phone?: string;
  address?: string;
  legalRepresentative?: string;
}
