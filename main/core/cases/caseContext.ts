import { JiuzhuError } from '../../../common/contract/errors';
import { applicationSchema, type Application } from '../../../common/cases/application';
import { chinaDate } from '../../../common/cases/age';
import type { CaseSettings } from '../../../common/cases/settings';
import type { CaseState } from '../../../common/cases/stateMachine';
import type { AuditLog } from '../kernel/audit/auditLog';
import type { Clock, Db } from '../kernel/store/types';
import { CaseRepository, type CaseColumns, type CaseRow } from './caseRepo';
import type { CountySettings } from './countySettings';
import type { NoticeContext } from './notices';

/**
 * What the intake and the legal path share on one open store: the case rows, the clock, the audit
 * log, the county's rules and the station. Built once per store by CaseService.
 */
export class CaseContext {
  readonly repo: CaseRepository;

  constructor(
    readonly db: Db,
    private readonly clock: Clock,
    readonly audit: AuditLog,
    readonly county: CountySettings,
    readonly station: { name: string; regionCode: string },
  ) {
    this.repo = new CaseRepository(db);
  }

  today(): string {
    return chinaDate(this.clock.now());
  }
  now(): string {
    return this.clock.now().toISOString();
  }

  mustGet(caseId: string): CaseRow {
    const row = this.repo.get(caseId);
    if (!row) throw new JiuzhuError('CASE_NOT_FOUND');
    return row;
  }

  application(row: CaseRow): Application {
    return applicationSchema.parse(JSON.parse(row.data));
  }

  /** The columns beside the application JSON, as every save writes them. */
  columns(app: Application, row: { state: CaseState; version: number; draft_rev: number }, actor: string): CaseColumns {
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

  noticeContext(row: CaseRow, app: Application, settings: CaseSettings): NoticeContext {
    return {
      app,
      caseNo: row.case_no ?? row.id,
      settings,
      stationName: this.station.name,
      today: this.today(),
      receivedOn: chinaDate(new Date(row.submitted_at ?? row.created_at)),
    };
  }
}
