import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_OUTCOMES, type ReviewOutcome as Outcome } from '../../../../common/contract/methods/afterAcceptance/reviews';
import { call } from '../../api/client';
import type { ReviewViewData } from './ReviewDrawer';

type Review = NonNullable<ReviewViewData['review']>;
const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
const fen = (yuan: number | null) => (yuan === null ? undefined : Math.round(yuan * 100));

/**
 * Step 3: the outcome. Core checks the rules (every adult re-signed, reasons and legal basis, 渐退 ≤ 6
 * months …) and answers a refusal with its zh-CN message, shown here; nothing is changed then.
 */
export function ReviewOutcome({
  view,
  review,
  onConcluded,
}: {
  view: ReviewViewData;
  review: Review;
  onConcluded: (v: ReviewViewData) => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>('continue');
  const [amount, setAmount] = useState<number | null>(null);
  const [month, setMonth] = useState('');
  const [months, setMonths] = useState<number | null>(null);
  const [reasons, setReasons] = useState('');
  const [basis, setBasis] = useState('');
  const conclude = useMutation({
    mutationFn: () =>
      call('reviews.conclude', {
        reviewId: review.id,
        version: review.version,
        conclusion: {
          outcome,
          reasons: lines(reasons),
          legalBasis: lines(basis),
          ...(month.trim() ? { effectiveMonth: month.trim() } : {}),
          ...(outcome === 'adjust' && amount !== null ? { newAmountFen: fen(amount) } : {}),
          ...(outcome === 'phase_out' && months !== null ? { phaseOutMonths: months } : {}),
          ...(outcome === 'phase_out' && amount !== null ? { phaseOutAmountFen: fen(amount) } : {}),
        },
      }),
    onSuccess: onConcluded,
  });
  const written = outcome !== 'continue';
  return (
    <Card size="small" title={t('reviews.steps.outcome')} data-testid="review-outcome">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Radio.Group
          aria-label={t('reviews.outcome.label')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as Outcome)}
          options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`reviews.outcome.${o}`) }))}
        />
        <Form layout="vertical" component="div">
          {outcome === 'adjust' && (
            <Form.Item label={t('reviews.outcome.newAmount')}>
              <InputNumber
                min={0}
                precision={2}
                style={{ width: 240 }}
                aria-label={t('reviews.outcome.newAmount')}
                value={amount}
                onChange={setAmount}
              />
            </Form.Item>
          )}
          {outcome === 'phase_out' && (
            <Space wrap>
              <Form.Item label={t('reviews.outcome.phaseOutMonths', { max: view.phaseOutMaxMonths })}>
                <InputNumber
                  min={1}
                  precision={0}
                  style={{ width: 240 }}
                  aria-label={t('reviews.outcome.phaseOutMonths', { max: view.phaseOutMaxMonths })}
                  value={months}
                  onChange={setMonths}
                />
              </Form.Item>
              <Form.Item label={t('reviews.outcome.phaseOutAmount')}>
                <InputNumber
                  min={0}
                  precision={2}
                  style={{ width: 300 }}
                  aria-label={t('reviews.outcome.phaseOutAmount')}
                  value={amount}
                  onChange={setAmount}
                />
              </Form.Item>
            </Space>
          )}
          {written && (
            <>
              <Form.Item label={t('reviews.outcome.effectiveMonth')}>
                <Input
                  style={{ width: 240 }}
                  aria-label={t('reviews.outcome.effectiveMonth')}
                  placeholder={t('reviews.outcome.effectiveMonthHint')}
                  value={month}
                  onChange={(e) => setMonth(e.target.value)}
                />
              </Form.Item>
              <Form.Item label={t('reviews.outcome.reasons')}>
                <Input.TextArea
                  rows={2}
                  aria-label={t('reviews.outcome.reasons')}
                  value={reasons}
                  onChange={(e) => setReasons(e.target.value)}
                />
              </Form.Item>
              <Form.Item label={t('reviews.outcome.legalBasis')}>
                <Input.TextArea
                  rows={2}
                  aria-label={t('reviews.outcome.legalBasis')}
                  value={basis}
                  onChange={(e) => setBasis(e.target.value)}
                />
              </Form.Item>
            </>
          )}
        </Form>
        <Button
          type="primary"
          danger={outcome === 'stop'}
          loading={conclude.isPending}
          onClick={() => conclude.mutate()}
          data-testid="review-conclude"
        >
          {t('reviews.outcome.conclude')}
        </Button>
        {conclude.error && <Alert type="error" showIcon role="alert" data-testid="review-error" title={conclude.error.message} />}
      </Space>
    </Card>
  );
}
