import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssistanceType } from '../../../common/cases/types';
import type { ReliefOfCase } from '../../../common/contract/methods/afterAcceptance/relief';
import { formatYuan } from '../../../common/format/money';
import { call } from '../api/client';
import { useMayCall } from '../components/useMayCall';
import { useSession } from '../session/useSession';
import { CaseMonitoring } from '../afterAcceptance/index';
import { AdvanceForm } from './AdvanceForm';

type Payment = ReliefOfCase['payments'][number];

/**
 * The case page's 临时救助 panel (the grant: total, form, instalments; the 先行救助: amount, form, day,
 * who, why, and 先行救助，待补办 / 手续已补办 with the papers' due date), the caseworker's 先行救助 form,
 * and the household's 低收入人口 monitoring where the case allows it.
 */
export function ReliefPanel({ caseId, version, type }: { caseId: string; version: number; type: AssistanceType | undefined }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const may = useMayCall();
  const session = useSession();
  const [advancing, setAdvancing] = useState(false);
  const q = useQuery({ queryKey: ['relief.ofCase', caseId, version], queryFn: () => call('relief.ofCase', { caseId }) });
  const v = q.data;
  if (q.error) return <Alert type="error" showIcon message={q.error.message} />;
  if (!v) return null;
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['cases.get', caseId] });
    void client.invalidateQueries({ queryKey: ['relief.ofCase', caseId] });
  };
  const relief = type === 'temporary' || v.payments.length > 0;
  const form = (p: Pick<Payment, 'form' | 'inKind'>) => `${t(`relief.forms.${p.form}`)}${p.inKind ? `（${p.inKind}）` : ''}`;
  return (
    <>
      {relief && (
        <Card title={t('relief.title')} size="small" data-testid="relief-panel">
          <Space wrap style={{ marginBottom: 8 }}>
            {v.advance && (
              <Tag
                color={v.advance.state === 'papers_pending' ? 'orange' : 'green'}
                data-testid="advance-state"
                data-state={v.advance.state}
              >
                {t(`relief.states.${v.advance.state}`)}
              </Tag>
            )}
            {v.advance && <Typography.Text data-testid="advance-due">{t('relief.papersDue', { date: v.advance.dueOn })}</Typography.Text>}
            {v.mayAdvance && may('relief.advance') && (
              <Button type="primary" onClick={() => setAdvancing(true)}>
                {t('relief.advanceAction')}
              </Button>
            )}
          </Space>
          <Table<Payment>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={v.payments}
            locale={{ emptyText: t('relief.none') }}
            onRow={(p) => ({ 'data-kind': p.kind }) as object}
            columns={[
              { title: t('relief.kind'), render: (_, p) => t(`relief.kinds.${p.kind}`) },
              { title: t('relief.amount'), render: (_, p) => formatYuan(p.amountFen) },
              { title: t('relief.form'), render: (_, p) => form(p) },
              { title: t('relief.payments'), render: (_, p) => t('relief.paymentsValue', { count: p.payments }) },
              { title: t('relief.paidOn'), render: (_, p) => p.paidOn ?? '—' },
              { title: t('relief.paidBy'), render: (_, p) => p.paidBy ?? '—' },
              { title: t('relief.reason'), render: (_, p) => p.reason ?? '—' },
            ]}
          />
        </Card>
      )}
      <CaseMonitoring caseId={caseId} monitoring={v.monitoring} mayMonitor={v.mayMonitor} onChanged={refresh} />
      {advancing && (
        <AdvanceForm
          caseId={caseId}
          version={version}
          limitYuan={v.advanceLimitYuan}
          papersDays={v.advancePapersWorkingDays}
          paidBy={session.data?.displayName ?? ''}
          onClose={() => setAdvancing(false)}
          onSaved={() => {
            setAdvancing(false);
            refresh();
          }}
        />
      )}
    </>
  );
}
