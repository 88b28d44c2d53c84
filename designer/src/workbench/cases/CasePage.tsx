import { Result } from 'antd';

export function CasePage() {
  return <Result status="info" title="办件详情" subTitle="页面建设中" />;
}
