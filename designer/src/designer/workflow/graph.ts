// The workflow as a graph: one node per step plus the reserved `end`, one edge per exit of a
// step (next, an outcome, a parallel branch, a branch case, otherwise). The graph is derived
// from workflow.yaml's model and never stored: positions come from the automatic layout, so
// the semantic file carries no coordinates.

import type { Diagnostic, Step, StepKind, Workflow } from '../model/types';

export const END = 'end';

export type ExitKind = 'next' | 'outcome' | 'branch' | 'case' | 'otherwise';

/** Which exit of which step an edge stands for; enough to change or remove it in the model. */
export interface ExitRef {
  source: string;
  kind: ExitKind;
  /** The outcome name (outcome), or the index (branch, case). */
  key?: string;
}

export interface StepNodeData {
  step: Step | null;
  kind: StepKind | 'end' | 'missing';
  title: string;
  first: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  [key: string]: unknown;
}

export interface GraphNode {
  id: string;
  type: 'step' | 'end' | 'missing';
  data: StepNodeData;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  exit: ExitRef;
  /** An edge back to an earlier step (return, supplement): drawn dashed. */
  back: boolean;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function edgeId(exit: ExitRef): string {
  return exit.key === undefined ? `${exit.source}:${exit.kind}` : `${exit.source}:${exit.kind}:${exit.key}`;
}

/** Every exit of a step with its target, in the order the file lists them. */
export function exitsOf(step: Step): { exit: ExitRef; target: string }[] {
  const exits: { exit: ExitRef; target: string }[] = [];
  (step.branches ?? []).forEach((target, i) => exits.push({ exit: { source: step.id, kind: 'branch', key: String(i) }, target }));
  (step.cases ?? []).forEach((c, i) => exits.push({ exit: { source: step.id, kind: 'case', key: String(i) }, target: c.next }));
  if (step.otherwise) exits.push({ exit: { source: step.id, kind: 'otherwise' }, target: step.otherwise });
  for (const [name, target] of Object.entries(step.outcomes ?? {})) exits.push({ exit: { source: step.id, kind: 'outcome', key: name }, target });
  if (step.next) exits.push({ exit: { source: step.id, kind: 'next' }, target: step.next });
  return exits;
}

export interface GraphLabels {
  kind: (kind: StepKind) => string;
  outcome: (name: string) => string;
}

const fallbackLabels: GraphLabels = { kind: (k) => k, outcome: (o) => o };

export function toGraph(workflow: Workflow, diagnostics: Diagnostic[] = [], labels: GraphLabels = fallbackLabels): Graph {
  const ids = new Set(workflow.steps.map((s) => s.id));
  const order = new Map(workflow.steps.map((s, i) => [s.id, i]));
  const nodes: GraphNode[] = workflow.steps.map((step, i) => {
    const mine = diagnostics.filter((d) => d.element === 'step' && d['element-id'] === step.id);
    return {
      id: step.id,
      type: 'step',
      data: {
        step,
        kind: step.kind,
        title: step.name || labels.kind(step.kind),
        first: i === 0,
        errors: mine.filter((d) => d.severity === 'error'),
        warnings: mine.filter((d) => d.severity === 'warning'),
      },
    };
  });
  const edges: GraphEdge[] = [];
  const missing = new Set<string>();
  let endUsed = false;
  for (const step of workflow.steps) {
    for (const { exit, target } of exitsOf(step)) {
      if (target === END) endUsed = true;
      else if (!ids.has(target)) missing.add(target);
      const label =
        exit.kind === 'outcome' ? labels.outcome(exit.key!)
          : exit.kind === 'case' ? (step.cases?.[Number(exit.key)]?.when || '（条件未填）')
            : exit.kind === 'otherwise' ? '其他情况'
              : exit.kind === 'branch' ? `分支 ${Number(exit.key) + 1}`
                : '';
      const back = target !== END && order.has(target) && order.get(target)! <= order.get(step.id)!;
      edges.push({ id: edgeId(exit), source: step.id, target, label, exit, back });
    }
  }
  if (endUsed || workflow.steps.length > 0)
    nodes.push({ id: END, type: 'end', data: { step: null, kind: 'end', title: '办结', first: false, errors: [], warnings: [] } });
  for (const id of missing)
    nodes.push({ id, type: 'missing', data: { step: null, kind: 'missing', title: `未知步骤 ${id}`, first: false, errors: [], warnings: [] } });
  return { nodes, edges };
}

/** The target an exit points to now (undefined when the step or exit is gone). */
export function targetOf(workflow: Workflow, exit: ExitRef): string | undefined {
  const step = workflow.steps.find((s) => s.id === exit.source);
  if (!step) return undefined;
  switch (exit.kind) {
    case 'next': return step.next;
    case 'otherwise': return step.otherwise;
    case 'outcome': return step.outcomes?.[exit.key!];
    case 'branch': return step.branches?.[Number(exit.key)];
    case 'case': return step.cases?.[Number(exit.key)]?.next;
  }
}
