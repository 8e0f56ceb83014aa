import { Card, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReferenceInfo } from '../../../../common/cases/referenceTables';
import { findStandard, type StandardInForce } from '../../../../common/cases/settings';
import { chineseDate } from '../../../../common/format/dates';
import { formatYuan } from '../../../../common/format/money';
import { PublishedVersions } from './PublishedVersions';

/**
 * The 低保 standards in force at this station today (urban and rural: the amount and whether the
 * county published it through the platform or the admin entered it here), then every version the
 * platform published with its rows.
 */
export function StandardsInForce({
  standards,
  reference,
  regionCode,
  today,
}: {
  standards: StandardInForce[];
  reference: ReferenceInfo;
  regionCode: string;
  today: string;
}) {
  const { t } = useTranslation();
  const source = (s: StandardInForce) =>
    s.version !== undefined && s.effectiveFrom
      ? t('countySettings.standards.fromPlatform', { version: s.version, effectiveFrom: chineseDate(s.effectiveFrom) })
      : t('countySettings.standards.fromLocal', { year: s.year });
  return (
    <>
      <Card size="small" title={t('countySettings.standards.inForceTitle', { today: chineseDate(today) })} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={1} data-testid="standards-in-force">
          {(['urban', 'rural'] as const).map((residence) => {
            const s = findStandard(standards, regionCode, today, residence);
            return (
              <Descriptions.Item key={residence} label={t(`countySettings.standards.${residence}`)}>
                <span data-testid={`standard-in-force-${residence}`}>
                  {s
                    ? `${t('countySettings.standards.amount', { amount: formatYuan(s.monthlyFen) })}（${source(s)}）`
                    : t('countySettings.standards.notSet')}
                </span>
              </Descriptions.Item>
            );
          })}
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('countySettings.standards.precedence')}
        </Typography.Paragraph>
      </Card>
      <PublishedVersions versions={reference.standards} today={today} testId="published-standards">
        {(v) => (
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => `${r.regionPrefix}-${r.residence}-${r.effectiveFrom}`}
            dataSource={v.standards}
            columns={[
              { title: t('countySettings.standards.regionPrefix'), dataIndex: 'regionPrefix' },
              {
                title: t('countySettings.standards.residence'),
                dataIndex: 'residence',
                render: (r: 'urban' | 'rural') => t(`countySettings.standards.${r}`),
              },
              { title: t('countySettings.standards.monthlyYuan'), dataIndex: 'monthlyFen', render: (f: number) => formatYuan(f) },
              { title: t('countySettings.standards.effectiveFrom'), dataIndex: 'effectiveFrom', render: (d: string) => chineseDate(d) },
            ]}
          />
        )}
      </PublishedVersions>
      <Typography.Title level={5}>{t('countySettings.standards.localTitle')}</Typography.Title>
    </>
  );
}
