import { useMutation } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RELIEF_FORMS, type ReliefForm } from '../../../common/cases/relief';
import { call } from '../api/client';

interface Values {
  amount: number;
  form: ReliefForm;
  inKind?: string;
  paidOn: Dayjs;
  paidBy: string;
  reason: string;
}

/**
 * 先行救助 on an urgent 临时救助 case (caseworker or head): amount, form (实物 names what was given),
 * the day, who paid, why it could not wait. Core checks the county's limit and says it in words.
 */
export function AdvanceForm({
  caseId,
  version,
  limitYuan,
  papersDays,
  paidBy,
  onClose,
  onSaved,
}: {
  caseId: string;
  version: number;
  limitYuan: number;
  papersDays: number;
  paidBy: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('form', form);
  const save = useMutation({
    mutationFn: async () => {
      const v = await form.validateFields();
      return call('relief.advance', {
        caseId,
        version,
        advance: {
          amountFen: Math.round(v.amount * 100),
          form: v.form,
          ...(v.form === 'in_kind' ? { inKind: v.inKind ?? '' } : {}),
          paidOn: v.paidOn.format('YYYY-MM-DD'),
          paidBy: v.paidBy,
          reason: v.reason,
        },
      });
    },
    onSuccess: onSaved,
  });
  return (
    <Modal
      open
      title={t('relief.advanceTitle')}
      onCancel={onClose}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('relief.advanceHint', { limit: limitYuan, days: papersDays })} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ form: 'cash', paidOn: dayjs(), paidBy }}
        onValuesChange={() => save.reset()}
        data-testid="advance-form"
      >
        <Form.Item name="amount" label={t('relief.amount')} rules={[{ required: true, message: t('relief.amountRequired') }]}>
          <InputNumber min={0.01} precision={2} aria-label={t('relief.amount')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="form" label={t('relief.form')}>
          <Radio.Group options={RELIEF_FORMS.map((f) => ({ value: f, label: t(`relief.forms.${f}`) }))} />
        </Form.Item>
        {chosen === 'in_kind' && (
          <Form.Item
            name="inKind"
            label={t('relief.inKind')}
            rules={[{ required: true, whitespace: true, message: t('relief.inKindRequired') }]}
          >
            <Input aria-label={t('relief.inKind')} maxLength={200} />
          </Form.Item>
        )}
        <Form.Item name="paidOn" label={t('relief.paidOn')} rules={[{ required: true, message: t('relief.paidOnRequired') }]}>
          <DatePicker aria-label={t('relief.paidOn')} />
        </Form.Item>
        <Form.Item
          name="paidBy"
          label={t('relief.paidBy')}
          rules={[{ required: true, whitespace: true, message: t('relief.paidByRequired') }]}
        >
          <Input aria-label={t('relief.paidBy')} maxLength={30} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('relief.reason')}
          rules={[{ required: true, whitespace: true, message: t('relief.reasonRequired') }]}
        >
          <Input.TextArea aria-label={t('relief.reason')} maxLength={300} />
        </Form.Item>
      </Form>
      {save.error && <Alert type="error" showIcon message={save.error.message} data-testid="advance-error" />}
    </Modal>
  );
}
