import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { call } from '../api/client';

interface Values {
  file: string;
  recoveryCode: string;
  username: string;
  newPassword: string;
}

/** A new or emptied workstation: bring a station's data back from its backup with the recovery code. */
export function RestoreFromBackup({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const restore = useMutation({ mutationFn: (v: Values) => call('setup.restore', v) });
  if (restore.data)
    return (
      <div>
        <Alert type="success" showIcon message={`已从 ${new Date(restore.data.createdAt).toLocaleString('zh-CN')} 的备份恢复。`} />
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          message="旧恢复码已作废。请抄写或打印新的恢复码，放入站内保险柜："
          description={<Typography.Paragraph copyable style={{ fontFamily: 'monospace', fontSize: 22 }} data-testid="new-recovery-code">{restore.data.recoveryCode}</Typography.Paragraph>}
        />
        {restore.data.needPasswordReset.length > 0 && (
          <Alert style={{ marginTop: 12 }} type="info" showIcon message={`以下账号需由管理员重置密码：${restore.data.needPasswordReset.join('、')}`} />
        )}
        <Button type="primary" style={{ marginTop: 16 }} onClick={onDone}>去登录</Button>
      </div>
    );
  return (
    <Form layout="vertical" onFinish={(v: Values) => restore.mutate(v)}>
      {restore.isError && <Alert style={{ marginBottom: 16 }} type="error" showIcon message={restore.error.message} />}
      <Form.Item label="备份文件" name="file" rules={[{ required: true, message: '请填写备份文件路径' }]}>
        <Input autoFocus placeholder="/media/usb/救助站备份.jzbak" />
      </Form.Item>
      <Form.Item label="恢复码" name="recoveryCode" rules={[{ required: true, message: '请输入恢复码' }]}>
        <Input style={{ fontFamily: 'monospace' }} placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX" />
      </Form.Item>
      <Form.Item label="管理员用户名" name="username" rules={[{ required: true, message: '请输入管理员用户名' }]}>
        <Input />
      </Form.Item>
      <Form.Item label="管理员新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button onClick={onCancel} style={{ marginRight: 8 }}>返回</Button>
      <Button type="primary" htmlType="submit" loading={restore.isPending}>恢复</Button>
    </Form>
  );
}
