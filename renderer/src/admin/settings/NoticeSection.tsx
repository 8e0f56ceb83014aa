import { Alert, Button, Card, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseSettingsSchema, type CaseSettings } from '../../../../common/cases/settings';
import { nameMaskPolicySchema, type NameMaskPolicy } from '../../../../common/format/mask';
import { call } from '../../api/client';
import { useSaveSection } from './useSaveSection';
import { orUndefined } from './zodFields';

interface Values {
  headerLines: string;
  issuer: string;
  address?: string;
  phone?: string;
  nameMask: NameMaskPolicy;
  publicityNameMask: NameMaskPolicy;
  redressEnabled: boolean;
  redress?: { reviewBody?: string; court?: string; reviewDays?: number; litigationMonths?: number };
}

/** 文书与救济途径: what the notices print — header, issuer, address, phone, and the redress route. */
export function NoticeSection({ current }: { current: CaseSettings }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const enabled = Form.useWatch('redressEnabled', form);
  const { submit, mutation } = useSaveSection({
    section: t('countySettings.sections.notice'),
    schema: caseSettingsSchema,
    save: (settings) => call('cases.setSettings', { settings }),
    refresh: ['cases.settings'],
  });
  const n = current.notice;
  const initial: Values = {
    headerLines: n.headerLines.join('\n'),
    issuer: n.issuer,
    address: n.address ?? '',
    phone: n.phone ?? '',
    nameMask: n.nameMask,
    publicityNameMask: n.publicityNameMask,
    redressEnabled: n.redress !== undefined,
    redress: n.redress ?? { reviewDays: 60, litigationMonths: 6 },
  };
  const maskOptions = nameMaskPolicySchema.options.map((value) => ({ value, label: t(`countySettings.notice.mask.${value}`) }));
  const onFinish = (v: Values) => {
    const notice = {
      headerLines: v.headerLines
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
      issuer: v.issuer ?? '',
      address: orUndefined(v.address),
      phone: orUndefined(v.phone),
      nameMask: v.nameMask,
      publicityNameMask: v.publicityNameMask,
      redress: v.redressEnabled ? v.redress : undefined,
    };
    submit(form, { ...current, notice }, ['notice'], (p) => (p[0] === 'headerLines' ? ['headerLines'] : p));
  };
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} data-testid="settings-notice" style={{ maxWidth: 640 }}>
      {mutation.isError && <Alert type="error" showIcon message={mutation.error.message} style={{ marginBottom: 12 }} />}
      <Form.Item label={t('countySettings.notice.headerLines')} name="headerLines">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      <Form.Item label={t('countySettings.notice.issuer')} name="issuer">
        <Input />
      </Form.Item>
      <Form.Item label={t('countySettings.notice.address')} name="address">
        <Input />
      </Form.Item>
      <Form.Item label={t('countySettings.notice.phone')} name="phone">
        <Input />
      </Form.Item>
      <Form.Item label={t('countySettings.notice.nameMask')} name="nameMask">
        <Select options={maskOptions} />
      </Form.Item>
      <Form.Item label={t('countySettings.notice.publicityNameMask')} name="publicityNameMask">
        <Select options={maskOptions} />
      </Form.Item>
      <Form.Item
        label={t('countySettings.notice.redressEnabled')}
        name="redressEnabled"
        valuePropName="checked"
        extra={t('countySettings.notice.redress')}
      >
        <Switch />
      </Form.Item>
      {enabled && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form.Item label={t('countySettings.notice.reviewBody')} name={['redress', 'reviewBody']}>
            <Input />
          </Form.Item>
          <Form.Item label={t('countySettings.notice.court')} name={['redress', 'court']}>
            <Input />
          </Form.Item>
          <Form.Item label={t('countySettings.notice.reviewDays')} name={['redress', 'reviewDays']}>
            <InputNumber />
          </Form.Item>
          <Form.Item label={t('countySettings.notice.litigationMonths')} name={['redress', 'litigationMonths']}>
            <InputNumber />
          </Form.Item>
        </Card>
      )}
      <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="save-notice">
        {t('countySettings.save')}
      </Button>
    </Form>
  );
}
