import { JiuzhuError } from '../../../common/contract/errors';
import { CalendarGapError, mergeCalendars, workingDayCounter, type WorkingDayCounter } from '../../../common/calendar/workingDays';
import type { MaterialsChecklist } from '../../../common/cases/materials';
import { caseSettingsSchema, type CaseSettings, type Standard } from '../../../common/cases/settings';
import type { AuditLog } from '../kernel/audit/auditLog';
import type { Db } from '../kernel/store/types';
import { PublishedCalendarRepo } from './calendar/publishedCalendarRepo';
import type { CaseResources } from './resources';
import { CaseSettingsRepo } from './settingsRepo';

/**
 * The county's rules of the case work (`cases.settings`: delegated decisions, open-case policy,
 * limits, materials, standards, …) and the working-day calendar the deadlines are counted with.
 */
export class CountySettings {
  private readonly repo: CaseSettingsRepo;
  private readonly published: PublishedCalendarRepo;
  private counterCache: { version: number | null; counter: WorkingDayCounter } | null = null;

  constructor(private readonly deps: { db: Db; audit: AuditLog; resources: CaseResources }) {
    this.repo = new CaseSettingsRepo(deps.db);
    this.published = new PublishedCalendarRepo(deps.db);
  }

  settings(): CaseSettings {
    return this.repo.get();
  }

  setSettings(actor: string, settings: CaseSettings): CaseSettings {
    const parsed = caseSettingsSchema.parse(settings);
    this.deps.db.transaction(() => {
      this.repo.put(parsed);
      this.deps.audit.append({
        actor,
        action: 'cases.settings',
        targetType: 'setting',
        targetId: 'cases.settings',
        details: { delegated: parsed.decisionDelegated, openCasePolicy: parsed.openCasePolicy },
      });
    })();
    return parsed;
  }

  checklist(settings = this.settings()): MaterialsChecklist {
    return settings.materials ?? this.deps.resources.materials;
  }

  /**
   * The 低保 standards to compute with: the county's own (case settings). The shipped placeholder
   * figures (resources/cases/standards.json) fill gaps only for demo cases, never for a real one.
   */
  standards(settings = this.settings(), opts: { demo?: boolean } = {}): Standard[] {
    if (!opts.demo) return settings.standards;
    return [
      ...settings.standards,
      ...this.deps.resources.standards.filter(
        (s) => !settings.standards.some((o) => o.regionPrefix === s.regionPrefix && o.year === s.year && o.residence === s.residence),
      ),
    ];
  }

  counter(): WorkingDayCounter {
    // The shipped calendar, extended by the one the platform published (cases/calendar/). A deadline may
    // still run into a year neither covers (late in the year): count Monday–Friday there and mark the
    // date provisional (CaseViews) until the platform sends it.
    const version = this.published.version();
    if (!this.counterCache || this.counterCache.version !== version) {
      const held = version === null ? null : this.published.get();
      const calendar = held ? mergeCalendars(this.deps.resources.calendar, held.calendar) : this.deps.resources.calendar;
      this.counterCache = { version, counter: workingDayCounter(calendar, { unknownYears: 'weekdays' }) };
    }
    return this.counterCache.counter;
  }

  /** Which years the deadlines are counted with: shipped, and published by the platform (with its version and times). */
  calendarInfo(): {
    shippedYears: number[];
    published: { version: number; years: number[]; publishedAt: string; receivedAt: string } | null;
  } {
    const held = this.published.get();
    return {
      shippedYears: [...this.deps.resources.calendar.years].sort((a, b) => a - b),
      published: held
        ? { version: held.version, years: held.calendar.years, publishedAt: held.publishedAt, receivedAt: held.receivedAt }
        : null,
    };
  }

  /** Working-day arithmetic that turns a calendar gap into the clerk's message. */
  withCalendar<T>(fn: (c: WorkingDayCounter) => T): T {
    try {
      return fn(this.counter());
    } catch (e) {
      if (e instanceof CalendarGapError) throw new JiuzhuError('CASE_CALENDAR_GAP', { year: String(e.year) });
      throw e;
    }
  }
}
