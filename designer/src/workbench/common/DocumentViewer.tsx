import { ExportOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Modal, Space } from 'antd';
import { useRef } from 'react';
import { DevicePrint } from '../../devices/DevicePrint';
import { workbenchApi } from '../api';

/** A notice or certificate of a case, in the browser's PDF viewer, ready to print. */
export function DocumentViewer({ caseId, documentId, title, open, onClose, templateId }: {
  caseId: string; documentId: string | null; title: string; open: boolean; onClose: () => void;
  /** Certificates (templates under certificates/) go to the 套打 printer preset, everything else to the notice printer. */
  templateId?: string;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  if (!documentId) return null;
  const url = workbenchApi.documentUrl(caseId, documentId);
  return (
    <Modal open={open} onCancel={onClose} width={960} title={title} destroyOnHidden data-testid="document-viewer"
      footer={
        <Space wrap>
          {open && <DevicePrint url={url} title={title} kind={templateId?.startsWith('certificates/') ? 'certificate' : 'notice'} document={{ caseId, documentId, templateId }} />}
          <Button icon={<ExportOutlined />} href={url} target="_blank" rel="noopener">新窗口打开</Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => frame.current?.contentWindow?.print()}>打印</Button>
          <Button onClick={onClose}>关闭</Button>
        </Space>
      }>
      <iframe ref={frame} src={url} title={title} style={{ width: '100%', height: '72vh', border: '1px solid #eee' }} data-testid="document-frame" />
    </Modal>
  );
}
