import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The reason asked for entering or leaving 低收入人口 monitoring; `save` is the call, its error shown in words. */
export function ReasonModal({
  title,
  hint,
  save,
  onClose,
  onSaved,
}: {
  title: string;
  hint?: string;
  save: (reason: string) => Promise<unknown>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const run = useMutation({
    mutationFn: async () => save((await form.validateFields()).reason.trim()),
    onSuccess: onSaved,
  });
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => run.mutate()} confirmLoading={run.isPending} destroyOnHidden>
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onValuesChange={() => run.reset()}>
        <Form.Item
          name="reason"
          label={t('monitoring.reason')}
          rules={[{ required: true, whitespace: true, message: t('monitoring.reasonRequired') }]}
        >
          <Input.TextArea aria-label={t('monitoring.reason')} maxLength={300} />
        </Form.Item>
      </Form>
      {run.error && <Alert type="error" showIcon message={run.error.message} />}
    </Modal>
  );
}
