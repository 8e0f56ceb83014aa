import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { applicationSchema } from '../../../common/cases/application';
import { chinaDate } from '../../../common/cases/age';
import { ROSTER_IMPORT_TYPES, type RosterImportReport, type RosterRowError } from '../../../common/contract/methods/rosterImport';
import { JiuzhuError } from '../../../common/contract/errors';
import { maskIdNumber } from '../../../common/format/mask';
import { translate, type MessageKey } from '../../../common/i18n/translate';
import type { AuditLog } from '../kernel/audit/auditLog';
import type { CaseRepository } from '../cases/caseRepo';
import { partiesOf } from '../cases/searchIndex';
import { CaseSettingsStore } from '../cases/settingsStore';
import { AfterAcceptanceRepo } from '../afterAcceptance/repo';
import type { RosterSettings } from '../../../common/contract/methods/afterAcceptance/roster';
import { nextReview, reviewBasis } from '../afterAcceptance/reviewRules';
import { readXlsx } from '../kernel/files/xlsxReader';
import { Outbox } from '../sync/index';
import { rosterImportedRecord } from '../../../sync-protocol/records/index';
import type { Clock, Db } from '../kernel/store/types';
import { categoryKey, parseRoster, type ImportHousehold, type ParsedRoster } from './households';
import { RosterImportRepo } from './rosterImportRepo';

export interface RosterImportDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  cases: CaseRepository;
  regionCode: string;
}

type Totals = RosterImportReport['totals'];
const ERRORS_KEPT = 1000;

/** A previewed file may be confirmed within this time, by the account that previewed it. */
export const PREVIEW_TTL_MS = 30 * 60_000;

interface Checked {
  sha256: string;
  parsed: ParsedRoster;
  households: ImportHousehold[];
  errors: RosterRowError[];
  totals: Totals;
}

/**
 * The roster import (README.md): `preview` reads and checks a file and remembers its SHA-256
 * under a token; `confirm` reads the same bytes again, checks them again against the store as it
 * is now, and writes every household that passes — case, parties, persons, the decision as
 * received, roster row and members, the link to the import — with the report and the audit row,
 * in ONE transaction, with one `roster.imported` outbox record per household (README.md, "The platform").
 */
export class RosterImportService {
  private readonly repo: RosterImportRepo;
  private readonly roster: AfterAcceptanceRepo;
  private readonly outbox: Outbox;
  private readonly previews = new Map<string, { sha256: string; actor: string; until: number }>();

  constructor(private readonly deps: RosterImportDeps) {
    this.repo = new RosterImportRepo(deps.db);
    this.roster = new AfterAcceptanceRepo(deps.db);
    this.outbox = new Outbox(deps.db, deps.clock);
  }

  private today(): string {
    return chinaDate(this.deps.clock.now());
  }

  /** What the file alone says: read and parsed outside any transaction. */
  private parse(bytes: Buffer): ParsedRoster {
    return parseRoster(readXlsx(bytes), { today: this.today(), relief: new CaseSettingsStore(this.deps.db).get().relief });
  }

