import { Result } from 'antd';
import { Route, Routes } from 'react-router-dom';

/** 好差评与整改 (/workbench/evaluation/*): its own screens live in this folder. */
export default function EvaluationRoutes() {
  return (
    <Routes>
      <Route path="*" element={<Result status="info" title="好差评与整改" subTitle="页面建设中" />} />
    </Routes>
  );
}
