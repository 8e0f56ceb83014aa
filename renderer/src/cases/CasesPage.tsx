import { useQuery } from '@tanstack/react-query';
import { Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ASSISTANCE_TYPES, type AssistanceType } from '../../../common/cases/types';
import { CASE_STATES, type CaseState } from '../../../common/cases/stateMachine';
import type { CaseSummary } from '../../../common/contract/methods/cases';
import { maskIdNumber } from '../../../common/format/mask';
import { call } from '../api/client';
import { ExportButton } from '../stats/ExportButton';
import { CaseView } from './CaseView';
import { DeadlineTag, StateTag, useTypeLabel } from './labels';

/** 案件: search (ID number, name, pinyin initials, phone, case number) with filters, in a virtualised table; ?id= opens one case. */
export function CasesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState('');
  const [states, setStates] = useState<CaseState[]>([]);
  const [types, setTypes] = useState<AssistanceType[]>([]);
  const [deadline, setDeadline] = useState<'any' | 'due_soon' | 'overdue'>('any');
  const [related, setRelated] = useState(false);
  const q = useDeferredValue(query);
  const typeLabel = useTypeLabel();
  const id = params.get('id');
  const found = useQuery({
    queryKey: ['cases.search', q, states, types, deadline, related],
    queryFn: () => call('cases.search', { query: q, states, types, deadline, ...(related ? { relatedParty: true } : {}), limit: 500 }),
    enabled: !id,
  });
  if (id) return <CaseView caseId={id} onBack={() => setParams({})} />;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search aria-label={t('caseList.search')} placeholder={t('caseList.search')} style={{ width: 360 }} allowClear autoFocus value={query} onChange={(e) => setQuery(e.target.value)} data-testid="case-search" />
        <Select mode="multiple" aria-label={t('caseList.allStates')} placeholder={t('caseList.allStates')} style={{ minWidth: 180 }} value={states} onChange={setStates} options={CASE_STATES.map((s) => ({ value: s, label: t(`cases.states.${s}`) }))} />
        <Select mode="multiple" aria-label={t('caseList.allTypes')} placeholder={t('caseList.allTypes')} style={{ minWidth: 160 }} value={types} onChange={setTypes} options={ASSISTANCE_TYPES.map((s) => ({ value: s, label: t(`cases.typesShort.${s}`) }))} />
        <Select
          aria-label={t('caseList.anyDeadline')}
          style={{ width: 130 }}
          value={deadline}
          onChange={setDeadline}
          options={[
            { value: 'any', label: t('caseList.anyDeadline') },
            { value: 'due_soon', label: t('caseList.dueSoon') },
            { value: 'overdue', label: t('caseList.overdue') },
          ]}
        />
        <Checkbox checked={related} onChange={(e) => setRelated(e.target.checked)}>
          {t('caseList.relatedOnly')}
        </Checkbox>
        <ExportButton request={{ table: 'cases', query: q, states, types, deadline, ...(related ? { relatedParty: true } : {}) }} />
        <Typography.Text type="secondary" data-testid="case-total">
          {found.data ? t('caseList.total', { count: found.data.total }) : ''}
        </Typography.Text>
      </Space>
      <Table<CaseSummary>
        virtual
        scroll={{ y: 560, x: 1100 }}
        size="small"
        rowKey="id"
        loading={found.isPending}
        pagination={false}
        dataSource={found.data?.rows ?? []}
        data-testid="case-table"
        onRow={(r) => ({ onDoubleClick: () => setParams({ id: r.id }), onKeyDown: (e: { key: string }) => e.key === 'Enter' && setParams({ id: r.id }), tabIndex: 0, 'data-case-id': r.id } as object)}
        columns={[
          { title: t('caseList.columns.caseNo'), dataIndex: 'caseNo', width: 170, render: (v: string | null, r) => <a onClick={() => setParams({ id: r.id })}>{v ?? t('cases.states.draft')}</a> },
          { title: t('caseList.columns.applicant'), dataIndex: 'applicantName', width: 100, render: (v: string | null, r) => <>{v ?? '—'}{r.relatedParty && <Tag color="purple">{t('caseList.related')}</Tag>}</> },
          { title: t('caseList.columns.idNumber'), dataIndex: 'applicantIdNumber', width: 180, render: (v: string | null) => (v ? maskIdNumber(v) : '—') },
          { title: t('caseList.columns.type'), key: 'type', width: 130, render: (_: unknown, r) => typeLabel(r) },
          { title: t('caseList.columns.state'), dataIndex: 'state', width: 100, render: (v: CaseState) => <StateTag state={v} /> },
          { title: t('caseList.columns.size'), dataIndex: 'householdSize', width: 60 },
          { title: t('caseList.columns.deadline'), dataIndex: 'nextDeadline', width: 260, render: (d: CaseSummary['nextDeadline']) => <DeadlineTag d={d} /> },
          { title: t('caseList.columns.staff'), dataIndex: 'staffName', width: 90 },
          { title: t('caseList.columns.updated'), dataIndex: 'updatedAt', width: 160, render: (v: string) => new Date(v).toLocaleString('zh-CN') },
        ]}
      />
    </Space>
  );
}
