import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../api/client';
import { useFieldMessages } from '../api/formErrors';
import { ConfirmPasswordItem } from './ConfirmPasswordItem';
import { RestoreFromBackup } from './RestoreFromBackup';
import { SETUP_KEY, useSetupStatus } from './useSession';

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

const STATION_FIELDS = ['stationName', 'regionCode'];
/** Core's `admin.username` is the admin step's `username`. */
const adminField = (path: string) => (path.startsWith('admin.') ? path.slice('admin.'.length).split(/[.[]/)[0] : undefined);

/** First run: the station, the first admin, and the recovery code shown exactly once. */
export function SetupWizard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [step, setStep] = useState(0);
  const [station, setStation] = useState<StationValues>();
  // Kept while the clerk goes back to fix the station, so the admin step is not typed twice.
  const [admin, setAdmin] = useState<AdminValues>();
  const [saved, setSaved] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const stationMessages = useFieldMessages();
  const adminMessages = useFieldMessages();
  // The machine preset IT deployed (station name, region): a default the admin sees and confirms.
  const setup = useSetupStatus().data;
  const init = useMutation({
    mutationFn: (admin: AdminValues) =>
      call('setup.init', { ...station!, admin: { username: admin.username, displayName: admin.displayName, password: admin.password } }),
    onSuccess: () => setStep(2),
    onError: (error) => {
      // A refused station field sends the clerk back to the station step, the message on that field.
      if (error instanceof ApiCallError && error.code === 'STORE_BAD_REGION_CODE') {
        stationMessages.set('regionCode', error.message);
        init.reset();
        setStep(0);
      } else if (stationMessages.take(error, (p) => (STATION_FIELDS.includes(p) ? p : undefined))) {
        init.reset();
        setStep(0);
      } else if (adminMessages.take(error, adminField)) init.reset();
    },
  });

  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48, background: '#f0f2f5', minHeight: '100vh' }}>
      <Card style={{ width: 640 }} title={t('session.setup.title')}>
        {restoring ? (
          <RestoreFromBackup onCancel={() => setRestoring(false)} onDone={() => void client.invalidateQueries({ queryKey: SETUP_KEY })} />
        ) : (
          <>
            <Steps
              current={step}
              items={[
                { title: t('session.setup.steps.station') },
                { title: t('session.setup.steps.admin') },
                { title: t('session.setup.steps.recoveryCode') },
              ]}
              style={{ marginBottom: 24 }}
            />
            {setup?.presetProblem && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="preset-problem"
                message={t('session.setup.presetProblem')}
                description={<span data-verbatim>{setup.presetProblem}</span>}
              />
            )}
            {step === 0 && (
              <Form
                layout="vertical"
                initialValues={station ?? setup?.preset}
                onValuesChange={stationMessages.onValuesChange}
                onFinish={(v: StationValues) => {
                  setStation(v);
                  init.reset();
                  setStep(1);
                }}
              >
                <Form.Item
                  label={t('session.setup.stationName')}
                  name="stationName"
                  rules={[
                    { required: true, message: t('session.setup.stationNameMissing') },
                    { min: 2, message: t('session.setup.stationNameShort') },
                  ]}
                  {...stationMessages.item('stationName')}
                >
                  <Input autoFocus placeholder={t('session.setup.stationNameExample')} />
                </Form.Item>
                <Form.Item
                  label={t('session.setup.regionCode')}
                  name="regionCode"
                  rules={[
                    { required: true, message: t('session.setup.regionCodeMissing') },
                    { pattern: /^\d{6}$/, message: t('session.setup.regionCodeFormat') },
                  ]}
                  {...stationMessages.item('regionCode')}
                >
                  <Input placeholder={t('session.setup.regionCodeExample')} inputMode="numeric" maxLength={6} data-testid="setup-region" />
                </Form.Item>
                <Button type="primary" htmlType="submit">
                  {t('session.setup.next')}
                </Button>
                <Button type="link" onClick={() => setRestoring(true)}>
                  {t('session.setup.restoreInstead')}
                </Button>
              </Form>
            )}
            {step === 1 && (
              <Form
                layout="vertical"
                initialValues={admin}
                onFinish={(v: AdminValues) => (setAdmin(v), init.mutate(v))}
                onValuesChange={(changed: object) => (adminMessages.onValuesChange(changed), init.reset())}
              >
                {init.isError && (
                  <Alert style={{ marginBottom: 16 }} type="error" showIcon message={init.error.message} data-testid="setup-error" />
                )}
                <Form.Item
                  label={t('session.setup.adminUsername')}
                  name="username"
                  rules={[{ required: true, message: t('session.setup.usernameMissing') }]}
                  {...adminMessages.item('username')}
                >
                  <Input autoFocus autoComplete="username" />
                </Form.Item>
                <Form.Item
                  label={t('session.setup.adminName')}
                  name="displayName"
                  rules={[{ required: true, message: t('session.setup.nameMissing') }]}
                  {...adminMessages.item('displayName')}
                >
                  <Input />
                </Form.Item>
                <Form.Item
                  label={t('session.setup.adminPassword')}
                  name="password"
                  rules={[{ required: true, message: t('session.setup.passwordMissing') }]}
                  {...adminMessages.item('password')}
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
                <ConfirmPasswordItem of="password" label={t('session.setup.passwordAgain')} />
                <Button onClick={() => setStep(0)} style={{ marginRight: 8 }}>
                  {t('session.setup.previous')}
                </Button>
                <Button type="primary" htmlType="submit" loading={init.isPending}>
                  {t('session.setup.finish')}
                </Button>
              </Form>
            )}
            {step === 2 && init.data && (
              <div>
                <Alert type="warning" showIcon message={t('session.setup.recoveryWarning')} description={t('session.setup.recoveryWhy')} />
                <Typography.Paragraph
                  data-testid="recovery-code"
                  data-verbatim
                  copyable
                  style={{ fontFamily: 'monospace', fontSize: 28, letterSpacing: 2, textAlign: 'center', margin: '24px 0' }}
                >
                  {init.data.recoveryCode}
                </Typography.Paragraph>
                <Button onClick={() => window.print()} style={{ marginBottom: 16 }}>
                  {t('session.setup.printCode')}
                </Button>
                <div>
                  <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)}>
                    {t('session.setup.codeSaved')}
                  </Checkbox>
                </div>
                <Button
                  type="primary"
                  style={{ marginTop: 16 }}
                  disabled={!saved}
                  onClick={() => void client.invalidateQueries({ queryKey: SETUP_KEY })}
                >
                  {t('session.setup.toLogin')}
                </Button>
              </div>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
