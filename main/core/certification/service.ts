import { randomUUID } from 'node:crypto';
import type { FaceCapture } from '../../../common/capture/schemas';
import { chinaDate } from '../../../common/cases/age';
import { JiuzhuError } from '../../../common/contract/errors';
import type { CertificationRecord, CertificationSettings, DueRow, MethodInputs } from './types';
import { checkIdNumber, normalizeIdNumber } from '../../../common/idnumber/check';
import { maskIdNumber } from '../../../common/format/mask';
import type { AuditLog } from '../kernel/audit/auditLog';
import { CaseRepository } from '../cases/caseRepo';
import { AttachmentStore } from '../kernel/store/attachments/attachmentStore';
import type { Clock, Db } from '../kernel/store/types';
import { Outbox } from '../sync/index';
import { certificationRecord } from '../../../sync-protocol/records/index';
import { CertificationRepo, type CertificationRow, type MemberRef, type RosterRef } from './repo';
import { certificationResult, outcomeOf } from './result';
import { ADULT_AGE, birthDateOf, dueStatus, nextDue } from './schedule';
import { outboxBody, timelineNote } from './record';
import { applyRemoteItem, keptRows, retryKept, type RemoteDeps } from './remote';

export interface CertificationDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
}

/** An enrolled person as the counter sees them: their enrolment and their due dates. */
export interface Person {
  roster: RosterRef;
  idNumber: string;
  name: string;
  isApplicant: boolean;
}

/**
 * 待遇资格认证: the due list and the two ways to certify. Every recording is ONE transaction:
 * the photo into the encrypted attachment store, the certification row, the line on the case
 * timeline, the outbox record (kind certification.record) and the audit row.
 */
export class CertificationService {
  private readonly repo: CertificationRepo;
  private readonly cases: CaseRepository;
  private readonly attachments: AttachmentStore;
  private readonly outbox: Outbox;

  constructor(private readonly deps: CertificationDeps) {
    this.repo = new CertificationRepo(deps.db);
    this.cases = new CaseRepository(deps.db);
    this.attachments = new AttachmentStore(deps.db, deps.clock);
    this.outbox = new Outbox(deps.db, deps.clock);
  }

  today(): string {
    return chinaDate(this.deps.clock.now());
  }
  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  settings(): CertificationSettings {
    return this.repo.settings();
  }

  setSettings(actor: string, s: CertificationSettings): CertificationSettings {
    this.deps.db.transaction(() => {
      this.repo.putSettings(s);
      this.audit(actor, 'certification.settings', 'setting', 'certification.settings', { mode: s.mode, who: s.who, proxy: s.proxyAllowed });
    })();
    return this.repo.settings();
  }

  /**
   * Everyone the county's rule asks to certify, with the due status on today's date; sorted most
   * urgent first. Computed in SQL (repo.dueList): only the page's rows come back.
   */
  dueList(
    filter: 'due' | 'overdue' | 'all',
    limit: number,
  ): { rows: DueRow[]; today: string; counts: { persons: number; due: number; overdue: number } } {
    const today = this.today();
    const q = { settings: this.settings(), today, adultAge: ADULT_AGE };
    const list = this.repo.dueList(q, filter, limit);
    const rows = list.rows.map((r): DueRow => {
      const isApplicant = r.id_number === r.applicant_id_number;
      return {
        idNumber: r.id_number,
        idNumberMasked: maskIdNumber(r.id_number),
        name: r.name ?? (isApplicant ? r.applicant_name : maskIdNumber(r.id_number)),
        rosterId: r.roster_id,
        caseId: r.case_id,
        applicantName: r.applicant_name,
        isApplicant,
        dueOn: r.due_on,
        opensOn: r.opens_on,
        status: r.status,
        lastCertifiedOn: r.last_on,
      };
    });
    return { rows, today, counts: list.counts };
  }

