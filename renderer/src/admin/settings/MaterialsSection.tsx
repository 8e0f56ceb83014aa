import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MATERIAL_CONDITIONS, type MaterialsChecklist } from '../../../../common/cases/materials';
import { caseSettingsSchema, type CaseSettings } from '../../../../common/cases/settings';
import { ASSISTANCE_TYPES, type AssistanceType } from '../../../../common/cases/types';
import { call } from '../../api/client';
import { newMaterialCode } from './materialCode';
import { useSaveSection } from './useSaveSection';

/**
 * 申请材料清单 per assistance type: add, remove, reorder, required flag, the case it applies to.
 * Saving writes the county's own checklist (settings.materials), which replaces the shipped one;
 * "restore" removes it. Codes of existing items are kept: a case records its materials by code.
 */
export function MaterialsSection({ current, effective }: { current: CaseSettings; effective: MaterialsChecklist }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MaterialsChecklist>();
  const { submit, mutation } = useSaveSection({
    section: t('countySettings.sections.materials'),
    schema: caseSettingsSchema,
    save: (settings) => call('cases.setSettings', { settings }),
    refresh: ['cases.settings'],
  });
  const custom = current.materials !== undefined;
  const onFinish = (v: MaterialsChecklist) => submit(form, { ...current, materials: { source: 'county', types: v.types } }, ['materials']);
  const restore = () => {
    const { materials: _dropped, ...rest } = current;
    submit(form, rest);
  };
  const conditionOptions = MATERIAL_CONDITIONS.map((c) => ({ value: c, label: t(`countySettings.materials.conditions.${c}`) }));

  const list = (type: AssistanceType) => (
    <Form.List name={['types', type]}>
      {(fields, { add, remove, move }, { errors }) => (
        <div data-testid={`materials-${type}`}>
          {fields.map((field, index) => (
            <Space
              key={field.key}
              align="start"
              wrap
              data-testid={`material-row-${type}-${index}`}
              style={{ display: 'flex', marginBottom: 4 }}
            >
              <Form.Item noStyle shouldUpdate>
                {() => <Tag style={{ marginTop: 5, minWidth: 28 }}>{index + 1}</Tag>}
              </Form.Item>
              <Form.Item name={[field.name, 'label']} style={{ marginBottom: 4 }}>
                <Input
                  aria-label={`${t('countySettings.materials.label')} ${index + 1}`}
                  style={{ width: 300 }}
                  placeholder={t('countySettings.materials.label')}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'required']} valuePropName="checked" style={{ marginBottom: 4 }}>
                <Checkbox aria-label={`${t('countySettings.materials.required')} ${index + 1}`} style={{ marginTop: 5 }}>
                  {t('countySettings.materials.required')}
                </Checkbox>
              </Form.Item>
              <Form.Item name={[field.name, 'when']} style={{ marginBottom: 4 }}>
                <Select
                  aria-label={`${t('countySettings.materials.when')} ${index + 1}`}
                  options={conditionOptions}
                  style={{ width: 200 }}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'code']} hidden>
                <Input />
              </Form.Item>
              <Button
                icon={<ArrowUpOutlined />}
                aria-label={`${t('countySettings.materials.up')} ${index + 1}`}
                disabled={index === 0}
                onClick={() => move(index, index - 1)}
              />
              <Button
                icon={<ArrowDownOutlined />}
                aria-label={`${t('countySettings.materials.down')} ${index + 1}`}
                disabled={index === fields.length - 1}
                onClick={() => move(index, index + 1)}
              />
              <Button
                icon={<DeleteOutlined />}
                danger
                aria-label={`${t('countySettings.materials.remove')} ${index + 1}`}
                onClick={() => remove(field.name)}
              />
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ code: newMaterialCode(), label: '', required: true, when: 'always' })}
            data-testid={`add-material-${type}`}
          >
            {t('countySettings.materials.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );

  return (
    <Form form={form} initialValues={{ types: effective.types }} onFinish={onFinish} data-testid="settings-materials">
      <Typography.Paragraph type="secondary">
        {t('countySettings.materials.help')}{' '}
        <Tag color={custom ? 'blue' : 'default'}>
          {custom ? t('countySettings.materials.custom') : t('countySettings.materials.shipped')}
        </Tag>
      </Typography.Paragraph>
      {mutation.isError && <Alert type="error" showIcon message={mutation.error.message} style={{ marginBottom: 12 }} />}
      <Tabs
        items={ASSISTANCE_TYPES.map((type) => ({ key: type, label: t(`cases.types.${type}`), forceRender: true, children: list(type) }))}
      />
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="save-materials">
          {t('countySettings.save')}
        </Button>
        {custom && <Button onClick={restore}>{t('countySettings.materials.reset')}</Button>}
      </Space>
    </Form>
  );
}
