import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../../common/format/money';
import { call } from '../../api/client';
import { NO_EVIDENCE, VisitEvidence, type VisitEvidenceValue } from './VisitEvidence';
import { VisitEvidenceView } from './VisitEvidenceView';
import { CaseChanges } from './CaseChanges';
import { PublicityRounds } from './PublicityRounds';
import { ReliefDecisionFields, reliefOfFields } from './ReliefDecisionFields';
import type { AssistanceType } from '../../../../common/cases/types';
import { useMayCall } from '../../components/useMayCall';

type Mode = 'visit' | 'opinion' | 'object' | 'review' | 'reinvestigate' | 'decide';
const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
const day = (v: { format(f: string): string } | undefined) => v?.format('YYYY-MM-DD') ?? '';

/** Visits, opinion + 公示, objections, 民主评议 and (where delegated) the decision, on the case page. */
export function CaseAfterAcceptance({
  caseId,
  state,
  version,
  type,
}: {
  caseId: string;
  state: string;
  version: number;
  type?: AssistanceType | undefined;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [mode, setMode] = useState<Mode | null>(null);
  const [form] = Form.useForm();
  const [evidence, setEvidence] = useState<VisitEvidenceValue>(NO_EVIDENCE);
  // Visits whose photos and signatures are open: read only when asked for (each read is audited).
  const [shown, setShown] = useState<string[]>([]);
  const view = useQuery({ queryKey: ['visits.ofCase', caseId], queryFn: () => call('visits.ofCase', { caseId }) });
  // The case page's own read: its 低保 hint gives 初审's amount, the household's 差额.
  const detail = useQuery({ queryKey: ['cases.get', caseId], queryFn: () => call('cases.get', { caseId }) });
  const gapFen = detail.data?.eligibility?.band === 'below_standard' ? detail.data.eligibility.gapFen : null;
  const may = useMayCall();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['cases.get', caseId] });
    void client.invalidateQueries({ queryKey: ['visits.ofCase', caseId] });
  };
  const run = useMutation({
    mutationFn: async (m: Mode | 'end') => {
      if (m === 'end') return call('publicity.end', { caseId, version });
      const v = (await form.validateFields()) as Record<string, string | number | undefined> & { date?: { format(f: string): string } };
      if (m === 'visit')
        return call('visits.record', {
          caseId,
          version,
          visit: {
            visitedOn: day(v.date),
            staff: lines(v['staff'] as string),
            familyPresent: lines(v['family'] as string),
            housing: String(v['housing']),
            assets: String(v['assets']),
            livingConditions: String(v['living']),
            findings: String(v['findings']),
            photos: evidence.photos,
            signatures: evidence.signatures,
          },
        });
      if (m === 'opinion')
        return call('publicity.opinion', {
          caseId,
          version,
          opinion: {
            proposal: v['proposal'] as 'approve' | 'refuse',
            ...(v['amount'] !== undefined ? { amountFen: Math.round(Number(v['amount']) * 100) } : {}),
            reasons: lines(v['reasons'] as string),
            community: String(v['community']),
          },
        });
      if (m === 'object')
        return call('publicity.object', {
          caseId,
          version,
          objection: { objector: String(v['objector']), content: String(v['content']), receivedOn: day(v.date) },
        });
      if (m === 'reinvestigate')
        return call('publicity.resolve', { caseId, version, resolution: { kind: 'reinvestigate', reason: String(v['reason']) } });
      if (m === 'review')
        return call('publicity.resolve', {
          caseId,
          version,
          resolution: {
            kind: 'review',
            heldOn: day(v.date),
            participants: lines(v['participants'] as string),
            outcome: v['outcome'] as 'uphold' | 'reinvestigate',
            summary: String(v['summary']),
          },
        });
      return call('decisions.local', {
        caseId,
        version,
        decision:
          v['outcome'] === 'approved'
            ? {
                outcome: 'approved',
                amountFen: Math.round(Number(v['amount']) * 100),
                ...(type === 'temporary' ? { relief: reliefOfFields(v) } : { startMonth: String(v['startMonth']) }),
                legalBasis: lines(v['legalBasis'] as string),
              }
            : { outcome: 'refused', reasons: lines(v['reasons'] as string), legalBasis: lines(v['legalBasis'] as string) },
      });
    },
    onSuccess: () => {
      setMode(null);
      form.resetFields();
      setEvidence(NO_EVIDENCE);
      refresh();
    },
  });
  const retry = useMutation({ mutationFn: (decisionId: string) => call('decisions.retry', { decisionId }), onSuccess: refresh });
  const open = (m: Mode) => {
    run.reset();
    form.resetFields();
    setEvidence(NO_EVIDENCE);
    setMode(m);
  };
  const v = view.data;
  const opinion = v?.opinions.at(-1);
  // After an objection the township answers it (民主评议 or re-investigation), then gives a NEW 初审意见.
  const reviewed = Boolean(opinion && v?.reviews.some((r) => r.round === opinion.round && r.kind === 'review'));
  const proposal = Form.useWatch('proposal', form) as 'approve' | 'refuse' | undefined;
  const text = (name: string, label: string, rows = 2) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <Input.TextArea rows={rows} aria-label={label} />
    </Form.Item>
  );
  const date = (label: string) => (
    <Form.Item name="date" label={label} rules={[{ required: true }]}>
      <DatePicker aria-label={label} />
    </Form.Item>
  );

  return (
    <Card title={t('visits.section')} size="small" data-testid="after-acceptance">
      <Space wrap>
        {(state === 'accepted' || state === 'investigating') && may('visits.record') && (
          <Button onClick={() => open('visit')}>{t('visits.record')}</Button>
        )}
        {state === 'investigating' && may('publicity.opinion') && <Button onClick={() => open('opinion')}>{t('visits.opinion')}</Button>}
        {state === 'publicity' && may('publicity.object') && <Button onClick={() => open('object')}>{t('visits.object')}</Button>}
        {state === 'publicity' && may('publicity.end') && <Button onClick={() => run.mutate('end')}>{t('visits.endPublicity')}</Button>}
        {state === 'disputed' && !reviewed && may('publicity.resolve') && (
          <Button onClick={() => open('review')}>{t('visits.review')}</Button>
        )}
        {state === 'disputed' && may('publicity.resolve') && (
          <Button onClick={() => open('reinvestigate')}>{t('visits.rounds.reinvestigate')}</Button>
        )}
        {state === 'disputed' && reviewed && may('publicity.opinion') && (
          <Button type="primary" onClick={() => open('opinion')}>
            {t('visits.rounds.reopinion')}
          </Button>
        )}
        {state === 'awaiting_decision' && v?.delegated && may('decisions.local') && (
          <Button type="primary" onClick={() => open('decide')}>
            {t('visits.decide')}
          </Button>
        )}
        {opinion?.posted && (
          <Tag color="blue">{t('visits.rounds.tag', { n: opinion.round, from: opinion.publicityFrom, to: opinion.publicityTo })}</Tag>
        )}
      </Space>
      {run.error && !mode && <Alert type="error" showIcon message={run.error.message} />}
      {retry.error && <Alert type="error" showIcon message={retry.error.message} />}
      <CaseChanges view={v} />
      {v && v.opinions.length > 0 && <PublicityRounds view={v} />}
      {v && (state === 'publicity' || state === 'disputed') && (
        <Typography.Text type="secondary">
          {t('visits.rounds.limits', { reopinion: v.limits.reopinionWorkingDays, decision: v.limits.countyDecisionWorkingDays })}
        </Typography.Text>
      )}
      {v && v.visits.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          title={() => t('visits.visits')}
          dataSource={v.visits}
          expandable={{
            expandedRowKeys: shown,
            showExpandColumn: false,
            expandedRowRender: (r) => <VisitEvidenceView caseId={caseId} visit={r} />,
          }}
          columns={[
            { title: t('visits.visitedOn'), dataIndex: 'visitedOn' },
            { title: t('visits.staff'), render: (_, r) => r.staff.join('、') },
            { title: t('visits.findings'), dataIndex: 'findings' },
            {
              title: t('visitEvidence.evidence'),
              render: (_, r) => (
                <Space wrap>
                  {t('visitEvidence.evidenceCount', { photos: r.photos, signatures: r.signatures })}
                  {r.photos + r.signatures > 0 && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setShown((keys) => (keys.includes(r.id) ? keys.filter((k) => k !== r.id) : [...keys, r.id]))}
                      data-testid={`visit-evidence-toggle-${r.id}`}
                    >
                      {shown.includes(r.id) ? t('visitEvidence.view.hide') : t('visitEvidence.view.show')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      {v && v.decisions.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          title={() => t('visits.decisions')}
          dataSource={v.decisions}
          columns={[
            { title: t('visits.outcome'), render: (_, r) => t(`visits.outcomes.${r.outcome}`) },
            { title: t('roster.columns.amount'), render: (_, r) => (r.amountFen === null ? '—' : formatYuan(r.amountFen)) },
            { title: t('roster.columns.benefits'), render: (_, r) => r.linkedBenefits.map((b) => b.name).join('、') },
            {
              title: t('roster.columns.status'),
              render: (_, r) =>
                r.status === 'applied' ? (
                  <Tag color="green">✓</Tag>
                ) : (
                  <Space>
                    <Tag color="red">{t('visits.decisionRefused', { reason: r.refusal ?? '' })}</Tag>
                    {may('decisions.retry') && (
                      <Button size="small" onClick={() => retry.mutate(r.id)}>
                        {t('visits.retry')}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      )}
      <Modal
        open={mode !== null}
        title={
          mode === 'reinvestigate'
            ? t('visits.rounds.reinvestigate')
            : mode
              ? t(`visits.${mode === 'decide' ? 'decide' : mode === 'visit' ? 'record' : mode}`)
              : ''
        }
        onCancel={() => setMode(null)}
        onOk={() => mode && run.mutate(mode)}
        confirmLoading={run.isPending}
        destroyOnHidden
        width={mode === 'visit' ? 720 : undefined}
      >
        {/* An answer about what was entered goes as soon as the entry changes (e.g. 还有 N 人未签名 once all have signed). */}
        <Form form={form} layout="vertical" onValuesChange={() => run.reset()}>
          {mode === 'visit' && (
            <>
              {date(t('visits.visitedOn'))}
              {text('staff', t('visits.staff'))}
              {text('family', t('visits.familyPresent'))}
              {text('housing', t('visits.housing'), 1)}
              {text('assets', t('visits.assets'), 1)}
              {text('living', t('visits.living'))}
              {text('findings', t('visits.findings'))}
              <VisitEvidence caseId={caseId} form={form} value={evidence} onChange={(e) => (setEvidence(e), run.reset())} />
            </>
          )}
          {mode === 'opinion' && (
            <>
              <Form.Item name="proposal" label={t('visits.proposal')} initialValue="approve">
                <Radio.Group
                  options={[
                    { value: 'approve', label: t('visits.proposals.approve') },
                    { value: 'refuse', label: t('visits.proposals.refuse') },
                  ]}
                />
              </Form.Item>
              {proposal === 'refuse' ? (
                <Alert type="info" showIcon message={t('visits.rounds.refuseHint')} style={{ marginBottom: 12 }} />
              ) : type === 'temporary' ? (
                // 临时救助 is a one-off (or few-instalment) total, not a monthly amount: no 差额 prefill.
                <Form.Item
                  name="amount"
                  label={t('visits.amountTemporary')}
                  rules={[{ required: true, message: t('relief.amountRequired') }]}
                  extra={t('relief.decision.hint')}
                >
                  <InputNumber min={0} precision={2} aria-label={t('visits.amountTemporary')} data-testid="opinion-amount" />
                </Form.Item>
              ) : (
                <Form.Item
                  name="amount"
                  label={t('visits.amount')}
                  rules={[{ required: true, message: t('visits.amountRequired') }]}
                  initialValue={gapFen !== null ? gapFen / 100 : undefined}
                  extra={gapFen !== null ? t('visits.amountFromGap', { amount: formatYuan(gapFen) }) : t('visits.amountNoStandard')}
                >
                  <InputNumber min={0} precision={2} aria-label={t('visits.amount')} data-testid="opinion-amount" />
                </Form.Item>
              )}
              {text('reasons', t('visits.reasons'))}
              <Form.Item name="community" label={t('visits.community')} rules={[{ required: true }]}>
                <Input aria-label={t('visits.community')} />
              </Form.Item>
            </>
          )}
          {mode === 'object' && (
            <>
              <Form.Item name="objector" label={t('visits.objector')} rules={[{ required: true }]}>
                <Input aria-label={t('visits.objector')} />
              </Form.Item>
              {text('content', t('visits.content'))}
              {date(t('visits.receivedOn'))}
            </>
          )}
          {mode === 'reinvestigate' && text('reason', t('visits.rounds.reason'))}
          {mode === 'review' && (
            <>
              {date(t('visits.heldOn'))}
              {text('participants', t('visits.participants'), 3)}
              <Form.Item name="outcome" label={t('visits.reviewOutcome')} initialValue="uphold">
                <Radio.Group
                  options={[
                    { value: 'uphold', label: t('visits.reviewOutcomes.uphold') },
                    { value: 'reinvestigate', label: t('visits.reviewOutcomes.reinvestigate') },
                  ]}
                />
              </Form.Item>
              {text('summary', t('visits.summary'))}
            </>
          )}
          {mode === 'decide' && (
            <>
              <Form.Item name="outcome" label={t('visits.outcome')} initialValue="approved">
                <Radio.Group
                  options={[
                    { value: 'approved', label: t('visits.outcomes.approved') },
                    { value: 'refused', label: t('visits.outcomes.refused') },
                  ]}
                />
              </Form.Item>
              {type === 'temporary' ? (
                <ReliefDecisionFields />
              ) : (
                <>
                  <Form.Item name="amount" label={t('visits.amount')}>
                    <InputNumber min={0} precision={2} aria-label={t('visits.amount')} />
                  </Form.Item>
                  <Form.Item name="startMonth" label={t('visits.startMonth')}>
                    <Input aria-label={t('visits.startMonth')} />
                  </Form.Item>
                </>
              )}
              <Form.Item name="reasons" label={t('visits.reasons')}>
                <Input.TextArea aria-label={t('visits.reasons')} />
              </Form.Item>
              <Form.Item name="legalBasis" label={t('visits.legalBasis')}>
                <Input.TextArea aria-label={t('visits.legalBasis')} />
              </Form.Item>
            </>
          )}
        </Form>
        {run.error && <Alert type="error" showIcon message={run.error.message} />}
      </Modal>
    </Card>
  );
}
