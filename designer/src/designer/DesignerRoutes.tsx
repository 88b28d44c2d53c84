import { Result } from 'antd';
import { Route, Routes } from 'react-router-dom';

/** The 设计器 area (issue 5). Everything under src/designer/ belongs to the designer's work. */
export default function DesignerRoutes() {
  return (
    <Routes>
      <Route path="*" element={<Result status="info" title="事项设计器" subTitle="设计器页面建设中" />} />
    </Routes>
  );
}
