import { Result } from 'antd';

export function TaskInboxPage() {
  return <Result status="info" title="待办任务" subTitle="页面建设中" />;
}
