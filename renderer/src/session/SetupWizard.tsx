import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Steps, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../api/client';
import { ConfirmPasswordItem } from './ConfirmPasswordItem';
import { RestoreFromBackup } from './RestoreFromBackup';
import { SETUP_KEY } from './useSession';

interface StationValues {
  stationName: string;
  regionCode: string;
}
interface AdminValues {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** First run: the station, the first admin, and the recovery code shown exactly once. */
export function SetupWizard() {
  const client = useQueryClient();
  const [step, setStep] = useState(0);
  const [station, setStation] = useState<StationValues>();
  const [saved, setSaved] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const init = useMutation({
    mutationFn: (admin: AdminValues) =>
      call('setup.init', { ...station!, admin: { username: admin.username, displayName: admin.displayName, password: admin.password } }),
    onSuccess: () => setStep(2),
  });

  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48, background: '#f0f2f5', minHeight: '100vh' }}>
      <Card style={{ width: 640 }} title="救助通工作站 · 首次设置">
        {restoring ? (
          <RestoreFromBackup onCancel={() => setRestoring(false)} onDone={() => void client.invalidateQueries({ queryKey: SETUP_KEY })} />
        ) : (
        <>
        <Steps current={step} items={[{ title: '工作站' }, { title: '管理员' }, { title: '恢复码' }]} style={{ marginBottom: 24 }} />
        {step === 0 && (
          <Form
            layout="vertical"
            initialValues={station}
            onFinish={(v: StationValues) => {
              setStation(v);
              setStep(1);
            }}
          >
            <Form.Item label="工作站名称" name="stationName" rules={[{ required: true, message: '请输入工作站名称' }, { min: 2, message: '名称太短' }]}>
              <Input autoFocus placeholder="例如：桥头镇社会救助工作站" />
            </Form.Item>
            <Form.Item
              label="行政区划代码（6 位，GB/T 2260）"
              name="regionCode"
              rules={[{ required: true, message: '请输入行政区划代码' }, { pattern: /^\d{6}$/, message: '行政区划代码应为 6 位数字' }]}
            >
              <Input placeholder="例如：500110" inputMode="numeric" maxLength={6} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              下一步
            </Button>
            <Button type="link" onClick={() => setRestoring(true)}>
              换新电脑或重装后，从备份恢复
            </Button>
          </Form>
        )}
        {step === 1 && (
          <Form layout="vertical" onFinish={(v: AdminValues) => init.mutate(v)}>
            {init.isError && <Alert style={{ marginBottom: 16 }} type="error" showIcon message={init.error.message} />}
            <Form.Item label="管理员用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
              <Input autoFocus autoComplete="username" />
            </Form.Item>
            <Form.Item label="管理员姓名" name="displayName" rules={[{ required: true, message: '请输入姓名' }]}>
              <Input />
            </Form.Item>
            <Form.Item label="密码（至少 10 位，不能全是数字，不能与用户名相同）" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <ConfirmPasswordItem of="password" label="再次输入密码" />
            <Button onClick={() => setStep(0)} style={{ marginRight: 8 }}>
              上一步
            </Button>
            <Button type="primary" htmlType="submit" loading={init.isPending}>
              完成设置
            </Button>
          </Form>
        )}
        {step === 2 && init.data && (
          <div>
            <Alert
              type="warning"
              showIcon
              message="请立即抄写或打印恢复码，并放入站内保险柜。它只显示这一次。"
              description="忘记管理员密码、或把数据搬到新电脑时，只有恢复码能打开本机数据。"
            />
            <Typography.Paragraph
              data-testid="recovery-code"
              copyable
              style={{ fontFamily: 'monospace', fontSize: 28, letterSpacing: 2, textAlign: 'center', margin: '24px 0' }}
            >
              {init.data.recoveryCode}
            </Typography.Paragraph>
            <Button onClick={() => window.print()} style={{ marginBottom: 16 }}>
              打印恢复码
            </Button>
            <div>
              <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)}>
                我已妥善保存恢复码
              </Checkbox>
            </div>
            <Button type="primary" style={{ marginTop: 16 }} disabled={!saved} onClick={() => void client.invalidateQueries({ queryKey: SETUP_KEY })}>
              去登录
            </Button>
          </div>
        )}
        </>
        )}
      </Card>
    </div>
  );
}
