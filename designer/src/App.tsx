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
const SecurityLogPage = lazy(() => import('./admin/SecurityLogPage'));
const CreditMarksPage = lazy(() => import('./admin/CreditMarksPage'));
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
        <Route path="/admin/credit" element={<RequireAuth roles={['admin', 'supervisor']}><Suspense fallback={loading}><CreditMarksPage /></Suspense></RequireAuth>} />
        <Route path="/admin/security" element={<RequireAuth roles={['admin']}><Suspense fallback={loading}><SecurityLogPage /></Suspense></RequireAuth>} />
        <Route path="/workbench/*" element={<RequireAuth roles={workbenchRoles}><Suspense fallback={loading}><WorkbenchRoutes /></Suspense></RequireAuth>} />
        <Route path="/designer/*" element={<RequireAuth roles={designerRoles}><Suspense fallback={loading}><DesignerRoutes /></Suspense></RequireAuth>} />
      </Route>
      <Route path="*" element={<Home />} />
    </Routes>
  );
}

// Links follow the red theme (antd's colorLink would otherwise stay antd blue beside red buttons).
// Someone who asked their system for less motion gets no zooming dialogs or sliding lists (and the
// browser tests ask for it too: a dialog still zooming in can take a click meant for its button).
const red = '#a61d24';
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
const theme = { token: { colorPrimary: red, colorLink: red, colorLinkHover: '#c9363c', colorLinkActive: '#80131a', borderRadius: 4, motion: !reducedMotion } };

export default function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
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
