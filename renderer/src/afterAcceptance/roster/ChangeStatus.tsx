import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeView } from '../../../../common/contract/methods/afterAcceptance/changes';
import { ChangeSummary } from './ChangeSummary';

/** Where a proposal stands: waiting for the county (or the head), decided with its notice, or not agreed. */
export function ChangeStatus({ change: c }: { change: ChangeView }) {
  const { t } = useTranslation();
  const decided = c.decision
    ? t('changes.decided', {
        status: t(`changes.status.${c.status}`),
        source: t(`changes.sources.${c.decision.source}`),
        date: c.decision.decidedOn,
      })
    : null;
  return (
    <Alert
      type={c.status === 'proposed' ? 'warning' : c.status === 'approved' ? 'success' : 'info'}
      showIcon
      data-testid="change-status"
      data-status={c.status}
      message={c.status === 'proposed' ? t('changes.proposed', { outcome: t(`changes.outcomes.${c.outcome}`) }) : decided}
      description={
        <>
          <ChangeSummary change={c} />
          {c.decision && c.decision.reasons.length > 0 && <div>{c.decision.reasons.join('；')}</div>}
          {c.notice && (
            <div>
              {t('changes.noticeQueued', { kind: t(`documents.kinds.${c.notice.kind as 'termination'}`, { defaultValue: c.notice.kind }) })}
            </div>
          )}
        </>
      }
    />
  );
}
