import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { forgetIdPhotos } from '../common/idPhotos';
import type { components } from '../api/schema';

/** The signed-in account (UserView of the server's OpenAPI document, src/api/schema.d.ts). */
export type User = components['schemas']['UserView'];

/** One of the six roles (Workflows.Server/Auth/Roles.cs). */
export type Role = User['roles'][number];

export const roleLabels: Record<Role, string> = {
  admin: '管理员',
  'department-editor': '部门事项编辑',
  clerk: '窗口人员',
  reviewer: '审查人员',
  head: '部门负责人',
  supervisor: '监督人员',
};

/** Roles that work in the 工作台 (cases) and in the 设计器 (definitions). */
export const workbenchRoles: Role[] = ['clerk', 'reviewer', 'head', 'supervisor', 'admin'];
export const designerRoles: Role[] = ['admin', 'department-editor'];

export function hasAnyRole(user: User | null | undefined, roles: readonly Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}

interface AuthState {
  /** undefined while the session is being asked for; null when signed out. */
  user: User | null | undefined;
  signIn(userName: string, password: string): Promise<User>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  // GET /api/auth/session answers 200 signed in or not, so the sign-in page logs no 401 in the console.
  const refresh = useCallback(async () => {
    try {
      const session = await api.get<components['schemas']['SessionView']>('/api/auth/session');
      setUser(session.authenticated && session.user ? session.user : null);
    } catch {
      setUser(null);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback(async (userName: string, password: string) => {
    const signedIn = await api.post<User>('/api/auth/login', { userName, password });
    setUser(signedIn);
    return signedIn;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      forgetIdPhotos();
      setUser(null);
    }
  }, []);

  const value = useMemo(() => ({ user, signIn, signOut, refresh }), [user, signIn, signOut, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The signed-in user (inside RequireAuth). */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser outside a signed-in area');
  return user;
}

/** The landing page of a user: the workbench for case staff, the designer for editors. */
export function homeOf(user: User): string {
  if (hasAnyRole(user, ['clerk'])) return '/workbench/intake';
  if (hasAnyRole(user, ['reviewer', 'head'])) return '/workbench/tasks';
  if (hasAnyRole(user, ['supervisor'])) return '/workbench/supervision';
  if (hasAnyRole(user, ['department-editor'])) return '/designer';
  return '/workbench/cases';
}
