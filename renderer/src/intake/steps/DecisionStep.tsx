import { Alert, Button, Card, Input, List, Radio, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../common/contract/index';
import { translate } from '../../../../common/i18n/translate';
import { call } from '../../api/client';
import { fieldMessage } from '../../api/formErrors';
import type { Problems } from '../useIntakeDraft';
import { useAskRating } from '../../ratings/useAskRating';
import { CaseNoticePrint } from '../../documents/CaseNoticePrint';

type Detail = MethodOutput<'cases.get'>;

export function ProblemList({ problems }: { problems: Problems }) {
  const { t } = useTranslation();
  if (problems.length === 0)
    return <Alert type="success" showIcon message={t('intake.noProblems')} data-testid="problems" data-count={0} />;
  return (
    <Alert
      type={problems.some((p) => p.severity === 'block') ? 'error' : 'warning'}
      showIcon
      data-testid="problems"
      data-count={problems.length}
      message={t('intake.problems')}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {problems.map((p, i) => (
            <li key={`${p.code}-${p.path}-${i}`} data-code={p.code} data-severity={p.severity}>
              {t(`cases.problem.${p.code as 'TYPE_MISSING'}`, p.params)}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** What a 补正 notice lists by default: every required material not received and every missing authorization. */
export function defaultMissing(detail: Detail): string {
  const items = detail.materials.filter((m) => m.required && m.status === 'missing').map((m) => m.label);
  for (const s of detail.requiredSigners.filter((x) => !x.signed)) items.push(translate('intake.missingAuthorization', { name: s.name }));
  return items.join('\n');
}

/** Step 7: submit, then the acceptance decision — 受理, 补正 with everything missing, or 不予受理 with reasons — and the notice queued, previewed and printed right here. */
export function DecisionStep({
  detail,
  problems,
  onSubmit,
  onDecided,
  onNext,
}: {
  detail: Detail | undefined;
  problems: Problems;
  onSubmit: () => Promise<void>;
  onDecided: (d: Detail) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'accept' | 'supplement' | 'reject'>('accept');
  const [missing, setMissing] = useState<string | null>(null);
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Core's message for the decision's own field (reasons, missing list), shown on that field.
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [decided, setDecided] = useState<{ notice: string; kind: 'acceptance' | 'supplement' | 'rejection' } | null>(null);
  const askRating = useAskRating();

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      await fn();
    } catch (e) {
      const onField = fieldMessage(e, 'decision.reasons') ?? fieldMessage(e, 'decision.missing');
      setFieldError(onField);
      setError(onField ? null : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (decided)
    return (
      <Result
        status="success"
        data-testid="intake-done"
        title={t('intake.done')}
        subTitle={
          <span data-testid="notice-queued">
            {detail?.caseNo} · {t('intake.noticeQueued', { notice: decided.notice })}
          </span>
        }
        extra={
          <Space direction="vertical" align="center">
            {detail && <CaseNoticePrint caseId={detail.id} kind={decided.kind} />}
            <Button type="primary" autoFocus onClick={onNext} data-testid="next-applicant">
              {t('intake.another')}
            </Button>
          </Space>
        }
      />
    );

  if (!detail || detail.state === 'draft')
    return (
      <Card data-testid="step-decision">
        <ProblemList problems={problems} />
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="submit-error" />}
        <Button type="primary" style={{ marginTop: 16 }} loading={busy} onClick={() => void run(onSubmit)} autoFocus data-testid="submit">
          {t('intake.submit')} (Ctrl+Enter)
        </Button>
      </Card>
    );

  const missingText = missing ?? defaultMissing(detail);
  const decide = () =>
    run(async () => {
      const decision =
        kind === 'accept'
          ? { kind: 'accept' as const }
          : kind === 'supplement'
            ? {
                kind: 'supplement' as const,
                missing: missingText
                  .split('\n')
                  .map((s) => s.trim())
                  .filter(Boolean)
                  .map((item) => ({ item })),
              }
            : {
                kind: 'reject' as const,
                reasons: reasons
                  .split('\n')
                  .map((s) => s.trim())
                  .filter(Boolean),
              };
      const d = await call('cases.decide', { caseId: detail.id, version: detail.version, decision });
      const noticeKind = kind === 'accept' ? 'acceptance' : kind === 'supplement' ? 'supplement' : 'rejection';
      setDecided({ notice: t(`intake.notices.${noticeKind}`), kind: noticeKind });
      // The counter's service ended (受理, 补正 or 不予受理): the applicant screen asks for a 好差评 rating.
      askRating({ service: 'intake', caseId: detail.id });
      onDecided(d);
    });

  return (
    <Card data-testid="step-decision">
      <Typography.Paragraph data-testid="submitted-case-no">{t('intake.submitted', { caseNo: detail.caseNo })}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Radio.Group
          aria-label={t('intake.decision')}
          value={kind}
          onChange={(e) => (setKind(e.target.value as typeof kind), setFieldError(null))}
        >
          <Radio value="accept" autoFocus>
            {t('intake.accept')}
          </Radio>
          <Radio value="supplement">{t('intake.supplement')}</Radio>
          <Radio value="reject">{t('intake.reject')}</Radio>
        </Radio.Group>
        {kind === 'supplement' && (
          <label>
            {t('intake.missingList')}
            <Input.TextArea
              aria-label={t('intake.missingList')}
              rows={6}
              value={missingText}
              status={fieldError ? 'error' : undefined}
              onChange={(e) => (setMissing(e.target.value), setFieldError(null))}
              data-testid="missing-list"
            />
            {fieldError && (
              <Typography.Text type="danger" data-testid="missing-list-error">
                {fieldError}
              </Typography.Text>
            )}
          </label>
        )}
        {kind === 'reject' && (
          <label>
            {t('intake.rejectReason')}
            <Input.TextArea
              aria-label={t('intake.rejectReason')}
              rows={3}
              value={reasons}
              status={fieldError ? 'error' : undefined}
              onChange={(e) => (setReasons(e.target.value), setFieldError(null))}
              data-testid="reject-reasons"
            />
            {fieldError && (
              <Typography.Text type="danger" data-testid="reject-reasons-error">
                {fieldError}
              </Typography.Text>
            )}
          </label>
        )}
        {detail.eligibility && (
          <List
            size="small"
            header={t('intake.eligibility')}
            dataSource={detail.eligibility.steps}
            renderItem={(s) => <List.Item>{s}</List.Item>}
          />
        )}
        {error && <Alert type="error" showIcon message={error} data-testid="decision-error" />}
        <Button type="primary" loading={busy} onClick={() => void decide()} data-testid="decide">
          {t('intake.decide')}
        </Button>
      </Space>
    </Card>
  );
}
