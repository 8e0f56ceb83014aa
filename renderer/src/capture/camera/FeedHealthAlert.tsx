import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FeedStatus } from '../../../../common/capture/feedHealth';

/** A black or frozen feed in words; nothing while the feed is fine. */
export function FeedHealthAlert({ status }: { status: FeedStatus }) {
  const { t } = useTranslation();
  if (status === 'ok') return null;
  const code = status === 'black' ? 'CAPTURE_BLACK_FRAME' : 'CAPTURE_FROZEN_FEED';
  return <Alert data-testid="feed-health" data-status={status} data-code={code} type="warning" showIcon title={t(`errors.${code}`)} />;
}
