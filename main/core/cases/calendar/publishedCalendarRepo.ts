import type { HolidayCalendar } from '../../../../common/calendar/workingDays';
import type { Db } from '../../kernel/store/types';

export interface PublishedCalendar {
  version: number;
  calendar: HolidayCalendar;
  /** When the platform put it in the feed. */
  publishedAt: string;
  receivedAt: string;
}

/** The one working-day calendar the platform published last (migration 0860). */
export class PublishedCalendarRepo {
  constructor(private readonly db: Db) {}

  version(): number | null {
    return (this.db.prepare('SELECT version FROM published_calendar WHERE id = 1').pluck().get() as number | undefined) ?? null;
  }

  get(): PublishedCalendar | null {
    const row = this.db.prepare('SELECT version, calendar, published_at, received_at FROM published_calendar WHERE id = 1').get() as
      { version: number; calendar: string; published_at: string; received_at: string } | undefined;
    return row
      ? {
          version: row.version,
          calendar: JSON.parse(row.calendar) as HolidayCalendar,
          publishedAt: row.published_at,
          receivedAt: row.received_at,
        }
      : null;
  }

  put(c: PublishedCalendar): void {
    this.db
      .prepare(
        `INSERT INTO published_calendar (id, version, calendar, published_at, received_at) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET version = excluded.version, calendar = excluded.calendar, published_at = excluded.published_at, received_at = excluded.received_at`,
      )
      .run(c.version, JSON.stringify(c.calendar), c.publishedAt, c.receivedAt);
  }
}
