import type { WorkingDayCounter } from '../../../common/calendar/workingDays';
import type { Application, ApplicationInput } from '../../../common/cases/application';
import type { Problem } from '../../../common/cases/checks';
import type { MaterialsChecklist } from '../../../common/cases/materials';
import type { ReferenceInfo } from '../../../common/cases/referenceTables';
import type { CaseSettings, StandardInForce } from '../../../common/cases/settings';
import type { CaseAction, CaseState } from '../../../common/cases/stateMachine';
import type { DocumentCapture, FaceCapture, SignatureCapture } from '../../../common/capture/schemas';
import type { AuditLog } from '../kernel/audit/auditLog';
import { AttachmentStore } from '../kernel/store/attachments/attachmentStore';
import type { Clock, Db } from '../kernel/store/types';
import { Outbox } from '../sync/index';
import { CaseContext } from './caseContext';
import { CaseReads } from './caseReads';
import { CaseViews } from './caseViews';
import type { CaseRepository, CaseRow } from './caseRepo';
import { CountySettings } from './countySettings';
import { Intake, type OpenCase } from './intake';
import { LegalPath, type Decision } from './legalPath';
import type { NoticeContext } from './notices';
import { CasePulls } from './pullCases';
import type { CaseResources } from './resources';
import { CaseSearchRepo } from './searchRepo';

export type { Decision } from './legalPath';

export interface CaseServiceDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  resources: CaseResources;
  station: { name: string; regionCode: string };
}

/**
 * The case work of one open store, built once (stationCaseService.ts): the county's rules
 * (`county`, countySettings.ts), the counter intake (`intake`, intake.ts) and the legal path
 * (`legalPath`, legalPath.ts) over one CaseContext, with the case page and lists (`views`,
 * caseViews.ts), the other reads the handlers answer from (`reads`, caseReads.ts) and what the
 * platform's feed brings (`pulls`, pullCases.ts). Every user action is ONE transaction holding the
 * change, its timeline event, its outbox record (case.upsert, from submit on), its notice request
 * and its audit row: nothing half-written.
 *
 * The flat methods below forward to those parts for the features that work on cases from outside
 * (after acceptance, online applications, stats, roster import); `repo` and `db` are their access
 * to the case tables until each has its own.
 */
export class CaseService {
  readonly county: CountySettings;
  readonly intake: Intake;
  readonly legalPath: LegalPath;
  readonly reads: CaseReads;
  readonly pulls: CasePulls;
  readonly views: CaseViews;
  private readonly ctx: CaseContext;
  private readonly attachments: AttachmentStore;

  constructor(deps: CaseServiceDeps) {
    this.county = new CountySettings(deps);
    this.ctx = new CaseContext(deps.db, deps.clock, deps.audit, this.county, deps.station);
    const outbox = new Outbox(deps.db, deps.clock);
    this.attachments = new AttachmentStore(deps.db, deps.clock);
    this.legalPath = new LegalPath(this.ctx, outbox);
    this.intake = new Intake(this.ctx, this.legalPath, this.attachments, outbox);
    this.pulls = new CasePulls(this.ctx);
    this.views = new CaseViews(this.ctx, this.intake);
    this.reads = new CaseReads(this.ctx.repo, new CaseSearchRepo(deps.db), this.attachments);
  }

  get repo(): CaseRepository {
    return this.ctx.repo;
  }
  get db(): Db {
    return this.ctx.db;
  }
  get station(): { name: string; regionCode: string } {
    return this.ctx.station;
  }
  get attachmentStore(): AttachmentStore {
    return this.attachments;
  }

  today(): string {
    return this.ctx.today();
  }
  now(): string {
    return this.ctx.now();
  }
  /** Audit a read of personal data (a view, a search, a lookup). */
  auditRead(entry: Parameters<AuditLog['append']>[0]): void {
    this.ctx.audit.append(entry);
  }
  mustGet(caseId: string): CaseRow {
    return this.ctx.mustGet(caseId);
  }
  application(row: CaseRow): Application {
    return this.ctx.application(row);
  }
  noticeContext(row: CaseRow, app: Application, settings: CaseSettings): NoticeContext {
    return this.ctx.noticeContext(row, app, settings);
  }

