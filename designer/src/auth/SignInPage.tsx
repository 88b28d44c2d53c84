import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { describeError } from '../api/client';
import { homeOf, useAuth } from './AuthContext';

/** 登录: the server's accounts (POST /api/auth/login sets the session cookie). */
export function SignInPage() {
  const { user, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = params.get('next');

  if (user) return <Navigate to={next && next.startsWith('/') && !next.startsWith('//') ? next : homeOf(user)} replace />;

  const submit = async (values: { userName: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const signedIn = await signIn(values.userName, values.password);
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homeOf(signedIn), { replace: true });
    } catch (e) {
      const { title, code } = describeError(e);
      setError(code ? `${title}（${code}）` : title);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(160deg,#f5f7fa,#e4ebf5)' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>政务服务事项办理平台</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>工作台 · 设计器</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
          <Form.Item label="用户名" name="userName" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>登录</Button>
        </Form>
      </Card>
    </div>
  );
}
