import { randomUUID } from 'node:crypto';
import { JiuzhuError } from '../../../common/contract/errors';
import { CalendarGapError, mergeCalendars, workingDayCounter, type WorkingDayCounter } from '../../../common/calendar/workingDays';
import { PublishedCalendarRepo } from './calendar/publishedCalendarRepo';
import { applicationSchema, type Application, type ApplicationInput } from '../../../common/cases/application';
import { chinaDate } from '../../../common/cases/age';
import { blocking, checkApplication, type Problem } from '../../../common/cases/checks';
import { deadlinesOnAcceptance, extendedDecision, refusalNoticeDeadline } from '../../../common/cases/deadlines';
import { materialsFor, missingMaterials, type MaterialsChecklist } from '../../../common/cases/materials';
import { caseSettingsSchema, type CaseSettings, type Standard } from '../../../common/cases/settings';
import { requiredSigners } from '../../../common/cases/signers';
import { isOpen, transition, type CaseAction, type CaseState } from '../../../common/cases/stateMachine';
import type { DocumentCapture, FaceCapture, SignatureCapture } from '../../../common/capture/schemas';
import { translate } from '../../../common/i18n/translate';
import { maskName } from '../../../common/format/mask';
import type { AuditLog } from '../kernel/audit/auditLog';
import { AttachmentStore } from '../kernel/store/attachments/attachmentStore';
import type { Clock, Db } from '../kernel/store/types';

import { Outbox } from '../sync/index';
import { caseUpsertRecord } from '../../../sync-protocol/records/index';
import { CaseRepository, type CaseRow } from './caseRepo';
import { authorizeOnPad, authorizeOnPaper, queueAuthorizationForm, type IntakeWork } from './intakeAuthorization';
import { authorizationRecord } from './authorizationRecord';
import { recordMaterialAmendment, refuseClosed } from './materialAmendment';
import { followCountyDeadlines } from './countyDeadlines';
import { acceptanceNotice, rejectionNotice, supplementNotice, type NoticeContext } from './notices';
import { moneyOf, partiesOf } from './searchIndex';
import type { CaseResources } from './resources';
import { CaseSettingsStore } from './settingsStore';

