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
              {d.element && <Typography.Text type="secondary">（{elementLabel(d)}）</Typography.Text>}
              &nbsp;{d.message}
            </List.Item>
          )}
        />
      }
    />
  );
}

function elementName(element: string) {
  return element === 'step' ? '步骤' : element === 'material' ? '材料' : element === 'field' ? '字段'
    : element === 'holiday' ? '节假日' : element === 'make-up-workday' ? '调休上班日' : element;
}

/** 步骤 review, or for a calendar's rows (ids are 0-based indexes) 节假日第 2 行. */
function elementLabel(d: Diagnostic) {
  const calendarRow = d.element === 'holiday' || d.element === 'make-up-workday';
  return calendarRow ? `${elementName(d.element!)}第 ${Number(d['element-id']) + 1} 行` : `${elementName(d.element!)} ${d['element-id']}`;
}

/** The diagnostics that fall in one element (a material row, a form field, a step). */
export function diagnosticsFor(diagnostics: Diagnostic[], element: NonNullable<Diagnostic['element']>, id: string) {
  return diagnostics.filter((d) => d.element === element && d['element-id'] === id);
}
