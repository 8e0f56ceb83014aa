import type { Db } from '../../kernel/store/types';
import { registerPullHandler } from '../../sync/capability';
import type { CaseService } from '../caseService';
import { applyCalendarItem, CALENDAR_TABLE } from './applyCalendar';

/** Claim the platform's working-day calendar (`reference` items of table `working-days`). Returns the unregister function. */
export function registerCalendarPullHandler(serviceFor: (db: Db) => CaseService): () => void {
  return registerPullHandler(`reference:${CALENDAR_TABLE}`, (db, item) => {
    const svc = serviceFor(db);
    return applyCalendarItem(db, item, svc.now(), (details) =>
      svc.auditRead({ actor: 'platform', action: 'calendar.received', targetType: 'reference', targetId: CALENDAR_TABLE, details }),
    );
  });
}
