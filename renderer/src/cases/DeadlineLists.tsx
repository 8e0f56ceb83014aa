import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CaseSummary } from '../../../common/contract/methods/cases';
import { call } from '../api/client';
import { DeadlineTag, StateTag } from './labels';

/** The home page's due-soon and overdue lists (working days, official calendar). */
export function DeadlineLists() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lists = useQuery({ queryKey: ['cases.deadlines'], queryFn: () => call('cases.deadlines', {}) });
  const render = (rows: CaseSummary[], testId: string) =>
    rows.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.nothingDue')} />
    ) : (
      <List
        size="small"
        data-testid={testId}
        dataSource={rows}
        renderItem={(c) => (
          <List.Item onClick={() => void navigate(`/cases?id=${c.id}`)} style={{ cursor: 'pointer' }} data-case-id={c.id}>
            <Space wrap>
              <strong>{c.caseNo}</strong>
              <span>{c.applicantName}</span>
              <StateTag state={c.state} />
              <DeadlineTag d={c.nextDeadline} />
            </Space>
          </List.Item>
        )}
      />
    );
  if (lists.isError) return null;
  return (
    <>
      <Card title={t('home.overdueCount', { count: lists.data?.overdue.length ?? 0 })} loading={lists.isPending} data-count={lists.data?.overdue.length ?? 0} data-testid="overdue-card">
        {lists.data && render(lists.data.overdue, 'overdue-list')}
      </Card>
      <Card title={t('home.dueSoonCount', { count: lists.data?.dueSoon.length ?? 0 })} loading={lists.isPending} data-count={lists.data?.dueSoon.length ?? 0} data-testid="due-soon-card">
        {lists.data && render(lists.data.dueSoon, 'due-soon-list')}
      </Card>
    </>
  );
}
