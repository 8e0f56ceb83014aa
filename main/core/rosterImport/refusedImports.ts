import { JiuzhuError } from '../../../common/contract/errors';
import type { RefusedImport } from '../../../common/contract/methods/rosterImport';
import { maskIdNumber } from '../../../common/format/mask';
import { translate, type MessageKey } from '../../../common/i18n/translate';
import {
  rosterHouseholdSchema,
  rosterImportedBodySchema,
  rosterImportedRecord,
  rosterRefusalSchema,
  type RosterHousehold,
  type RosterImportedBody,
} from '../../../sync-protocol/records/index';
import type { CaseRepository } from '../cases/caseRepo';
import type { AuditLog } from '../kernel/audit/auditLog';
import type { Clock, Db } from '../kernel/store/types';
import { insertResolution, Outbox } from '../sync/index';
import { categoryKey } from './households';
import { PulledRecipientRepo } from './pulledRecipientRepo';
import { RefusedImportRepo, type RefusedImportRow } from './refusedImportRepo';

export interface RefusedImportsDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  cases: CaseRepository;
}

type Values = RefusedImport['station'];
const valuesOf = (h: Pick<RosterHousehold, 'type' | 'subtype' | 'amountFen' | 'monthly' | 'sinceMonth' | 'nextReviewOn'>): Values => ({
  category: categoryKey({ type: h.type, subtype: h.subtype ?? undefined }),
  amountFen: h.amountFen,
  monthly: h.monthly,
  sinceMonth: h.sinceMonth,
  nextReviewOn: h.nextReviewOn,
});
const sameValues = (a: Values, b: Values) =>
  a.category === b.category && a.amountFen === b.amountFen && a.monthly === b.monthly && a.sinceMonth === b.sinceMonth;

interface Read {
  row: RefusedImportRow;
  body: RosterImportedBody;
  refusal: RefusedImport['refusal'];
  otherStation: string | null;
  platform: RosterHousehold | null;
}

/**
 * A `roster.imported` the platform refused (README.md, "A refused import"), and settling it the way
 * the county decided. The refusal's kind comes from the platform's error details (kept with the
 * answer, migration 0890). `adopt` takes the platform's values — the pulled `roster.recipient` of
 * the head — for the roster row, the imported decision and the case, in one audited transaction
 * with a timeline line, and sends a new `roster.imported` with them; the refused record is settled
 * (sync_resolution `adopt-platform`, who and when). Offered only where it can succeed: the
 * platform refused because its recipient of this station differs, and that recipient is here.
 */
export class RefusedImports {
  private readonly repo: RefusedImportRepo;
  private readonly pulled: PulledRecipientRepo;

  constructor(private readonly deps: RefusedImportsDeps) {
    this.repo = new RefusedImportRepo(deps.db);
    this.pulled = new PulledRecipientRepo(deps.db);
  }

  private read(row: RefusedImportRow): Read {
    const body = rosterImportedBodySchema.parse(JSON.parse(row.body));
    const error = row.answer_error ? (JSON.parse(row.answer_error) as { code?: string; details?: Record<string, unknown> }) : null;
    const kind = error?.code === 'SYNC_ROSTER_REFUSED' ? rosterRefusalSchema.safeParse(error.details?.['refusal']) : null;
    const other = error?.details?.['stationId'];
    const pulled = this.pulled.byHead(body.applicant.idNumber);
    const platform = pulled ? rosterHouseholdSchema.safeParse(JSON.parse(pulled.body)) : null;
    return {
      row,
      body,
      refusal: kind?.success ? kind.data : 'unknown',
      otherStation: typeof other === 'string' ? other : null,
      platform: platform?.success ? platform.data : null,
    };
  }

  /** Why the platform's values cannot be taken for this refusal; null when they can. */
  private blocked(r: Read): JiuzhuError | null {
    const id = maskIdNumber(r.body.applicant.idNumber);
    if (r.refusal === 'other-station') return new JiuzhuError('ROSTER_ADOPT_OTHER_STATION', { id, station: r.otherStation ?? '' });
    if (r.refusal === 'case-held' || r.refusal === 'matched-elsewhere') return new JiuzhuError('ROSTER_ADOPT_NOT_DIFFERS', { id });
    if (!r.platform) return new JiuzhuError('ROSTER_ADOPT_NO_RECIPIENT', { id });
    if (sameValues(valuesOf(r.platform), valuesOf(r.body))) return new JiuzhuError('ROSTER_ADOPT_SAME', { id });
    return null;
  }

