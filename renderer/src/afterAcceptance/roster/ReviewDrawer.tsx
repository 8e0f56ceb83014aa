import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../common/contract/index';
import { formatYuan } from '../../../../common/format/money';
import { call } from '../../api/client';
import { ReviewHousehold } from './ReviewHousehold';
import { ReviewOutcome } from './ReviewOutcome';
import { ReviewResult } from './ReviewResult';
import { ReviewSigners } from './ReviewSigners';

export type ReviewViewData = MethodOutput<'reviews.get'>;

/**
 * The periodic review (定期核查) of one enrolled household: start, re-check household and income
 * (per-capita income against the local standard), every adult re-signs the authorization, the
 * outcome, and the notice it queued. Every step answers with the refreshed view.
 */
export function ReviewDrawer({ rosterId, onClose }: { rosterId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = ['reviews.get', rosterId];
  const view = useQuery({ queryKey: key, queryFn: () => call('reviews.get', { rosterId }) });
  const set = (v: ReviewViewData) => client.setQueryData(key, v);
  const start = useMutation({ mutationFn: (caseVersion: number) => call('reviews.start', { rosterId, caseVersion }), onSuccess: set });
  const v = view.data;
  const review = v?.review ?? null;
  const open = review?.status === 'open' ? review : null;
  const step = !open ? 0 : !open.rechecked ? 0 : v!.signers.some((s) => !s.signed) ? 1 : 2;
  return (
    <Drawer
      open
      width={960}
      title={t('reviews.title', { name: v?.roster.applicantName ?? '' })}
      onClose={onClose}
      destroyOnHidden
      data-testid="review-drawer"
    >
      {view.error && <Alert type="error" showIcon title={view.error.message} />}
      {v && (
        <Space
          orientation="vertical"
          style={{ width: '100%' }}
          size="large"
          data-testid="review-body"
          data-review={review?.status ?? 'none'}
        >
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('roster.columns.applicant')}>{v.roster.applicantName}</Descriptions.Item>
            <Descriptions.Item label={t('roster.columns.amount')}>{formatYuan(v.roster.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('roster.columns.nextReview')}>{v.roster.nextReviewOn}</Descriptions.Item>
          </Descriptions>
          {review?.status === 'concluded' && <ReviewResult view={v} />}
          {!open && v.roster.status === 'active' && (
            <Space orientation="vertical">
              <Typography.Text type="secondary">{t('reviews.startHint')}</Typography.Text>
              <Button
                type="primary"
                autoFocus
                loading={start.isPending}
                onClick={() => start.mutate(v.roster.caseVersion)}
                data-testid="review-start"
              >
                {review ? t('reviews.startAgain') : t('reviews.start')}
              </Button>
              {start.error && <Alert type="error" showIcon role="alert" title={start.error.message} />}
            </Space>
          )}
          {open && (
            <>
              <Typography.Text>{t('reviews.dueOn', { date: open.dueOn })}</Typography.Text>
              <Steps
                size="small"
                current={step}
                items={[{ title: t('reviews.steps.household') }, { title: t('reviews.steps.sign') }, { title: t('reviews.steps.outcome') }]}
              />
              <ReviewHousehold view={v} review={open} onSaved={set} />
              <ReviewSigners view={v} review={open} onSigned={set} />
              <ReviewOutcome view={v} review={open} onConcluded={set} />
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}
