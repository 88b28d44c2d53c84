import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, describeError, showError } from '../api/client';
import { roleLabels, useUser, type Role } from '../auth/AuthContext';
import { formatDateTime } from '../common/format';
import type { components } from '../api/schema';

/** GET /api/admin/users: the accounts, and what the account form may choose from. */
type UsersAnswer = components['schemas']['AccountList'];
type UserRow = UsersAnswer['users'][number];

const passwordRule = { min: 10, message: '密码至少 10 个字符，且不能只由一类字符组成' };

/** 账号管理: the office's staff accounts — create with roles, department and window; disable; reset the password. */
export function UsersPage() {
  const me = useUser();
  const { message } = App.useApp();
  const [answer, setAnswer] = useState<UsersAnswer | null>(null);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const load = useCallback(() => api.get<UsersAnswer>('/api/admin/users').then(setAnswer).catch((e) => showError(e, '账号列表')), []);
  useEffect(() => { void load(); }, [load]);

  const toggle = async (u: UserRow) => {
    try {
      await api.post(`/api/admin/users/${encodeURIComponent(u.userName)}/${u.disabled ? 'enable' : 'disable'}`);
      message.success(u.disabled ? `已启用 ${u.displayName}` : `已停用 ${u.displayName}`);
      await load();
    } catch (e) { showError(e, '修改账号'); }
  };

  return (
    <Card title="账号管理" extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-user">新建账号</Button>}>
      <Table<UserRow> rowKey="userName" size="middle" loading={!answer} dataSource={answer?.users ?? []} pagination={{ pageSize: 100, hideOnSinglePage: true }}
        scroll={{ x: 900 }} data-testid="users"
        columns={[
          { title: '姓名', dataIndex: 'displayName', width: 110 },
          { title: '用户名', dataIndex: 'userName', width: 190, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: '角色', dataIndex: 'roles', render: (roles: Role[]) => <Space size={4} wrap>{roles.map((r) => <Tag key={r}>{roleLabels[r] ?? r}</Tag>)}</Space> },
          { title: '部门', dataIndex: 'departmentName', render: (v?: string | null) => v ?? '—' },
          { title: '窗口', dataIndex: 'windowName', render: (v?: string | null) => v ?? '—' },
          { title: '状态', key: 'state', width: 120, render: (_, u) => (
            <Space size={4} wrap>
              {u.disabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>}
              {u.mustChangePassword && <Tag color="orange">待改密码</Tag>}
            </Space>) },
          { title: '最近登录', dataIndex: 'lastSignInAt', width: 150, render: (v?: string | null) => (v ? formatDateTime(v) : '从未登录') },
          { title: '操作', key: 'actions', width: 170, render: (_, u) => (
            <Space size={4}>
              <Button size="small" onClick={() => setResetting(u)} data-testid={`reset-${u.userName}`}>重置密码</Button>
              <Button size="small" danger={!u.disabled} disabled={u.userName === me.userName} onClick={() => toggle(u)} data-testid={`toggle-${u.userName}`}>
                {u.disabled ? '启用' : '停用'}</Button>
            </Space>) },
        ]} />
      {answer && <CreateUserModal open={creating} answer={answer} onClose={() => setCreating(false)} onDone={load} />}
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} onDone={load} />
    </Card>
  );
}

function CreateUserModal({ open, answer, onClose, onDone }: { open: boolean; answer: UsersAnswer; onClose: () => void; onDone: () => Promise<unknown> }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true); setError(null);
    try {
      await api.post('/api/admin/users', v);
      message.success(`已创建 ${v.displayName}，首次登录须修改密码`);
      form.resetFields();
      onClose();
      await onDone();
    } catch (e) {
      const d = describeError(e);
      setError(d.detail ?? d.title);
    } finally { setBusy(false); }
  };
  return (
    <Modal open={open} title="新建账号" okText="创建" cancelText="取消" onOk={submit} confirmLoading={busy} onCancel={onClose} destroyOnHidden
      okButtonProps={{ 'data-testid': 'create-user' } as never}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="user-error" />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}><Input id="user-display-name" /></Form.Item>
        <Form.Item name="userName" label="用户名" extra="小写字母、数字、-、_ 或 .，如 wang-fang"
          rules={[{ required: true, message: '请输入用户名' }, { pattern: /^[a-z0-9][a-z0-9._-]{1,39}$/, message: '用户名只能包含小写字母、数字、-、_ 和 .' }]}>
          <Input id="user-name" autoComplete="off" />
        </Form.Item>
        <Form.Item name="roles" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select mode="multiple" id="user-roles" placeholder="请选择" options={answer.roles.map((r) => ({ value: r, label: roleLabels[r] ?? r }))} />
        </Form.Item>
        <Form.Item name="department" label="部门"><Select id="user-department" allowClear placeholder="请选择（审查人员、负责人、部门编辑）" options={answer.departments.map((d) => ({ value: d.id, label: d.name }))} /></Form.Item>
        <Form.Item name="window" label="窗口"><Select id="user-window" allowClear placeholder="请选择（窗口人员）" options={answer.windows.map((w) => ({ value: w.id, label: w.name }))} /></Form.Item>
        <Form.Item name="password" label="初始密码" extra="用户首次登录时须修改" rules={[{ required: true, message: '请输入初始密码' }, passwordRule]}>
          <Input.Password id="user-password" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose, onDone }: { user: UserRow | null; onClose: () => void; onDone: () => Promise<unknown> }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  useEffect(() => { setPassword(''); setError(null); }, [user]);
  if (!user) return null;
  const submit = async () => {
    try {
      await api.post(`/api/admin/users/${encodeURIComponent(user.userName)}/reset-password`, { password });
      message.success(`已重置 ${user.displayName} 的密码，下次登录须修改`);
      onClose();
      await onDone();
    } catch (e) { const d = describeError(e); setError(d.detail ?? d.title); }
  };
  return (
    <Modal open title={`重置密码：${user.displayName}`} okText="重置" cancelText="取消" onOk={submit} onCancel={onClose} okButtonProps={{ 'data-testid': 'confirm-reset' } as never}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">设置一个临时密码告知本人，本人下次登录时须修改。</Typography.Paragraph>
      <Input.Password id="reset-password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
    </Modal>
  );
}

export default UsersPage;
