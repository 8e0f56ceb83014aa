import { randomUUID } from 'node:crypto';
import { JiuzhuError } from '../../../common/contract/errors';
import { applicationSchema, type Application, type ApplicationInput } from '../../../common/cases/application';
import { blocking, checkApplication, type Problem } from '../../../common/cases/checks';
import { transition, isOpen, type CaseState } from '../../../common/cases/stateMachine';
import type { DocumentCapture, FaceCapture, SignatureCapture } from '../../../common/capture/schemas';
import { translate } from '../../../common/i18n/translate';
import type { AttachmentStore } from '../kernel/store/attachments/attachmentStore';
import type { Outbox } from '../sync/index';
import { authorizationRecord } from './authorizationRecord';
import type { CaseContext } from './caseContext';
import type { CaseRow } from './caseRepo';
import { authorizeOnPad, authorizeOnPaper, queueAuthorizationForm, type IntakeWork } from './intakeAuthorization';
import { actionLabel, stateLabel, type LegalPath } from './legalPath';
import { recordMaterialAmendment, refuseClosed } from './materialAmendment';
import { moneyOf, partiesOf } from './searchIndex';

/** Another open case in which the applicant or a member of this application already appears. */
export interface OpenCase {
  caseId: string;
  caseNo: string | null;
  state: CaseState;
  idNumber: string;
}

/**
 * The counter intake: drafts (autosaved, resumable, never synced), the papers and signatures,
 * and the submission that puts the case on the legal path. Drafts are the clerk's work in progress.
 */
export class Intake {
  /** What the papers and signatures work with (intakeAuthorization.ts, materialAmendment.ts). */
  private readonly work: IntakeWork;

  constructor(
    private readonly ctx: CaseContext,
    private readonly path: LegalPath,
    private readonly attachments: AttachmentStore,
    outbox: Outbox,
  ) {
    this.work = {
      db: ctx.db,
      repo: ctx.repo,
      attachments,
      outbox,
      audit: ctx.audit,
      now: () => ctx.now(),
      today: () => ctx.today(),
      settings: () => ctx.county.settings(),
      mustGet: (id) => ctx.mustGet(id),
      application: (row) => ctx.application(row),
      noticeContext: (row, app, settings) => ctx.noticeContext(row, app, settings),
    };
  }

  /** The clerk's own drafts, latest first, to resume. */
  drafts(actor: string): Array<{ row: CaseRow; app: Application }> {
    return this.ctx.repo.draftsOf(actor).map((row) => ({ row, app: this.ctx.application(row) }));
  }

