import type { BundlePayload } from '../../common/sync/push';
import { RATING_FOLLOW_UP_KIND, RATING_RECORD_KIND, ratingFollowUpBodySchema, ratingRecordBodySchema } from '../../common/sync/ratings';

type Record_ = BundlePayload['records'][number];

const firstIssue = (issues: Array<{ path: PropertyKey[]; message: string }>) => {
  const i = issues[0];
  return i ? `${i.path.map(String).join('.') || '(body)'}：${i.message}` : '';
};

/** Is this a 好差评 record (`rating.record`, `rating.follow-up`)? They may have no case: an enquiry that found none. */
export const isRatingRecord = (record: Record_): boolean => record.kind === RATING_RECORD_KIND || record.kind === RATING_FOLLOW_UP_KIND;

/**
 * What is wrong with a 好差评 record (docs/sync-protocol.md §5.8), or null: its body parses against
 * its schema (the five levels, reasons offered at that level, a 差评 with a reason or a comment, no
 * staff field — bodies are strict), no blobs, and its case is the record's case (both absent for an
 * enquiry that found none).
 */
export function ratingRecordProblem(record: Record_): string | null {
  const schema = record.kind === RATING_RECORD_KIND ? ratingRecordBodySchema : ratingFollowUpBodySchema;
  const parsed = schema.safeParse(record.body);
  if (!parsed.success) return `${record.kind === RATING_RECORD_KIND ? '好差评' : '差评回访整改'}记录格式不正确（${firstIssue(parsed.error.issues)}）`;
  if ((parsed.data.caseId ?? undefined) !== record.caseId) return '好差评记录的案件与记录不一致';
  if (record.blobs?.length) return '好差评记录不带附件';
  return null;
}
