import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../auth/RequireAuth';
import { CasePage } from './cases/CasePage';
import { CaseSearchPage } from './cases/CaseSearchPage';
import { IntakePage } from './intake/IntakePage';
import { TaskInboxPage } from './tasks/TaskInboxPage';

const IssuanceRoutes = lazy(() => import('./issuance/IssuanceRoutes'));
const EvaluationRoutes = lazy(() => import('./evaluation/EvaluationRoutes'));
const SupervisionRoutes = lazy(() => import('./supervision/SupervisionRoutes'));

/** 工作台: /workbench/intake, tasks, cases[/:id], and the issuance, evaluation and supervision areas. */
export default function WorkbenchRoutes() {
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: 40 }} />}>
      <Routes>
        <Route index element={<Navigate to="tasks" replace />} />
        <Route path="intake" element={<RequireAuth roles={['clerk', 'admin']}><IntakePage /></RequireAuth>} />
        <Route path="tasks" element={<TaskInboxPage />} />
        <Route path="cases" element={<CaseSearchPage />} />
        <Route path="cases/:id" element={<CasePage />} />
        <Route path="issuance/*" element={<IssuanceRoutes />} />
        <Route path="evaluation/*" element={<EvaluationRoutes />} />
        <Route path="supervision/*" element={<SupervisionRoutes />} />
      </Routes>
    </Suspense>
  );
}
