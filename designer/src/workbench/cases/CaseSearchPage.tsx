import { Result } from 'antd';

export function CaseSearchPage() {
  return <Result status="info" title="办件查询" subTitle="页面建设中" />;
}
