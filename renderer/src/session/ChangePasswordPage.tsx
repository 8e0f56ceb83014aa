import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { call } from '../api/client';
import { ConfirmPasswordItem } from './ConfirmPasswordItem';
import { useRefreshSession } from './useSession';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** Shown when the admin has set a temporary password: it must be replaced before any work. */
export function ChangePasswordPage({ forced }: { forced: boolean }) {
  const refresh = useRefreshSession();
  const change = useMutation({
    mutationFn: (v: Values) => call('session.changePassword', { oldPassword: v.oldPassword, newPassword: v.newPassword }),
    onSuccess: () => refresh(),
  });
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <Card style={{ width: 460 }} title="修改密码">
        {forced && <Typography.Paragraph>管理员为您设置了临时密码，请先改为只有您知道的新密码。</Typography.Paragraph>}
        <Typography.Paragraph type="secondary">新密码至少 10 位，不能全是数字，不能与用户名相同。</Typography.Paragraph>
        {change.isError && <Alert style={{ marginBottom: 16 }} type="error" showIcon message={change.error.message} />}
        <Form layout="vertical" onFinish={(v: Values) => change.mutate(v)}>
          <Form.Item label="当前密码" name="oldPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoFocus autoComplete="current-password" />
          </Form.Item>
          <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }, { min: 10, message: '新密码至少 10 位' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <ConfirmPasswordItem of="newPassword" label="再次输入新密码" />
          <Button type="primary" htmlType="submit" block loading={change.isPending}>
            保存新密码
          </Button>
        </Form>
      </Card>
    </div>
  );
}