  private row(
    roster: RosterRef,
    idNumber: string,
    name: string,
    isApplicant: boolean,
    lastOn: string | null,
    s: CertificationSettings,
    today: string,
  ): DueRow {
    const d = nextDue(s, lastOn ?? roster.enrolled_on);
    return {
      idNumber,
      idNumberMasked: maskIdNumber(idNumber),
      name,
      rosterId: roster.id,
      caseId: roster.case_id,
      applicantName: roster.applicant_name,
      isApplicant,
      dueOn: d.dueOn,
      opensOn: d.opensOn,
      status: dueStatus(d, today),
      lastCertifiedOn: lastOn,
    };
  }

  /**
   * The person on the active roster, or the refusal: a household whose benefit was stopped
   * (CERT_HOUSEHOLD_STOPPED), anyone else (CERT_NOT_ON_ROSTER).
   */
  person(rawIdNumber: string): Person {
    const idNumber = normalizeIdNumber(rawIdNumber);
    const rosters = this.repo.rostersOf(idNumber);
    const roster = rosters[0];
    if (!roster) throw new JiuzhuError('CERT_NOT_ON_ROSTER');
    if (roster.status !== 'active') throw new JiuzhuError('CERT_HOUSEHOLD_STOPPED', { on: roster.stopped_on ?? '—' });
    // 资格认证 confirms a monthly payment; a monitoring entry without one is reviewed, not certified.
    if (roster.monthly === 0) throw new JiuzhuError('CERT_MONITORING_ONLY');
    const m = toMembers(roster, this.repo.members(roster.id)).find((x) => x.idNumber === idNumber)!;
    return { roster, idNumber, name: m.name, isApplicant: m.isApplicant };
  }

  dueOf(p: Person): DueRow {
    const s = this.settings();
    const last = this.repo.lastCertified(p.roster.id).get(`${p.roster.id}/${p.idNumber}`) ?? null;
    return this.row(p.roster, p.idNumber, p.name, p.isApplicant, last, s, this.today());
  }

  /** The counter check's view of a person: due row, enrolled photo, history. Audited. */
  view(actor: string, rawIdNumber: string) {
    const p = this.person(rawIdNumber);
    const photoId = this.repo.enrolledFace(p.idNumber, p.roster.case_id);
    const info = photoId ? this.attachments.info(photoId) : null;
    const enrolledPhoto =
      photoId && info
        ? { attachmentId: photoId, sha256: info.sha256, mime: info.mime, base64: this.attachments.get(photoId).toString('base64') }
        : null;
    this.audit(actor, 'certification.view', 'case', p.roster.case_id, { photo: enrolledPhoto !== null });
    return {
      person: this.dueOf(p),
      enrolledPhoto,
      history: this.repo.history(p.idNumber).map((r) => this.toRecord(r)),
      settings: this.settings(),
    };
  }

  /** A counter certification (see the class comment); a review without the clerk's decision is refused and nothing is stored. */
  recordCounter(actor: string, input: MethodInputs['record']): CertificationRecord {
    return this.deps.db.transaction(() => {
      const p = this.person(input.idNumber);
      const s = this.settings();
      const r = certificationResult(input.face, s.face);
      const outcome = outcomeOf(r.result, input.confirmation);
      if (outcome === null) throw new JiuzhuError('CERT_REVIEW_NEEDS_CONFIRMATION');
      let referenceId: string | null = null;
      if (input.reference.source === 'enrolled') {
        if (input.reference.attachmentId !== this.repo.enrolledFace(p.idNumber, p.roster.case_id))
          throw new JiuzhuError('CERT_REFERENCE_NOT_FOUND');
        referenceId = input.reference.attachmentId;
      } else if (input.reference.source === 'card') {
        referenceId = this.attachments.put('id-card-photo', Buffer.from(input.reference.pngBase64, 'base64'), { createdBy: actor }).id;
      }
      const photo = this.attachments.put('face-photo', Buffer.from(input.face.image.base64, 'base64'), { createdBy: actor });
      const scores = scoresOf(input.face, r, s.face);
      return this.store(
        actor,
        p,
        {
          method: 'counter',
          result: r.result,
          outcome,
          face_attachment_id: photo.id,
          reference_source: input.reference.source,
          reference_attachment_id: referenceId,
          scores: JSON.stringify(scores),
          confirmation: r.result === 'review' && input.confirmation ? JSON.stringify(input.confirmation) : null,
          proxy: null,
          home_visit: null,
        },
        photo.sha256,
      );
    })();
  }

