import type { JiuzhuError } from '../../../../common/contract/errors';
import { holidayCalendarSchema } from '../../../../common/calendar/schema';
import { issue, pullItemRefusal, readAs, readPullItem } from '../../../../sync-protocol/records/index';
import type { Db } from '../../kernel/store/types';
import { PublishedCalendarRepo } from './publishedCalendarRepo';

/** The reference table the working-day calendar travels as (docs/sync-protocol.md §7). */
export const CALENDAR_TABLE = 'working-days';

/**
 * A `reference` item of table `working-days`: its data read as the holiday calendar (a bad one is
 * refused naming the field, and kept in pulled_item by the engine); kept when newer than the one held,
 * so an older version delivered again changes nothing. Every later working-day count uses it.
 */
export function applyCalendarItem(
  db: Db,
  item: unknown,
  receivedAt: string,
  audit: (details: Record<string, string | number>) => void,
): JiuzhuError | undefined {
  const read = readPullItem('reference', item);
  if (!read.ok) return pullItemRefusal(read.issue);
  const { version, data, at } = read.value;
  const calendar = readAs('reference', holidayCalendarSchema, data);
  if (!calendar.ok) return pullItemRefusal(issue('reference', `data.${calendar.issue.path}`, calendar.issue.message));
  const repo = new PublishedCalendarRepo(db);
  const held = repo.version();
  if (held !== null && held >= version) return undefined;
  const { years, holidays, workdays } = calendar.value;
  const publishedAt = new Date(at).toISOString();
  repo.put({ version, calendar: { years, holidays, workdays }, publishedAt, receivedAt });
  audit({ version, years: years.join('、'), publishedAt });
  return undefined;
}
