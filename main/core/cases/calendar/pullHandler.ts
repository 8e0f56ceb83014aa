import type { Db } from '../../kernel/store/types';
import type { PullHandlers } from '../../sync/capability';
import type { CaseService } from '../caseService';
import { applyCalendarItem, CALENDAR_TABLE } from './applyCalendar';

/** Claim the platform's working-day calendar (`reference` items of table `working-days`). Returns the unregister function. */
export function registerCalendarPullHandler(handlers: PullHandlers, serviceFor: (db: Db) => CaseService): () => void {
  return handlers.register(`reference:${CALENDAR_TABLE}`, (db, item) => {
    const svc = serviceFor(db);
    return applyCalendarItem(db, item, svc.now(), (details) =>
      svc.auditRead({ actor: 'platform', action: 'calendar.received', targetType: 'reference', targetId: CALENDAR_TABLE, details }),
    );
  });
}