  /** The file's households with the store's checks added, and the totals. */
  private check(bytes: Buffer, parsed: ParsedRoster = this.parse(bytes)): Checked {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // The store's checks: already enrolled here, or known here under another name.
    const onRoster = this.repo.activeRosterMembers();
    const ids = parsed.households.flatMap((h) => h.members.map((m) => m.idNumber));
    const names = this.repo.personNames(ids);
    const errors: Array<RosterRowError & { household: string }> = [...parsed.errors];
    const problem = (household: string, m: { sheet: string; row: number }, code: RosterRowError['code'], params: Record<string, string>) =>
      errors.push({
        household,
        sheet: m.sheet,
        row: m.row,
        code,
        message: translate(`rosterImport.rowProblems.${code}` as MessageKey, params),
      });
    for (const h of parsed.households)
      for (const m of h.members) {
        if (onRoster.has(m.idNumber)) problem(h.key, m, 'ON_ROSTER', { id: maskIdNumber(m.idNumber) });
        const known = names.get(m.idNumber);
        if (known !== undefined && known !== m.name) problem(h.key, m, 'NAME_DIFFERS', { id: maskIdNumber(m.idNumber), name: m.name });
      }
    const failed = new Set(errors.map((e) => e.household));
    const households = parsed.households.filter((h) => !failed.has(h.key));
    errors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : parsed.sheets.indexOf(a.sheet) - parsed.sheets.indexOf(b.sheet)));
    const byType = Object.fromEntries(ROSTER_IMPORT_TYPES.map((t) => [t, 0])) as Totals['byType'];
    for (const h of households) byType[categoryKey(h.category) as keyof Totals['byType']]++;
    const totals: Totals = {
      households: parsed.householdCount,
      members: parsed.memberRows,
      importHouseholds: households.length,
      importMembers: households.reduce((n, h) => n + h.members.length, 0),
      byType,
      monthlyFen: households.reduce((n, h) => n + (h.monthly ? h.amountFen : 0), 0),
      skippedHouseholds: parsed.householdCount - households.length,
      errorRows: new Set(errors.map((e) => `${e.sheet}\u0000${e.row}`)).size,
    };
    return { sha256, parsed, households, errors: errors.map(({ household: _h, ...e }) => e), totals };
  }

  preview(actor: string, bytes: Buffer) {
    const c = this.check(bytes);
    const token = randomBytes(18).toString('base64url');
    const now = this.deps.clock.now().getTime();
    for (const [k, v] of this.previews) if (v.until < now) this.previews.delete(k);
    this.previews.set(token, { sha256: c.sha256, actor, until: now + PREVIEW_TTL_MS });
    const before = this.repo.lastImportOf(c.sha256);
    this.deps.audit.append({ actor, action: 'roster-import.preview', targetType: null, targetId: null, details: countsOf(c.totals) });
    return {
      token,
      sha256: c.sha256,
      layout: c.parsed.layout,
      sheets: c.parsed.sheets,
      columns: c.parsed.columns,
      totals: c.totals,
      errors: c.errors.slice(0, ERRORS_KEPT),
      importedBefore: before ? { id: before.id, at: before.imported_at } : null,
    };
  }

  confirm(actor: string, token: string, fileName: string, bytes: Buffer): RosterImportReport {
    const previewed = this.previews.get(token);
    if (!previewed || previewed.actor !== actor || previewed.until < this.deps.clock.now().getTime())
      throw new JiuzhuError('ROSTER_IMPORT_PREVIEW_EXPIRED');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== previewed.sha256) throw new JiuzhuError('ROSTER_IMPORT_FILE_CHANGED');
    const parsed = this.parse(bytes);
    const report = this.deps.db.transaction(() => {
      // The store's checks again inside the transaction: the store may have changed since the preview.
      const c = this.check(bytes, parsed);
      if (c.households.length === 0) throw new JiuzhuError('ROSTER_IMPORT_NOTHING', { skipped: String(c.totals.skippedHouseholds) });
      const id = randomUUID();
      const at = this.deps.clock.now().toISOString();
      const errors = c.errors.slice(0, ERRORS_KEPT);
      this.repo.insertReport({
        id,
        file_name: fileName,
        sha256,
        imported_at: at,
        imported_by: actor,
        totals: JSON.stringify(c.totals),
        errors: JSON.stringify(errors),
      });
      const settings = this.roster.settings();
      const today = this.today();
      for (const h of c.households) this.write(h, { importId: id, actor, at, today, settings, link: true });
      this.deps.audit.append({
        actor,
        action: 'roster-import.confirm',
        targetType: 'roster_import',
        targetId: id,
        details: countsOf(c.totals),
      });
      return { id, fileName, sha256, importedAt: at, importedBy: actor, totals: c.totals, errors };
    })();
    this.previews.delete(token);
    return this.named(report);
  }

  /**
   * One household onto the roster, as an approval of this station would leave it (README.md, "What
   * is written"), with its `roster.imported` record; the file's households are linked to their
   * import report (`link`), a pulled one is not (pulled.ts keeps it). Answers the roster row id.
   */
  write(
    h: ImportHousehold,
    ctx: { importId: string; actor: string; at: string; today: string; settings: RosterSettings; link: boolean },
  ): string {
    const { importId, actor, at, today, settings } = ctx;
    const app = applicationSchema.parse({
      type: h.category.type,
      subtype: h.category.subtype,
      channel: { kind: 'counter' },
      applicant: {
        idNumber: h.headIdNumber,
        name: h.members[0]!.name,
        sex: h.members[0]!.sex,
        birthDate: h.members[0]!.birthDate,
        ...(h.area ? { address: h.area.slice(0, 120) } : {}),
        source: 'typed',
      },
      members: h.members.map((m) => ({
        idNumber: m.idNumber,
        name: m.name,
        sex: m.sex,
        birthDate: m.birthDate,
        relationship: m.relationship,
        student: m.student,
        labourCapacity: m.labourCapacity,
      })),
    });
    const caseId = randomUUID();
    const cases = this.deps.cases;
    cases.insert({
      id: caseId,
      state: 'approved',
      type: app.type ?? null,
      subtype: app.subtype ?? null,
      channel: 'counter',
      applicant_id_number: h.headIdNumber,
      applicant_name: app.applicant!.name,
      household_size: h.members.length,
      related_party: 0,
      version: 1,
      draft_rev: 0,
      data: JSON.stringify(app),
      created_at: at,
      created_by: actor,
      updated_at: at,
      updated_by: actor,
      demo: 0,
    });
    const caseNo = cases.nextCaseNo(this.deps.regionCode, Number(today.slice(0, 4)));
    cases.setPulledNumber(caseId, caseNo, null);
    cases.replaceParties(caseId, partiesOf(app));
    for (const m of h.members)
      this.repo.addPerson({
        id_number: m.idNumber,
        name: m.name,
        sex: m.sex,
        birth_date: m.birthDate,
        address: m.relationship === 'self' && h.area ? h.area.slice(0, 120) : null,
        updated_at: at,
      });
    const category = categoryKey(h.category);
    const amount = (h.amountFen / 100).toFixed(2);
    cases.appendEvent(caseId, {
      at,
      actor_id: actor,
      action: 'rosterImported',
      from_state: null,
      to_state: 'approved',
      note: translate(ctx.link ? 'rosterImport.note' : 'rosterImport.notePulled', {
        category: translate(`roster.categories.${category}` as MessageKey),
        amount,
        since: h.sinceMonth,
        importId: importId.slice(0, 8),
      }),
    });
    // The previous system's next review date where the file has one; else this station's rule from the first paid month.
    const review = h.nextReviewOn
      ? { basis: reviewBasis(app, today), months: settings.reviewMonths[reviewBasis(app, today)], dueOn: h.nextReviewOn }
      : nextReview(app, h.sinceMonth, today, settings);
    this.roster.insertDecision({
      id: `import:${caseId}`,
      case_id: caseId,
      source: 'platform',
      outcome: 'approved',
      amount_fen: h.monthly ? h.amountFen : null,
      start_month: h.sinceMonth,
      reasons: '[]',
      legal_basis: '[]',
      linked_benefits: '[]',
      status: 'applied',
      refusal_code: null,
      refusal: null,
      received_at: at,
      decided_by: actor,
      relief: null,
    });
    const rosterId = randomUUID();
    this.roster.insertRoster(
      {
        id: rosterId,
        case_id: caseId,
        applicant_id_number: h.headIdNumber,
        applicant_name: app.applicant!.name,
        category,
        household_size: h.members.length,
        amount_fen: h.monthly ? h.amountFen : 0,
        monthly: h.monthly ? 1 : 0,
        since_month: h.sinceMonth,
        // 资格认证 counts from the enrolment day when no certification is recorded here: the head's last
        // certification in the previous system, else its approval, else the first paid month.
        enrolled_on: h.lastCertifiedOn ?? h.approvedOn ?? `${h.sinceMonth}-01`,
        review_basis: review.basis,
        review_months: review.months,
        next_review_on: review.dueOn,
        linked_benefits: '[]',
        status: 'active',
        stopped_on: null,
        updated_at: at,
      },
      h.members.map((m) => m.idNumber),
    );
    if (ctx.link)
      this.repo.linkHousehold({
        import_id: importId,
        roster_id: rosterId,
        case_id: caseId,
        sheet: h.sheet,
        row: h.row,
        approved_on: h.approvedOn,
        last_certified_on: h.lastCertifiedOn,
      });
    // The platform learns of the household in the same transaction (README.md, "The platform").
    this.outbox.enqueue(
      rosterImportedRecord({
        caseId,
        caseNo,
        version: 1,
        importId,
        at,
        type: h.category.type,
        subtype: h.category.subtype ?? null,
        applicant: { idNumber: h.headIdNumber, name: app.applicant!.name },
        members: h.members.map((m) => ({ idNumber: m.idNumber, name: m.name, relationship: m.relationship })),
        amountFen: h.monthly ? h.amountFen : 0,
        monthly: h.monthly,
        sinceMonth: h.sinceMonth,
        nextReviewOn: review.dueOn,
        lastCertifiedOn: h.lastCertifiedOn,
      }),
    );
    return rosterId;
  }

  reports(actor: string) {
    const names = this.deps.cases.accountNames();
    const rows = this.repo.reports().map((r) => ({
      id: r.id,
      fileName: r.file_name,
      sha256: r.sha256,
      importedAt: r.imported_at,
      importedBy: names.get(r.imported_by) ?? r.imported_by,
      totals: JSON.parse(r.totals) as Totals,
    }));
    this.deps.audit.append({
      actor,
      action: 'roster-import.report_view',
      targetType: null,
      targetId: null,
      details: { reports: rows.length },
    });
    return { reports: rows };
  }

  report(actor: string, id: string): RosterImportReport {
    const r = this.repo.report(id);
    if (!r) throw new JiuzhuError('NOT_FOUND');
    this.deps.audit.append({ actor, action: 'roster-import.report_view', targetType: 'roster_import', targetId: id, details: {} });
    return this.named({
      id: r.id,
      fileName: r.file_name,
      sha256: r.sha256,
      importedAt: r.imported_at,
      importedBy: r.imported_by,
      totals: JSON.parse(r.totals) as Totals,
      errors: JSON.parse(r.errors) as RosterRowError[],
    });
  }

  private named(r: RosterImportReport): RosterImportReport {
    return { ...r, importedBy: this.deps.cases.accountNames().get(r.importedBy) ?? r.importedBy };
  }
}

/** The audit row's details: counts only, never a name or an ID number. */
function countsOf(t: Totals): Record<string, number> {
  return {
    households: t.households,
    members: t.members,
    importHouseholds: t.importHouseholds,
    importMembers: t.importMembers,
    skippedHouseholds: t.skippedHouseholds,
    errorRows: t.errorRows,
  };
}
