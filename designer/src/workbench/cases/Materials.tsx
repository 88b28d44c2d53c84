import { EyeOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Image, List, Modal, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { showError } from '../../api/client';
import { workbenchApi } from '../api';
import { materialStatusLabels, type CaseView, type Material } from '../types';

const statusColor = { received: 'green', deferred: 'orange', missing: 'red', defective: 'volcano', pledged: 'cyan' } as const;

/** 申请材料 of a case: how each was received, its files (preview, upload). */
export function CaseMaterials({ view, materials, mayUpload, onUpdated }: { view: CaseView; materials: Material[]; mayUpload: boolean; onUpdated: (v: CaseView) => void }) {
  const [preview, setPreview] = useState<{ url: string; type: string; name: string } | null>(null);
  const { message } = App.useApp();
  const recorded = view.case.materials;
  const ids = Object.keys(recorded);
  const byId = new Map(materials.map((m) => [m.id, m]));
  const upload = async (file: File, materialId: string) => {
    try {
      const updated = await workbenchApi.uploadFile(view.id, materialId, file.name, file, file.type || 'application/octet-stream');
      onUpdated(updated);
      message.success(`已上传 ${file.name}`);
    } catch (e) { showError(e, '上传'); }
    return false;
  };
  return (
    <>
      <List data-testid="case-materials" dataSource={ids} renderItem={(id) => {
        const r = recorded[id];
        const m = byId.get(id);
        const files = view.case.attachments.filter((a) => a.materialId === id);
        return (
          <List.Item actions={mayUpload ? [
            <Upload key="u" showUploadList={false} accept=".pdf,.jpg,.jpeg,.png,.ofd" beforeUpload={(f) => { void upload(f, id); return false; }}>
              <Button size="small" icon={<UploadOutlined />} data-testid={`upload-${id}`}>上传</Button>
            </Upload>] : []}>
            <List.Item.Meta
              title={<Space>{m?.name ?? id}<Tag color={statusColor[r.status]}>{materialStatusLabels[r.status]}</Tag>{r.catchUpDue && <Tag>补交期限 {r.catchUpDue}</Tag>}
                {r.status === 'deferred' && r.remindedOn && <Tag color="red" data-testid={`catch-up-${id}`}>已催补 {r.remindedOn}{r.terminatesAfter ? `，${r.terminatesAfter} 后终止办理` : ''}</Tag>}</Space>}
              description={<>
                {r.note && <div>说明：{r.note}</div>}
                {m?.standard && <Typography.Text type="secondary" style={{ fontSize: 12 }}>标准：{m.standard}</Typography.Text>}
                {files.length > 0 && <div style={{ marginTop: 4 }}>{files.map((f) => (
                  <Button key={f.sha256} size="small" type="link" icon={<EyeOutlined />}
                    onClick={() => setPreview({ url: workbenchApi.fileUrl(view.id, f.sha256), type: f.contentType, name: f.fileName })}>{f.fileName}</Button>
                ))}</div>}
              </>} />
          </List.Item>
        );
      }} />
      <Modal open={!!preview} title={preview?.name} onCancel={() => setPreview(null)} footer={null} width={900} destroyOnHidden>
        {preview && (preview.type.startsWith('image/')
          ? <Image src={preview.url} alt={preview.name} style={{ maxWidth: '100%' }} preview={false} />
          : preview.type === 'application/pdf'
            ? <iframe src={preview.url} title={preview.name} style={{ width: '100%', height: '70vh', border: 0 }} />
            : <a href={preview.url} target="_blank" rel="noopener">下载 {preview.name}</a>)}
      </Modal>
    </>
  );
}
