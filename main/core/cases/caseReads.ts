import type { PartyRow, CaseRepository, CaseRow } from './caseRepo';
import type { AttachmentStore } from '../kernel/store/attachments/attachmentStore';
import { searchCases, type SearchFilters } from './search';
import type { CaseSearchRepo } from './searchRepo';

/** The reads the cases capability answers from besides the case page (CaseViews): lookups, the search, a stored page. */
export class CaseReads {
  constructor(
    private readonly repo: CaseRepository,
    private readonly searchRepo: CaseSearchRepo,
    private readonly attachments: AttachmentStore,
  ) {}

  /** A case by its id or its case number. */
  byRef(caseRef: string): CaseRow | null {
    return this.repo.get(caseRef) ?? this.repo.byCaseNo(caseRef);
  }

  /** Every case a person appears in (once each, discarded drafts left out), with the role and the latest timeline entry. */
  casesOfPerson(idNumber: string): Array<{ row: CaseRow; role: PartyRow['role']; lastEventAt: string }> {
    const out: Array<{ row: CaseRow; role: PartyRow['role']; lastEventAt: string }> = [];
    const seen = new Set<string>();
    for (const hit of this.repo.casesOfPerson(idNumber)) {
      if (seen.has(hit.case_id)) continue;
      seen.add(hit.case_id);
      const row = this.repo.get(hit.case_id);
      if (!row || row.state === 'discarded') continue;
      out.push({ row, role: hit.role, lastEventAt: this.repo.lastEventAt(row.id) ?? row.updated_at });
    }
    return out;
  }

  search(f: SearchFilters): ReturnType<typeof searchCases> {
    return searchCases(this.searchRepo, f);
  }

  /** A stored page of this case (a scan, a signature, a photo); null when the case has no such attachment. */
  attachment(caseId: string, attachmentId: string): { mime: string; bytes: Buffer } | null {
    if (!this.repo.hasAttachment(caseId, attachmentId)) return null;
    const info = this.attachments.info(attachmentId);
    const bytes = this.attachments.get(attachmentId);
    return { mime: info?.mime ?? 'application/octet-stream', bytes };
  }

  /** How many cases the station holds, drafts and demo cases included. */
  count(): number {
    return this.repo.count();
  }
}
