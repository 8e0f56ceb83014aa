import { Alert, Button, Modal, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentCapture as DocumentResult } from '../../../../common/capture/schemas';
import { call } from '../../api/client';
import { pageKindOfMaterial } from '../materialKind';
import { DocumentCapture, localDeviceSettings } from '../../capture/index';

/**
 * A paper that came after submission (the 补正 material, a late certificate): its pages are added
 * after those on file, never replacing them, as a numbered amendment core sends to the platform.
 */
export function LateMaterial({ caseId, code, label, onAdded }: { caseId: string; code: string; label: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async (capture: DocumentResult) => {
    setBusy(true);
    setError(null);
    try {
      await call('intake.addMaterial', { caseId, code, capture });
      setOpen(false);
      onAdded();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`late-material-${code}`}>
        {t('intake.amend.material')}
      </Button>
      <Modal
        open={open}
        footer={null}
        width={900}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        title={t('intake.amend.materialTitle', { label })}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="late-material-error" />}
        <Spin spinning={busy}>
          {open && (
            <DocumentCapture
              deviceId={localDeviceSettings().load().document?.deviceId ?? null}
              defaultKind={pageKindOfMaterial(code)}
              onCaptured={(c) => void add(c)}
            />
          )}
        </Spin>
      </Modal>
    </>
  );
}