  /** The refused imports with what the platform holds and whether its values can be taken (for the sync centre). */
  list(): RefusedImport[] {
    return this.repo.refused().map((row) => {
      const r = this.read(row);
      const blocked = this.blocked(r);
      return {
        recordId: row.id,
        caseId: row.case_id,
        caseNo: row.case_no ?? r.body.caseNo,
        headName: r.body.applicant.name,
        idNumberMasked: maskIdNumber(r.body.applicant.idNumber),
        refusal: r.refusal,
        otherStation: r.otherStation,
        station: valuesOf(r.body),
        platform: r.platform ? valuesOf(r.platform) : null,
        adopt: blocked ? { ok: false as const, code: blocked.code, message: blocked.message } : { ok: true as const },
      };
    });
  }

  /** Take the platform's values for a refused import's household and send it again (one transaction). */
  adopt(actor: string, recordId: string): { caseId: string; newRecordId: string } {
    const { db, clock, cases } = this.deps;
    return db.transaction(() => {
      const row = this.repo.refused().find((r) => r.id === recordId);
      if (!row) throw new JiuzhuError('SYNC_RECORD_NOT_QUARANTINED');
      const r = this.read(row);
      const blocked = this.blocked(r);
      if (blocked) throw blocked;
      const p = r.platform!;
      const caseRow = cases.get(row.case_id);
      if (!caseRow) throw new JiuzhuError('NOT_FOUND');
      const at = clock.now().toISOString();
      const version = caseRow.version + 1;
      const data = { ...(JSON.parse(caseRow.data) as Record<string, unknown>), type: p.type, subtype: p.subtype ?? undefined };
      const { id: _id, created_at: _c, created_by: _b, case_no: _n, submitted_at: _s, accepted_on: _a, demo: _d, ...columns } = caseRow;
      cases.update(row.case_id, {
        ...columns,
        type: p.type,
        subtype: p.subtype ?? null,
        version,
        data: JSON.stringify(data),
        updated_at: at,
        updated_by: actor,
      });
      const now = valuesOf(p);
      const before = valuesOf(r.body);
      if (
        this.repo.adoptOnRoster(row.case_id, {
          category: now.category,
          amount_fen: p.monthly ? p.amountFen : 0,
          monthly: p.monthly ? 1 : 0,
          since_month: p.sinceMonth,
          next_review_on: p.nextReviewOn,
          updated_at: at,
        }) !== 1
      )
        throw new JiuzhuError('NOT_FOUND');
      this.repo.adoptOnDecision(row.case_id, { amount_fen: p.monthly ? p.amountFen : null, start_month: p.sinceMonth });
      const words = (v: Values) =>
        translate('rosterImport.refused.values', {
          category: translate(`roster.categories.${v.category}` as MessageKey),
          amount: (v.amountFen / 100).toFixed(2),
          since: v.sinceMonth,
        });
      cases.appendEvent(row.case_id, {
        at,
        actor_id: actor,
        action: 'rosterAdopted',
        from_state: null,
        to_state: null,
        note: translate('rosterImport.refused.noteAdopted', { now: words(now), before: words(before) }),
      });
      const sent = new Outbox(db, clock).enqueue(
        rosterImportedRecord({
          ...r.body,
          type: p.type,
          subtype: p.subtype,
          amountFen: p.amountFen,
          monthly: p.monthly,
          sinceMonth: p.sinceMonth,
          nextReviewOn: p.nextReviewOn,
          version,
          at,
        }),
      );
      insertResolution(db, { recordId, action: 'adopt-platform', actor, at, newRecordId: sent.id });
      this.pulled.markApplied(r.body.applicant.idNumber, this.repo.activeRosterOfCase(row.case_id)!);
      this.deps.audit.append({
        actor,
        action: 'roster-import.adopt_platform',
        targetType: 'case',
        targetId: row.case_id,
        details: { version, recordId, newRecordId: sent.id },
      });
      return { caseId: row.case_id, newRecordId: sent.id };
    })();
  }
}
