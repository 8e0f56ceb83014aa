import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AfterAcceptanceView } from '../../../../common/contract/methods/afterAcceptance/visits';
import { formatYuan } from '../../../../common/format/money';

type Opinion = AfterAcceptanceView['opinions'][number];

/** Where one 初审意见's 公示 stands: not posted (a proposal to refuse), objected, over, or running. */
function status(o: Opinion, v: AfterAcceptanceView): 'notPosted' | 'objected' | 'ended' | 'running' {
  if (!o.posted) return 'notPosted';
  if (v.objections.some((x) => x.round === o.round)) return 'objected';
  return o.endedOn ? 'ended' : 'running';
}
const COLOURS = { notPosted: 'default', objected: 'orange', ended: 'green', running: 'blue' } as const;

/** Every 初审意见 of the case with its 公示 round (审核确认办法 art. 19): numbered, kept, with what answered an objection. */
export function PublicityRounds({ view }: { view: AfterAcceptanceView }) {
  const { t } = useTranslation();
  if (view.opinions.length === 0) return null;
  const answers = (round: number) =>
    view.reviews
      .filter((r) => r.round === round)
      .map((r) => t(r.kind === 'review' ? 'visits.rounds.reviewed' : 'visits.rounds.reinvestigated', { on: r.heldOn }))
      .join('；');
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      title={() => t('visits.rounds.title')}
      dataSource={view.opinions}
      data-testid="publicity-rounds"
      onRow={(o) => ({ 'data-round': o.round, 'data-status': status(o, view) }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('visits.rounds.round'), render: (_, o) => t('visits.rounds.nth', { n: o.round }) },
        { title: t('visits.proposal'), render: (_, o) => t(`visits.proposals.${o.proposal}`) },
        { title: t('visits.amount'), render: (_, o) => (o.amountFen === null ? '—' : formatYuan(o.amountFen)) },
        {
          title: t('visits.rounds.period'),
          render: (_, o) => (o.posted ? `${o.publicityFrom} 至 ${o.publicityTo}` : t('visits.rounds.notPostedPeriod')),
        },
        {
          title: t('visits.rounds.status'),
          render: (_, o) => <Tag color={COLOURS[status(o, view)]}>{t(`visits.rounds.statuses.${status(o, view)}`)}</Tag>,
        },
        { title: t('visits.rounds.answer'), render: (_, o) => answers(o.round) || '—' },
      ]}
    />
  );
}
