import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { showError } from '../../api/client';
import { workbenchApi, type OpinionPhrase as Phrase } from '../api';

/**
 * 常用意见 under the opinion box: a click puts the phrase into the opinion; the text being written can be
 * kept as one's own phrase, or (a department head) as the department's.
 */
export function OpinionPhrases({ opinion, onPick }: { opinion: string; onPick(text: string): void }) {
  const { message } = App.useApp();
  const [phrases, setPhrases] = useState<Phrase[] | null>(null);
  const [mayEditDepartment, setMayEditDepartment] = useState(false);

  const load = useCallback(async () => {
    try {
      const answer = await workbenchApi.opinionPhrases();
      setPhrases(answer.phrases);
      setMayEditDepartment(answer.mayEditDepartment);
    } catch (e) { showError(e, '常用意见'); setPhrases([]); }
  }, []);
  useEffect(() => { void load(); }, [load]);

  const save = async (scope: Phrase['scope']) => {
    try {
      await workbenchApi.addOpinionPhrase(opinion.trim(), scope);
      message.success(scope === 'department' ? '已存为本部门常用意见' : '已存为常用意见');
      await load();
    } catch (e) { showError(e, '保存常用意见'); }
  };
  const remove = async (p: Phrase) => {
    try {
      await workbenchApi.deleteOpinionPhrase(p.id);
      await load();
    } catch (e) { showError(e, '删除常用意见'); }
  };

  const text = opinion.trim();
  return (
    <div data-testid="opinion-phrases" data-loaded={phrases !== null}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>常用意见：</Typography.Text>
      {phrases?.length === 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>暂无，写好意见后可存为常用意见</Typography.Text>}
      <Space size={[4, 4]} wrap>
        {phrases?.map((p) => (
          <Tag key={p.id} color={p.scope === 'department' ? 'volcano' : undefined} style={{ cursor: 'pointer', marginInlineEnd: 0, whiteSpace: 'normal' }}
            data-testid="opinion-phrase" onClick={() => onPick(p.text)}>
            {p.scope === 'department' && <b>{p.scopeLabel} </b>}{p.text}
            {(p.scope === 'user' || mayEditDepartment) && (
              <Popconfirm title="删除这条常用意见？" okText="删除" cancelText="取消" onConfirm={() => void remove(p)}>
                <DeleteOutlined aria-label="删除常用意见" style={{ marginInlineStart: 4 }} onClick={(e) => e.stopPropagation()} />
              </Popconfirm>)}
          </Tag>))}
      </Space>
      <div style={{ marginTop: 4 }}>
        <Button size="small" type="link" disabled={!text || phrases?.some((p) => p.scope === 'user' && p.text === text)} onClick={() => void save('user')} data-testid="save-phrase">存为常用意见</Button>
        {mayEditDepartment && <Button size="small" type="link" disabled={!text} onClick={() => void save('department')} data-testid="save-department-phrase">存为本部门常用意见</Button>}
      </div>
    </div>
  );
}
