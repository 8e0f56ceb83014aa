import { Alert, Badge, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReaderState } from './useReader';

const BADGE: Record<ReaderState['status'], 'success' | 'processing' | 'default' | 'error' | 'warning'> = {
  connected: 'success',
  reading: 'processing',
  idle: 'default',
  'not-configured': 'warning',
  'no-reader': 'warning',
  error: 'error',
};

/** The reader's state for a card's header (data-status for tests and support). */
export function ReaderBadge({ reader }: { reader: ReaderState }) {
  return (
    <span data-testid="reader-status" data-status={reader.status}>
      <Badge status={BADGE[reader.status]} text={reader.message} />
    </span>
  );
}

/** Which reader is set, and the warning that the emulator reads no real card. */
export function ReaderSummary({ reader, children }: { reader: ReaderState | undefined; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {reader?.emulated && <Alert style={{ marginBottom: 12 }} type="warning" showIcon message={t('idcard.page.emulatedWarning')} />}
      {reader?.reader && (
        <Typography.Paragraph>
          {t('idcard.page.current')}
          <Typography.Text code>{reader.reader}</Typography.Text>{' '}
          {reader.emulated && <Tag color="orange">{t('idcard.setup.emulated')}</Tag>}
        </Typography.Paragraph>
      )}
      {children}
    </>
  );
}
