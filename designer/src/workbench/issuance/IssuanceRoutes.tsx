import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../../auth/RequireAuth';
import { IssuancePage } from './IssuancePage';

/** 统一出件 (/workbench/issuance): the window's waiting and delivered cases. */
export default function IssuanceRoutes() {
  return (
    <Routes>
      <Route path="*" element={<RequireAuth roles={['clerk', 'admin']}><IssuancePage /></RequireAuth>} />
    </Routes>
  );
}
