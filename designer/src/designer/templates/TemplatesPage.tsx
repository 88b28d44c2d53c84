import { Card, Col, Empty, List, Row } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { showError } from '../../api/client';
import { designerApi } from '../api/designerApi';
import { TemplateEditor } from './TemplateEditor';

/** 文书模板: every notice and certificate template of the office (administrators). */
export function TemplatesPage() {
  const params = useParams();
  const navigate = useNavigate();
  const id = params['*'] || undefined;
  const [templates, setTemplates] = useState<{ id: string; path: string }[]>([]);
  useEffect(() => {
    designerApi.templates().then((t) => setTemplates(t.templates), (e) => showError(e, '加载模板列表失败'));
  }, []);
  return (
    <Row gutter={16}>
      <Col flex="260px">
        <Card size="small" title="模板" styles={{ body: { padding: 0 } }}>
          <List size="small" dataSource={templates} renderItem={(t) => (
            <List.Item onClick={() => navigate(`/designer/templates/${t.id}`)} style={{ cursor: 'pointer', padding: '6px 12px', background: t.id === id ? '#e6f4ff' : undefined }}>
              {t.id}
            </List.Item>
          )} />
        </Card>
      </Col>
      <Col flex="auto">{id ? <TemplateEditor key={id} id={id} /> : <Empty description="选择左侧的模板" />}</Col>
    </Row>
  );
}
