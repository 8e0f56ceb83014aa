import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rosterSettingsSchema, type RosterSettings } from '../../../../common/contract/methods/afterAcceptance/roster';
import type { MethodOutput } from '../../../../common/contract/index';
import { ASSISTANCE_TYPES } from '../../../../common/cases/types';
import { call } from '../../api/client';
import { useSaveSection } from './useSaveSection';
import { orUndefined } from './zodFields';

type Benefit = MethodOutput<'roster.settings'>['linkedBenefits'][number];
interface Values {
  reviewMonths: RosterSettings['reviewMonths'];
  warningWorkingDays: number;
  linkedBenefits: Array<{ code: string; name: string; department?: string; types: string[] }>;
}

/** 在册复核与预警, 关联救助: review periods, the warning deadline, the linked benefits list. */
export function RosterSection({ current, benefits }: { current: RosterSettings; benefits: Benefit[] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, mutation } = useSaveSection({
    section: t('countySettings.sections.roster'),
    schema: rosterSettingsSchema,
    save: (settings) => call('roster.setSettings', { settings }),
    refresh: ['roster.settings'],
  });
  const initial: Values = {
    reviewMonths: current.reviewMonths,
    warningWorkingDays: current.warningWorkingDays,
    linkedBenefits: benefits.map((b) => ({ ...b, department: b.department ?? '' })),
  };
  const onFinish = (v: Values) =>
    submit(form, {
      ...current,
      reviewMonths: v.reviewMonths,
      warningWorkingDays: v.warningWorkingDays,
      linkedBenefits: (v.linkedBenefits ?? []).map((b) => ({
        code: b.code,
        name: b.name,
        department: orUndefined(b.department),
        types: b.types ?? [],
      })),
    });
  const typeOptions = ASSISTANCE_TYPES.map((ty) => ({ value: ty, label: t(`cases.typesShort.${ty}`) }));
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} data-testid="settings-roster">
      {mutation.isError && <Alert type="error" showIcon message={mutation.error.message} style={{ marginBottom: 12 }} />}
      <Typography.Title level={5}>{t('countySettings.roster.reviewMonths')}</Typography.Title>
      <Space wrap size="large">
        <Form.Item label={t('countySettings.roster.stable')} name={['reviewMonths', 'stable']}>
          <InputNumber />
        </Form.Item>
        <Form.Item label={t('countySettings.roster.irregular')} name={['reviewMonths', 'irregular']}>
          <InputNumber />
        </Form.Item>
        <Form.Item label={t('countySettings.roster.tekun')} name={['reviewMonths', 'tekun']}>
          <InputNumber />
        </Form.Item>
        <Form.Item label={t('countySettings.roster.monitoring')} name={['reviewMonths', 'monitoring']}>
          <InputNumber min={1} max={12} />
        </Form.Item>
      </Space>
      <Form.Item label={t('countySettings.roster.warningWorkingDays')} name="warningWorkingDays">
        <InputNumber />
      </Form.Item>
      <Divider />
      <Typography.Title level={5}>{t('countySettings.sections.benefits')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('countySettings.benefits.help')}</Typography.Paragraph>
      <Form.List name="linkedBenefits">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'code']} style={{ marginBottom: 4 }}>
                  <Input
                    aria-label={`${t('countySettings.benefits.code')} ${index + 1}`}
                    placeholder={t('countySettings.benefits.code')}
                    style={{ width: 140 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} style={{ marginBottom: 4 }}>
                  <Input
                    aria-label={`${t('countySettings.benefits.name')} ${index + 1}`}
                    placeholder={t('countySettings.benefits.name')}
                    style={{ width: 220 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'department']} style={{ marginBottom: 4 }}>
                  <Input
                    aria-label={`${t('countySettings.benefits.department')} ${index + 1}`}
                    placeholder={t('countySettings.benefits.department')}
                    style={{ width: 200 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'types']} style={{ marginBottom: 4 }}>
                  <Select
                    mode="multiple"
                    aria-label={`${t('countySettings.benefits.types')} ${index + 1}`}
                    placeholder={t('countySettings.benefits.types')}
                    options={typeOptions}
                    style={{ width: 240 }}
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  danger
                  aria-label={`${t('countySettings.benefits.remove')} ${index + 1}`}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ code: '', name: '', department: '', types: [] })}
              style={{ marginBottom: 16 }}
            >
              {t('countySettings.benefits.add')}
            </Button>
          </>
        )}
      </Form.List>
      <div>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="save-roster">
          {t('countySettings.save')}
        </Button>
      </div>
    </Form>
  );
}
