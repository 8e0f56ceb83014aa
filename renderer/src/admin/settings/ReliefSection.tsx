import { Alert, Button, Form, InputNumber, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseSettingsSchema, type CaseSettings } from '../../../../common/cases/settings';
import type { CountyPolicyInfo } from '../../../../common/cases/countyPolicy';
import { call } from '../../api/client';
import { CountyValue, countyInForce } from './CountyValue';
import { useSaveSection } from './useSaveSection';

type Values = Pick<CaseSettings, 'relief'>;

/**
 * 临时救助与监测: the county's 先行救助 limit (元) and the working days to complete the papers after
 * it, and whether 低保边缘 / 刚性支出困难 households are paid a monthly amount (off: monitored only).
 */
export function ReliefSection({ current, policy }: { current: CaseSettings; policy: CountyPolicyInfo }) {
  const { t } = useTranslation();
  const county = (key: Parameters<typeof countyInForce>[1]) => Boolean(countyInForce(policy, key));
  const [form] = Form.useForm<Values>();
  const { submit, mutation } = useSaveSection({
    section: t('countySettings.sections.relief'),
    schema: caseSettingsSchema,
    save: (settings) => call('cases.setSettings', { settings }),
    refresh: ['cases.settings'],
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ relief: current.relief }}
      onFinish={(v: Values) =>
        submit(form, {
          ...current,
          relief: { ...current.relief, ...v.relief, monthlyAmount: { ...current.relief.monthlyAmount, ...v.relief.monthlyAmount } },
        })
      }
      data-testid="settings-relief"
      style={{ maxWidth: 640 }}
    >
      {mutation.isError && <Alert type="error" showIcon message={mutation.error.message} style={{ marginBottom: 12 }} />}
      <Form.Item
        label={t('countySettings.relief.advanceLimit')}
        name={['relief', 'advanceLimitYuan']}
        extra={
          <>
            {t('countySettings.relief.advanceLimitHelp')}
            <CountyValue policyKey="relief.advanceLimitYuan" policy={policy} />
          </>
        }
      >
        <InputNumber
          disabled={county('relief.advanceLimitYuan')}
          min={1}
          max={100000}
          precision={0}
          addonAfter={t('countySettings.relief.yuan')}
          aria-label={t('countySettings.relief.advanceLimit')}
        />
      </Form.Item>
      <Form.Item
        label={t('countySettings.relief.papersDays')}
        name={['relief', 'advancePapersWorkingDays']}
        extra={
          <>
            {t('countySettings.relief.papersDaysHelp')}
            <CountyValue policyKey="relief.advancePapersWorkingDays" policy={policy} />
          </>
        }
      >
        <InputNumber
          disabled={county('relief.advancePapersWorkingDays')}
          min={1}
          max={30}
          precision={0}
          addonAfter={t('countySettings.relief.days')}
          aria-label={t('countySettings.relief.papersDays')}
        />
      </Form.Item>
      <Typography.Title level={5}>{t('countySettings.relief.monthly')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('countySettings.relief.monthlyHelp')}</Typography.Paragraph>
      <Form.Item label={t('countySettings.relief.marginal')} name={['relief', 'monthlyAmount', 'marginal']} valuePropName="checked">
        <Switch aria-label={t('countySettings.relief.marginal')} />
      </Form.Item>
      <Form.Item label={t('countySettings.relief.rigid')} name={['relief', 'monthlyAmount', 'rigid']} valuePropName="checked">
        <Switch aria-label={t('countySettings.relief.rigid')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="save-relief">
        {t('countySettings.save')}
      </Button>
    </Form>
  );
}
