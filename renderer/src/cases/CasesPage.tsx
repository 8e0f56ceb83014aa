import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ASSISTANCE_TYPES, type AssistanceType } from '../../../common/cases/types';
import { CASE_STATES, type CaseState } from '../../../common/cases/stateMachine';
import type { CaseSummary } from '../../../common/contract/methods/cases';
import type { MethodOutput } from '../../../common/contract/index';
import { maskIdNumber } from '../../../common/format/mask';
import { call } from '../api/client';
import { ExportButton } from '../stats/ExportButton';
import { CaseView } from './CaseView';
import { DeadlineTag, StateTag, useTypeLabel } from './labels';

const PAGE_SIZE = 50;
type Deadline = 'any' | 'due_soon' | 'overdue';
type Row = MethodOutput<'cases.search'>['rows'][number];
const deadlineParam = (v: string | null): Deadline => (v === 'due_soon' || v === 'overdue' ? v : 'any');

/**
 * 案件: search (ID number or its last 4, name, pinyin initials, phone, case number or its running
 * number) with filters, paged; ?id= opens one case, ?deadline= opens the home page's 查看全部.
 */
export function CasesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState('');
  const [states, setStates] = useState<CaseState[]>([]);
  const [types, setTypes] = useState<AssistanceType[]>([]);
  const [deadline, setDeadline] = useState<Deadline>(() => deadlineParam(params.get('deadline')));
  const [related, setRelated] = useState(false);
  const [page, setPage] = useState(1);
  const q = useDeferredValue(query);
  const typeLabel = useTypeLabel();
  const id = params.get('id');
  const found = useQuery({
    queryKey: ['cases.search', q, states, types, deadline, related, page],
    queryFn: () =>
      call('cases.search', {
        query: q,
        states,
        types,
        deadline,
        ...(related ? { relatedParty: true } : {}),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    enabled: !id,
    placeholderData: keepPreviousData,
  });
  // A new filter starts at its first page.
  const filtered =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      setPage(1);
      set(v);
    };
  if (id) return <CaseView caseId={id} onBack={() => setParams({})} />;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          aria-label={t('caseList.search')}
          placeholder={t('caseList.search')}
          style={{ width: 360 }}
          allowClear
          autoFocus
          value={query}
          onChange={(e) => filtered(setQuery)(e.target.value)}
          data-testid="case-search"
        />
        <Select
          mode="multiple"
          aria-label={t('caseList.allStates')}
          placeholder={t('caseList.allStates')}
          style={{ minWidth: 180 }}
          value={states}
          onChange={filtered(setStates)}
          options={CASE_STATES.map((s) => ({ value: s, label: t(`cases.states.${s}`) }))}
        />
        <Select
          mode="multiple"
          aria-label={t('caseList.allTypes')}
          placeholder={t('caseList.allTypes')}
          style={{ minWidth: 160 }}
          value={types}
          onChange={filtered(setTypes)}
          options={ASSISTANCE_TYPES.map((s) => ({ value: s, label: t(`cases.typesShort.${s}`) }))}
        />
        <Select
          aria-label={t('caseList.anyDeadline')}
          style={{ width: 130 }}
          value={deadline}
          onChange={filtered(setDeadline)}
          options={[
            { value: 'any', label: t('caseList.anyDeadline') },
            { value: 'due_soon', label: t('caseList.dueSoon') },
            { value: 'overdue', label: t('caseList.overdue') },
          ]}
        />
        <Checkbox checked={related} onChange={(e) => filtered(setRelated)(e.target.checked)}>
          {t('caseList.relatedOnly')}
        </Checkbox>
        <ExportButton request={{ table: 'cases', query: q, states, types, deadline, ...(related ? { relatedParty: true } : {}) }} />
        <Typography.Text type="secondary" data-testid="case-total">
          {found.data ? t('caseList.total', { count: found.data.total }) : ''}
        </Typography.Text>
      </Space>
      <Table<Row>
        tableLayout="fixed"
        size="small"
        rowKey="id"
        loading={found.isPending}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: found.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        dataSource={found.data?.rows ?? []}
        data-testid="case-table"
        onRow={(r) =>
          ({
            onDoubleClick: () => setParams({ id: r.id }),
            onKeyDown: (e: { key: string }) => e.key === 'Enter' && setParams({ id: r.id }),
            tabIndex: 0,
            'data-case-id': r.id,
          }) as object
        }
        columns={[
          {
            title: t('caseList.columns.caseNo'),
            dataIndex: 'caseNo',
            width: 184,
            ellipsis: true,
            render: (v: string | null, r) => <a onClick={() => setParams({ id: r.id })}>{v ?? t('cases.states.draft')}</a>,
          },
          {
            title: t('caseList.columns.applicant'),
            dataIndex: 'applicantName',
            width: 130,
            render: (v: string | null, r) => (
              <>
                {v ?? '—'}
                {r.relatedParty && <Tag color="purple">{t('caseList.related')}</Tag>}
                {r.matched && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="case-matched">
                    {t(`caseList.matched.${r.matched.role}`, { name: r.matched.name })}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('caseList.columns.idNumber'),
            dataIndex: 'applicantIdNumber',
            width: 170,
            ellipsis: true,
            render: (v: string | null) => (v ? maskIdNumber(v) : '—'),
          },
          { title: t('caseList.columns.type'), key: 'type', width: 120, ellipsis: true, render: (_: unknown, r) => typeLabel(r) },
          { title: t('caseList.columns.state'), dataIndex: 'state', width: 96, render: (v: CaseState) => <StateTag state={v} /> },
          { title: t('caseList.columns.size'), dataIndex: 'householdSize', width: 48 },
          {
            title: t('caseList.columns.deadline'),
            dataIndex: 'nextDeadline',
            width: 200,
            render: (d: CaseSummary['nextDeadline']) => <DeadlineTag d={d} />,
          },
          { title: t('caseList.columns.staff'), dataIndex: 'staffName', width: 80, ellipsis: true },
          {
            title: t('caseList.columns.updated'),
            dataIndex: 'updatedAt',
            width: 96,
            render: (v: string) => new Date(v).toLocaleDateString('zh-CN'),
          },
        ]}
      />
    </Space>
  );
}
