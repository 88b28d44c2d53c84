import { RedoOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Badge, Button, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { showError } from '../../api/client';
import type { FileEditor } from './useFileEditor';
import { useUndoRedoKeys } from './useFileEditor';

/** Undo / redo (with the command's name), save, and the draft's state: the same bar on every editor. */
export function EditorToolbar<M>({ editor, extra }: { editor: FileEditor<M>; extra?: React.ReactNode }) {
  const [, setTick] = useState(0);
  const refresh = () => setTick((t) => t + 1);
  useUndoRedoKeys(editor.stack, refresh);
  const errors = editor.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = editor.diagnostics.length - errors;
  const undo = editor.stack.undoCommand;
  const redo = editor.stack.redoCommand;
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="editor-toolbar">
      <Tooltip title={undo ? `撤销：${undo.label}（Ctrl+Z）` : '没有可撤销的操作'}>
        <Button icon={<UndoOutlined />} disabled={!undo} onClick={() => { editor.stack.undo(); refresh(); }} aria-label="撤销">撤销</Button>
      </Tooltip>
      <Tooltip title={redo ? `重做：${redo.label}（Ctrl+Shift+Z）` : '没有可重做的操作'}>
        <Button icon={<RedoOutlined />} disabled={!redo} onClick={() => { editor.stack.redo(); refresh(); }} aria-label="重做">重做</Button>
      </Tooltip>
      <Button type="primary" icon={<SaveOutlined />} loading={editor.saving} disabled={!editor.editable || !editor.dirty || errors > 0}
        onClick={() => editor.save().catch((e) => showError(e, '保存失败'))}>
        保存草稿
      </Button>
      {!editor.editable && <Tag color="default">只读：您无权修改此文件</Tag>}
      {editor.dirty ? <Tag color="orange">有未保存的修改</Tag> : <Tag color="green">已保存到工作区</Tag>}
      {editor.validating ? <Tag>校验中…</Tag> : errors > 0
        ? <Badge status="error" text={<Typography.Text type="danger">{errors} 个错误</Typography.Text>} />
        : <Badge status="success" text="校验通过" />}
      {warnings > 0 && <Badge status="warning" text={`${warnings} 个警告`} />}
      {extra}
    </Space>
  );
}
