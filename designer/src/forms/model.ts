// The 申请表 model as the server sends it (GET /api/items/{id} → form; kebab-case keys like the YAML files).

export type FieldType =
  | 'text' | 'textarea' | 'number' | 'date' | 'select' | 'multi-select' | 'boolean'
  | 'idcard' | 'uscc' | 'phone' | 'address' | 'table';

export const fieldTypeLabels: Record<FieldType, string> = {
  text: '文本', textarea: '多行文本', number: '数字', date: '日期', select: '单选', 'multi-select': '多选',
  boolean: '是否', idcard: '身份证号', uscc: '统一社会信用代码', phone: '电话', address: '地址', table: '表格',
};

export interface FieldOption { value: string; label: string }

export interface FormRule { when?: string; rule: string; message: string }

export interface FormField {
  id: string;
  label: string;
  type: FieldType;
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
  columns?: FormField[];
  check?: FormRule;
}

export interface FormDefinition {
  'applicant-types': ('person' | 'organization')[];
  fields: FormField[];
  rules?: FormRule[];
}

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
