import { JiuzhuError } from '../../../common/contract/errors';
import { CalendarGapError, mergeCalendars, workingDayCounter, type WorkingDayCounter } from '../../../common/calendar/workingDays';
import type { MaterialsChecklist } from '../../../common/cases/materials';
import { chinaDate } from '../../../common/cases/age';
import type { ReferenceInfo } from '../../../common/cases/referenceTables';
import { caseSettingsSchema, type CaseSettings, type StandardInForce } from '../../../common/cases/settings';
import { withCountyPolicy, type CountyPolicyInfo } from '../../../common/cases/countyPolicy';
import type { AuditLog } from '../kernel/audit/auditLog';
import type { Clock, Db } from '../kernel/store/types';
import { PublishedCalendarRepo } from './calendar/publishedCalendarRepo';
import { CountyPolicyRepo } from './countyPolicy/countyPolicyRepo';
import { appliedOf, inForceOn, policyInfo, type AppliedPolicy } from './countyPolicy/inForce';
import { checklistWithPublished, policyNoticesWithPublished, referenceInfo, standardsWithPublished } from './reference/inForce';
import type { CaseResources } from './resources';
import { CaseSettingsRepo } from './settingsRepo';

/**
 * The county's rules of the case work (`cases.settings`: delegated decisions, open-case policy,
 * limits, materials, standards, …), extended by the reference data the platform publishes
 * (reference/: standards, materials, policy texts), and the working-day calendar the deadlines are
 * counted with.
 */
export class CountySettings {
  private readonly repo: CaseSettingsRepo;
  private readonly published: PublishedCalendarRepo;
  private readonly policy: CountyPolicyRepo;
  private counterCache: { version: number | null; counter: WorkingDayCounter } | null = null;
  private policyCache: { latest: number | null; applied: AppliedPolicy[] } | null = null;

  constructor(private readonly deps: { db: Db; clock: Clock; audit: AuditLog; resources: CaseResources }) {
    this.repo = new CaseSettingsRepo(deps.db);
    this.published = new PublishedCalendarRepo(deps.db);
    this.policy = new CountyPolicyRepo(deps.db);
  }

  /**
   * The rules in force on `on` (default today): the station's settings with the county's published
   * parameters in force that day in their fields (countyPolicy/) — the one place every reader gets them.
   */
  settings(on: string = this.today()): CaseSettings {
    return withCountyPolicy(this.repo.get(), inForceOn(this.appliedPolicy(), on));
  }

  /** The county's applied values, read again only when one more was kept (settings() runs on every step and list). */
  private appliedPolicy(): AppliedPolicy[] {
    const latest = this.policy.latestId();
    if (!this.policyCache || this.policyCache.latest !== latest) this.policyCache = { latest, applied: appliedOf(this.policy.all()) };
    return this.policyCache.applied;
  }

  /** The settings as the admin entered them here (业务设置's forms edit these; the county's values are shown beside them). */
  localSettings(): CaseSettings {
    return this.repo.get();
  }

  /** Every parameter the county published, with its status today, and those not applied with the reason. */
  policyInfo(): CountyPolicyInfo {
    return policyInfo(this.policy.all(), this.today());
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

  private today(): string {
    return chinaDate(this.deps.clock.now());
  }

  /** The materials checklist in force: per type the county's published one (cases/reference/), else the station's, else the shipped one. */
  checklist(settings = this.settings()): MaterialsChecklist {
    return checklistWithPublished(this.deps.db, settings.materials ?? this.deps.resources.materials, this.today());
  }

  /** The 政策宣传 texts the applicant screen shows: the county's published ones in force, then the station's. */
  policyNotices(settings = this.settings()): CaseSettings['policyNotices'] {
    return policyNoticesWithPublished(this.deps.db, settings.policyNotices, this.today());
  }

  /** Every version of the county reference data the platform published, the one in force marked. */
  referenceInfo(): ReferenceInfo {
    return referenceInfo(this.deps.db, this.today());
  }

  /**
   * The 低保 standards to compute with: the county's published ones (reference table `standards`, each
   * from its effective day) and the admin's local ones; findStandard prefers the published. The shipped
   * placeholder figures (resources/cases/standards.json) fill gaps only for demo cases, never for a real one.
   */
  standards(settings = this.settings(), opts: { demo?: boolean } = {}): StandardInForce[] {
    const county = standardsWithPublished(this.deps.db, settings.standards);
    if (!opts.demo) return county;
    return [
      ...county,
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
