import { Alert, Input, Modal, Radio, Space, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPRINT_REASONS, type DocumentSummary, type ReprintReason } from '../../../common/contract/methods/documents/documents';
import { call } from '../api/client';
import { printIssued } from './printIssued';

/** 补打: asks why (遗失, 损毁, 打印不清, 其他 with words), issues the copy marked 补打 with the reason, and prints it. */
export function ReprintModal({ doc, onClose, onDone }: { doc: DocumentSummary | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<ReprintReason | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setReason(null);
    setNote('');
    setError(null);
    onClose();
  };
  const submit = async () => {
    if (!doc || !reason) return;
    setBusy(true);
    setError(null);
    try {
      const copy = await call('documents.reprint', { documentId: doc.id, reason, ...(note.trim() ? { note: note.trim() } : {}) });
      await printIssued(copy.id);
      onDone();
      close();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const ready = reason !== null && (reason !== 'other' || note.trim().length >= 2);
  return (
    <Modal
      open={doc !== null}
      title={doc ? t('docScreens.reprint.title', { kind: t(`documents.kinds.${doc.kind}`) }) : ''}
      onCancel={close}
      onOk={() => void submit()}
      okText={t('docScreens.reprint.confirm')}
      okButtonProps={{ disabled: !ready, loading: busy, 'data-testid': 'reprint-confirm' } as ButtonProps}
      data-testid="reprint-modal"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('docScreens.reprint.explain')}</Typography.Text>
        <Typography.Text strong>{t('docScreens.reprint.reason')}</Typography.Text>
        <Radio.Group value={reason} onChange={(e) => setReason(e.target.value as ReprintReason)} data-testid="reprint-reason">
          {REPRINT_REASONS.map((r) => (
            <Radio key={r} value={r} data-reason={r}>
              {t(`docScreens.reprint.reasons.${r}`)}
            </Radio>
          ))}
        </Radio.Group>
        <Input
          aria-label={t('docScreens.reprint.note')}
          placeholder={t('docScreens.reprint.notePlaceholder')}
          maxLength={60}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="reprint-note"
        />
        {error && <Alert type="error" showIcon message={error} data-testid="reprint-error" />}
      </Space>
    </Modal>
  );
}
