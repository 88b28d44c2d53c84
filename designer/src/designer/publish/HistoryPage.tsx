import { Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { showError } from '../../api/client';
import { designerApi } from '../api/designerApi';
import type { Commit } from '../model/types';
import { formatDateTime } from '../../common/format';

/** 发布历史: every published version (git commits of the county repository). */
export function HistoryPage() {
  const [commits, setCommits] = useState<Commit[] | null>(null);
  useEffect(() => { designerApi.history().then((h) => setCommits(h.commits), (e) => showError(e, '加载历史失败')); }, []);
  return (
    <Table<Commit> data-testid="history-page" rowKey="commit" size="small" loading={!commits} dataSource={commits ?? []} pagination={{ pageSize: 30, hideOnSinglePage: true }}
      columns={[
        { title: '时间', dataIndex: 'date', width: 180, render: (d: string) => formatDateTime(d) },
        { title: '发布人', dataIndex: 'author', width: 180 },
        { title: '说明', dataIndex: 'message' },
        { title: '提交', dataIndex: 'short-commit', width: 110, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
      ]} />
  );
}
