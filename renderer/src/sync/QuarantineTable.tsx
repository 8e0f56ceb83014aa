import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { METHODS, type MethodOutput } from '../../../common/contract/index';
import { recordKindLabel } from '../../../common/i18n/labels';
import { rolesGranting } from '../../../common/i18n/syncRun';
import { call } from '../api/client';
import { AdoptPlatformButton, RefusedImportHelp, RefusedReason, useRefusedImports } from '../rosterImport/RefusedImport';
import { ConflictView } from './ConflictView';

type Row = MethodOutput<'sync.quarantine'>[number];

/**
 * Rejected records (the platform's reason) and conflicts (both versions side by side, in words),
 * each with what to do. Resend / dismiss only for those who may (core's permission of
 * sync.resolve); everyone else is told which roles can. A refused roster import shows the station
 * head what the platform holds and offers 以平台为准并重新提交 where that can succeed; another
 * station's household offers no resend (the county must transfer it), only 忽略.
 */
export function QuarantineTable({ rows, canResolve, onChanged }: { rows: Row[]; canResolve: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const resolve = useMutation({
    mutationFn: (v: { recordId: string; action: 'resend' | 'dismiss' }) => call('sync.resolve', v),
    onSuccess: onChanged,
  });
  // Conflicts open with their two versions; a clerk may fold one away.
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const roles = rolesGranting(METHODS['sync.resolve'].permission);
  const refused = useRefusedImports(rows);
  const help = (r: Row) => {
    if (r.status === 'rejected') return canResolve ? t('sync.rejectedHelp') : t('sync.rejectedWhoCan', { roles });
    return canResolve ? t('sync.conflictHelp') : t('sync.conflictWhoCan', { roles });
  };
  return (
    <>
      {resolve.isError && <Alert type="error" showIcon message={resolve.error.message} />}
      <Table<Row>
        rowKey="recordId"
        size="small"
        dataSource={rows}
        pagination={false}
        data-testid="sync-quarantine"
        expandable={{
          rowExpandable: (r) => r.status === 'conflict' && r.theirs !== null,
          expandedRowKeys: rows
            .filter((r) => r.status === 'conflict' && r.theirs !== null && !folded.has(r.recordId))
            .map((r) => r.recordId),
          onExpand: (open, r) =>
            setFolded((f) => {
              const next = new Set(f);
              if (open) next.delete(r.recordId);
              else next.add(r.recordId);
              return next;
            }),
          expandedRowRender: (r) => <ConflictView record={r} />,
        }}
        columns={[
          { title: t('sync.columns.seq'), dataIndex: 'seq', width: 70 },
          { title: t('sync.columns.kind'), dataIndex: 'kind', width: 140, render: (k: string) => recordKindLabel(k) },
          { title: t('sync.columns.caseNo'), dataIndex: 'caseNo', width: 190, render: (v: string | null) => v ?? t('sync.conflict.none') },
          {
            title: t('sync.columns.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: Row['status']) =>
              s === 'rejected' ? <Tag color="red">{t('sync.rejected')}</Tag> : <Tag color="orange">{t('sync.conflicts')}</Tag>,
          },
          {
            title: t('sync.columns.reason'),
            render: (_, r) => (
              <Space direction="vertical" size={2}>
                <RefusedReason reason={r.reason ?? ''} refused={refused.get(r.recordId)} />
                {refused.has(r.recordId) && <RefusedImportHelp refused={refused.get(r.recordId)!} />}
                <Typography.Text type="secondary" data-testid="sync-quarantine-help">
                  {help(r)}
                </Typography.Text>
              </Space>
            ),
          },
          ...(canResolve
            ? [
                {
                  title: '',
                  width: 190,
                  render: (_: unknown, r: Row) => (
                    <Space wrap>
                      {refused.has(r.recordId) && <AdoptPlatformButton refused={refused.get(r.recordId)!} onDone={onChanged} />}
                      {refused.get(r.recordId)?.refusal !== 'other-station' && (
                        <Button size="small" onClick={() => resolve.mutate({ recordId: r.recordId, action: 'resend' })}>
                          {t('sync.resend')}
                        </Button>
                      )}
                      <Button size="small" onClick={() => resolve.mutate({ recordId: r.recordId, action: 'dismiss' })}>
                        {t('sync.dismiss')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