  /** A proxy certification: the county must allow it, the proxy's ID number must be valid, and a home visit by 2+ staff must confirm the person. */
  recordProxy(actor: string, input: MethodInputs['recordProxy']): CertificationRecord {
    return this.deps.db.transaction(() => {
      const p = this.person(input.idNumber);
      if (!this.settings().proxyAllowed) throw new JiuzhuError('CERT_PROXY_NOT_ALLOWED');
      const today = this.today();
      const checked = checkIdNumber(input.proxy.idNumber, { today });
      if (!checked.valid) throw new JiuzhuError('CERT_PROXY_ID_INVALID', { problems: checked.problems.join('、') });
      if (checked.idNumber === p.idNumber) throw new JiuzhuError('CERT_PROXY_SELF');
      const visit = input.homeVisit;
      if (!visit) throw new JiuzhuError('CERT_PROXY_VISIT_REQUIRED');
      const staff = [...new Set(visit.staff.map((x) => x.trim()).filter(Boolean))];
      if (staff.length < 2) throw new JiuzhuError('CERT_PROXY_VISIT_STAFF', { count: staff.length });
      if (visit.visitedOn > today) throw new JiuzhuError('CERT_PROXY_VISIT_FUTURE', { date: visit.visitedOn });
      return this.store(
        actor,
        p,
        {
          method: 'proxy',
          result: 'pass',
          outcome: 'certified',
          face_attachment_id: null,
          reference_source: null,
          reference_attachment_id: null,
          scores: null,
          confirmation: null,
          proxy: JSON.stringify({ idNumber: checked.idNumber, name: input.proxy.name, relationship: input.proxy.relationship }),
          home_visit: JSON.stringify({ visitedOn: visit.visitedOn, staff, findings: visit.findings }),
        },
        null,
      );
    })();
  }

  /** Pull handler of 'certification.remote' items, inside the pull page's transaction (remote.ts). */
  pulledRemote(item: unknown): JiuzhuError | undefined {
    return applyRemoteItem(this.remoteDeps(), item);
  }

  /** Record the kept remote certifications whose person is now on the roster (one transaction). */
  retryKept(actor: string): { applied: number; kept: number } {
    return this.deps.db.transaction(() => retryKept(this.remoteDeps(), actor))();
  }

  private remoteDeps(): RemoteDeps {
    return {
      repo: this.repo,
      cases: this.cases,
      person: (id) => this.person(id),
      toRecord: (r) => this.toRecord(r, null),
      now: () => this.now(),
      audit: (...a) => this.audit(...a),
    };
  }

  /** Remote certifications kept as not applied, with their reasons (the sync centre). */
  remoteKept() {
    return keptRows(this.repo);
  }

