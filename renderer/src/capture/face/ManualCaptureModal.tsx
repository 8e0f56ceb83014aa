import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The clerk overrides the gate: a reason is required and recorded with the capture. */
export function ManualCaptureModal({
  open,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const valid = reason.trim().length >= 2;
  return (
    <Modal
      open={open}
      title={t('capture.face.manualTitle')}
      okText={t('capture.face.confirm')}
      cancelText={t('capture.face.cancel')}
      okButtonProps={{ disabled: !valid, id: 'manual-confirm' }}
      onOk={() => {
        if (!valid) return setTouched(true);
        onConfirm(reason.trim());
        setReason('');
        setTouched(false);
      }}
      onCancel={onCancel}
      destroyOnHidden
    >
      <label htmlFor="manual-reason">{t('capture.face.manualReasonLabel')}</label>
      <Input.TextArea
        id="manual-reason"
        data-testid="manual-reason"
        autoFocus
        rows={3}
        maxLength={200}
        value={reason}
        placeholder={t('capture.face.manualReasonPlaceholder')}
        onChange={(e) => setReason(e.target.value)}
        onBlur={() => setTouched(true)}
      />
      {touched && !valid ? <Typography.Text type="danger">{t('capture.face.manualReasonRequired')}</Typography.Text> : null}
    </Modal>
  );
}
