import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { Tooltip } from 'antd';
import type { StepNodeData } from './graph';
import { limitLabel } from '../../common/labels';

export type StepFlowNode = Node<StepNodeData & { assignee?: string; kindLabel?: string; selectedStep?: boolean }, 'step' | 'end' | 'missing'>;

const colours: Record<string, string> = {
  intake: '#1677ff', task: '#13a8a8', countersign: '#722ed1', parallel: '#fa8c16', join: '#fa8c16', branch: '#eb2f96',
  document: '#52c41a', notify: '#2f54eb', timer: '#8c8c8c', subcase: '#597ef7', plugin: '#8c8c8c',
};

/** A step on the canvas: its kind, name, assignee and limit; red with the messages when the validator found errors in it. */
export function StepNode({ data, selected }: NodeProps<StepFlowNode>) {
  const step = data.step;
  const errors = data.errors;
  const warnings = data.warnings;
  const colour = colours[data.kind] ?? '#8c8c8c';
  const border = errors.length ? '#ff4d4f' : warnings.length ? '#faad14' : selected ? '#1677ff' : '#d9d9d9';
  const box = (
    <div data-testid={`step-node-${step?.id}`} data-errors={errors.length}
      style={{
        width: 188, height: 72, boxSizing: 'border-box', background: errors.length ? '#fff1f0' : '#fff', borderRadius: 8,
        border: `${selected || errors.length ? 2 : 1}px solid ${border}`, borderLeft: `6px solid ${colour}`,
        padding: '6px 8px', fontSize: 12, boxShadow: selected ? '0 0 0 3px rgba(22,119,255,.15)' : '0 1px 2px rgba(0,0,0,.06)',
      }}>
      <Handle type="target" position={Position.Top} />
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 4 }}>
        <span style={{ color: colour, fontWeight: 600 }}>{data.kindLabel}{data.first ? ' · 第一步' : ''}</span>
        {errors.length > 0 && <span style={{ color: '#ff4d4f', fontWeight: 600 }} data-testid="node-error-count">✕ {errors.length}</span>}
        {!errors.length && warnings.length > 0 && <span style={{ color: '#faad14' }}>! {warnings.length}</span>}
      </div>
      <div style={{ fontWeight: 600, fontSize: 13, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{data.title}</div>
      <div style={{ color: '#888', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {data.assignee ?? step?.id}{step?.limit ? ` · ${limitLabel(step.limit)}` : ''}
      </div>
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
  if (errors.length + warnings.length === 0) return box;
  return <Tooltip title={[...errors, ...warnings].map((d) => `${d.code} ${d.message}`).join('\n')} styles={{ root: { whiteSpace: 'pre-line' } }}>{box}</Tooltip>;
}

export function EndNode() {
  return (
    <div data-testid="step-node-end" style={{ width: 96, height: 48, borderRadius: 24, border: '2px solid #595959', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#fafafa', fontWeight: 600 }}>
      <Handle type="target" position={Position.Top} />
      办结
    </div>
  );
}

export function MissingNode({ data }: NodeProps<StepFlowNode>) {
  return (
    <div style={{ width: 188, height: 72, borderRadius: 8, border: '2px dashed #ff4d4f', display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#ff4d4f', background: '#fff' }}>
      <Handle type="target" position={Position.Top} />
      {data.title}
    </div>
  );
}
