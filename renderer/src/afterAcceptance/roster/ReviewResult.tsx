import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewViewData } from './ReviewDrawer';
import { ChangeStatus } from './ChangeStatus';

/** The concluded review: its outcome, and the notice it queued (continue: none) or the proposal it made and where its decision stands. */
export function ReviewResult({ view }: { view: ReviewViewData }) {
  const { t } = useTranslation();
  const r = view.review!;
  const outcome = r.outcome ? t(`reviews.outcome.${r.outcome}`) : '';
  const endMonth = typeof r.outcomeDetail?.['endMonth'] === 'string' ? (r.outcomeDetail['endMonth'] as string) : null;
  if (view.change) return <ChangeStatus change={view.change} />;
  return (
    <Alert
      type="success"
      showIcon
      data-testid="review-result"
      data-outcome={r.outcome ?? ''}
      title={t('reviews.done.title', { outcome })}
      description={
        <>
          {r.notice ? (
            <div data-testid="review-notice" data-kind={r.notice.kind} data-state={r.notice.state}>
              {t('reviews.done.notice', { kind: t(`documents.kinds.${r.notice.kind as 'termination'}`, { defaultValue: r.notice.kind }) })}{' '}
              <Tag>{t(`reviews.done.states.${r.notice.state as 'pending'}`, { defaultValue: r.notice.state })}</Tag>
            </div>
          ) : (
            <div data-testid="review-notice" data-kind="">
              {t('reviews.done.noNotice')}
            </div>
          )}
          {endMonth && <div>{t('reviews.done.phaseOut', { month: endMonth })}</div>}
        </>
      }
    />
  );
}
