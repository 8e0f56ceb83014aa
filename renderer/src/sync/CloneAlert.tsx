import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';

/**
 * This PC's network cards are not the enrolled PC's: a copied disk image must not sync as that PC.
 * The admin re-enrols it (the form below), or confirms it is the same PC with a new card.
 */
export function CloneAlert({ canAct, onChanged }: { canAct: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const confirm = useMutation({ mutationFn: () => call('sync.confirmHardware', {}), onSuccess: onChanged });
  return (
    <Alert
      type="error"
      showIcon
      data-testid="sync-clone"
      message={t('sync.clone.title')}
      description={
        <Space direction="vertical">
          <span>{t('sync.clone.detail')}</span>
          {canAct && (
            <Button
              danger
              loading={confirm.isPending}
              data-testid="sync-confirm-hardware"
              onClick={() =>
                Modal.confirm({
                  title: t('sync.clone.confirmTitle'),
                  content: t('sync.clone.confirmBody'),
                  okText: t('sync.clone.confirm'),
                  cancelText: t('sync.clone.cancel'),
                  onOk: () => confirm.mutate(),
                })
              }
            >
              {t('sync.clone.confirm')}
            </Button>
          )}
          {confirm.isError && <span>{confirm.error.message}</span>}
        </Space>
      }
    />
  );
}
