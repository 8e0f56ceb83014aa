import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../common/contract/methods/cases';

/** Tags wrap inside their table cell: a long deadline never runs into the next column at 1366×768. */
const WRAP = { whiteSpace: 'normal', maxWidth: '100%', marginInlineEnd: 0 } as const;

const STATE_COLOURS: Record<string, string> = {
  draft: 'default',
  submitted: 'blue',
  needs_supplement: 'orange',
  not_accepted: 'red',
  accepted: 'green',
  investigating: 'cyan',
  approved: 'green',
  refused: 'red',
};

export function StateTag({ state }: { state: CaseSummary['state'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOURS[state] ?? 'default'} data-state={state} style={WRAP}>
      {t(`cases.states.${state}`)}
    </Tag>
  );
}

export function DeadlineTag({ d }: { d: CaseSummary['nextDeadline'] }) {
  const { t } = useTranslation();
  if (!d) return null;
  const colour = d.status === 'overdue' ? 'red' : d.status === 'due_soon' ? 'orange' : d.status === 'met' ? 'green' : 'default';
  return (
    <Tag color={colour} data-deadline={d.status} style={WRAP}>
      {t(`cases.deadlines.${d.kind}`)} {d.dueDate}
      {d.provisional ? t('cases.provisional') : ''} · {t(`cases.dueStatus.${d.status}`, { days: Math.abs(d.workingDaysLeft) })}
    </Tag>
  );
}

export function useTypeLabel() {
  const { t } = useTranslation();
  return (c: Pick<CaseSummary, 'type' | 'subtype'>) =>
    c.type ? `${t(`cases.typesShort.${c.type}`)}${c.subtype ? `（${t(`cases.subtypes.${c.subtype}`)}）` : ''}` : '—';
}
