import { checkIdNumber } from '../../common/idnumber/check';
import { authorizationBlobs, caseAmendmentBodySchema, caseAuthorizationBodySchema } from '../../common/sync/intakeRecords';
import type { BundlePayload } from '../../common/sync/push';

type Record_ = BundlePayload['records'][number];

const sameSet = (a: string[], b: string[]) => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

const firstIssue = (issues: Array<{ path: PropertyKey[]; message: string }>) => {
  const i = issues[0];
  return i ? `${i.path.map(String).join('.') || '(body)'}：${i.message}` : '';
};

/**
 * What is wrong with a `case.authorization` record (docs/sync-protocol.md §5.6), or null: its body
 * parses (a failed face, a required face missing, a pad record without its signature or a paper
 * record without its scan are refused by the schema), it is for the record's case, the signer's ID
 * number is valid, and `blobs` names exactly the signature or scan pages, the face and the card photo.
 */
export function caseAuthorizationProblem(record: Record_, today: string): string | null {
  const parsed = caseAuthorizationBodySchema.safeParse(record.body);
  if (!parsed.success) return `授权书记录格式不正确（${firstIssue(parsed.error.issues)}）`;
  const b = parsed.data;
  if (b.caseId !== record.caseId) return '授权书记录的案件与记录不一致';
  const checked = checkIdNumber(b.signer.idNumber, { today });
  if (!checked.valid) return `签字人身份证号码无效（${checked.problems.join(',')}）`;
  if (!sameSet(authorizationBlobs(b), record.blobs ?? [])) return '授权书记录与附件指纹不一致';
  return null;
}

/** What is wrong with a `case.amendment` record, or null: its body parses, for the record's case, and `blobs` names exactly its pages. */
export function caseAmendmentProblem(record: Record_): string | null {
  const parsed = caseAmendmentBodySchema.safeParse(record.body);
  if (!parsed.success) return `补充材料记录格式不正确（${firstIssue(parsed.error.issues)}）`;
  if (parsed.data.caseId !== record.caseId) return '补充材料记录的案件与记录不一致';
  if (!sameSet(parsed.data.material.pages.map((p) => p.sha256), record.blobs ?? [])) return '补充材料记录与附件指纹不一致';
  return null;
}

/**
 * What is wrong with the authorizations a submit carries (`case.upsert` with action `submit`: the
 * ones signed in the draft, each a `case.authorization` body), or null. Their blobs are announced
 * by the case's `document.meta` records, as every attachment of a case is.
 */
export function submittedAuthorizationsProblem(record: Record_, today: string): string | null {
  const list = record.body['authorizations'];
  if (list === undefined) return null;
  if (!Array.isArray(list) || list.length > 40) return '提交记录的授权书清单格式不正确';
  for (const body of list) {
    const problem = caseAuthorizationProblem({ ...record, body: body as Record<string, unknown>, blobs: authorizationBlobsOf(body) }, today);
    if (problem) return problem;
  }
  return null;
}

const authorizationBlobsOf = (body: unknown): string[] => {
  const parsed = caseAuthorizationBodySchema.safeParse(body);
  return parsed.success ? authorizationBlobs(parsed.data) : [];
};
