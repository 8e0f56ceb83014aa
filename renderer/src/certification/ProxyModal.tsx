import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { CertificationRecord } from './types';

interface Values {
  proxyName: string;
  proxyId: string;
  relationship: string;
  visitedOn?: string;
  staff?: string;
  findings?: string;
}

const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * 代办认证 for someone who cannot come: the proxy's identity and the home visit that confirmed the
 * person. The visit may be left empty: core then refuses with the rule (what is missing, what to do).
 */
export function ProxyModal({
  open,
  idNumber,
  onCancel,
  onSaved,
}: {
  open: boolean;
  idNumber: string;
  onCancel: () => void;
  onSaved: (r: CertificationRecord) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const visited = Boolean(v.visitedOn || v.staff?.trim() || v.findings?.trim());
      return call('certification.recordProxy', {
        idNumber,
        proxy: { idNumber: v.proxyId.trim(), name: v.proxyName.trim(), relationship: v.relationship.trim() },
        homeVisit: visited ? { visitedOn: v.visitedOn ?? '', staff: lines(v.staff), findings: (v.findings ?? '').trim() } : null,
      });
    },
    onSuccess: (r) => {
      form.resetFields();
      onSaved(r);
    },
  });
  return (
    <Modal
      open={open}
      title={t('certification.proxy.title')}
      okText={t('certification.proxy.submit')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'cert-proxy-submit' } as ButtonProps}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      onCancel={onCancel}
      destroyOnHidden
    >
      {save.error ? (
        <Alert type="error" showIcon title={save.error.message} data-testid="cert-proxy-error" style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" data-testid="cert-proxy-form">
        <Form.Item name="proxyName" label={t('certification.proxy.proxyName')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="proxyId" label={t('certification.proxy.proxyId')} rules={[{ required: true }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="relationship" label={t('certification.proxy.relationship')} rules={[{ required: true }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="visitedOn" label={t('certification.proxy.visitedOn')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="staff" label={t('certification.proxy.staff')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="findings" label={t('certification.proxy.findings')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
