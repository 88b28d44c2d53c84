import {
  AuditOutlined, ClusterOutlined, IdcardOutlined, DashboardOutlined, FileSearchOutlined, FormOutlined, InboxOutlined, LogoutOutlined,
  PrinterOutlined, ProfileOutlined, SafetyCertificateOutlined, SmileOutlined, TabletOutlined, TeamOutlined, UserOutlined,
} from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { hasAnyRole, roleLabels, useAuth, useUser, type Role } from '../auth/AuthContext';

/** `page`: a server page outside this app (the Hangfire dashboard), opened by a full page load. */
interface Entry { key: string; label: string; icon: React.ReactNode; roles: Role[]; page?: boolean }

/** The side menu: what each role may open (the server checks it again on every call). */
export const workbenchEntries: Entry[] = [
  { key: '/workbench/intake', label: '窗口收件', icon: <FormOutlined />, roles: ['clerk', 'admin'] },
  { key: '/workbench/tasks', label: '待办任务', icon: <InboxOutlined />, roles: ['clerk', 'reviewer', 'head', 'admin'] },
  { key: '/workbench/cases', label: '办件查询', icon: <FileSearchOutlined />, roles: ['clerk', 'reviewer', 'head', 'supervisor', 'admin'] },
  { key: '/workbench/issuance', label: '统一出件', icon: <PrinterOutlined />, roles: ['clerk', 'admin'] },
  { key: '/workbench/evaluation', label: '好差评与整改', icon: <SmileOutlined />, roles: ['clerk', 'head', 'supervisor', 'admin'] },
  { key: '/workbench/supervision', label: '效能监督', icon: <DashboardOutlined />, roles: ['supervisor', 'head', 'admin'] },
];

export const designerEntries: Entry[] = [
  { key: '/designer', label: '事项设计', icon: <ProfileOutlined />, roles: ['admin', 'department-editor'] },
];

export const adminEntries: Entry[] = [
  { key: '/admin/users', label: '账号管理', icon: <TeamOutlined />, roles: ['admin'] },
  { key: '/admin/kiosks', label: '评价器管理', icon: <TabletOutlined />, roles: ['admin'] },
  // 信用记录: admins add and lift 失信 marks, supervisors read (the server checks).
  { key: '/admin/credit', label: '信用记录', icon: <IdcardOutlined />, roles: ['admin', 'supervisor'] },
  { key: '/admin/security', label: '安全日志', icon: <SafetyCertificateOutlined />, roles: ['admin'] },
  // Pending and failed effects, the recurring jobs: admins act there, supervisors read (the server checks).
  { key: '/hangfire', label: '后台任务', icon: <ClusterOutlined />, roles: ['admin', 'supervisor'], page: true },
];

function menuItems(roles: Role[], entries: Entry[]) {
  return entries.filter((e) => e.roles.some((r) => roles.includes(r))).map((e) => ({ key: e.key, label: e.label, icon: e.icon }));
}

export function AppShell() {
  const user = useUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  // On a phone the header keeps the name and 退出; the product name and role tags would push it off the screen.
  const narrow = !Grid.useBreakpoint().md;

  const workbench = menuItems(user.roles, workbenchEntries);
  const designer = menuItems(user.roles, designerEntries);
  const items: MenuProps['items'] = [];
  if (workbench.length > 0 && hasAnyRole(user, ['clerk', 'reviewer', 'head', 'supervisor', 'admin']))
    items.push({ type: 'group', key: 'workbench', label: '工作台', children: workbench });
  if (designer.length > 0) items.push({ type: 'group', key: 'designer', label: '设计器', children: designer });
  const admin = menuItems(user.roles, adminEntries);
  if (admin.length > 0) items.push({ type: 'group', key: 'admin', label: '系统管理', children: admin });
  const all = [...workbenchEntries, ...designerEntries, ...adminEntries];
  const selected = all.filter((e) => location.pathname === e.key || location.pathname.startsWith(e.key + '/')).map((e) => e.key);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#a61d24', paddingInline: 20 }}>
        <AuditOutlined style={{ color: '#fff', fontSize: 22 }} />
        {!narrow && <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>政务服务事项办理平台</Typography.Text>}
        <div style={{ flex: 1 }} />
        <Space size="middle" data-testid="current-user">
          <Space size={4} style={{ color: '#fff' }}>
            <UserOutlined />
            <span>{user.displayName}</span>
            {!narrow && <span style={{ opacity: 0.7 }}>({user.userName})</span>}
          </Space>
          {!narrow && user.roles.map((r) => <Tag key={r} color="gold" style={{ marginInlineEnd: 0 }}>{roleLabels[r] ?? r}</Tag>)}
          <Button size="small" icon={<LogoutOutlined />} onClick={async () => { await signOut(); navigate('/login', { replace: true }); }}>
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0}>
          <Menu mode="inline" items={items} selectedKeys={selected} onClick={(e) => (all.find((entry) => entry.key === e.key)?.page ? window.location.assign(e.key) : navigate(e.key))} style={{ height: '100%', borderInlineEnd: 0 }} />
        </Layout.Sider>
        <Layout.Content style={{ padding: narrow ? 8 : 20, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
