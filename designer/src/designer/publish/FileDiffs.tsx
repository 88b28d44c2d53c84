import { Card, Collapse, Empty, List, Space, Tag, Typography } from 'antd';
import type { FileDiff } from '../model/types';
import { RawDiff } from '../shared/TextDiff';

const statusTags: Record<string, React.ReactNode> = {
  added: <Tag color="green">新增</Tag>, modified: <Tag color="blue">修改</Tag>, deleted: <Tag color="red">删除</Tag>,
};

/** Per file: the semantic diff in domain words, and the raw `git diff` under it. */
export function FileDiffs({ files, publishable }: { files: FileDiff[]; publishable?: string[] }) {
  if (files.length === 0) return <Empty description="没有差异" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {files.map((f) => (
        <Card key={f.path} size="small" data-testid="file-diff" data-path={f.path}
          title={<Space wrap>{statusTags[f.status]}<span>{f.title}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.path}</Typography.Text></Space>}
          extra={publishable && !publishable.includes(f.path) && <Tag>您无权发布此文件</Tag>}>
          {f.semantic && (
            <List size="small" dataSource={f.semantic} data-testid="semantic-diff"
              renderItem={(line) => <List.Item style={{ padding: '2px 0' }}>{line}</List.Item>} />
          )}
          <Collapse size="small" ghost defaultActiveKey={['raw']}
            items={[{ key: 'raw', label: '文本差异（git diff）', children: <RawDiff raw={f.raw} /> }]} />
        </Card>
      ))}
    </Space>
  );
}
