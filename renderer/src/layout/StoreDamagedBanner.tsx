import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useCoreEvent } from '../api/useCoreEvent';

/**
 * Shown to everyone at work when the background integrity check found the station database damaged
 * (store/integrityCheck.ts): finish what is in hand and call the admin. The next login is refused
 * until a restore, so this is the only moment staff can still print what they have done.
 */
export function StoreDamagedBanner() {
  const { t } = useTranslation();
  const health = useQuery({ queryKey: ['store.health'], queryFn: () => call('store.health', {}), staleTime: 60_000 });
  useCoreEvent('store.damaged', () => void health.refetch());
  const integrity = health.data?.integrity;
  if (!integrity || integrity.ok) return null;
  return (
    <Alert
      data-testid="store-damaged"
      type="error"
      showIcon
      banner
      message={t('storeHealth.damagedTitle')}
      description={t('storeHealth.damagedBody', {
        time: new Date(integrity.finishedAt).toLocaleString('zh-CN', { hour12: false }),
        count: integrity.problems,
      })}
    />
  );
}
