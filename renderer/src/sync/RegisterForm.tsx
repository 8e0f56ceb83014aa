import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../common/contract/index';
import { call } from '../api/client';
import { useSetupStatus } from '../session/useSession';

/** Enrol this workstation: address, one-time code and the fingerprint printed on the slip. */
export function RegisterForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const register = useMutation({ mutationFn: (input: MethodInput<'sync.register'>) => call('sync.register', input), onSuccess: onDone });
  // The platform address from the machine preset, when IT deployed one; the admin can still change it.
  const platformUrl = useSetupStatus().data?.preset.platformUrl;
  return (
    <Form
      layout="vertical"
      style={{ maxWidth: 520 }}
      key={platformUrl ?? 'none'}
      initialValues={platformUrl ? { platformUrl } : undefined}
      onFinish={(v: MethodInput<'sync.register'>) => register.mutate(v)}
    >
      <Form.Item name="platformUrl" label={t('sync.platformUrl')} rules={[{ required: true }]}>
        <Input placeholder="https://" />
      </Form.Item>
      <Form.Item name="code" label={t('sync.code')} rules={[{ required: true }]}>
        <Input placeholder="XXXX-XXXX-XXXX" />
      </Form.Item>
      <Form.Item name="fingerprint" label={t('sync.fingerprint')} rules={[{ required: true }]}>
        <Input placeholder="xxxx-xxxx-xxxx-xxxx-xxxx-xxxx-xxxx-xxxx" />
      </Form.Item>
      <Form.Item name="deviceName" label={t('sync.deviceName')}>
        <Input placeholder={t('sync.deviceNameExample')} />
      </Form.Item>
      {register.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={register.error.message} />}
      <Button type="primary" htmlType="submit" loading={register.isPending}>
        {t('sync.register')}
      </Button>
    </Form>
  );
}
