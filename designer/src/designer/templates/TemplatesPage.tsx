import { Card, Col, Empty, List, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { showError } from '../../api/client';
import { designerApi } from '../api/designerApi';
import { TemplateEditor } from './TemplateEditor';
import { itemName, useItems } from '../../workbench/common/useItemNames';
import { templateLabel } from '../../workbench/types';

/** A template by its name: 受理通知书, or the item's certificate (教师资格认定 · 证照); the id stays beside it. */
export function templateTitle(id: string, itemNameOf: (itemId: string) => string): string {
  return id.startsWith('certificates/') ? `${itemNameOf(id.slice('certificates/'.length))} · 证照` : templateLabel(id);
}

/** 文书模板: every notice and certificate template of the office (administrators). */
export function TemplatesPage() {
  const params = useParams();
  const navigate = useNavigate();
  const id = params['*'] || undefined;
  const [templates, setTemplates] = useState<{ id: string; path: string }[]>([]);
  const items = useItems();
  useEffect(() => {
    designerApi.templates().then((t) => setTemplates(t.templates), (e) => showError(e, '加载模板列表失败'));
  }, []);
  return (
    <Row gutter={16}>
      <Col flex="260px">
        <Card size="small" title="模板" styles={{ body: { padding: 0 } }}>
          <List size="small" dataSource={templates} renderItem={(t) => (
            <List.Item onClick={() => navigate(`/designer/templates/${t.id}`)} style={{ cursor: 'pointer', padding: '6px 12px', background: t.id === id ? '#e6f4ff' : undefined }}>
              <div data-testid={`template-${t.id}`}>
                <div>{templateTitle(t.id, (itemId) => itemName(items, itemId))}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t.id}</Typography.Text>
              </div>
            </List.Item>
          )} />
        </Card>
      </Col>
      <Col flex="auto">{id ? <TemplateEditor key={id} id={id} /> : <Empty description="选择左侧的模板" />}</Col>
    </Row>
  );
}
