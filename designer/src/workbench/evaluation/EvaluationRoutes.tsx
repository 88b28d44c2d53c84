import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../../auth/RequireAuth';
import { EvaluationHome } from './EvaluationHome';
import { RatingTablet } from './RatingTablet';

/** 好差评与整改 (/workbench/evaluation): the list screens, and /tablet, the full-screen rating page for applicants. */
export default function EvaluationRoutes() {
  return (
    <Routes>
      <Route path="tablet" element={<RequireAuth roles={['clerk', 'admin']}><RatingTablet /></RequireAuth>} />
      <Route path="*" element={<RequireAuth roles={['clerk', 'head', 'supervisor', 'admin']}><EvaluationHome /></RequireAuth>} />
    </Routes>
  );
}