  private store(
    actor: string,
    p: Person,
    part: Omit<
      CertificationRow,
      'id' | 'roster_id' | 'case_id' | 'id_number' | 'name' | 'certified_on' | 'recorded_at' | 'recorded_by' | 'method'
    > & { method: 'counter' | 'proxy' },
    photoSha256: string | null,
  ): CertificationRecord {
    const row: CertificationRow & { method: 'counter' | 'proxy' } = {
      id: randomUUID(),
      roster_id: p.roster.id,
      case_id: p.roster.case_id,
      id_number: p.idNumber,
      name: p.name,
      certified_on: this.today(),
      recorded_at: this.now(),
      recorded_by: actor,
      ...part,
    };
    this.repo.insert(row);
    const record = this.toRecord(row, photoSha256);
    const action = row.method === 'proxy' ? 'certifiedByProxy' : row.outcome === 'certified' ? 'certified' : 'certificationFailed';
    this.cases.appendEvent(row.case_id, {
      at: row.recorded_at,
      actor_id: actor,
      action,
      from_state: null,
      to_state: null,
      note: timelineNote(record),
    });
    this.outbox.enqueue(certificationRecord(outboxBody(row, record)));
    this.audit(actor, 'certification.record', 'case', row.case_id, {
      certification: row.id,
      method: row.method,
      result: row.result,
      outcome: row.outcome,
    });
    return record;
  }

  toRecord(r: CertificationRow, photoSha256?: string | null): CertificationRecord {
    const scores = r.scores ? (JSON.parse(r.scores) as ReturnType<typeof scoresOf>) : null;
    const proxy = r.proxy ? (JSON.parse(r.proxy) as { idNumber: string; name: string; relationship: string }) : null;
    const sha =
      photoSha256 !== undefined ? photoSha256 : r.face_attachment_id ? (this.attachments.info(r.face_attachment_id)?.sha256 ?? null) : null;
    const due = nextDue(
      this.settings(),
      r.outcome === 'certified'
        ? r.certified_on
        : (this.repo.lastCertified(r.roster_id).get(`${r.roster_id}/${r.id_number}`) ?? this.repo.enrolledOn(r.roster_id)),
    );
    return {
      id: r.id,
      idNumberMasked: maskIdNumber(r.id_number),
      name: r.name,
      caseId: r.case_id,
      method: r.method,
      result: r.result,
      outcome: r.outcome,
      certifiedOn: r.certified_on,
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by,
      match: scores?.match ?? null,
      liveness: scores?.liveness ?? null,
      thresholds: scores?.thresholds ?? null,
      referenceSource: r.reference_source,
      photoSha256: sha,
      confirmation: r.confirmation ? (JSON.parse(r.confirmation) as CertificationRecord['confirmation']) : null,
      proxy: proxy ? { name: proxy.name, relationship: proxy.relationship, idNumberMasked: maskIdNumber(proxy.idNumber) } : null,
      homeVisit: r.home_visit ? (JSON.parse(r.home_visit) as CertificationRecord['homeVisit']) : null,
      remote: r.method === 'remote' && r.remote_method && r.remote_at ? { method: r.remote_method, certifiedAt: r.remote_at } : null,
      nextDueOn: due.dueOn,
    };
  }

  private audit(
    actor: string,
    action: string,
    targetType: string,
    targetId: string,
    details: Record<string, string | number | boolean>,
  ): void {
    this.deps.audit.append({ actor, action, targetType, targetId, details });
  }
}

function scoresOf(face: FaceCapture, r: ReturnType<typeof certificationResult>, thresholds: CertificationSettings['face']) {
  return {
    match: { score: face.match.score, verdict: r.match },
    liveness: { antispoof: face.liveness.antispoof, liveness: face.liveness.liveness, verdict: r.liveness },
    thresholds,
    mode: face.mode,
    manualReason: face.manualReason ?? null,
    quality: face.quality,
    engine: face.engine,
  };
}

function toMembers(roster: RosterRef, members: MemberRef[]) {
  return members.map((m) => {
    const facts = m.facts ? (JSON.parse(m.facts) as { birthDate?: string }) : {};
    const isApplicant = m.id_number === roster.applicant_id_number;
    return {
      idNumber: m.id_number,
      name: m.name ?? (isApplicant ? roster.applicant_name : maskIdNumber(m.id_number)),
      isApplicant,
      birthDate: facts.birthDate ?? birthDateOf(m.id_number),
    };
  });
}
