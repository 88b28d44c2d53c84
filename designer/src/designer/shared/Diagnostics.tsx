import { Alert, List, Typography } from 'antd';
import type { Diagnostic } from '../model/types';

/** The server's diagnostics with their location (file:line:col) and the element they fall in. */
export function DiagnosticsList({ diagnostics, title = '校验结果' }: { diagnostics: Diagnostic[]; title?: string }) {
  if (diagnostics.length === 0) return null;
  return (
    <Alert
      type={diagnostics.some((d) => d.severity === 'error') ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 12 }}
      title={title}
      description={
        <List
          size="small"
          dataSource={diagnostics}
          renderItem={(d) => (
            <List.Item style={{ padding: '2px 0' }} data-testid="diagnostic">
              <Typography.Text type={d.severity === 'error' ? 'danger' : 'warning'}>
                {d.severity === 'error' ? '错误' : '警告'} {d.code}
              </Typography.Text>
              &nbsp;<Typography.Text code>{d.file.split('/').pop()}:{d.line}:{d.column}</Typography.Text>
              {d.element && <Typography.Text type="secondary">（{elementName(d.element)} {d['element-id']}）</Typography.Text>}
              &nbsp;{d.message}
            </List.Item>
          )}
        />
      }
    />
  );
}

function elementName(element: string) {
  return element === 'step' ? '步骤' : element === 'material' ? '材料' : element === 'field' ? '字段' : element;
}

/** The diagnostics that fall in one element (a material row, a form field, a step). */
export function diagnosticsFor(diagnostics: Diagnostic[], element: 'step' | 'material' | 'field', id: string) {
  return diagnostics.filter((d) => d.element === element && d['element-id'] === id);
}
