import { z } from 'zod';
import { sha256HexSchema } from '../../common/sync/primitives';

/**
 * The parts of a record every kind shares (docs/sync-protocol.md §5.1): the envelope's case id and
 * blob list, and the two rules that tie a body to its envelope.
 */

export const caseIdSchema = z.string().min(1).max(64);
export const blobsSchema = z.array(sha256HexSchema).max(64);
/** An ID number as written on the wire (its check digit is the platform's rule, with today's date). */
export const idNumberSchema = z.string().regex(/^\d{17}[\dX]$/, 'expected an 18-character resident ID number');

type Ctx = z.RefinementCtx;

/** `body.caseId` is the record's `caseId` (both absent for a record about no case). */
export function sameCase(r: { caseId?: string | undefined; body: { caseId?: string | null | undefined } }, ctx: Ctx): void {
  if ((r.body.caseId ?? undefined) !== r.caseId)
    ctx.addIssue({ code: 'custom', path: ['body', 'caseId'], message: '与记录的 caseId 不一致' });
}

/** `blobs` names exactly the hashes the body names (what the platform asks to be uploaded and lets the station read). */
export function blobsAre(r: { blobs?: string[] | undefined }, named: readonly string[], ctx: Ctx): void {
  const x = new Set(r.blobs ?? []);
  const y = new Set(named);
  if (x.size !== y.size || [...x].some((v) => !y.has(v)))
    ctx.addIssue({ code: 'custom', path: ['blobs'], message: '与记录内容列出的附件指纹不一致' });
}

/** The hashes once each, in order: a record's `blobs`. */
export const uniqueBlobs = (hashes: readonly string[]): string[] => [...new Set(hashes)];

/** A kind that carries no blobs: `blobs` absent or empty. */
export const noBlobsSchema = z.array(sha256HexSchema).max(0, '此类记录不带附件').optional();
