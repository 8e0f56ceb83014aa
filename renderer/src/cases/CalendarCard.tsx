import { useQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';

const span = (years: number[]) =>
  years.length === 0 ? '—' : years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** Which years deadlines are counted with: shipped with the program, and what the platform published (who and when). */
export function CalendarCard() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: ['cases.settings'], queryFn: () => call('cases.settings', {}) });
  const calendar = settings.data?.calendar;
  return (
    <Card title={t('calendar.title')} size="small" loading={settings.isPending} data-testid="calendar-card">
      {calendar && (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {t('calendar.shipped', { years: span(calendar.shippedYears) })}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="calendar-published">
            {calendar.published
              ? t('calendar.published', {
                  years: span(calendar.published.years),
                  version: calendar.published.version,
                  publishedAt: when(calendar.published.publishedAt),
                  receivedAt: when(calendar.published.receivedAt),
                })
              : t('calendar.notPublished')}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('calendar.beyond')}</Typography.Text>
        </>
      )}
    </Card>
  );
}
