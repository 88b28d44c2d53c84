import { Result } from 'antd';
import { Route, Routes } from 'react-router-dom';

/** 效能监督 (/workbench/supervision/*): its own screens live in this folder. */
export default function SupervisionRoutes() {
  return (
    <Routes>
      <Route path="*" element={<Result status="info" title="效能监督" subTitle="页面建设中" />} />
    </Routes>
  );
}
