import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseSettingsSchema, type CaseSettings } from '../../../../common/cases/settings';
import { call } from '../../api/client';
import { useSaveSection } from './useSaveSection';

type Notice = CaseSettings['policyNotices'][number];

/** 政策宣传: the notices the applicant screen shows between applicants. */
export function PolicyNoticesSection({ current }: { current: CaseSettings }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ policyNotices: Notice[] }>();
  const { submit, mutation } = useSaveSection({
    section: t('countySettings.sections.policy'),
    schema: caseSettingsSchema,
    save: (settings) => call('cases.setSettings', { settings }),
    refresh: ['cases.settings'],
  });
  const onFinish = (v: { policyNotices?: Notice[] }) => submit(form, { ...current, policyNotices: v.policyNotices ?? [] });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ policyNotices: current.policyNotices }}
      onFinish={onFinish}
      data-testid="settings-policy"
      style={{ maxWidth: 720 }}
    >
      <Typography.Paragraph type="secondary">{t('countySettings.policy.help')}</Typography.Paragraph>
      {mutation.isError && <Alert type="error" showIcon message={mutation.error.message} style={{ marginBottom: 12 }} />}
      <Form.List name="policyNotices">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 8 }}
                extra={
                  <Button
                    size="small"
                    icon={<DeleteOutlined />}
                    danger
                    aria-label={`${t('countySettings.policy.remove')} ${index + 1}`}
                    onClick={() => remove(field.name)}
                  />
                }
                title={index + 1}
              >
                <Form.Item label={t('countySettings.policy.noticeTitle')} name={[field.name, 'title']}>
                  <Input />
                </Form.Item>
                <Form.Item label={t('countySettings.policy.body')} name={[field.name, 'body']}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
                </Form.Item>
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Space style={{ marginBottom: 16 }}>
              <Button icon={<PlusOutlined />} onClick={() => add({ title: '', body: '' })}>
                {t('countySettings.policy.add')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
      <div>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="save-policy">
          {t('countySettings.save')}
        </Button>
      </div>
    </Form>
  );
}
