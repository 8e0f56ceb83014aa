import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Modal, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isTerminal, TRANSITIONS } from '../../../common/cases/stateMachine';
import { CASE_STEP_ACTIONS, type CaseStepAction } from '../../../common/contract/methods/cases';
import { formatYuan } from '../../../common/format/money';
import { maskIdNumber } from '../../../common/format/mask';
import { noticeKindLabel } from '../../../common/i18n/labels';
import { call } from '../api/client';
import { DeadlineTag, StateTag, useTypeLabel } from './labels';
import { CaseAfterAcceptance } from '../afterAcceptance/index';
import { ReliefPanel } from './ReliefPanel';
import { VerificationPanel } from './VerificationPanel';
import { PlatformStatusCard } from './PlatformStatusCard';
import { useCaseSyncRefresh } from './useCaseSyncRefresh';
import { CaseAuthorizations, LateMaterial, timelineNote } from '../intake/index';
import { StationBlobs } from '../sync/StationBlobs';
import { useMayAct, useMayCall } from '../components/useMayCall';
import { CaseDocumentsCard } from '../documents/CaseDocumentsCard';
import { CaseMaterialsCard } from '../documents/CaseMaterialsCard';

/** One case: household, materials, authorizations, notices, deadlines and the timeline; the next steps it allows. */
export function CaseView({ caseId, onBack }: { caseId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const typeLabel = useTypeLabel();
  const may = useMayCall();
  const mayAct = useMayAct();
  const [extendOpen, setExtendOpen] = useState(false);
  const [reason, setReason] = useState('');
  const detail = useQuery({ queryKey: ['cases.get', caseId], queryFn: () => call('cases.get', { caseId }) });
  useCaseSyncRefresh(caseId);
  const act = useMutation({
    mutationFn: (action: CaseStepAction) => call('cases.act', { caseId, version: detail.data!.version, action }),
    onSuccess: (d) => client.setQueryData(['cases.get', caseId], d),
  });
  const extend = useMutation({
    mutationFn: () => call('cases.extendDecision', { caseId, version: detail.data!.version, reason }),
    onSuccess: (d) => {
      client.setQueryData(['cases.get', caseId], d);
      setExtendOpen(false);
    },
  });
  if (detail.isError) return <Alert type="error" showIcon message={detail.error.message} />;
  const d = detail.data;
  if (!d) return <Card loading />;
  const app = d.application;
  // The steps the case's state allows, shown only to roles that may take them.
  const allowed = CASE_STEP_ACTIONS.filter((a) => a in TRANSITIONS[d.state] && mayAct(a));
  // After submission papers and signers are added as numbered amendments; a finished case takes none.
  const amendable = may('intake.addMaterial') && d.state !== 'draft' && d.state !== 'discarded' && !isTerminal(d.state);
  const refresh = () => void client.invalidateQueries({ queryKey: ['cases.get', caseId] });

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="case-view" data-state={d.state}>
      <Space>
        <Button onClick={onBack}>{t('caseView.back')}</Button>
        {d.state === 'draft' && may('intake.save') && (
          <Button type="primary" onClick={() => void navigate(`/intake?case=${d.id}`)}>
            {t('caseView.draftContinue')}
          </Button>
        )}
        {d.state === 'submitted' && may('cases.decide') && (
          <Button type="primary" onClick={() => void navigate(`/intake?case=${d.id}`)}>
            {t('caseView.decide')}
          </Button>
        )}
        {allowed.includes('startInvestigation') && (
          <Button onClick={() => act.mutate('startInvestigation')}>{t('caseView.startInvestigation')}</Button>
        )}
        {allowed.includes('resubmit') && <Button onClick={() => act.mutate('resubmit')}>{t('caseView.resubmit')}</Button>}
        {may('cases.extendDecision') && d.deadlines.some((x) => x.kind === 'decision' && x.status !== 'met' && x.workingDays < 45) && (
          <Button onClick={() => setExtendOpen(true)}>{t('caseView.extend')}</Button>
        )}
        {allowed.includes('withdraw') && (
          <Button danger onClick={() => act.mutate('withdraw')}>
            {t('caseView.withdraw')}
          </Button>
        )}
      </Space>
      {act.error && <Alert type="error" showIcon message={act.error.message} />}
      <Card>
        <Descriptions column={3} size="small" title={<span data-testid="case-no">{d.caseNo ?? t('cases.states.draft')}</span>}>
          <Descriptions.Item label={t('caseList.columns.applicant')}>{d.applicantName}</Descriptions.Item>
          <Descriptions.Item label={t('caseList.columns.idNumber')}>{d.applicantIdNumber}</Descriptions.Item>
          <Descriptions.Item label={t('caseList.columns.state')}>
            <StateTag state={d.state} />
          </Descriptions.Item>
          <Descriptions.Item label={t('caseList.columns.type')}>{typeLabel(d)}</Descriptions.Item>
          <Descriptions.Item label={t('intake.channel')}>{t(`cases.channels.${d.channel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('caseList.columns.staff')}>{d.staffName}</Descriptions.Item>
          {d.benefit && (
            <Descriptions.Item label={t('caseBenefit.label')}>
              <span data-testid="case-benefit" data-amount={d.benefit.approvedAmountFen} data-start={d.benefit.startMonth}>
                {t('caseBenefit.value', {
                  amount: formatYuan(d.benefit.approvedAmountFen),
                  month: d.benefit.startMonth,
                  date: d.benefit.decidedOn,
                  source: t(`changes.sources.${d.benefit.decisionSource}`),
                })}
                {d.benefit.status === 'stopped' && ` · ${t('caseBenefit.stopped', { date: d.benefit.stoppedOn ?? '' })}`}
                {d.benefit.status === 'active' &&
                  d.benefit.currentAmountFen !== null &&
                  d.benefit.currentAmountFen !== d.benefit.approvedAmountFen &&
                  ` · ${t('caseBenefit.current', { amount: formatYuan(d.benefit.currentAmountFen) })}`}
              </span>
            </Descriptions.Item>
          )}
        </Descriptions>
        {d.relatedParty && <Tag color="purple">{t('caseList.related')}</Tag>}
      </Card>
      {d.state !== 'draft' && <PlatformStatusCard caseId={d.id} />}
      {d.state !== 'draft' && <VerificationPanel report={d.verification} />}
      <CaseAfterAcceptance caseId={d.id} state={d.state} version={d.version} type={app.type} />
      <ReliefPanel caseId={d.id} version={d.version} type={app.type} />
      <Card title={t('caseView.deadlines')} size="small">
        <Space wrap>
          {d.deadlines.map((x) => (
            <DeadlineTag key={x.kind} d={x} />
          ))}
        </Space>
      </Card>
      <Card title={t('caseView.household')} size="small">
        <Table
          size="small"
          pagination={false}
          rowKey="idNumber"
          dataSource={app.members}
          columns={[
            { title: t('intake.name'), dataIndex: 'name' },
            { title: t('idNumber.label'), dataIndex: 'idNumber', render: (v: string) => maskIdNumber(v) },
            { title: t('intake.relationship'), dataIndex: 'relationship', render: (v: 'self') => t(`cases.relationships.${v}`) },
            { title: t('intake.birthDate'), dataIndex: 'birthDate' },
            {
              title: t('intake.income'),
              key: 'income',
              render: (_: unknown, m) =>
                formatYuan(app.income.filter((i) => i.memberIdNumber === m.idNumber).reduce((s, i) => s + i.monthlyFen, 0)),
            },
          ]}
        />
        {d.eligibility && (
          <Alert
            style={{ marginTop: 8 }}
            type="info"
            message={t('intake.eligibility')}
            description={
              <ol style={{ margin: 0 }}>
                {d.eligibility.steps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ol>
            }
            data-testid="case-eligibility"
          />
        )}
        {!d.eligibility && app.members.length > 0 && (
          <Alert style={{ marginTop: 8 }} type="warning" showIcon message={t('caseView.noStandard')} data-testid="case-no-standard" />
        )}
      </Card>
      <Card title={t('caseView.documents')} size="small">
        <Table
          size="small"
          pagination={false}
          rowKey="code"
          dataSource={d.materials}
          columns={[
            { title: t('intake.materials'), dataIndex: 'label' },
            { title: '', dataIndex: 'status', render: (v: 'received') => t(`cases.materialStatus.${v}`) },
            { title: '', dataIndex: 'pages', render: (v: number) => (v ? t('intake.pages', { count: v }) : '') },
            ...(amendable
              ? [
                  {
                    title: '',
                    key: 'amend',
                    render: (_: unknown, m: { code: string; label: string }) => (
                      <LateMaterial caseId={d.id} code={m.code} label={m.label} onAdded={refresh} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <CaseMaterialsCard detail={d} />
      <Card title={t('caseView.authorizations')} size="small">
        <CaseAuthorizations detail={d} amendable={amendable} />
      </Card>
      <StationBlobs caseId={caseId} materialLabel={(code) => d.materials.find((m) => m.code === code)?.label} />
      <Card title={t('caseView.notices')} size="small">
        <Space wrap data-testid="case-notices">
          {d.notices.map((n) => (
            <Tag key={n.id} data-kind={n.kind}>
              {noticeKindLabel(n.kind)} · {t(`caseView.noticeStates.${n.state as 'pending'}`)}
            </Tag>
          ))}
        </Space>
      </Card>
      <CaseDocumentsCard caseId={d.id} onRoster={d.benefit?.status === 'active'} />
      <Card title={t('caseView.timeline')} size="small">
        <Timeline
          data-testid="case-timeline"
          items={d.timeline.map((e) => ({
            children: (
              <span data-action={e.action} data-amendment={timelineNote(e.action, e.note, d.materials).amendment ?? undefined}>
                <Typography.Text strong>
                  {t([
                    `cases.actions.${e.action}`,
                    `visits.timeline.${e.action}`,
                    `certification.timeline.${e.action}`,
                    `changes.timeline.${e.action}`,
                    `relief.timeline.${e.action}`,
                  ] as unknown as 'cases.actions.submit')}
                </Typography.Text>{' '}
                · {e.actorName} · {new Date(e.at).toLocaleString('zh-CN')}
                {e.note ? ` · ${timelineNote(e.action, e.note, d.materials).text}` : ''}
              </span>
            ),
          }))}
        />
      </Card>
      <Modal
        open={extendOpen}
        title={t('caseView.extend')}
        onCancel={() => setExtendOpen(false)}
        onOk={() => extend.mutate()}
        okButtonProps={{ disabled: reason.trim().length < 4 }}
      >
        <Input.TextArea
          aria-label={t('caseView.extendReason')}
          placeholder={t('caseView.extendReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {extend.error && <Alert type="error" showIcon message={extend.error.message} />}
      </Modal>
    </Space>
  );
}
