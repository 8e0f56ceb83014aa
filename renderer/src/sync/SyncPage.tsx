import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Progress, Row, Space, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { METHODS, type MethodOutput } from '../../../common/contract/index';
import { rolesGrant } from '../../../common/contract/permissions';
import { runOutcomeText } from '../../../common/i18n/syncRun';
import { call } from '../api/client';
import { AuditAnchorAlert } from './AuditAnchorAlert';
import { CloneAlert } from './CloneAlert';
import { useSession } from '../session/useSession';
import { CounterNoForm } from './CounterNoForm';
import { QuarantineTable } from './QuarantineTable';
import { DecisionRefusals } from './DecisionRefusals';
import { PlatformStatusList } from './PlatformStatusList';
import { VerificationKept } from './VerificationKept';
import { RemoteKept } from '../certification/RemoteKept';
import { RecipientConflicts } from '../rosterImport/RecipientConflicts';
import { CalendarCard } from '../cases/CalendarCard';
import { RegisterForm } from './RegisterForm';
import { SettingsForm } from './SettingsForm';
import { useSync } from './useSync';

type Run = MethodOutput<'sync.status'>['runs'][number];

const when = (iso: string | null | undefined, never: string) => (iso ? new Date(iso).toLocaleString('zh-CN') : never);

/** Blobs the platform will not take before their retry time (its upload quota), with its reason. */
function DeferredBlobs({ blobs }: { blobs: MethodOutput<'sync.status'>['deferredBlobs'] }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="sync-deferred"
      message={t('sync.deferred.title')}
      description={
        <Space direction="vertical" size={2}>
          <span>{t('sync.deferred.help')}</span>
          {blobs.map((b) => (
            <span key={b.sha256}>
              {t('sync.deferred.item', { sha: b.sha256.slice(0, 12), at: when(b.retryAt, '') })}
              {b.reason ? `：${b.reason}` : ''}
            </span>
          ))}
        </Space>
      }
    />
  );
}

