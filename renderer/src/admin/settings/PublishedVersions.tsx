import { Card, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceInfo } from '../../../../common/cases/referenceTables';
import { chineseDate } from '../../../../common/format/dates';

type Version = ReferenceInfo['standards'][number] | ReferenceInfo['materials'][number] | ReferenceInfo['policyTexts'][number];

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/**
 * What the county published through the platform for one settings topic: every version held, newest
 * first, each with who published it, when, when this station received it and from which day it applies;
 * the one in force marked, a later one not yet in force, earlier ones kept as history.
 */
export function PublishedVersions<V extends Version>({
  versions,
  today,
  testId,
  children,
}: {
  versions: V[];
  today: string;
  testId: string;
  children: (v: V) => ReactNode;
}) {
  const { t } = useTranslation();
  const status = (v: V) => (v.inForce ? 'inForce' : v.effectiveFrom > today ? 'pending' : 'superseded');
  const color = { inForce: 'green', pending: 'blue', superseded: 'default' } as const;
  return (
    <Card size="small" title={t('countySettings.published.title')} style={{ marginBottom: 16 }} data-testid={testId}>
      {versions.length === 0 ? (
        <Typography.Text type="secondary">{t('countySettings.published.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={versions}
          renderItem={(v) => (
            <List.Item data-testid={`${testId}-v${v.version}`} data-status={status(v)}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{t('countySettings.published.version', { version: v.version })}</Typography.Text>
                  <Tag color={color[status(v)]}>{t(`countySettings.published.${status(v)}`)}</Tag>
                </Space>
                <Typography.Text type="secondary">
                  {t('countySettings.published.meta', {
                    publisher: v.publishedBy ?? t('countySettings.published.unknownPublisher'),
                    publishedAt: when(v.publishedAt),
                    receivedAt: when(v.receivedAt),
                    effectiveFrom: chineseDate(v.effectiveFrom),
                  })}
                </Typography.Text>
                {children(v)}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
