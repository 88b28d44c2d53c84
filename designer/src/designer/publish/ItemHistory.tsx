import { Button, Card, Select, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { showError } from '../../api/client';
import { designerApi } from '../api/designerApi';
import type { Commit, DesignerItem, FileDiff } from '../model/types';
import { FileDiffs } from './FileDiffs';
import { formatDateTime } from '../../common/format';

/** An item's versions, and the diff between any two of them (or a version and the work tree). */
export function ItemHistory({ item }: { item: DesignerItem }) {
  const [commits, setCommits] = useState<Commit[] | null>(null);
  const [from, setFrom] = useState<string | undefined>();
  const [to, setTo] = useState<string>('work-tree');
  const [files, setFiles] = useState<FileDiff[] | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    designerApi.itemHistory(item.id).then((h) => {
      setCommits(h.commits);
      setFrom(h.commits[1]?.commit ?? h.commits[0]?.commit);
      setTo(h.commits[1] ? h.commits[0].commit : 'work-tree');
    }, (e) => showError(e, '加载历史失败'));
  }, [item.id]);

  const compare = async () => {
    if (!from) return;
    setLoading(true);
    try {
      setFiles((await designerApi.itemDiff(item.id, from, to === 'work-tree' ? undefined : to)).files);
    } catch (e) {
      showError(e, '比较失败');
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => { if (from) void compare(); }, [from, to]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!commits) return <Spin />;
  const options = commits.map((c) => ({ value: c.commit, label: `${c['short-commit']} ${c.message}（${c.author}）` }));
  return (
    <div data-testid="item-history">
      <Table<Commit> rowKey="commit" size="small" dataSource={commits} pagination={false} style={{ marginBottom: 12 }}
        columns={[
          { title: '时间', dataIndex: 'date', width: 180, render: (d: string) => formatDateTime(d) },
          { title: '发布人', dataIndex: 'author', width: 160 },
          { title: '说明', dataIndex: 'message' },
          { title: '提交', dataIndex: 'short-commit', width: 100, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
          { title: '比较', width: 170, render: (_, c) => (
            <Space size={4}>
              <Button size="small" onClick={() => setFrom(c.commit)}>设为旧版本</Button>
              <Button size="small" onClick={() => setTo(c.commit)}>设为新版本</Button>
            </Space>
          ) },
        ]} />
      <Card size="small" title="版本差异">
        <Space wrap style={{ marginBottom: 12 }}>
          <span>从</span>
          <Select style={{ width: 360 }} value={from} onChange={setFrom} options={options} aria-label="旧版本" />
          <span>到</span>
          <Select style={{ width: 360 }} value={to} onChange={setTo} options={[{ value: 'work-tree', label: '当前工作区（含未发布的修改）' }, ...options]} aria-label="新版本" />
        </Space>
        {loading ? <Spin /> : files && <FileDiffs files={files} />}
      </Card>
    </div>
  );
}
