import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../../auth/RequireAuth';
import { EvaluationHome } from './EvaluationHome';

/** 好差评与整改 (/workbench/evaluation): the list screens. Applicants rate on paired tablets (/kiosk), never in a clerk's session. */
export default function EvaluationRoutes() {
  return (
    <Routes>
      <Route path="*" element={<RequireAuth roles={['clerk', 'head', 'supervisor', 'admin']}><EvaluationHome /></RequireAuth>} />
    </Routes>
  );
}
