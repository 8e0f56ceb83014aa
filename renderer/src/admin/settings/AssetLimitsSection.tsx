import { Alert, Button, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseSettingsSchema, type CaseSettings } from '../../../../common/cases/settings';
import type { CountyPolicyInfo } from '../../../../common/cases/countyPolicy';
import { call } from '../../api/client';
import { CountyValue, countyInForce } from './CountyValue';
import { useSaveSection } from './useSaveSection';

interface Values {
  depositMonths: number | null;
  vehicleValueYuan: number | null;
  realEstateCount: number | null;
}

/**
 * 财产限额: the county's asset limits the 核对 hint compares a verification report with — deposits
 * per counted member as months of the local standard, the vehicles' total value (元), the number
 * of real-estate holdings. A limit left empty is not set (the hint says so).
 */
export function AssetLimitsSection({ current, policy }: { current: CaseSettings; policy: CountyPolicyInfo }) {
  const { t } = useTranslation();
  const county = (key: Parameters<typeof countyInForce>[1]) => Boolean(countyInForce(policy, key));
  const [form] = Form.useForm<Values>();
  const { submit, mutation } = useSaveSection({
    section: t('countySettings.sections.assets'),
    schema: caseSettingsSchema,
    save: (settings) => call('cases.setSettings', { settings }),
    refresh: ['cases.settings'],
  });
  const l = current.assetLimits;
  const initial: Values = {
    depositMonths: l?.depositMonths ?? null,
    vehicleValueYuan: l?.vehicleValueFen == null ? null : l.vehicleValueFen / 100,
    realEstateCount: l?.realEstateCount ?? null,
  };
  const onFinish = (v: Values) =>
    submit(
      form,
      {
        ...current,
        assetLimits: {
          depositMonths: v.depositMonths ?? null,
          vehicleValueFen: v.vehicleValueYuan == null ? null : Math.round(v.vehicleValueYuan * 100),
          realEstateCount: v.realEstateCount ?? null,
        },
      },
      ['assetLimits'],
    );
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} data-testid="settings-assets" style={{ maxWidth: 640 }}>
      {mutation.isError && <Alert type="error" showIcon message={mutation.error.message} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{t('countySettings.assets.help')}</Typography.Paragraph>
      <Form.Item
        label={t('countySettings.assets.depositMonths')}
        name="depositMonths"
        extra={
          <>
            {t('countySettings.assets.depositMonthsHelp')}
            <CountyValue policyKey="assetLimits.depositMonths" policy={policy} />
          </>
        }
      >
        <InputNumber
          disabled={county('assetLimits.depositMonths')}
          min={1}
          max={120}
          precision={0}
          addonAfter={t('countySettings.assets.months')}
          placeholder={t('countySettings.assets.unset')}
          aria-label={t('countySettings.assets.depositMonths')}
        />
      </Form.Item>
      <Form.Item
        label={t('countySettings.assets.vehicleValue')}
        name="vehicleValueYuan"
        extra={<CountyValue policyKey="assetLimits.vehicleValueFen" policy={policy} />}
      >
        <InputNumber
          disabled={county('assetLimits.vehicleValueFen')}
          min={0}
          max={100_000_000}
          precision={0}
          addonAfter={t('countySettings.relief.yuan')}
          placeholder={t('countySettings.assets.unset')}
          aria-label={t('countySettings.assets.vehicleValue')}
        />
      </Form.Item>
      <Form.Item
        label={t('countySettings.assets.realEstateCount')}
        name="realEstateCount"
        extra={<CountyValue policyKey="assetLimits.realEstateCount" policy={policy} />}
      >
        <InputNumber
          disabled={county('assetLimits.realEstateCount')}
          min={0}
          max={20}
          precision={0}
          addonAfter={t('countySettings.assets.holdings')}
          placeholder={t('countySettings.assets.unset')}
          aria-label={t('countySettings.assets.realEstateCount')}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="save-assets">
        {t('countySettings.save')}
      </Button>
    </Form>
  );
}