  // ——— the county's rules and calendar (countySettings.ts) ———

  settings(): CaseSettings {
    return this.county.settings();
  }
  setSettings(actor: string, settings: CaseSettings): CaseSettings {
    return this.county.setSettings(actor, settings);
  }
  checklist(settings?: CaseSettings): MaterialsChecklist {
    return this.county.checklist(settings);
  }
  standards(settings?: CaseSettings, opts: { demo?: boolean } = {}): StandardInForce[] {
    return this.county.standards(settings, opts);
  }
  policyNotices(settings?: CaseSettings): CaseSettings['policyNotices'] {
    return this.county.policyNotices(settings);
  }
  referenceInfo(): ReferenceInfo {
    return this.county.referenceInfo();
  }
  counter(): WorkingDayCounter {
    return this.county.counter();
  }
  calendarInfo(): ReturnType<CountySettings['calendarInfo']> {
    return this.county.calendarInfo();
  }
  withCalendar<T>(fn: (c: WorkingDayCounter) => T): T {
    return this.county.withCalendar(fn);
  }

  // ——— the intake (intake.ts) ———

  problems(app: Application, caseId: string | null, settings?: CaseSettings): Problem[] {
    return this.intake.problems(app, caseId, settings);
  }
  openCasesFor(app: Application, caseId: string | null): OpenCase[] {
    return this.intake.openCasesFor(app, caseId);
  }
  saveDraft(
    actor: string,
    input: { caseId?: string | undefined; rev?: number | undefined; application: ApplicationInput },
  ): ReturnType<Intake['saveDraft']> {
    return this.intake.saveDraft(actor, input);
  }
  discard(actor: string, caseId: string, rev: number): CaseState {
    return this.intake.discard(actor, caseId, rev);
  }
  submit(actor: string, caseId: string, rev: number): CaseRow {
    return this.intake.submit(actor, caseId, rev);
  }
  addMaterial(actor: string, caseId: string, code: string, capture: DocumentCapture): ReturnType<Intake['addMaterial']> {
    return this.intake.addMaterial(actor, caseId, code, capture);
  }
  authorize(
    actor: string,
    caseId: string,
    signerIdNumber: string,
    signature: SignatureCapture,
    face: FaceCapture | null,
    cardPhoto?: { pngBase64: string } | null,
  ): ReturnType<Intake['authorize']> {
    return this.intake.authorize(actor, caseId, signerIdNumber, signature, face, cardPhoto);
  }
  authorizationForm(actor: string, caseId: string, signerIdNumber: string): ReturnType<Intake['authorizationForm']> {
    return this.intake.authorizationForm(actor, caseId, signerIdNumber);
  }
  authorizePaper(actor: string, input: Parameters<Intake['authorizePaper']>[1]): ReturnType<Intake['authorizePaper']> {
    return this.intake.authorizePaper(actor, input);
  }

  // ——— the legal path (legalPath.ts) ———

  step(
    row: CaseRow,
    action: CaseAction,
    actor: string,
    note: string | null,
    app: Application,
    extra: Record<string, unknown> = {},
    blobs: string[] = [],
  ): CaseRow {
    return this.legalPath.step(row, action, actor, note, app, extra, blobs);
  }
  decide(actor: string, caseId: string, version: number, decision: Decision): CaseRow {
    return this.legalPath.decide(actor, caseId, version, decision);
  }
  act(actor: string, caseId: string, version: number, action: CaseAction, note: string | null): CaseRow {
    return this.legalPath.act(actor, caseId, version, action, note);
  }
  extendDecision(actor: string, caseId: string, version: number, reason: string): CaseRow {
    return this.legalPath.extendDecision(actor, caseId, version, reason);
  }
}