/** Audit actions are lower-case dotted names: requestSupplement → cases.request_supplement. */
const auditAction = (action: string) => `cases.${action.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;

export interface CaseServiceDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  resources: CaseResources;
  station: { name: string; regionCode: string };
}

export type Decision =
  | { kind: 'accept' }
  | { kind: 'supplement'; missing: Array<{ item: string; note?: string | undefined }>; dueBy?: string | undefined }
  | { kind: 'reject'; reasons: string[]; legalBasis: string[] };

/** The platform keys a case record by its applicant's ID number (city-platform/apply/validateRecord.ts). */

/** The day a county limit started by `action` counts from: an online application's acceptance limit from its online submission. */
const countsFrom = (action: CaseAction, app: Application, today: string): string =>
  action === 'submit' && app.channel.kind === 'online' && app.channel.submittedOn && app.channel.submittedOn < today
    ? app.channel.submittedOn
    : today;

/** Actions with their own method (intake.submit, intake.discard, cases.decide) are not taken through `act`. */
const OWN_METHOD: ReadonlySet<CaseAction> = new Set(['submit', 'discard', 'accept', 'requestSupplement', 'refuseAcceptance']);

const stateLabel = (s: CaseState) => translate(`cases.states.${s}`);
const actionLabel = (a: string) => translate(`cases.actions.${a}` as 'cases.actions.submit');

/**
 * The case work: drafts, submit, the acceptance decision and the later steps of the legal path.
 * Every user action is ONE transaction holding the change, its timeline event, its outbox record
 * (kind case.upsert, from submit on), its notice request and its audit row: nothing half-written.
 * Drafts are the clerk's work in progress: autosaved locally, not synced until submitted.
 */
export class CaseService {
  readonly repo: CaseRepository;
  private readonly outbox: Outbox;
  private readonly attachmentsStore: AttachmentStore;
  private readonly settingsStore: CaseSettingsStore;
  private counterCache: { version: number | null; counter: WorkingDayCounter } | null = null;

  constructor(private readonly deps: CaseServiceDeps) {
    this.repo = new CaseRepository(deps.db);
    this.outbox = new Outbox(deps.db, deps.clock);
    this.attachmentsStore = new AttachmentStore(deps.db, deps.clock);
    this.settingsStore = new CaseSettingsStore(deps.db);
  }

  get db(): Db {
    return this.deps.db;
  }
  get station() {
    return this.deps.station;
  }
  get attachmentStore(): AttachmentStore {
    return this.attachmentsStore;
  }

  today(): string {
    return chinaDate(this.deps.clock.now());
  }
  now(): string {
    return this.deps.clock.now().toISOString();
  }

  counter(): WorkingDayCounter {
    // The shipped calendar, extended by the one the platform published (cases/calendar/). A deadline may
    // still run into a year neither covers (late in the year): count Monday–Friday there and mark the
    // date provisional (CaseViews) until the platform sends it.
    const published = new PublishedCalendarRepo(this.deps.db);
    const version = published.version();
    if (!this.counterCache || this.counterCache.version !== version) {
      const held = version === null ? null : published.get();
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
    const held = new PublishedCalendarRepo(this.deps.db).get();
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

  /** Audit a read of personal data (a view, a search, a lookup). */
  auditRead(entry: Parameters<AuditLog['append']>[0]): void {
    this.deps.audit.append(entry);
  }

  settings(): CaseSettings {
    return this.settingsStore.get();
  }

  setSettings(actor: string, settings: CaseSettings): CaseSettings {
    const parsed = caseSettingsSchema.parse(settings);
    this.db.transaction(() => {
      this.settingsStore.put(parsed);
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

  // ——— reading helpers ———

  mustGet(caseId: string): CaseRow {
    const row = this.repo.get(caseId);
    if (!row) throw new JiuzhuError('CASE_NOT_FOUND');
    return row;
  }

  application(row: CaseRow): Application {
    return applicationSchema.parse(JSON.parse(row.data));
  }

  /** Problems of the application, with another open case of the same people added per the county policy. */
  problems(app: Application, caseId: string | null, settings = this.settings()): Problem[] {
    const problems = checkApplication(app, { today: this.today() });
    for (const open of this.openCasesFor(app, caseId)) {
      problems.push({
        code: 'OPEN_CASE',
        severity: settings.openCasePolicy === 'block' ? 'block' : 'warn',
        path: 'applicant',
        params: { caseNo: open.caseNo ?? '—', state: stateLabel(open.state) },
      });
    }
    return problems;
  }

  /** Open (submitted, not yet finished) cases in which the applicant or a member of this application already appears. */
  openCasesFor(
    app: Application,
    caseId: string | null,
  ): Array<{ caseId: string; caseNo: string | null; state: CaseState; idNumber: string }> {
    const ids = [...new Set([...(app.applicant ? [app.applicant.idNumber] : []), ...app.members.map((m) => m.idNumber)])];
    const out: Array<{ caseId: string; caseNo: string | null; state: CaseState; idNumber: string }> = [];
    const seen = new Set<string>();
    for (const hit of this.repo.casesOf(ids, caseId)) {
      if (seen.has(hit.case_id)) continue;
      const row = this.repo.get(hit.case_id);
      if (row && isOpen(row.state)) {
        seen.add(hit.case_id);
        out.push({ caseId: row.id, caseNo: row.case_no, state: row.state, idNumber: hit.id_number });
      }
    }
    return out;
  }

  // ——— writing ———

  private columns(app: Application, row: { state: CaseState; version: number; draft_rev: number }, actor: string) {
    return {
      state: row.state,
      type: app.type ?? null,
      subtype: app.subtype ?? null,
      channel: app.channel.kind,
      applicant_id_number: app.applicant?.idNumber ?? null,
      applicant_name: app.applicant?.name ?? null,
      household_size: app.members.filter((m) => !m.excluded).length,
      related_party: (app.relatedParty.related ? 1 : 0) as 0 | 1,
      version: row.version,
      draft_rev: row.draft_rev,
      data: JSON.stringify(app),
      updated_at: this.now(),
      updated_by: actor,
    };
  }

  /** The search index and the money tables follow the application on every save. */
  private index(caseId: string, app: Application): void {
    this.repo.replaceParties(caseId, partiesOf(app));
    this.repo.replaceMoney(caseId, ...moneyOf(app));
  }

  /** Autosave: create the draft, or replace its application when `rev` is the one the clerk last saw. */
  saveDraft(
    actor: string,
    input: { caseId?: string | undefined; rev?: number | undefined; application: ApplicationInput },
  ): { caseId: string; rev: number; savedAt: string; problems: Problem[] } {
    const app = applicationSchema.parse(input.application);
    const now = this.now();
    return this.db.transaction(() => {
      let caseId = input.caseId;
      let rev: number;
      if (!caseId) {
        caseId = randomUUID();
        rev = 1;
        this.repo.insert({
          id: caseId,
          created_at: now,
          created_by: actor,
          demo: 0,
          ...this.columns(app, { state: 'draft', version: 0, draft_rev: rev }, actor),
        });
        this.repo.appendEvent(caseId, { at: now, actor_id: actor, action: 'create', from_state: null, to_state: 'draft', note: null });
        this.deps.audit.append({ actor, action: 'cases.create', targetType: 'case', targetId: caseId });
      } else {
        const row = this.mustGet(caseId);
        if (row.state !== 'draft') throw new JiuzhuError('CASE_NOT_DRAFT');
        if (input.rev !== undefined && input.rev !== row.draft_rev) throw new JiuzhuError('CASE_STALE');
        rev = row.draft_rev + 1;
        this.repo.update(caseId, this.columns(app, { state: 'draft', version: row.version, draft_rev: rev }, actor));
      }
      this.index(caseId, app);
      return { caseId, rev, savedAt: now, problems: this.problems(app, caseId) };
    })();
  }

  /**
   * One step of the legal path on a row already read in this transaction: the state machine
   * decides, the version goes up by one, the timeline gets the event, the outbox the record.
   */
  step(
    row: CaseRow,
    action: CaseAction,
    actor: string,
    note: string | null,
    app: Application,
    extra: Record<string, unknown> = {},
    blobs: string[] = [],
  ): CaseRow {
    const t = transition(row.state, action);
    if (!t.ok) throw new JiuzhuError('CASE_ILLEGAL_TRANSITION', { from: stateLabel(row.state), action: actionLabel(action) });
    const now = this.now();
    const version = row.version + 1;
    this.repo.update(row.id, { ...this.columns(app, { state: t.to, version, draft_rev: row.draft_rev }, actor) });
    this.repo.appendEvent(row.id, { at: now, actor_id: actor, action, from_state: row.state, to_state: t.to, note });
    followCountyDeadlines(this, row.id, action, countsFrom(action, app, this.today()), now);
    const updated = this.mustGet(row.id);
    this.outbox.enqueue(
      caseUpsertRecord({
        caseId: row.id,
        caseNo: updated.case_no,
        baseVersion: row.version,
        state: t.to,
        action,
        at: now,
        app,
        content: 'household',
        extra,
        blobs,
      }),
    );
    this.deps.audit.append({
      actor,
      action: auditAction(action),
      targetType: 'case',
      targetId: row.id,
      details: { from: row.state, to: t.to, version },
    });
    return updated;
  }

  private checkVersion(row: CaseRow, version: number): void {
    if (row.version !== version) throw new JiuzhuError('CASE_STALE');
  }

  discard(actor: string, caseId: string, rev: number): CaseState {
    return this.db.transaction(() => {
      const row = this.mustGet(caseId);
      if (row.state !== 'draft') throw new JiuzhuError('CASE_NOT_DRAFT');
      if (row.draft_rev !== rev) throw new JiuzhuError('CASE_STALE');
      const t = transition('draft', 'discard');
      if (!t.ok) throw new JiuzhuError('CASE_ILLEGAL_TRANSITION', { from: stateLabel(row.state), action: actionLabel('discard') });
      const app = this.application(row);
      this.repo.update(caseId, this.columns(app, { state: t.to, version: row.version, draft_rev: row.draft_rev + 1 }, actor));
      this.repo.appendEvent(caseId, {
        at: this.now(),
        actor_id: actor,
        action: 'discard',
        from_state: 'draft',
        to_state: t.to,
        note: null,
      });
      this.deps.audit.append({ actor, action: 'cases.discard', targetType: 'case', targetId: caseId });
      return t.to;
    })();
  }

  submit(actor: string, caseId: string, rev: number): CaseRow {
    const settings = this.settings();
    return this.db.transaction(() => {
      const row = this.mustGet(caseId);
      if (row.state !== 'draft') throw new JiuzhuError('CASE_NOT_DRAFT');
      if (row.draft_rev !== rev) throw new JiuzhuError('CASE_STALE');
      const app = this.application(row);
      const problems = this.problems(app, caseId, settings);
      const open = problems.find((p) => p.code === 'OPEN_CASE' && p.severity === 'block');
      if (open) throw new JiuzhuError('CASE_OPEN_CASE_EXISTS', { caseNo: String(open.params.caseNo) });
      const blockers = blocking(problems);
      if (blockers.length > 0)
        throw new JiuzhuError(
          'CASE_INCOMPLETE',
          { count: String(blockers.length), first: translate(`cases.problem.${blockers[0]!.code}`, blockers[0]!.params) },
          { paths: blockers.map((b) => b.path).join(',') },
        );
      const now = this.now();
      this.repo.setSubmitted(caseId, this.repo.nextCaseNo(this.deps.station.regionCode, Number(this.today().slice(0, 4))), now);
      for (const m of app.members) {
        const a = app.applicant && app.applicant.idNumber === m.idNumber ? app.applicant : null;
        this.repo.upsertPerson({
          id_number: m.idNumber,
          name: m.name,
          sex: m.sex,
          birth_date: m.birthDate,
          nation_code: a?.nationCode ?? null,
          address: a?.address ?? null,
          phone: m.phone ?? a?.phone ?? null,
          card_valid_until: a?.cardValidUntil ?? null,
          source: a?.source ?? 'typed',
          updated_at: now,
        });
      }
      // The draft's authorizations reach the platform with the case: each in the form of a case.authorization body.
      const submitted = this.mustGet(caseId);
      const authorizations = this.repo
        .authorizations(caseId)
        .map((a) => authorizationRecord(submitted, a, this.attachmentsStore, now).body);
      const updated = this.step(submitted, 'submit', actor, null, app, { authorizations });
      if (app.relatedParty.related)
        this.repo.appendEvent(caseId, { at: now, actor_id: actor, action: 'relatedParty', from_state: null, to_state: null, note: null });
      return updated;
    })();
  }

  /**
   * Pages of one checklist material, stored encrypted and linked to the case; the material is marked
   * received. After submission the pages are an amendment (materialAmendment.ts): added, synced, on the timeline.
   */
  addMaterial(actor: string, caseId: string, code: string, capture: DocumentCapture): { attachmentIds: string[]; rev: number } {
    return this.db.transaction(() => {
      const row = this.mustGet(caseId);
      refuseClosed(row);
      const app = this.application(row);
      const items = this.checklist().types[app.type ?? 'dibao'];
      if (!app.type || !items.some((i) => i.code === code)) throw new JiuzhuError('CASE_MATERIAL_UNKNOWN', { code: code.slice(0, 40) });
      const now = this.now();
      const existing = this.repo.attachments(caseId).filter((a) => a.role === 'material' && a.ref === code).length;
      const ids = capture.pages.map((page, i) => {
        const info = this.attachmentsStore.put('document-scan', Buffer.from(page.image.base64, 'base64'), { createdBy: actor });
        this.repo.linkAttachment(caseId, { attachmentId: info.id, role: 'material', ref: code, page: existing + i, at: now, by: actor });
        return info.id;
      });
      const materials = app.materials.filter((m) => m.code !== code).concat({ code, status: 'received' });
      const next = { ...app, materials };
      const rev = row.draft_rev + 1;
      this.repo.update(caseId, this.columns(next, { state: row.state, version: row.version, draft_rev: rev }, actor));
      if (row.state !== 'draft') {
        recordMaterialAmendment(
          this.intakeWork(),
          actor,
          row,
          code,
          ids.map((id, i) => ({ attachmentId: id, page: existing + i })),
        );
        return { attachmentIds: ids, rev };
      }
      this.repo.appendEvent(caseId, { at: now, actor_id: actor, action: 'material', from_state: null, to_state: null, note: code });
      this.deps.audit.append({
        actor,
        action: 'cases.material',
        targetType: 'case',
        targetId: caseId,
        details: { code, pages: ids.length },
      });
      return { attachmentIds: ids, rev };
    })();
  }

  /**
   * One signer's authorization on the pad (intakeAuthorization.ts): the signature bound to this
   * signer's statement for this case, the face judged by core. In a draft it replaces the signer's
   * earlier one; after submission only an unsigned signer is added, as an amendment.
   */
  authorize(
    actor: string,
    caseId: string,
    signerIdNumber: string,
    signature: SignatureCapture,
    face: FaceCapture | null,
    cardPhoto?: { pngBase64: string } | null,
  ) {
    return authorizeOnPad(this.intakeWork(), actor, { caseId, signerIdNumber, signature, face, cardPhoto });
  }

  /** The paper route: the blank 授权书 for one signer, queued to print. */
  authorizationForm(actor: string, caseId: string, signerIdNumber: string) {
    return queueAuthorizationForm(this.intakeWork(), actor, caseId, signerIdNumber);
  }

  /** The paper route: the signed form's scan as that signer's authorization. */
  authorizePaper(actor: string, input: Parameters<typeof authorizeOnPaper>[2]) {
    return authorizeOnPaper(this.intakeWork(), actor, input);
  }

  private work: IntakeWork | null = null;
  intakeWork(): IntakeWork {
    return (this.work ??= {
      db: this.db,
      repo: this.repo,
      attachments: this.attachmentsStore,
      outbox: this.outbox,
      audit: this.deps.audit,
      now: () => this.now(),
      today: () => this.today(),
      settings: () => this.settings(),
      mustGet: (id) => this.mustGet(id),
      application: (row) => this.application(row),
      noticeContext: (row, app, settings) => this.noticeContext(row, app, settings),
    });
  }

  noticeContext(row: CaseRow, app: Application, settings: CaseSettings): NoticeContext {
    return {
      app,
      caseNo: row.case_no ?? row.id,
      settings,
      stationName: this.deps.station.name,
      today: this.today(),
      receivedOn: chinaDate(new Date(row.submitted_at ?? row.created_at)),
    };
  }

  decide(actor: string, caseId: string, version: number, decision: Decision): CaseRow {
    const settings = this.settings();
    const checklist = this.checklist(settings);
    return this.db.transaction(() => {
      const row = this.mustGet(caseId);
      this.checkVersion(row, version);
      const app = this.application(row);
      const ctx = this.noticeContext(row, app, settings);
      const today = this.today();
      const now = this.now();
      let action: CaseAction;
      let notice: { kind: 'acceptance' | 'supplement' | 'rejection'; data: unknown };
      if (decision.kind === 'accept') {
        action = 'accept';
        if (row.state === 'submitted') {
          const missing = missingMaterials(checklist, app);
          if (missing.length > 0)
            throw new JiuzhuError('CASE_MATERIALS_MISSING', {
              count: String(missing.length),
              items: missing.map((m) => m.label).join('、'),
            });
          const signed = new Set(this.repo.authorizations(caseId).map((a) => a.signer_id_number));
          const unsigned = requiredSigners(app, today).filter((s) => !signed.has(s.idNumber));
          if (unsigned.length > 0)
            throw new JiuzhuError('CASE_AUTHORIZATION_MISSING', {
              count: String(unsigned.length),
              names: unsigned.map((s) => maskName(s.name)).join('、'),
            });
        }
        const received = materialsFor(checklist, app)
          .filter((m) => m.status === 'received')
          .map((m) => m.label);
        const deadlines = this.withCalendar((c) =>
          deadlinesOnAcceptance(today, c, {
            delegated: settings.decisionDelegated,
            delegatedWorkingDays: settings.limits.delegatedDecisionWorkingDays,
          }),
        );
        notice = { kind: 'acceptance', data: acceptanceNotice(ctx, received, deadlines.find((d) => d.kind === 'decision')!.workingDays) };
        const updated = this.step(row, action, actor, null, app);
        this.repo.setAcceptedOn(caseId, today);
        for (const d of deadlines)
          this.repo.setDeadline(caseId, {
            kind: d.kind,
            from_date: d.fromDate,
            working_days: d.workingDays,
            due_date: d.dueDate,
            reason: null,
          });
        this.repo.insertNotice({ id: randomUUID(), caseId, kind: notice.kind, data: JSON.stringify(notice.data), at: now, by: actor });
        return updated;
      }
      if (decision.kind === 'supplement') {
        action = 'requestSupplement';
        notice = { kind: 'supplement', data: supplementNotice(ctx, decision.missing, decision.dueBy) };
      } else {
        action = 'refuseAcceptance';
        notice = { kind: 'rejection', data: rejectionNotice(ctx, decision.reasons, decision.legalBasis) };
      }
      const note = decision.kind === 'supplement' ? decision.missing.map((m) => m.item).join('；') : decision.reasons.join('；');
      const updated = this.step(row, action, actor, note.slice(0, 500), app);
      this.repo.insertNotice({ id: randomUUID(), caseId, kind: notice.kind, data: JSON.stringify(notice.data), at: now, by: actor });
      return updated;
    })();
  }

  /** A later step of the path; its deadline bookkeeping follows the action. */
  act(actor: string, caseId: string, version: number, action: CaseAction, note: string | null): CaseRow {
    return this.db.transaction(() => {
      const row = this.mustGet(caseId);
      this.checkVersion(row, version);
      if (OWN_METHOD.has(action))
        throw new JiuzhuError('CASE_ILLEGAL_TRANSITION', { from: stateLabel(row.state), action: actionLabel(action) });
      const app = this.application(row);
      const updated = this.step(row, action, actor, note, app);
      const now = this.now();
      if (action === 'startInvestigation') this.repo.meetDeadline(caseId, 'investigation_start', now);
      if (action === 'approve' || action === 'withdraw') this.repo.meetAllDeadlines(caseId, now);
      if (action === 'refuse') {
        this.repo.meetDeadline(caseId, 'decision', now);
        const d = this.withCalendar((c) => refusalNoticeDeadline(this.today(), c));
        this.repo.setDeadline(caseId, {
          kind: d.kind,
          from_date: d.fromDate,
          working_days: d.workingDays,
          due_date: d.dueDate,
          reason: null,
        });
      }
      return updated;
    })();
  }

  extendDecision(actor: string, caseId: string, version: number, reason: string): CaseRow {
    return this.db.transaction(() => {
      const row = this.mustGet(caseId);
      this.checkVersion(row, version);
      const running = this.repo.deadlines(caseId).find((d) => d.kind === 'decision' && d.met_at === null);
      if (!running || !row.accepted_on) throw new JiuzhuError('CASE_DECISION_NOT_RUNNING');
      if (running.working_days >= 45) throw new JiuzhuError('CASE_DECISION_ALREADY_EXTENDED');
      const d = this.withCalendar((c) => extendedDecision(row.accepted_on!, c));
      this.repo.setDeadline(caseId, { kind: 'decision', from_date: d.fromDate, working_days: d.workingDays, due_date: d.dueDate, reason });
      const now = this.now();
      const version2 = row.version + 1;
      this.db.prepare('UPDATE case_file SET version = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(version2, now, actor, caseId);
      this.repo.appendEvent(caseId, { at: now, actor_id: actor, action: 'extendDecision', from_state: null, to_state: null, note: reason });
      this.outbox.enqueue(
        caseUpsertRecord({
          caseId,
          caseNo: row.case_no,
          baseVersion: row.version,
          state: row.state,
          action: 'extendDecision',
          at: now,
          app: this.application(row),
          content: 'reference',
          extra: { decisionDue: d.dueDate, reason },
        }),
      );
      this.deps.audit.append({
        actor,
        action: 'cases.extend_decision',
        targetType: 'case',
        targetId: caseId,
        details: { version: version2 },
      });
      return this.mustGet(caseId);
    })();
  }
}
