import { Alert, Form, Input, InputNumber, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_RELIEF_PAYMENTS, RELIEF_FORMS, type ReliefForm } from '../../../../common/cases/relief';

/**
 * The delegated head's 临时救助 decision: the total granted and how it is paid (现金 / 实物 with what
 * is given / 转账) in how many instalments — no monthly amount or start month (临时救助 is not monthly).
 */
export function ReliefDecisionFields() {
  const { t } = useTranslation();
  const form = Form.useWatch('reliefForm', Form.useFormInstance()) as ReliefForm | undefined;
  return (
    <>
      <Alert type="info" showIcon message={t('relief.decision.hint')} style={{ marginBottom: 12 }} />
      <Form.Item name="amount" label={t('relief.decision.amount')} rules={[{ required: true, message: t('relief.amountRequired') }]}>
        <InputNumber min={0.01} precision={2} aria-label={t('relief.decision.amount')} />
      </Form.Item>
      <Form.Item name="reliefForm" label={t('relief.form')} initialValue="cash">
        <Radio.Group options={RELIEF_FORMS.map((f) => ({ value: f, label: t(`relief.forms.${f}`) }))} />
      </Form.Item>
      {form === 'in_kind' && (
        <Form.Item
          name="inKind"
          label={t('relief.inKind')}
          rules={[{ required: true, whitespace: true, message: t('relief.inKindRequired') }]}
        >
          <Input aria-label={t('relief.inKind')} maxLength={200} />
        </Form.Item>
      )}
      <Form.Item name="payments" label={t('relief.payments')} initialValue={1}>
        <InputNumber min={1} max={MAX_RELIEF_PAYMENTS} precision={0} aria-label={t('relief.payments')} />
      </Form.Item>
    </>
  );
}

/** The `relief` part of decisions.local from the fields above. */
export function reliefOfFields(v: Record<string, unknown>): { form: ReliefForm; inKind?: string; payments: number } {
  const form = (v['reliefForm'] as ReliefForm | undefined) ?? 'cash';
  return { form, ...(form === 'in_kind' ? { inKind: String(v['inKind'] ?? '') } : {}), payments: Number(v['payments'] ?? 1) };
}