  /** Problems of the application, with another open case of the same people added per the county policy. */
  problems(app: Application, caseId: string | null, settings = this.ctx.county.settings()): Problem[] {
    const problems = checkApplication(app, { today: this.ctx.today() });
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
  openCasesFor(app: Application, caseId: string | null): OpenCase[] {
    const { repo } = this.ctx;
    const ids = [...new Set([...(app.applicant ? [app.applicant.idNumber] : []), ...app.members.map((m) => m.idNumber)])];
    const out: OpenCase[] = [];
    const seen = new Set<string>();
    for (const hit of repo.casesOf(ids, caseId)) {
      if (seen.has(hit.case_id)) continue;
      const row = repo.get(hit.case_id);
      if (row && isOpen(row.state)) {
        seen.add(hit.case_id);
        out.push({ caseId: row.id, caseNo: row.case_no, state: row.state, idNumber: hit.id_number });
      }
    }
    return out;
  }

  /** The search index and the money tables follow the application on every save. */
  private index(caseId: string, app: Application): void {
    this.ctx.repo.replaceParties(caseId, partiesOf(app));
    this.ctx.repo.replaceMoney(caseId, ...moneyOf(app));
  }

  /** Autosave: create the draft, or replace its application when `rev` is the one the clerk last saw. */
  saveDraft(
    actor: string,
    input: { caseId?: string | undefined; rev?: number | undefined; application: ApplicationInput },
  ): { caseId: string; rev: number; savedAt: string; problems: Problem[] } {
    const { ctx } = this;
    const app = applicationSchema.parse(input.application);
    const now = ctx.now();
    return ctx.db.transaction(() => {
      let caseId = input.caseId;
      let rev: number;
      if (!caseId) {
        caseId = randomUUID();
        rev = 1;
        ctx.repo.insert({
          id: caseId,
          created_at: now,
          created_by: actor,
          demo: 0,
          ...ctx.columns(app, { state: 'draft', version: 0, draft_rev: rev }, actor),
        });
        ctx.repo.appendEvent(caseId, { at: now, actor_id: actor, action: 'create', from_state: null, to_state: 'draft', note: null });
        ctx.audit.append({ actor, action: 'cases.create', targetType: 'case', targetId: caseId });
      } else {
        const row = ctx.mustGet(caseId);
        if (row.state !== 'draft') throw new JiuzhuError('CASE_NOT_DRAFT');
        if (input.rev !== undefined && input.rev !== row.draft_rev) throw new JiuzhuError('CASE_STALE');
        rev = row.draft_rev + 1;
        ctx.repo.update(caseId, ctx.columns(app, { state: 'draft', version: row.version, draft_rev: rev }, actor));
      }
      this.index(caseId, app);
      return { caseId, rev, savedAt: now, problems: this.problems(app, caseId) };
    })();
  }

  discard(actor: string, caseId: string, rev: number): CaseState {
    const { ctx } = this;
    return ctx.db.transaction(() => {
      const row = ctx.mustGet(caseId);
      if (row.state !== 'draft') throw new JiuzhuError('CASE_NOT_DRAFT');
      if (row.draft_rev !== rev) throw new JiuzhuError('CASE_STALE');
      const t = transition('draft', 'discard');
      if (!t.ok) throw new JiuzhuError('CASE_ILLEGAL_TRANSITION', { from: stateLabel(row.state), action: actionLabel('discard') });
      const app = ctx.application(row);
      ctx.repo.update(caseId, ctx.columns(app, { state: t.to, version: row.version, draft_rev: row.draft_rev + 1 }, actor));
      ctx.repo.appendEvent(caseId, {
        at: ctx.now(),
        actor_id: actor,
        action: 'discard',
        from_state: 'draft',
        to_state: t.to,
        note: null,
      });
      ctx.audit.append({ actor, action: 'cases.discard', targetType: 'case', targetId: caseId });
      return t.to;
    })();
  }

  /** The draft becomes a case on the legal path: numbered, its people recorded, its first `case.upsert` with the draft's authorizations. */
  submit(actor: string, caseId: string, rev: number): CaseRow {
    const { ctx } = this;
    const settings = ctx.county.settings();
    return ctx.db.transaction(() => {
      const row = ctx.mustGet(caseId);
      if (row.state !== 'draft') throw new JiuzhuError('CASE_NOT_DRAFT');
      if (row.draft_rev !== rev) throw new JiuzhuError('CASE_STALE');
      const app = ctx.application(row);
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
      const now = ctx.now();
      ctx.repo.setSubmitted(caseId, ctx.repo.nextCaseNo(ctx.station.regionCode, Number(ctx.today().slice(0, 4))), now);
      for (const m of app.members) {
        const a = app.applicant && app.applicant.idNumber === m.idNumber ? app.applicant : null;
        ctx.repo.upsertPerson({
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
      const submitted = ctx.mustGet(caseId);
      const authorizations = ctx.repo.authorizations(caseId).map((a) => authorizationRecord(submitted, a, this.attachments, now).body);
      const updated = this.path.step(submitted, 'submit', actor, null, app, { authorizations });
      if (app.relatedParty.related)
        ctx.repo.appendEvent(caseId, { at: now, actor_id: actor, action: 'relatedParty', from_state: null, to_state: null, note: null });
      return updated;
    })();
  }

  /**
   * Pages of one checklist material, stored encrypted and linked to the case; the material is marked
   * received. After submission the pages are an amendment (materialAmendment.ts): added, synced, on the timeline.
   */
  addMaterial(actor: string, caseId: string, code: string, capture: DocumentCapture): { attachmentIds: string[]; rev: number } {
    const { ctx } = this;
    return ctx.db.transaction(() => {
      const row = ctx.mustGet(caseId);
      refuseClosed(row);
      const app = ctx.application(row);
      const items = ctx.county.checklist().types[app.type ?? 'dibao'];
      if (!app.type || !items.some((i) => i.code === code)) throw new JiuzhuError('CASE_MATERIAL_UNKNOWN', { code: code.slice(0, 40) });
      const now = ctx.now();
      const existing = ctx.repo.attachments(caseId).filter((a) => a.role === 'material' && a.ref === code).length;
      const ids = capture.pages.map((page, i) => {
        const info = this.attachments.put('document-scan', Buffer.from(page.image.base64, 'base64'), { createdBy: actor });
        ctx.repo.linkAttachment(caseId, { attachmentId: info.id, role: 'material', ref: code, page: existing + i, at: now, by: actor });
        return info.id;
      });
      const materials = app.materials.filter((m) => m.code !== code).concat({ code, status: 'received' });
      const next = { ...app, materials };
      const rev = row.draft_rev + 1;
      ctx.repo.update(caseId, ctx.columns(next, { state: row.state, version: row.version, draft_rev: rev }, actor));
      if (row.state !== 'draft') {
        recordMaterialAmendment(
          this.work,
          actor,
          row,
          code,
          ids.map((id, i) => ({ attachmentId: id, page: existing + i })),
        );
        return { attachmentIds: ids, rev };
      }
      ctx.repo.appendEvent(caseId, { at: now, actor_id: actor, action: 'material', from_state: null, to_state: null, note: code });
      ctx.audit.append({
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
    return authorizeOnPad(this.work, actor, { caseId, signerIdNumber, signature, face, cardPhoto });
  }

  /** The paper route: the blank 授权书 for one signer, queued to print. */
  authorizationForm(actor: string, caseId: string, signerIdNumber: string) {
    return queueAuthorizationForm(this.work, actor, caseId, signerIdNumber);
  }

  /** The paper route: the signed form's scan as that signer's authorization. */
  authorizePaper(actor: string, input: Parameters<typeof authorizeOnPaper>[2]) {
    return authorizeOnPaper(this.work, actor, input);
  }
}
