import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../common/contract/index';
import { call } from '../api/client';

type Settings = MethodOutput<'sync.settings'>;

/** Windows, jitter, bandwidth cap and the stale warning, for heads and admins. */
export function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useMutation({ mutationFn: (s: Partial<Settings>) => call('sync.settings', s), onSuccess: onSaved });
  return (
    <Form
      layout="inline"
      initialValues={{ ...settings, windows: settings.windows.join(' ') }}
      onFinish={(v: { windows: string; jitterMinutes: number; bandwidthKbps: number | null; staleDays: number; prefetchDays: number }) =>
        save.mutate({
          windows: v.windows.split(/[\s,，]+/).filter(Boolean),
          jitterMinutes: v.jitterMinutes,
          bandwidthKbps: v.bandwidthKbps ?? null,
          staleDays: v.staleDays,
          prefetchDays: v.prefetchDays,
        })
      }
    >
      <Form.Item name="windows" label={t('sync.windows')}>
        <Input style={{ width: 160 }} placeholder="12:00 17:30" />
      </Form.Item>
      <Form.Item name="jitterMinutes" label={t('sync.jitter')}>
        <InputNumber min={0} max={120} />
      </Form.Item>
      <Form.Item name="bandwidthKbps" label={t('sync.bandwidth')}>
        <InputNumber min={1} />
      </Form.Item>
      <Form.Item name="staleDays" label={t('sync.staleDays')}>
        <InputNumber min={1} max={365} />
      </Form.Item>
      <Form.Item name="prefetchDays" label={t('sync.prefetchDays')}>
        <InputNumber min={0} max={90} />
      </Form.Item>
      <Button htmlType="submit" loading={save.isPending}>
        {t('sync.save')}
      </Button>
      {save.isError && <Alert type="error" showIcon message={save.error.message} />}
    </Form>
  );
}
