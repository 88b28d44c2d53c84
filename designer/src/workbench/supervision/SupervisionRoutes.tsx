import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../../auth/RequireAuth';
import { SupervisionPage } from './SupervisionPage';

/** 效能监督 (/workbench/supervision). */
export default function SupervisionRoutes() {
  return (
    <Routes>
      <Route path="*" element={<RequireAuth roles={['supervisor', 'head', 'admin']}><SupervisionPage /></RequireAuth>} />
    </Routes>
  );
}
