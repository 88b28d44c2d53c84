import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider, designerRoles, homeOf, useAuth, workbenchRoles } from './auth/AuthContext';
import { RequireAuth } from './auth/RequireAuth';
import { SignInPage } from './auth/SignInPage';
import { AppShell } from './layout/AppShell';
import { ChangePasswordPage, PasswordGate } from './account/ChangePasswordPage';

dayjs.locale('zh-cn');

const WorkbenchRoutes = lazy(() => import('./workbench/WorkbenchRoutes'));
const DesignerRoutes = lazy(() => import('./designer/DesignerRoutes'));
const UsersPage = lazy(() => import('./admin/UsersPage'));
const KioskDevicesPage = lazy(() => import('./admin/KioskDevicesPage'));
// The rating tablet's page: no sign-in, no shell; it holds a device session of its own.
const KioskPage = lazy(() => import('./kiosk/KioskPage'));

function Home() {
  const { user } = useAuth();
  if (user === undefined) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  return <Navigate to={user ? homeOf(user) : '/login'} replace />;
}

const loading = <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<SignInPage />} />
      <Route path="/kiosk" element={<Suspense fallback={loading}><KioskPage /></Suspense>} />
      <Route path="/account/password" element={<RequireAuth><ChangePasswordPage /></RequireAuth>} />
      <Route element={<RequireAuth><PasswordGate><AppShell /></PasswordGate></RequireAuth>}>
        <Route path="/admin/users" element={<RequireAuth roles={['admin']}><Suspense fallback={loading}><UsersPage /></Suspense></RequireAuth>} />
        <Route path="/admin/kiosks" element={<RequireAuth roles={['admin']}><Suspense fallback={loading}><KioskDevicesPage /></Suspense></RequireAuth>} />
        <Route path="/workbench/*" element={<RequireAuth roles={workbenchRoles}><Suspense fallback={loading}><WorkbenchRoutes /></Suspense></RequireAuth>} />
        <Route path="/designer/*" element={<RequireAuth roles={designerRoles}><Suspense fallback={loading}><DesignerRoutes /></Suspense></RequireAuth>} />
      </Route>
      <Route path="*" element={<Home />} />
    </Routes>
  );
}

export default function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#a61d24', borderRadius: 4 } }}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
