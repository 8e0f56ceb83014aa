import { randomUUID } from 'node:crypto';
import { chinaDate } from '../../../common/cases/age';
import type { CertificationRecord } from '../../../common/contract/methods/certification';
import { JiuzhuError } from '../../../common/contract/errors';
import { maskIdNumber } from '../../../common/format/mask';
import { pullItemRefusal, readPullItem } from '../../../sync-protocol/records/index';
import { PLATFORM_ACTOR } from '../afterAcceptance/work';
import type { CaseRepository } from '../cases/caseRepo';
import { timelineNote } from './record';
import type { CertificationRepo, CertificationRow, RemoteReceiptRow } from './repo';
import type { Person } from './service';

/** What applying a pulled remote certification needs of the service. */
export interface RemoteDeps {
  repo: CertificationRepo;
  cases: CaseRepository;
  /** The person on the active roster, or the refusal (CERT_NOT_ON_ROSTER, CERT_HOUSEHOLD_STOPPED, CERT_MONITORING_ONLY). */
  person: (idNumber: string) => Person;
  toRecord: (row: CertificationRow) => CertificationRecord;
  now: () => string;
  audit: (actor: string, action: string, targetType: string, targetId: string, details: Record<string, string | number | boolean>) => void;
}

/**
 * A `certification.remote` item (sync-protocol/records/certificationRemote.ts): read with its
 * schema (a bad item is refused naming the field; the engine keeps it in pulled_item), then applied
 * once by the platform's id. For a person on this station's active roster: a `remote`
 * certification row (certified on the day it was made, China time), its line on the roster's
 * case timeline and the audit row — the due list then counts from that day. Anyone else: kept as
 * not applied with the refusal the counter would have given, listed in the sync centre.
 * Nothing goes back to the platform: the certification is its own.
 */
export function applyRemoteItem(d: RemoteDeps, item: unknown): JiuzhuError | undefined {
  const read = readPullItem('certification.remote', item);
  if (!read.ok) return pullItemRefusal(read.issue);
  const { id, body } = read.value;
  if (d.repo.remoteReceipt(id)) return undefined;
  const receipt = { id, id_number: body.idNumber, certified_at: body.certifiedAt, method: body.method, received_at: d.now() };
  const p = personOrRefusal(d, body.idNumber);
  if (p instanceof JiuzhuError) {
    d.repo.insertRemoteReceipt({
      ...receipt,
      status: 'notApplied',
      reason: JSON.stringify({ code: p.code, message: p.message }),
      certification_id: null,
    });
    d.audit(PLATFORM_ACTOR, 'certification.remote_kept', 'certification', id, { code: p.code });
    return undefined;
  }
  d.repo.insertRemoteReceipt({ ...receipt, status: 'applied', reason: null, certification_id: record(d, p, receipt, PLATFORM_ACTOR) });
  return undefined;
}

/**
 * Try the kept ones again (a household put on the roster after its head certified on the phone):
 * each whose person is now on the active roster is recorded as if it had just arrived; the others
 * stay kept, with the reason of today. Answers how many were recorded.
 */
export function retryKept(d: RemoteDeps, actor: string): { applied: number; kept: number } {
  let applied = 0;
  const kept = d.repo.remoteKept(10_000);
  for (const r of kept) {
    const p = personOrRefusal(d, r.id_number);
    if (p instanceof JiuzhuError) {
      d.repo.keepRemote(r.id, JSON.stringify({ code: p.code, message: p.message }));
      continue;
    }
    d.repo.markRemoteApplied(r.id, record(d, p, r, actor));
    applied++;
  }
  d.audit(actor, 'certification.remote_retry', 'certification', 'kept', { applied, kept: kept.length - applied });
  return { applied, kept: kept.length - applied };
}

function personOrRefusal(d: RemoteDeps, idNumber: string): Person | JiuzhuError {
  try {
    return d.person(idNumber);
  } catch (e) {
    if (e instanceof JiuzhuError) return e;
    throw e;
  }
}

/** The certification row of a remote certification, its timeline line and audit row; answers the row's id. */
function record(
  d: RemoteDeps,
  p: Person,
  receipt: Pick<RemoteReceiptRow, 'id' | 'certified_at' | 'method' | 'received_at'>,
  actor: string,
): string {
  const body = { certifiedAt: receipt.certified_at, method: receipt.method };
  const id = receipt.id;
  const row: CertificationRow = {
    id: randomUUID(),
    roster_id: p.roster.id,
    case_id: p.roster.case_id,
    id_number: p.idNumber,
    name: p.name,
    method: 'remote',
    result: 'pass',
    outcome: 'certified',
    certified_on: chinaDate(new Date(body.certifiedAt)),
    face_attachment_id: null,
    reference_source: null,
    reference_attachment_id: null,
    scores: null,
    confirmation: null,
    proxy: null,
    home_visit: null,
    recorded_at: d.now(),
    recorded_by: PLATFORM_ACTOR,
  };
  d.repo.insert(row);
  const view = d.toRecord({ ...row, remote_method: body.method, remote_at: body.certifiedAt });
  d.cases.appendEvent(row.case_id, {
    at: row.recorded_at,
    actor_id: actor,
    action: 'certifiedRemotely',
    from_state: null,
    to_state: null,
    note: timelineNote(view),
  });
  d.audit(actor, 'certification.remote', 'case', row.case_id, { certification: row.id, remote: id, method: body.method });
  return row.id;
}

/** The sync centre's list of remote certifications this station could not record. */
export function keptRows(repo: CertificationRepo) {
  return repo.remoteKept().map((r: RemoteReceiptRow) => {
    const reason = r.reason ? (JSON.parse(r.reason) as { code: string; message: string }) : { code: '', message: '' };
    return {
      id: r.id,
      idNumberMasked: maskIdNumber(r.id_number),
      method: r.method,
      certifiedAt: r.certified_at,
      code: reason.code,
      message: reason.message,
      receivedAt: r.received_at,
    };
  });
}
