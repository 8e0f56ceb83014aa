import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isKnownPlatformStatus, type PlatformStatusEntry } from '../../../common/cases/platformStatus';
import { call } from '../api/client';

const COLOR: Record<string, string> = {
  received: 'blue',
  verifying: 'gold',
  verified: 'cyan',
  'awaiting-decision': 'purple',
  decided: 'green',
  returned: 'red',
};

export const platformTime = (iso: string) => new Date(iso).toLocaleString('zh-CN');

/**
 * A platform status in words: a known one from the catalog, one this version does not know as
 * 平台返回未知状态（值） with the platform's word kept as it came (marked verbatim).
 */
export function PlatformStatusText({ status }: { status: string }) {
  const { t } = useTranslation();
  if (isKnownPlatformStatus(status))
    return (
      <Tag color={COLOR[status]} data-status={status}>
        {t(`platformStatus.statuses.${status}`)}
      </Tag>
    );
  const [before, after] = t('platformStatus.unknown', { value: '\u0000' }).split('\u0000');
  return (
    <Tag data-status={status} data-unknown="true">
      {before}
      <span data-verbatim>{status}</span>
      {after}
    </Tag>
  );
}

function Entry({ e }: { e: PlatformStatusEntry }) {
  const { t } = useTranslation();
  return (
    <span>
      <PlatformStatusText status={e.status} /> {t('platformStatus.at', { at: platformTime(e.at) })}
      {e.note ? `，${e.note}` : ''}
    </span>
  );
}

/** The case page's 平台状态: what the platform last said about the case and when, and every change before it. */
export function PlatformStatusCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['cases.platformStatus', caseId], queryFn: () => call('cases.platformStatus', { caseId }) });
  if (q.isError) return <Alert type="error" showIcon message={q.error.message} />;
  const v = q.data;
  return (
    <Card
      title={t('platformStatus.title')}
      size="small"
      loading={!v}
      data-testid="platform-status"
      data-status={v?.current?.status ?? 'none'}
    >
      {v && !v.current && <Typography.Text type="secondary">{t('platformStatus.none')}</Typography.Text>}
      {v?.current && (
        <>
          <Typography.Paragraph data-testid="platform-status-current">
            {t('platformStatus.title')}：<Entry e={v.current} />
          </Typography.Paragraph>
          <Typography.Text strong>{t('platformStatus.history')}</Typography.Text>
          <Timeline
            style={{ marginTop: 8 }}
            data-testid="platform-status-history"
            items={v.history.map((e) => ({ key: e.id, children: <Entry e={e} /> }))}
          />
        </>
      )}
    </Card>
  );
}
