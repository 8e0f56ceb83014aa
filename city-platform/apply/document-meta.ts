import { documentMetaBodySchema } from '../../common/sync/attachments';
import type { BundlePayload } from '../../common/sync/push';

/**
 * What is wrong with a `document.meta` record's body, or null: it must list the case's blob
 * references (common/sync/attachments.ts), for the record's case, and exactly the blobs the
 * record's `blobs` name (those are what the platform asks to be uploaded and lets the station read).
 */
export function documentMetaProblem(record: BundlePayload['records'][number]): string | null {
  const parsed = documentMetaBodySchema.safeParse(record.body);
  if (!parsed.success) return `附件清单格式不正确（${parsed.error.issues[0]?.path.join('.') ?? ''}）`;
  if (parsed.data.caseId !== record.caseId) return '附件清单的案件与记录不一致';
  const listed = new Set(parsed.data.attachments.map((a) => a.sha256));
  const named = new Set(record.blobs ?? []);
  if (listed.size !== named.size || [...listed].some((sha) => !named.has(sha))) return '附件清单与附件指纹不一致';
  return null;
}
