import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseSettingsSchema, type CaseSettings } from '../../../../common/cases/settings';
import { call } from '../../api/client';
import { useSaveSection } from './useSaveSection';

interface Row {
  regionPrefix: string;
  year: number;
  residence: 'urban' | 'rural';
  monthlyYuan: number;
}

/** The standard is kept in fen; the admin types yuan with two decimals. */
export const yuanToFen = (yuan: number | null | undefined): number => (typeof yuan === 'number' ? Math.round(yuan * 100) : Number.NaN);

/** 地方低保标准: the county's own standards (region prefix, year, urban/rural, yuan a month). */
export function StandardsSection({ current }: { current: CaseSettings }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ standards: Row[] }>();
  const { submit, mutation } = useSaveSection({
    section: t('countySettings.sections.standards'),
    schema: caseSettingsSchema,
    save: (settings) => call('cases.setSettings', { settings }),
    refresh: ['cases.settings'],
  });
  const initial = {
    standards: current.standards.map((s) => ({
      regionPrefix: s.regionPrefix,
      year: s.year,
      residence: s.residence,
      monthlyYuan: s.monthlyFen / 100,
    })),
  };
  const onFinish = (v: { standards?: Row[] }) =>
    submit(
      form,
      {
        ...current,
        standards: (v.standards ?? []).map((r) => ({
          regionPrefix: (r.regionPrefix ?? '').trim(),
          year: r.year,
          residence: r.residence,
          monthlyFen: yuanToFen(r.monthlyYuan),
        })),
      },
      [],
      (p) => (p[2] === 'monthlyFen' ? [p[0]!, p[1]!, 'monthlyYuan'] : p),
    );
  return (
    <Form form={form} initialValues={initial} onFinish={onFinish} data-testid="settings-standards">
      <Typography.Paragraph type="secondary">{t('countySettings.standards.help')}</Typography.Paragraph>
      {mutation.isError && <Alert type="error" showIcon message={mutation.error.message} style={{ marginBottom: 12 }} />}
      <Form.List name="standards">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'regionPrefix']} style={{ marginBottom: 4 }}>
                  <Input
                    aria-label={`${t('countySettings.standards.regionPrefix')} ${index + 1}`}
                    placeholder={t('countySettings.standards.regionPrefix')}
                    style={{ width: 140 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'year']} style={{ marginBottom: 4 }}>
                  <InputNumber
                    aria-label={`${t('countySettings.standards.year')} ${index + 1}`}
                    placeholder={t('countySettings.standards.year')}
                    style={{ width: 100 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'residence']} style={{ marginBottom: 4 }}>
                  <Select
                    aria-label={`${t('countySettings.standards.residence')} ${index + 1}`}
                    style={{ width: 100 }}
                    options={[
                      { value: 'urban', label: t('countySettings.standards.urban') },
                      { value: 'rural', label: t('countySettings.standards.rural') },
                    ]}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'monthlyYuan']} style={{ marginBottom: 4 }}>
                  <InputNumber
                    aria-label={`${t('countySettings.standards.monthlyYuan')} ${index + 1}`}
                    placeholder={t('countySettings.standards.monthlyYuan')}
                    precision={2}
                    style={{ width: 160 }}
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  danger
                  aria-label={`${t('countySettings.standards.remove')} ${index + 1}`}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ regionPrefix: '', year: new Date().getFullYear(), residence: 'urban' })}
              style={{ marginBottom: 16 }}
            >
              {t('countySettings.standards.add')}
            </Button>
          </>
        )}
      </Form.List>
      <div>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="save-standards">
          {t('countySettings.save')}
        </Button>
      </div>
    </Form>
  );
}
