// Automatic layout of the workflow graph with dagre. Positions are computed on every change and
// never saved: workflow.yaml has no coordinates.

import dagre from '@dagrejs/dagre';
import type { Graph } from './graph';

export const NODE_WIDTH = 188;
export const NODE_HEIGHT = 72;

export interface Positioned {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function layout(graph: Graph, direction: 'LR' | 'TB' = 'TB'): Map<string, Positioned> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: direction, nodesep: 40, ranksep: 46, edgesep: 16, marginx: 16, marginy: 16, ranker: 'network-simplex' });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) {
    const small = node.type === 'end';
    g.setNode(node.id, { width: small ? 96 : NODE_WIDTH, height: small ? 48 : NODE_HEIGHT });
  }
  for (const edge of graph.edges) {
    // Back edges (补正 → 受理) do not pull the earlier step to the right.
    g.setEdge(edge.source, edge.target, { weight: edge.back ? 0 : 2, minlen: 1, width: edge.label ? 48 : 0, height: edge.label ? 16 : 0 }, edge.id);
  }
  dagre.layout(g);
  const out = new Map<string, Positioned>();
  for (const node of graph.nodes) {
    const n = g.node(node.id);
    // dagre gives centres; React Flow wants the top-left corner.
    out.set(node.id, { id: node.id, x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height });
  }
  return out;
}
