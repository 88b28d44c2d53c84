import { Alert, Button, Col, Modal, Row, Space, Typography, message } from 'antd';
import { showError } from '../../api/client';
import { TextDiff } from './TextDiff';
import type { FileEditor } from './useFileEditor';

/**
 * Someone else saved the file first (409). Both versions are shown; nothing is lost: the draft
 * stays in the editor until the user picks, and "keep mine" overwrites knowingly (their ETag).
 */
export function ConflictModal<M>({ editor }: { editor: FileEditor<M> }) {
  const conflict = editor.conflict;
  if (!conflict) return null;
  const mine = conflict.mineText ?? JSON.stringify(conflict.mine, null, 2);
  return (
    <Modal
      open
      width={1100}
      title="保存冲突：此文件已被他人修改"
      onCancel={editor.closeConflict}
      footer={
        <Space>
          <Button onClick={editor.closeConflict}>稍后处理（保留我的草稿）</Button>
          <Button onClick={editor.takeTheirs}>采用对方版本（放弃我的修改）</Button>
          <Button danger onClick={() => editor.keepMine().catch((e) => showError(e, '保存失败'))}>保留我的版本（覆盖对方）</Button>
          <Button type="primary" onClick={() => editor.mergeBoth().then((clashes) => {
            if (clashes.length) message.warning(`双方都修改了：${clashes.join('、')}，已保留您的修改，请核对`);
            else message.success('已合并双方的修改并保存');
          }).catch((e) => showError(e, '保存失败'))}>合并双方修改并保存（推荐）</Button>
        </Space>
      }
    >
      <Alert type="warning" showIcon style={{ marginBottom: 12 }}
        title="在您编辑期间，其他人已保存了此文件。下面是两个版本的对照，您的草稿不会丢失。" />
      <Row gutter={12}>
        <Col span={12}>
          <Typography.Title level={5}>对方保存的版本</Typography.Title>
          <pre data-testid="conflict-theirs" style={{ fontSize: 12, maxHeight: 300, overflow: 'auto', background: '#fafafa', padding: 8 }}>{conflict.theirs.text}</pre>
        </Col>
        <Col span={12}>
          <Typography.Title level={5}>我的草稿</Typography.Title>
          <pre data-testid="conflict-mine" style={{ fontSize: 12, maxHeight: 300, overflow: 'auto', background: '#fafafa', padding: 8 }}>{mine}</pre>
        </Col>
      </Row>
      <Typography.Title level={5}>差异（对方 → 我的）</Typography.Title>
      <TextDiff before={conflict.theirs.text} after={mine} />
    </Modal>
  );
}
