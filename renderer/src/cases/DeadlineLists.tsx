import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, List, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CaseSummary } from '../../../common/contract/methods/cases';
import { call } from '../api/client';
import { DeadlineTag, StateTag } from './labels';

/** How many cases of each list the home page shows; 查看全部 opens the whole list, paged, on the case page. */
export const HOME_LIST_SIZE = 20;

/** The home page's due-soon and overdue lists (working days, official calendar): the count of each, its first 20 and 查看全部. */
export function DeadlineLists() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lists = useQuery({ queryKey: ['cases.deadlines'], queryFn: () => call('cases.deadlines', { limit: HOME_LIST_SIZE }) });
  const all = (filter: 'overdue' | 'due_soon', total: number) =>
    total > 0 && (
      <Button type="link" onClick={() => void navigate(`/cases?deadline=${filter}`)} data-testid={`${filter}-all`}>
        {t('home.viewAll', { count: total })}
      </Button>
    );
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
      <Card
        title={t('home.overdueCount', { count: lists.data?.overdueTotal ?? 0 })}
        extra={all('overdue', lists.data?.overdueTotal ?? 0)}
        loading={lists.isPending}
        data-count={lists.data?.overdueTotal ?? 0}
        data-testid="overdue-card"
      >
        {lists.data && render(lists.data.overdue, 'overdue-list')}
      </Card>
      <Card
        title={t('home.dueSoonCount', { count: lists.data?.dueSoonTotal ?? 0 })}
        extra={all('due_soon', lists.data?.dueSoonTotal ?? 0)}
        loading={lists.isPending}
        data-count={lists.data?.dueSoonTotal ?? 0}
        data-testid="due-soon-card"
      >
        {lists.data && render(lists.data.dueSoon, 'due-soon-list')}
      </Card>
    </>
  );
}
