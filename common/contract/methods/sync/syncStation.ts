import { z } from 'zod';
import { BLOB_ROLES } from '../../../sync/attachments';
import { counterNoSchema } from '../../../sync/registration';
import { defineMethod } from '../../define';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, '附件指纹应为 64 位十六进制');

/** 尚未下载 / 正在下载 / 已下载 / 校验失败 (offline is what a fetch answers, not a stored state). */
export const remoteBlobStateSchema = z.enum(['remote', 'downloading', 'stored', 'failed']);

export const remoteBlobViewSchema = z.object({
  sha256: z.string(),
  role: z.enum(BLOB_ROLES),
  ref: z.string(),
  page: z.number().int(),
  kind: z.string(),
  mime: z.string(),
  size: z.number().int(),
  addedAt: z.string(),
  state: remoteBlobStateSchema,
  /** The local attachment once downloaded. */
  attachmentId: z.string().nullable(),
});
export type RemoteBlobView = z.infer<typeof remoteBlobViewSchema>;

export const syncCaseBlobs = defineMethod({
  summary: 'Attachments of a station case taken at another counter (pulled blob references) with their download state.',
  permission: 'case.read',
  input: z.object({ caseId: z.string().min(1).max(64) }).strict(),
  output: z.object({ registered: z.boolean(), blobs: z.array(remoteBlobViewSchema) }),
});

export const syncFetchBlob = defineMethod({
  summary:
    'Open an attachment of a station case taken at another counter: fetched from the platform on demand (resumed after a cut), SHA-256 checked, kept in the encrypted store.',
  permission: 'case.read',
  input: z.object({ caseId: z.string().min(1).max(64), sha256 }).strict(),
  output: z.object({
    /** stored: here are the bytes; failed: 校验失败 (refused, nothing kept); missing: not on the platform yet; offline: platform unreachable. */
    state: z.enum(['stored', 'failed', 'missing', 'offline']),
    mime: z.string(),
    base64: z.string().nullable(),
    /** zh-CN: what happened and what to do, when not stored. */
    message: z.string().nullable(),
  }),
});

const counterOutput = z.object({
  counterNo: counterNoSchema,
  /** default: never set; setup: set by an administrator; platform: assigned at registration (then locked). */
  source: z.enum(['default', 'setup', 'platform']),
  locked: z.boolean(),
});

export const syncCounter = defineMethod({
  summary: 'This workstation’s counter number (窗口号), embedded in its case numbers, and whether it can still be changed.',
  permission: 'session',
  input: z.object({}).strict(),
  output: counterOutput,
});

export const syncSetCounter = defineMethod({
  summary: 'Set the counter number before registration (the platform confirms it, or refuses a clash, when the workstation registers).',
  permission: 'admin.settings',
  input: z.object({ counterNo: counterNoSchema }).strict(),
  output: counterOutput,
});

export const syncStationMethods = {
  'sync.caseBlobs': syncCaseBlobs,
  'sync.fetchBlob': syncFetchBlob,
  'sync.counter': syncCounter,
  'sync.setCounter': syncSetCounter,
} as const;
