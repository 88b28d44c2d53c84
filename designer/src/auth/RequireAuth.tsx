import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { hasAnyRole, useAuth, type Role } from './AuthContext';

/** Sends a signed-out visitor to /login (and back afterwards); shows 403 for a role that may not enter. */
export function RequireAuth({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
  if (user === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (roles && !hasAnyRole(user, roles)) return <Result status="403" title="无权访问" subTitle="当前账号的角色不能使用此页面" />;
  return <>{children}</>;
}
