import { Result } from 'antd';

export function IntakePage() {
  return <Result status="info" title="窗口收件" subTitle="页面建设中" />;
}
