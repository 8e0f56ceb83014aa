import { Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CountyPolicyInfo, CountyPolicyKey, CountyPolicyValue } from '../../../../common/cases/countyPolicy';
import { chineseDate } from '../../../../common/format/dates';
import { formatYuan } from '../../../../common/format/money';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });
const STATUS_COLOR = { inForce: 'green', pending: 'blue', superseded: 'default' } as const;

/** A published value in words: days, months, 元, holdings, yes/no; null as the county setting none. */
export function countyValueText(t: TFunction, key: CountyPolicyKey, value: CountyPolicyValue): string {
  if (typeof value === 'boolean') return t(value ? 'countySettings.countyPolicy.delegated' : 'countySettings.countyPolicy.notDelegated');
  if (value === null) return t(key === 'limits.acceptanceWorkingDays' ? 'countySettings.limits.none' : 'countySettings.assets.unset');
  if (key === 'assetLimits.vehicleValueFen') return `${formatYuan(value)} ${t('countySettings.relief.yuan')}`;
  if (key === 'relief.advanceLimitYuan') return `${value} ${t('countySettings.relief.yuan')}`;
  if (key === 'assetLimits.depositMonths') return `${value} ${t('countySettings.assets.months')}`;
  if (key === 'assetLimits.realEstateCount') return `${value} ${t('countySettings.assets.holdings')}`;
  return `${value} ${t('countySettings.rules.days')}`;
}

/** The county's value of one setting in force today, if any: the local field beside it is then read-only. */
export const countyInForce = (policy: CountyPolicyInfo, key: CountyPolicyKey) =>
  policy.versions.find((v) => v.key === key && v.status === 'inForce');

/**
 * Beside a settings field: the value the county published that is in force (县级发布 …, 发布单位, 发布时间,
 * 执行日期) and every value it published for this setting, newest first, marked 执行中 / 尚未生效 / 已停止执行.
 */
export function CountyValue({ policyKey, policy }: { policyKey: CountyPolicyKey; policy: CountyPolicyInfo }) {
  const { t } = useTranslation();
  const versions = policy.versions.filter((v) => v.key === policyKey);
  if (versions.length === 0) return null;
  const current = countyInForce(policy, policyKey);
  const testId = `county-${policyKey.replace('.', '-')}`;
  return (
    <Space direction="vertical" size={2} style={{ display: 'flex', marginTop: 4 }} data-testid={testId}>
      {current && (
        <Typography.Text strong data-testid={`${testId}-in-force`}>
          {t('countySettings.countyPolicy.inForce', {
            value: countyValueText(t, policyKey, current.value),
            publisher: current.publishedBy ?? t('countySettings.published.unknownPublisher'),
            publishedAt: when(current.publishedAt),
            effectiveFrom: chineseDate(current.effectiveFrom),
          })}
        </Typography.Text>
      )}
      {current && <Typography.Text type="secondary">{t('countySettings.countyPolicy.localSuspended')}</Typography.Text>}
      {versions.map((v, i) => (
        <Typography.Text key={i} type="secondary" data-testid={`${testId}-version`} data-status={v.status}>
          <Tag color={STATUS_COLOR[v.status]}>{t(`countySettings.published.${v.status}`)}</Tag>
          {t('countySettings.countyPolicy.version', {
            value: countyValueText(t, policyKey, v.value),
            publisher: v.publishedBy ?? t('countySettings.published.unknownPublisher'),
            publishedAt: when(v.publishedAt),
            effectiveFrom: chineseDate(v.effectiveFrom),
          })}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** The parameters the county published that this station did not apply, each with why (shown above the rules). */
export function CountyValuesNotApplied({ policy }: { policy: CountyPolicyInfo }) {
  const { t } = useTranslation();
  if (policy.notApplied.length === 0) return null;
  return (
    <Space direction="vertical" size={4} style={{ display: 'flex', marginBottom: 16 }} data-testid="county-policy-not-applied">
      <Typography.Text strong>{t('countySettings.countyPolicy.notAppliedTitle')}</Typography.Text>
      {policy.notApplied.map((n, i) => (
        <Typography.Text key={i} type="warning" data-testid="county-policy-refused">
          {t('countySettings.countyPolicy.notAppliedItem', {
            publisher: n.publishedBy ?? t('countySettings.published.unknownPublisher'),
            publishedAt: when(n.publishedAt),
          })}
          <span data-verbatim>
            {' '}
            {n.key} = {n.valueText}
          </span>
          {t('countySettings.countyPolicy.notAppliedReason', { reason: n.reason })}
        </Typography.Text>
      ))}
    </Space>
  );
}
