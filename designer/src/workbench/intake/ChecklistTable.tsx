import { CameraOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Radio, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { formLabels, kindLabels, materialStatusLabels, necessityLabels, pledgeExplanation, sourceLabels, type ChecklistAnswer, type Material, type MaterialStatus, type PledgeScheme } from '../types';

/** The document camera (高拍仪) on the rows: capture pages into a material; disabled (not a tab stop) without an agent. */
export interface CameraControls {
  ready: boolean; busy: string | null; format: 'pdf' | 'jpeg';
  /** File names (with pages) captured per material, not uploaded yet. */
  captured: Record<string, string[]>;
  onCapture: (materialId: string) => void; onRemove: (materialId: string, index: number) => void;
}

/** A material's mark; no status yet = not checked by the clerk. */
export interface MaterialMark { status?: MaterialStatus; note?: string }

/**
 * 材料清单: the materials that apply (evaluated by the server), each marked received / deferred / missing /
 * defective with a note; a proof of the item's 告知承诺 scheme may also be marked 告知承诺 (the applicant's pledge replaces it).
 */
export function ChecklistTable({ materials, marks, shared, onMark, loading, updating, camera, pledge }: {
  materials: Material[]; marks: Record<string, MaterialMark>; shared: ChecklistAnswer['shared'];
  onMark: (id: string, mark: MaterialMark) => void; loading?: boolean;
  /** The server is evaluating the checklist again for the latest form: the decision waits for it. */
  updating?: boolean;
  camera?: CameraControls;
  /** The item's 告知承诺 scheme: its proofs get the 告知承诺 choice. */
  pledge?: PledgeScheme | null;
}) {
  const pledgeable = (m: Material) => !!pledge && m.pledge === true && pledge.materials.includes(m.id);
  return (
    <Table<Material> size="small" rowKey="id" loading={loading} pagination={false} dataSource={materials} data-testid="checklist" data-updating={updating ? 'true' : 'false'}
      columns={[
        { title: '材料', key: 'name', render: (_, m) => (
          <div>
            <div style={{ fontWeight: 500 }}>{m.name}</div>
            <Space size={4} wrap style={{ marginTop: 2 }}>
              <Tag color={m.necessity === 'required' ? 'red' : m.necessity === 'deferrable' ? 'orange' : 'default'}>{necessityLabels[m.necessity] ?? m.necessity}</Tag>
              <Tag>{kindLabels[m.kind] ?? m.kind}</Tag>
              <Tag>{formLabels[m.form] ?? m.form}{m.copies ? ` ${m.copies} 份` : ''}</Tag>
              <Tag>{sourceLabels[m.source] ?? m.source}</Tag>
              {pledgeable(m) && <Tag color="cyan" data-testid={`pledgeable-${m.id}`}>可告知承诺</Tag>}
              {shared[m.id] && <Tooltip title={shared[m.id].note}><Tag color="green">信息共享：{shared[m.id].name ?? '已调取'}</Tag></Tooltip>}
            </Space>
            {m.standard && <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 0' }}>标准：{m.standard}</Typography.Paragraph>}
            {camera && (camera.captured[m.id]?.length ?? 0) > 0 && (
              <Space size={4} wrap style={{ marginTop: 4 }} data-testid={`captured-${m.id}`}>
                {camera.captured[m.id].map((name, i) => <Tag key={`${name}-${i}`} color="blue" closable onClose={() => camera.onRemove(m.id, i)}>已拍摄 {name}</Tag>)}
              </Space>
            )}
          </div>
        ) },
        { title: '收取情况', key: 'status', width: pledge ? 400 : 330, render: (_, m) => (<>
          <Radio.Group size="small" optionType="button" buttonStyle="solid" value={marks[m.id]?.status ?? null} data-testid={`mark-${m.id}`}
            onChange={(e) => onMark(m.id, { ...marks[m.id], status: e.target.value })}
            options={(['received', 'deferred', 'missing', 'defective', ...(pledgeable(m) ? ['pledged'] : [])] as MaterialStatus[]).map((s) => ({
              value: s, label: materialStatusLabels[s], disabled: s === 'deferred' && m.necessity !== 'deferrable',
            }))} />
          {/* What the pledge means, where the clerk just chose it: read to the applicant before the 告知承诺书 is signed. */}
          {pledge && marks[m.id]?.status === 'pledged' && (
            <Alert type="info" style={{ marginTop: 6, padding: '4px 8px', fontSize: 12 }} data-testid={`pledge-explanation-${m.id}`} title={pledgeExplanation(pledge)} />
          )}
        </>) },
        { title: '说明', key: 'note', width: 220, render: (_, m) => (
          <Input size="small" placeholder={marks[m.id]?.status === 'defective' ? '哪里有误、如何补正' : '备注'} value={marks[m.id]?.note ?? ''}
            onChange={(e) => onMark(m.id, { status: marks[m.id]?.status, note: e.target.value })} data-testid={`note-${m.id}`} />
        ) },
        ...(camera ? [{
          title: '高拍仪',
          key: 'camera', width: 150,
          render: (_: unknown, m: Material) => (
            <Tooltip title={camera.ready ? `拍摄为 ${camera.format.toUpperCase()}，受理时作为本材料的附件上传` : '未连接高拍仪：可受理后在办件详情中上传扫描件'}>
              <Button size="small" icon={<CameraOutlined />} disabled={!camera.ready || (camera.busy !== null && camera.busy !== m.id)} loading={camera.busy === m.id}
                onClick={() => camera.onCapture(m.id)} data-testid={`capture-${m.id}`}>高拍仪拍摄</Button>
            </Tooltip>
          ),
        }] : []),
      ]} />
  );
}
