import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { describeError } from '../../api/client';
import { designerApi } from '../api/designerApi';
import { FormEditor } from '../form/FormEditor';
import { GuideEditor } from '../guide/GuideEditor';
import { MaterialsEditor } from '../materials/MaterialsEditor';
import type { DesignerItem } from '../model/types';
import { ItemHistory } from '../publish/ItemHistory';
import { useDesigner } from '../shared/DesignerContext';
import { ItemTemplates } from '../templates/ItemTemplates';
import { WorkflowEditor } from '../workflow/WorkflowEditor';

const tabs = ['guide', 'materials', 'form', 'workflow', 'templates', 'history'] as const;

/** One item: its four files, its templates and its history, each in a tab. */
export function ItemPage() {
  const { id = '', tab = 'materials' } = useParams();
  const navigate = useNavigate();
  const d = useDesigner();
  const [item, setItem] = useState<DesignerItem | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setItem(await designerApi.item(id));
    } catch (e) {
      setError(e);
    }
  }, [id]);

  useEffect(() => {
    setItem(null);
    setError(null);
    void load();
  }, [load]);

  // After a save: refresh the header (pending files) but keep the open editors and their undo history.
  const refreshHeader = useCallback(async () => {
    try {
      const fresh = await designerApi.item(id);
      setItem((prev) => (prev ? { ...fresh, files: prev.files } : fresh));
    } catch { /* the editor already reported the save */ }
  }, [id]);

  if (error) {
    const { title, detail } = describeError(error);
    return <Result status="warning" title={title} subTitle={detail} extra={<Link to="/designer">返回事项目录</Link>} />;
  }
  if (!item) return <Spin style={{ display: 'block', margin: 80 }} description="正在加载事项…" />;

  const f = item.files;
  const unreadable = (name: string) => <Alert type="error" showIcon title={`${name}无法读取`} description="请管理员修复该文件（见校验结果）后再编辑。" />;
  const active = (tabs as readonly string[]).includes(tab) ? tab : 'materials';

  return (
    <div data-testid="item-page">
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/designer">事项目录</Link> }, { title: item.name ?? item.id }]} />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>{item.name}</Typography.Title>
          <Typography.Text type="secondary">{item.id}</Typography.Text>
          <Tag>{d.departmentName(item.department)}</Tag>
          {item.retired && <Tag color="red">已停用</Tag>}
          {!item.published && <Tag color="purple">尚未发布</Tag>}
          {item['pending-files'].length > 0 && <Tag color="orange" data-testid="pending-tag">{item['pending-files'].length} 个文件待发布</Tag>}
        </Space>
        <Button icon={<CloudUploadOutlined />} type={item['pending-files'].length > 0 ? 'primary' : 'default'} onClick={() => navigate(`/designer/changes?item=${item.id}`)}>
          查看修改并发布
        </Button>
      </Space>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/designer/items/${item.id}/${key}`)}
        destroyOnHidden={false}
        items={[
          { key: 'guide', label: '办事指南', children: f.guide?.model ? <GuideEditor item={item} file={f.guide} onSaved={refreshHeader} /> : unreadable('办事指南') },
          { key: 'materials', label: '申请材料', children: f.materials?.model ? <MaterialsEditor item={item} file={f.materials} onSaved={refreshHeader} /> : unreadable('申请材料') },
          { key: 'form', label: '申请表', children: f.form?.model ? <FormEditor item={item} file={f.form} onSaved={refreshHeader} /> : unreadable('申请表') },
          { key: 'workflow', label: '办理流程', children: f.workflow?.model ? <WorkflowEditor item={item} file={f.workflow} onSaved={refreshHeader} /> : unreadable('办理流程') },
          { key: 'templates', label: '文书模板', children: <ItemTemplates item={item} /> },
          { key: 'history', label: '修改历史', children: <ItemHistory item={item} /> },
        ]}
      />
    </div>
  );
}