/** 同步中心: what waits, what the platform took or sent back, conflicts to reconcile, run history, the schedule. */
export function SyncPage() {
  const { t } = useTranslation();
  const session = useSession();
  const canRun = session.data ? rolesGrant(session.data.roles, 'sync.run') : false;
  const canResolve = session.data ? rolesGrant(session.data.roles, METHODS['sync.resolve'].permission) : false;
  const { status, quarantine, progress, refresh } = useSync();
  const now = useMutation({ mutationFn: () => call('sync.now', { wait: true }), onSettled: refresh });
  const cancel = useMutation({ mutationFn: () => call('sync.cancel', {}) });
  const s = status.data;

  if (status.isError) return <Alert type="error" showIcon message={status.error.message} />;
  if (!s) return <Card loading title={t('sync.title')} />;

  const running = Boolean(s.running) || now.isPending;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('sync.title')}
        extra={
          s.registered &&
          canRun && (
            <Space>
              <Button type="primary" onClick={() => now.mutate()} loading={running} data-testid="sync-now">
                {t('sync.syncNow')}
              </Button>
              {running && <Button onClick={() => cancel.mutate()}>{t('sync.cancel')}</Button>}
            </Space>
          )
        }
      >
        {!s.registered && <Alert type="info" showIcon message={t('sync.notRegistered')} style={{ marginBottom: 16 }} />}
        {!s.registered && <CounterNoForm canEdit={session.data ? rolesGrant(session.data.roles, 'admin.settings') : false} />}
        {(!s.registered || s.cloneSuspected) && canRun && <RegisterForm onDone={refresh} />}
        {s.registered && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <CounterNoForm canEdit={false} />
            <span data-testid="sync-registration">
              {t('sync.registered', { deviceId: s.registration?.deviceId ?? '', stationId: s.registration?.stationId ?? '' })}
              {s.registration && s.registration.status !== 'active' && (
                <Tag
                  color={s.registration.status === 'pending' ? 'orange' : 'red'}
                  style={{ marginLeft: 8 }}
                  data-testid="sync-registration-status"
                >
                  {t(`sync.registrationStatus.${s.registration.status}`)}
                </Tag>
              )}
            </span>
            {s.registration?.status === 'pending' && (
              <Alert
                type="warning"
                showIcon
                data-testid="sync-pending"
                message={t('sync.pending.title')}
                description={t('sync.pending.detail')}
              />
            )}
            {s.cloneSuspected && <CloneAlert canAct={canRun} onChanged={refresh} />}
            <AuditAnchorAlert anchor={s.auditAnchor} showAnchored />
            {s.stale && (
              <Alert type="warning" showIcon data-testid="sync-stale" message={t('sync.stale', { days: s.settings.staleDays })} />
            )}
            {s.skewMs !== null && Math.abs(s.skewMs) > 5 * 60_000 && (
              <Alert type="warning" showIcon message={t('sync.skew', { minutes: Math.round(s.skewMs / 60_000) })} />
            )}
            {now.data?.error && now.data.outcome !== 'pending' && <Alert type="error" showIcon message={now.data.error.message} />}
            {s.deferredBlobs.length > 0 && <DeferredBlobs blobs={s.deferredBlobs} />}
            {now.isError && <Alert type="error" showIcon message={now.error.message} />}
            {running && progress && (
              <Progress
                percent={Math.round(progress.fraction * 100)}
                format={() => `${t('sync.running')}：${t(`sync.phase.${progress.phase as 'push'}`)}`}
              />
            )}
            <Row gutter={16} data-testid="sync-counts">
              <Col span={3}>
                <Statistic title={t('sync.queued')} value={s.outbox.queued} />
              </Col>
              <Col span={3}>
                <Statistic title={t('sync.inFlight')} value={s.outbox.inFlight} />
              </Col>
              <Col span={3}>
                <Statistic title={t('sync.acknowledged')} value={s.outbox.acknowledged} />
              </Col>
              <Col span={3}>
                <Statistic title={t('sync.rejected')} value={s.outbox.rejected} />
              </Col>
              <Col span={3}>
                <Statistic title={t('sync.conflicts')} value={s.outbox.conflict} />
              </Col>
              <Col span={3}>
                <Statistic title={t('sync.blobsQueued')} value={s.blobs.queued} />
              </Col>
              <Col span={6}>
                <Statistic title={t('sync.lastSuccess')} value={when(s.lastSuccessAt, t('sync.never'))} valueStyle={{ fontSize: 16 }} />
                <Statistic title={t('sync.nextWindow')} value={when(s.nextWindowAt, '—')} valueStyle={{ fontSize: 16 }} />
              </Col>
            </Row>
          </Space>
        )}
      </Card>
      {s.registered && <DecisionRefusals refreshKey={s.lastSuccessAt} />}
      {s.registered && <PlatformStatusList refreshKey={s.lastSuccessAt} />}
      {s.registered && <VerificationKept refreshKey={s.lastSuccessAt} />}
      {s.registered && <RemoteKept refreshKey={s.lastSuccessAt} />}
      {s.registered && <RecipientConflicts refreshKey={s.lastSuccessAt} />}
      <CalendarCard key={s.lastSuccessAt ?? 'never'} />
      {s.registered && (
        <Card title={t('sync.quarantine')}>
          <QuarantineTable rows={quarantine.data ?? []} canResolve={canResolve} onChanged={refresh} />
        </Card>
      )}
      {s.registered && (
        <Card title={t('sync.history')}>
          <Table<Run>
            rowKey="id"
            size="small"
            dataSource={s.runs}
            pagination={false}
            data-testid="sync-runs"
            columns={[
              { title: t('sync.runColumns.startedAt'), dataIndex: 'startedAt', render: (v: string) => when(v, '') },
              {
                title: t('sync.runColumns.trigger'),
                dataIndex: 'trigger',
                width: 90,
                render: (v: string) => t(`sync.trigger.${['manual', 'window', 'retry'].includes(v) ? (v as 'manual') : 'other'}`),
              },
              {
                title: t('sync.runColumns.outcome'),
                width: 260,
                render: (_, r) => (
                  <span data-testid="sync-run-outcome" data-outcome={r.outcome}>
                    {runOutcomeText(r)}
                  </span>
                ),
              },
              { title: t('sync.runColumns.pushed'), render: (_, r) => t('sync.runPushed', r.summary) },
              {
                title: t('sync.runColumns.blobs'),
                render: (_, r) =>
                  `${r.summary.blobsSent}${r.summary.blobsDeferred ? `（${t('sync.blobsDeferred')} ${r.summary.blobsDeferred}）` : ''}`,
              },
              { title: t('sync.runColumns.pulled'), render: (_, r) => `${r.summary.pulled}` },
              { title: t('sync.runColumns.bytes'), render: (_, r) => `${(r.summary.bytesSent / 1024).toFixed(1)} KB` },
              { title: t('sync.runColumns.note'), dataIndex: 'errorMessage', ellipsis: true },
            ]}
          />
        </Card>
      )}
      {s.registered && canRun && (
        <Card title={t('sync.settings')}>
          <SettingsForm settings={s.settings} onSaved={refresh} />
        </Card>
      )}
    </Space>
  );
}
