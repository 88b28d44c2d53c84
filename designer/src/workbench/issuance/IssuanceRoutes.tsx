import { Result } from 'antd';
import { Route, Routes } from 'react-router-dom';

/** 统一出件 (/workbench/issuance/*): its own screens live in this folder. */
export default function IssuanceRoutes() {
  return (
    <Routes>
      <Route path="*" element={<Result status="info" title="统一出件" subTitle="页面建设中" />} />
    </Routes>
  );
}
