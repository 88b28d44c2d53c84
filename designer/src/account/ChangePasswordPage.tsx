import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, describeError } from '../api/client';
import type { components } from '../api/schema';
import { homeOf, useUser } from '../auth/AuthContext';

/** 修改密码: required at the first sign-in with a password an administrator set or reset. */
export function ChangePasswordPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { currentPassword: string; newPassword: string }) => {
    setBusy(true); setError(null);
    try {
      await api.post('/api/account/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success('密码已修改');
      navigate(homeOf(user), { replace: true });
    } catch (e) {
      const d = describeError(e);
      setError(d.detail ?? d.title);
    } finally { setBusy(false); }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5', padding: 16 }}>
      <Card title={<span><LockOutlined /> 修改密码</span>} style={{ width: 420, maxWidth: '100%' }}>
        <Typography.Paragraph type="secondary">
          {user.displayName}，您的密码由管理员设置，请先设置您自己的密码。密码至少 10 个字符，且不能只由一类字符组成。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="password-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password id="current-password" autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label="新密码" rules={[{ required: true, message: '请输入新密码' }, { min: 10, message: '密码至少 10 个字符' }]}>
            <Input.Password id="new-password" autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="confirm" label="再次输入新密码" dependencies={['newPassword']}
            rules={[{ required: true, message: '请再次输入新密码' }, ({ getFieldValue }) => ({
              validator: (_, value) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
            })]}>
            <Input.Password id="confirm-password" autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="change-password">修改密码</Button>
        </Form>
      </Card>
    </div>
  );
}

/** Sends a session that must change its password to the change page before anything else. */
export function PasswordGate({ children }: { children: React.ReactNode }) {
  const user = useUser();
  const navigate = useNavigate();
  const [checked, setChecked] = useState<{ user: string; must: boolean } | null>(null);
  useEffect(() => {
    let live = true;
    api.get<components['schemas']['OwnAccount']>('/api/account')
      .then((a) => { if (live) setChecked({ user: user.userName, must: a.mustChangePassword }); })
      .catch(() => { if (live) setChecked({ user: user.userName, must: false }); });
    return () => { live = false; };
  }, [user.userName]);
  useEffect(() => { if (checked?.must) navigate('/account/password', { replace: true }); }, [checked, navigate]);
  if (checked?.user !== user.userName || checked.must) return null;
  return <>{children}</>;
}
