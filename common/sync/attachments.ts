import { z } from 'zod';
import { sha256HexSchema } from './primitives';

/**
 * Blob references of a case: which stored blob is which page, signature, face photo or document
 * of the case. A workstation announces them with a `document.meta` record; the platform feeds them
 * to every workstation of the station as `attachments` items, so a counter that did not take the
 * case can list its attachments and fetch each blob on demand (docs/sync-protocol.md §6.1).
 */
export const BLOB_ROLES = ['material', 'signature', 'face', 'document'] as const;

export const blobRefSchema = z.object({
  sha256: sha256HexSchema,
  /** Attachment kind of the store (document-scan, face-photo, signature, generated-pdf, …). */
  kind: z.string().min(1).max(32),
  role: z.enum(BLOB_ROLES),
  /** What it belongs to: the checklist material code, the signer's ID number, or the document kind. */
  ref: z.string().min(1).max(64),
  /** Page of a material (0-based); 0 otherwise. */
  page: z.number().int().nonnegative().max(9999),
  /** Plaintext size in bytes. */
  size: z.number().int().nonnegative(),
  contentType: z.string().min(1).max(100),
  /** When the workstation stored it (its clock; informational). */
  addedAt: z.string().max(40),
});
export type BlobRef = z.infer<typeof blobRefSchema>;

/** Body of a `document.meta` record: the case's blob references (its `blobs` list the same hashes). */
export const documentMetaBodySchema = z.object({
  caseId: z.string().min(1).max(64),
  attachments: z.array(blobRefSchema).min(1).max(64),
});
export type DocumentMetaBody = z.infer<typeof documentMetaBodySchema>;

/** Pull item: blob references of a case of the device's station (from any of its counters). */
export const attachmentsItemSchema = z.object({
  feedSeq: z.number().int().positive(),
  at: z.number().int().nonnegative(),
  kind: z.literal('attachments'),
  caseId: z.string().min(1).max(64),
  attachments: z.array(blobRefSchema).max(64),
  updatedBy: z.string(),
});
export type AttachmentsItem = z.infer<typeof attachmentsItemSchema>;

/** Path of the station-scoped download of one blob of a case (ciphertext encrypted to the device). */
export const caseBlobPath = (caseId: string, sha256: string): string => `/v1/cases/${encodeURIComponent(caseId)}/blobs/${sha256}`;
