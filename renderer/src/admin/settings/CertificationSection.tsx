import { Alert, Button, Form, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { certificationSettingsSchema, type CertificationSettings } from '../../../../common/contract/methods/certification';
import { call } from '../../api/client';
import { useSaveSection } from './useSaveSection';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** 资格认证: the county's certification schedule, who certifies, proxies, face thresholds. */
export function CertificationSection({ current }: { current: CertificationSettings }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CertificationSettings>();
  const mode = Form.useWatch('mode', form) ?? current.mode;
  const { submit, mutation } = useSaveSection({
    section: t('countySettings.sections.certification'),
    schema: certificationSettingsSchema,
    save: (settings) => call('certification.setSettings', { settings }),
    refresh: ['certification.settings'],
  });
  const onFinish = (v: CertificationSettings) => submit(form, { ...current, ...v, face: { ...current.face, ...v.face } });
  const score = (name: keyof CertificationSettings['face']) => (
    <Form.Item label={t(`countySettings.certification.${name}`)} name={['face', name]}>
      <InputNumber min={0} max={1} step={0.01} />
    </Form.Item>
  );
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={current}
      onFinish={onFinish}
      data-testid="settings-certification"
      style={{ maxWidth: 720 }}
    >
      {mutation.isError && <Alert type="error" showIcon message={mutation.error.message} style={{ marginBottom: 12 }} />}
      <Form.Item label={t('countySettings.certification.mode')} name="mode">
        <Radio.Group
          options={[
            { value: 'interval', label: t('countySettings.certification.interval') },
            { value: 'fixedMonths', label: t('countySettings.certification.fixedMonths') },
          ]}
        />
      </Form.Item>
      {mode === 'interval' ? (
        <Space size="large">
          <Form.Item label={t('countySettings.certification.intervalMonths')} name="intervalMonths">
            <InputNumber />
          </Form.Item>
          <Form.Item label={t('countySettings.certification.dueWindowDays')} name="dueWindowDays">
            <InputNumber />
          </Form.Item>
        </Space>
      ) : (
        <Form.Item label={t('countySettings.certification.months')} name="months">
          <Select
            mode="multiple"
            style={{ maxWidth: 480 }}
            options={MONTHS.map((m) => ({ value: m, label: t('countySettings.certification.month', { month: m }) }))}
          />
        </Form.Item>
      )}
      <Form.Item label={t('countySettings.certification.who')} name="who">
        <Radio.Group
          options={[
            { value: 'applicant', label: t('countySettings.certification.applicant') },
            { value: 'adults', label: t('countySettings.certification.adults') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('countySettings.certification.proxyAllowed')} name="proxyAllowed" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Typography.Title level={5}>{t('countySettings.certification.face')}</Typography.Title>
      <Space wrap size="large">
        {score('matchPass')}
        {score('matchReview')}
        {score('livePass')}
        {score('liveReview')}
      </Space>
      <div>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="save-certification">
          {t('countySettings.save')}
        </Button>
      </div>
    </Form>
  );
}
