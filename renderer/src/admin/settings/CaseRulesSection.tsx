import { Alert, Button, Form, InputNumber, Radio, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseSettingsSchema, type CaseSettings } from '../../../../common/cases/settings';
import type { CountyPolicyInfo } from '../../../../common/cases/countyPolicy';
import { call } from '../../api/client';
import { CountyValue, CountyValuesNotApplied, countyInForce } from './CountyValue';
import { useSaveSection } from './useSaveSection';

type Values = Pick<
  CaseSettings,
  'openCasePolicy' | 'decisionDelegated' | 'faceRequired' | 'paperFaceRequired' | 'dueSoonWorkingDays' | 'limits'
>;

/**
 * 受理规则: duplicate open cases (warn or block), decision delegation, face at authorization, due-soon window.
 * Delegation and the time limits show the county's published value beside them; while one is in force the
 * local field is read-only.
 */
export function CaseRulesSection({ current, policy }: { current: CaseSettings; policy: CountyPolicyInfo }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, mutation } = useSaveSection({
    section: t('countySettings.sections.rules'),
    schema: caseSettingsSchema,
    save: (settings) => call('cases.setSettings', { settings }),
    refresh: ['cases.settings'],
  });
  const county = (key: Parameters<typeof countyInForce>[1]) => Boolean(countyInForce(policy, key));
  const initial: Values = {
    openCasePolicy: current.openCasePolicy,
    decisionDelegated: current.decisionDelegated,
    faceRequired: current.faceRequired,
    paperFaceRequired: current.paperFaceRequired,
    dueSoonWorkingDays: current.dueSoonWorkingDays,
    limits: current.limits,
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v: Values) => submit(form, { ...current, ...v })}
      data-testid="settings-rules"
      style={{ maxWidth: 640 }}
    >
      {mutation.isError && <Alert type="error" showIcon message={mutation.error.message} style={{ marginBottom: 12 }} />}
      <CountyValuesNotApplied policy={policy} />
      <Form.Item label={t('countySettings.rules.openCasePolicy')} name="openCasePolicy">
        <Radio.Group
          data-testid="open-case-policy"
          options={[
            { value: 'warn', label: t('countySettings.rules.warn') },
            { value: 'block', label: t('countySettings.rules.block') },
          ]}
        />
      </Form.Item>
      <Form.Item
        label={t('countySettings.rules.decisionDelegated')}
        name="decisionDelegated"
        valuePropName="checked"
        extra={
          <>
            {t('countySettings.rules.decisionDelegatedHelp')}
            <CountyValue policyKey="decisionDelegated" policy={policy} />
          </>
        }
      >
        <Switch disabled={county('decisionDelegated')} />
      </Form.Item>
      <Typography.Paragraph type="secondary" data-testid="national-limits">
        {t('countySettings.limits.national')}
      </Typography.Paragraph>
      <Form.Item
        label={t('countySettings.limits.delegatedDecision')}
        name={['limits', 'delegatedDecisionWorkingDays']}
        extra={
          <>
            {t('countySettings.limits.delegatedDecisionHelp')}
            <CountyValue policyKey="limits.delegatedDecisionWorkingDays" policy={policy} />
          </>
        }
      >
        <InputNumber
          disabled={county('limits.delegatedDecisionWorkingDays')}
          min={1}
          max={30}
          addonAfter={t('countySettings.rules.days')}
          aria-label={t('countySettings.limits.delegatedDecision')}
        />
      </Form.Item>
      <Form.Item
        label={t('countySettings.limits.reopinion')}
        name={['limits', 'reopinionWorkingDays']}
        extra={
          <>
            {t('countySettings.limits.reopinionHelp')}
            <CountyValue policyKey="limits.reopinionWorkingDays" policy={policy} />
          </>
        }
      >
        <InputNumber
          disabled={county('limits.reopinionWorkingDays')}
          min={1}
          max={45}
          addonAfter={t('countySettings.rules.days')}
          aria-label={t('countySettings.limits.reopinion')}
        />
      </Form.Item>
      <Form.Item
        label={t('countySettings.limits.countyDecision')}
        name={['limits', 'countyDecisionWorkingDays']}
        extra={
          <>
            {t('countySettings.limits.countyDecisionHelp')}
            <CountyValue policyKey="limits.countyDecisionWorkingDays" policy={policy} />
          </>
        }
      >
        <InputNumber
          disabled={county('limits.countyDecisionWorkingDays')}
          min={1}
          max={45}
          addonAfter={t('countySettings.rules.days')}
          aria-label={t('countySettings.limits.countyDecision')}
        />
      </Form.Item>
      <Form.Item
        label={t('countySettings.limits.acceptance')}
        name={['limits', 'acceptanceWorkingDays']}
        extra={
          <>
            {t('countySettings.limits.acceptanceHelp')}
            <CountyValue policyKey="limits.acceptanceWorkingDays" policy={policy} />
          </>
        }
      >
        <InputNumber
          disabled={county('limits.acceptanceWorkingDays')}
          min={1}
          max={30}
          addonAfter={t('countySettings.rules.days')}
          placeholder={t('countySettings.limits.none')}
          aria-label={t('countySettings.limits.acceptance')}
        />
      </Form.Item>
      <Form.Item label={t('countySettings.rules.faceRequired')} name="faceRequired" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item noStyle dependencies={['faceRequired']}>
        {({ getFieldValue }) => (
          <Form.Item
            label={t('countySettings.rules.paperFaceRequired')}
            name="paperFaceRequired"
            valuePropName="checked"
            extra={t('countySettings.rules.paperFaceRequiredHelp')}
          >
            <Switch disabled={!getFieldValue('faceRequired')} data-testid="paper-face-required" />
          </Form.Item>
        )}
      </Form.Item>
      <Form.Item label={t('countySettings.rules.dueSoonWorkingDays')} name="dueSoonWorkingDays">
        <InputNumber addonAfter={t('countySettings.rules.days')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="save-rules">
        {t('countySettings.save')}
      </Button>
    </Form>
  );
}
