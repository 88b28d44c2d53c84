// The checklist editor's commands: named edits of materials.yaml's list.

import { command, type Command } from '../commands/commandStack';
import type { Material } from '../model/types';

export type MaterialsCommand = Command<Material[]>;

const labels: Record<string, string> = {
  name: '名称', kind: '材料形式', form: '材料载体', copies: '份数', 'paper-size': '纸张规格', necessity: '必要性',
  'deferral-limit': '容缺补交期限', pledge: '告知承诺', source: '来源渠道', 'source-note': '来源说明', license: '电子证照类型',
  when: '适用条件', standard: '受理标准', 'blank-form': '空白表格', sample: '示例样表', 'filling-notes': '填报须知', basis: '依据', id: '标识',
};

function without<T extends object>(value: T, keys: string[]): T {
  const copy = { ...value } as Record<string, unknown>;
  for (const k of keys) delete copy[k];
  return copy as T;
}

/** Sets fields of one material; undefined or '' removes a field. Marking a material not deferrable drops its deferral limit. */
export function setMaterial(id: string, patch: Partial<Material>, name?: string): MaterialsCommand {
  const keys = Object.keys(patch);
  return command('material.set', `修改材料 ${name ?? id} 的${keys.map((k) => labels[k] ?? k).join('、')}`, (materials) => {
    const index = materials.findIndex((m) => m.id === id);
    if (index < 0) return materials;
    let next = { ...materials[index], ...patch } as Material;
    next = without(next, Object.entries(next).filter(([, v]) => v === undefined || v === '').map(([k]) => k));
    if (patch.necessity && patch.necessity !== 'deferrable') next = without(next, ['deferral-limit']);
    if (patch.necessity === 'deferrable' && !next['deferral-limit']) next['deferral-limit'] = '5wd';
    if (patch.source && patch.source !== 'e-license') next = without(next, ['license']);
    if (JSON.stringify(next) === JSON.stringify(materials[index])) return materials;
    return materials.map((m, i) => (i === index ? next : m));
  }, `material.set:${id}:${keys.join(',')}`);
}

export function uniqueMaterialId(materials: Material[], base = 'material'): string {
  const taken = new Set(materials.map((m) => m.id));
  for (let i = materials.length + 1; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Adds a material at the end (or after `after`), with the usual defaults. */
export function addMaterial(material: Partial<Material> = {}, after?: string): MaterialsCommand {
  return command('material.add', `添加材料${material.name ? ' ' + material.name : ''}`, (materials) => {
    const added: Material = {
      id: material.id ?? uniqueMaterialId(materials),
      name: material.name ?? '新材料',
      kind: 'original', form: 'paper', copies: 1, necessity: 'required', pledge: false, source: 'applicant',
      ...material,
    };
    const at = after ? materials.findIndex((m) => m.id === after) + 1 : materials.length;
    return [...materials.slice(0, at), added, ...materials.slice(at)];
  });
}

export function removeMaterial(id: string, name?: string): MaterialsCommand {
  return command('material.remove', `删除材料 ${name ?? id}`, (materials) =>
    materials.some((m) => m.id === id) ? materials.filter((m) => m.id !== id) : materials);
}

/** Moves the material at `from` to position `to` (drag and drop, or the arrows). */
export function moveMaterial(from: number, to: number): MaterialsCommand {
  return command('material.move', `调整材料顺序`, (materials) => {
    if (from === to || from < 0 || to < 0 || from >= materials.length || to >= materials.length) return materials;
    const copy = [...materials];
    const [moved] = copy.splice(from, 1);
    copy.splice(to, 0, moved);
    return copy;
  });
}

/** Renames a material's id (the checklist's key in cases and scripts). */
export function renameMaterial(from: string, to: string): MaterialsCommand {
  return command('material.rename', `材料标识 ${from} → ${to}`, (materials) =>
    !/^[a-z][a-z0-9-]*$/.test(to) || materials.some((m) => m.id === to) ? materials : materials.map((m) => (m.id === from ? { ...m, id: to } : m)));
}
