import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeView } from '../../../../common/contract/methods/afterAcceptance/changes';
import { formatYuan } from '../../../../common/format/money';

/** What a proposal asks for, in one line: 调整 680.00 元 → 450.00 元 · 生效月份 2026-10, or 渐退 3 个月, or 停发. */
export function ChangeSummary({ change: c }: { change: ChangeView }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap data-testid="change-summary" data-outcome={c.outcome}>
      <Tag color={c.outcome === 'stop' ? 'red' : 'orange'}>{t(`changes.outcomes.${c.outcome}`)}</Tag>
      {c.newAmountFen !== null && (
        <span>{t('changes.amount', { from: formatYuan(c.previousAmountFen), to: formatYuan(c.newAmountFen) })}</span>
      )}
      {c.phaseOut && <span>{t('changes.phaseOut', { months: c.phaseOut.months, stop: c.phaseOut.stopMonth })}</span>}
      <span>
        {t('changes.columns.effectiveMonth')} {c.effectiveMonth}
      </span>
    </Space>
  );
}
