import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, InputNumber, Radio, Select, Space, Switch, message } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificationSettings } from '../../../common/contract/methods/certification';
import { call } from '../api/client';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The county's certification rules (admin): schedule, who certifies, proxy, face thresholds. Saving is audited in core. */
export function SettingsCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<CertificationSettings>();
  const current = useQuery({ queryKey: ['certification.settings'], queryFn: () => call('certification.settings', {}) });
  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data.settings);
  }, [current.data, form]);
  const save = useMutation({
    mutationFn: (settings: CertificationSettings) => call('certification.setSettings', { settings }),
    onSuccess: () => {
      void message.success(t('certification.settings.saved'));
      void client.invalidateQueries({ queryKey: ['certification.due'] });
      void client.invalidateQueries({ queryKey: ['certification.settings'] });
    },
  });
  const mode = Form.useWatch('mode', form);
  return (
    <Card size="small" title={t('certification.settings.title')} data-testid="cert-settings">
      {save.error ? <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => save.mutate({ ...current.data!.settings, ...v, face: { ...current.data!.settings.face, ...v.face } })}
      >
        <Space wrap>
          <Form.Item name="mode" label={t('certification.settings.mode')}>
            <Radio.Group
              options={(['interval', 'fixedMonths'] as const).map((m) => ({ value: m, label: t(`certification.settings.modes.${m}`) }))}
            />
          </Form.Item>
          {mode === 'fixedMonths' ? (
            <Form.Item name="months" label={t('certification.settings.months')}>
              <Select
                mode="multiple"
                style={{ minWidth: 200 }}
                options={MONTHS.map((m) => ({ value: m, label: t('certification.settings.month', { month: m }) }))}
              />
            </Form.Item>
          ) : (
            <Form.Item name="intervalMonths" label={t('certification.settings.intervalMonths')}>
              <InputNumber min={1} max={36} />
            </Form.Item>
          )}
          <Form.Item name="who" label={t('certification.settings.who')}>
            <Radio.Group
              options={(['applicant', 'adults'] as const).map((w) => ({ value: w, label: t(`certification.settings.whos.${w}`) }))}
            />
          </Form.Item>
          <Form.Item name="dueWindowDays" label={t('certification.settings.dueWindowDays')}>
            <InputNumber min={0} max={90} />
          </Form.Item>
          <Form.Item name="proxyAllowed" label={t('certification.settings.proxyAllowed')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {(['matchPass', 'matchReview', 'livePass', 'liveReview'] as const).map((k) => (
            <Form.Item key={k} name={['face', k]} label={t(`certification.settings.thresholds.${k}`)}>
              <InputNumber min={0} max={1} step={0.05} />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('certification.settings.save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
