import type { TFunction } from 'i18next';
import type { OnlineQueueRow } from '../../../common/contract/methods/onlineApplications';
import { chineseDateTime } from '../../../common/format/chineseDateHan';

/** An instant as the counter reads it (China time, Chinese form). */
export const chinaDateTime = (iso: string): string => chineseDateTime(new Date(Date.parse(iso) + 8 * 3_600_000).toISOString());

/** The acceptance limit left, in words: none set, met, days left, due today, overdue. */
export function deadlineText(t: TFunction, d: OnlineQueueRow['deadline']): { text: string; color: string } {
  if (!d) return { text: t('onlineApplications.noLimit'), color: 'default' };
  if (d.met) return { text: t('onlineApplications.met'), color: 'success' };
  if (d.status === 'overdue')
    return { text: t('onlineApplications.overdue', { count: -d.workingDaysLeft, date: d.dueDate }), color: 'error' };
  if (d.workingDaysLeft === 0) return { text: t('onlineApplications.dueToday', { date: d.dueDate }), color: 'warning' };
  return {
    text: t('onlineApplications.daysLeft', { count: d.workingDaysLeft, date: d.dueDate }),
    color: d.status === 'due_soon' ? 'warning' : 'processing',
  };
}

/** Where the entry stands: waiting, or the state of the case it became. */
export const statusText = (t: TFunction, r: Pick<OnlineQueueRow, 'caseState'>): string =>
  r.caseState ? t(`cases.states.${r.caseState}`) : t('onlineApplications.status.waiting');
