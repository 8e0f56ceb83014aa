import type { Db } from '../kernel/store/types';

/** One household as a combined 公示 list sees it: the case's columns and the amount of its 公示 or approval. */
export interface ListHousehold {
  case_id: string;
  case_no: string | null;
  community: string;
  applicant_name: string | null;
  household_size: number;
  type: string | null;
  subtype: string | null;
  amount_fen: number | null;
}

/** SQL of the combined 公示 lists (case_opinion, case_decision, case_file). Reads only. */
export class PublicityListRepo {
  constructor(private readonly db: Db) {}

  /** Posted opinions whose 公示 overlaps [from, to], latest round of each case first. */
  inPublicity(from: string, to: string, community: string | null): ListHousehold[] {
    return this.db
      .prepare(
        `SELECT o.case_id, c.case_no, o.community, c.applicant_name, c.household_size, c.type, c.subtype, o.amount_fen
           FROM case_opinion o JOIN case_file c ON c.id = o.case_id
          WHERE o.posted = 1 AND o.publicity_from <= @to AND o.publicity_to >= @from
            AND (@community IS NULL OR o.community = @community)
            AND c.state NOT IN ('withdrawn', 'discarded')
          ORDER BY o.case_id, o.round DESC`,
      )
      .all({ from, to, community }) as ListHousehold[];
  }

  /** Approvals applied in [fromAt, toAt) (UTC instants), under the community of the case's last 初审意见. */
  approved(range: { fromAt: string; toAt: string }, community: string | null): ListHousehold[] {
    return this.db
      .prepare(
        `SELECT * FROM (
           SELECT d.case_id, c.case_no, c.applicant_name, c.household_size, c.type, c.subtype, d.amount_fen, d.received_at,
                  (SELECT o.community FROM case_opinion o WHERE o.case_id = d.case_id ORDER BY o.round DESC LIMIT 1) AS community
             FROM case_decision d JOIN case_file c ON c.id = d.case_id
            WHERE d.status = 'applied' AND d.outcome = 'approved' AND d.received_at >= @fromAt AND d.received_at < @toAt)
          WHERE community IS NOT NULL AND (@community IS NULL OR community = @community)
          ORDER BY case_id, received_at DESC`,
      )
      .all({ ...range, community }) as ListHousehold[];
  }
}
