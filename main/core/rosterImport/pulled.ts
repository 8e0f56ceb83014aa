import { chinaDate } from '../../../common/cases/age';
import { JiuzhuError } from '../../../common/contract/errors';
import { maskIdNumber } from '../../../common/format/mask';
import { checkIdNumber } from '../../../common/idnumber/check';
import { translate, type MessageKey } from '../../../common/i18n/translate';
import { pullItemRefusal, readPullItem, type PulledRosterRecipientItem } from '../../../sync-protocol/records/index';
import { AfterAcceptanceRepo } from '../afterAcceptance/repo';
import { PLATFORM_ACTOR } from '../afterAcceptance/work';
import type { AuditLog } from '../kernel/audit/auditLog';
import type { Clock, Db } from '../kernel/store/types';
import type { ImportHousehold } from './households';
import { PulledRecipientRepo } from './pulledRecipientRepo';
import { RosterImportRepo } from './rosterImportRepo';
import type { RosterImportService } from './service';

export interface PulledDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  service: RosterImportService;
}

/** A pulled household kept as a conflict: who, and why it was not written. */
export interface RecipientConflict {
  idNumberMasked: string;
  name: string;
  code: string;
  message: string;
  receivedAt: string;
}

/**
 * A `roster.recipient` item (sync-protocol/records/rosterRecipientItem.ts): one of the platform's
 * current recipients of this station. Read with its schema (a bad item is refused naming the field;
 * the engine keeps it in pulled_item), then taken once by its head's ID number: a household none of
 * whose members is on this station's roster, or known here under another name, is written by the
 * Excel import's own writer (case, decision as received, roster row, and the `roster.imported` that
 * matches it on the platform); any other is kept as a conflict with the reason and nothing of the
 * station's is changed. A conflict is looked at again when the item comes again.
 */
export function applyPulledRecipient(d: PulledDeps, item: unknown): JiuzhuError | undefined {
  const read = readPullItem('roster.recipient', item);
  if (!read.ok) return pullItemRefusal(read.issue);
  const { id, feedSeq, body } = read.value;
  const today = chinaDate(d.clock.now());
  const invalid = body.members.findIndex((m) => !checkIdNumber(m.idNumber, { today }).valid);
  if (invalid >= 0)
    return new JiuzhuError(
      'SYNC_PULL_ITEM_INVALID',
      { kind: 'roster.recipient', detail: `body.members.${invalid}.idNumber：身份证号码无效` },
      { kind: 'roster.recipient', path: `body.members.${invalid}.idNumber` },
    );
  const pulled = new PulledRecipientRepo(d.db);
  if (pulled.statusOf(id) === 'applied') return undefined;
  const at = d.clock.now().toISOString();
  const keep = (status: 'applied' | 'conflict', rosterId: string | null, reason: { code: string; message: string } | null) =>
    pulled.keep({
      idNumber: id,
      feedSeq,
      status,
      rosterId,
      reason: reason ? JSON.stringify(reason) : null,
      body: JSON.stringify(body),
      at,
    });

  const conflict = conflictOf(new RosterImportRepo(d.db), body);
  if (conflict) {
    keep('conflict', null, conflict);
    d.audit.append({
      actor: PLATFORM_ACTOR,
      action: 'roster-import.pulled_conflict',
      targetType: 'roster',
      targetId: null,
      details: { code: conflict.code, members: body.members.length },
    });
    return undefined;
  }
  const rosterId = d.service.write(householdOf(read.value, today), {
    importId: `platform:${id}`,
    actor: PLATFORM_ACTOR,
    at,
    today,
    settings: new AfterAcceptanceRepo(d.db).settings(),
    link: false,
  });
  keep('applied', rosterId, null);
  d.audit.append({
    actor: PLATFORM_ACTOR,
    action: 'roster-import.pulled',
    targetType: 'roster',
    targetId: rosterId,
    details: { members: body.members.length },
  });
  return undefined;
}

/** The first member already on this station's roster, or known here under another name; null when none. */
function conflictOf(repo: RosterImportRepo, body: PulledRosterRecipientItem['body']): { code: string; message: string } | null {
  const onRoster = repo.activeRosterMembers();
  const names = repo.personNames(body.members.map((m) => m.idNumber));
  for (const m of body.members) {
    const id = maskIdNumber(m.idNumber);
    if (onRoster.has(m.idNumber))
      return { code: 'ON_ROSTER', message: translate('rosterImport.rowProblems.ON_ROSTER' as MessageKey, { id }) };
    const known = names.get(m.idNumber);
    if (known !== undefined && known !== m.name)
      return { code: 'NAME_DIFFERS', message: translate('rosterImport.rowProblems.NAME_DIFFERS' as MessageKey, { id, name: m.name }) };
  }
  return null;
}

/** The item as the import's writer takes a household: sex and birth date from each ID number (checked by the platform). */
function householdOf(item: PulledRosterRecipientItem, today: string): ImportHousehold {
  const b = item.body;
  return {
    key: item.id,
    sheet: '',
    row: 0,
    headIdNumber: b.applicant.idNumber,
    headName: b.applicant.name,
    area: '',
    category: { type: b.type, subtype: b.subtype ?? undefined },
    monthly: b.monthly,
    amountFen: b.amountFen,
    sinceMonth: b.sinceMonth,
    approvedOn: null,
    nextReviewOn: b.nextReviewOn,
    lastCertifiedOn: b.lastCertifiedOn,
    // The head first, as the writer takes members[0] for the applicant.
    members: [...b.members]
      .sort((x, y) => Number(y.relationship === 'self') - Number(x.relationship === 'self'))
      .map((m) => {
        // Valid (checked above): an 18-character resident number carries both.
        const facts = checkIdNumber(m.idNumber, { today }) as { sex: '男' | '女'; birthDate: string };
        return {
          sheet: '',
          row: 0,
          idNumber: m.idNumber,
          name: m.name,
          sex: facts.sex,
          birthDate: facts.birthDate,
          relationship: m.relationship,
          student: false,
          labourCapacity: 'full' as const,
        };
      }),
  };
}

/** The sync centre's list of platform households not written here, newest first. */
export function recipientConflicts(db: Db): RecipientConflict[] {
  return new PulledRecipientRepo(db).conflicts().map((r) => {
    const reason = JSON.parse(r.reason) as { code: string; message: string };
    return {
      idNumberMasked: maskIdNumber(r.id_number),
      name: (JSON.parse(r.body) as { applicant: { name: string } }).applicant.name,
      code: reason.code,
      message: reason.message,
      receivedAt: r.received_at,
    };
  });
}
