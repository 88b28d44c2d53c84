import { Result, Spin } from 'antd';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { describeError } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { designerApi } from '../api/designerApi';
import type { Option, Reference } from '../model/types';

interface DesignerState {
  reference: Reference;
  isAdmin: boolean;
  /** A department editor's department (null for admins). */
  department: string | null;
  departmentName(id?: string | null): string;
  windowName(id?: string | null): string;
  roleName(id?: string | null): string;
  enumOptions(name: string): Option[];
  enumLabel(name: string, value?: string | null): string;
  outcomeLabel(name: string): string;
  kindLabel(kind: string): string;
}

const Ctx = createContext<DesignerState | null>(null);

// Enums the reference does not list (guide details), labelled as in the model.
const extraEnums: Record<string, Option[]> = {
  'basis-kind': [
    { value: 'law', label: '法律' }, { value: 'administrative-regulation', label: '行政法规' }, { value: 'local-regulation', label: '地方性法规' },
    { value: 'rule', label: '规章' }, { value: 'normative-document', label: '规范性文件' },
  ],
};

export function DesignerProvider({ children }: { children: ReactNode }) {
  const user = useUser();
  const [reference, setReference] = useState<Reference | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    designerApi.reference().then(setReference, setError);
  }, []);
  if (error) {
    const { title, detail } = describeError(error);
    return <Result status="error" title={`设计器无法加载：${title}`} subTitle={detail} />;
  }
  if (!reference) return <Spin style={{ display: 'block', margin: 80 }} description="正在加载设计器…" />;
  const enums = { ...extraEnums, ...reference.enums };
  const state: DesignerState = {
    reference,
    isAdmin: user.roles.includes('admin'),
    department: user.roles.includes('admin') ? null : user.department ?? null,
    departmentName: (id) => reference.departments.find((d) => d.id === id)?.name ?? id ?? '',
    windowName: (id) => reference.windows.find((w) => w.id === id)?.name ?? id ?? '',
    roleName: (id) => reference.roles.find((r) => r.id === id)?.name ?? id ?? '',
    enumOptions: (name) => enums[name] ?? [],
    enumLabel: (name, value) => enums[name]?.find((o) => o.value === value)?.label ?? value ?? '',
    outcomeLabel: (name) => reference.outcomes.find((o) => o.value === name)?.label ?? name,
    kindLabel: (kind) => reference['step-kinds'].find((k) => k.value === kind)?.label ?? kind,
  };
  return <Ctx.Provider value={state}>{children}</Ctx.Provider>;
}

export function useDesigner(): DesignerState {
  const state = useContext(Ctx);
  if (!state) throw new Error('useDesigner outside DesignerProvider');
  return state;
}

/** For component tests: a provider with a given state. */
export const DesignerContextForTests = Ctx;
