import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { JiuzhuError } from '../../../../../common/contract/errors';
import type { Clock, Db } from '../types';
import { DEFAULT_ATTACHMENT_KINDS, type AttachmentKindRule } from './kinds';
import { sniffMime, type AttachmentMime } from './magic';
import { MalformedImageError } from './malformed';
import { stripJpegMetadata } from './stripJpeg';
import { stripPngMetadata } from './stripPng';
import { stripWebpMetadata } from './stripWebp';

export interface AttachmentInfo {
  id: string;
  kind: string;
  mime: AttachmentMime;
  size: number;
  /** hex SHA-256 of the stored (metadata-stripped) plaintext. */
  sha256: string;
  createdAt: string;
  createdBy: string | null;
}

interface Row {
  id: string;
  kind: string;
  mime: string;
  size: number;
  sha256: Buffer;
  chunk_size: number;
  chunk_count: number;
  created_at: string;
  created_by: string | null;
}

export const ATTACHMENT_CHUNK_BYTES = 256 * 1024;

const fmtSize = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Attachments inside the encrypted database (same key, same WAL, same backup): one row of facts
 * and the bytes in 256 KiB chunks, so large files are streamed and never held twice. Nothing is
 * ever written to a temp file: the bytes go from memory into SQLite, whose temp_store is memory.
 */
export class AttachmentStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly kinds: Readonly<Record<string, AttachmentKindRule>> = DEFAULT_ATTACHMENT_KINDS,
    private readonly chunkBytes = ATTACHMENT_CHUNK_BYTES,
  ) {}

  private rule(kind: string): AttachmentKindRule {
    const r = this.kinds[kind];
    if (!r) throw new JiuzhuError('STORE_ATTACHMENT_BAD_KIND', { kind: kind.slice(0, 40) });
    return r;
  }

  private checkSize(kind: string, size: number): void {
    const r = this.rule(kind);
    if (size > r.maxBytes) throw new JiuzhuError('STORE_ATTACHMENT_TOO_LARGE', { size: fmtSize(size), kind, limit: fmtSize(r.maxBytes) });
  }

  /** Validate, strip metadata, hash and store. Runs inside a caller's transaction if there is one. */
  put(kind: string, bytes: Uint8Array, options: { createdBy?: string | null } = {}): AttachmentInfo {
    this.checkSize(kind, bytes.length);
    const mime = sniffMime(bytes);
    if (!mime) throw new JiuzhuError('STORE_ATTACHMENT_BAD_TYPE');
    if (!this.rule(kind).mimes.includes(mime)) throw new JiuzhuError('STORE_ATTACHMENT_BAD_KIND', { kind });
    const clean = sanitize(mime, bytes);
    const sha = createHash('sha256').update(clean).digest();
    const id = randomUUID();
    const chunkCount = Math.ceil(clean.length / this.chunkBytes);
    const info: AttachmentInfo = {
      id,
      kind,
      mime,
      size: clean.length,
      sha256: sha.toString('hex'),
      createdAt: this.clock.now().toISOString(),
      createdBy: options.createdBy ?? null,
    };
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO attachment (id, kind, mime, size, sha256, chunk_size, chunk_count, metadata_stripped, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          kind,
          mime,
          clean.length,
          sha,
          this.chunkBytes,
          chunkCount,
          mime === 'application/pdf' ? 0 : 1,
          info.createdAt,
          info.createdBy,
        );
      const ins = this.db.prepare('INSERT INTO attachment_chunk (attachment_id, seq, data) VALUES (?, ?, ?)');
      for (let s = 0; s < chunkCount; s++) ins.run(id, s, clean.subarray(s * this.chunkBytes, (s + 1) * this.chunkBytes));
    })();
    return info;
  }

  /** Read a stream into memory (stopping as soon as it exceeds the kind's limit), then put. */
  async putStream(
    kind: string,
    source: AsyncIterable<Uint8Array>,
    options: { createdBy?: string | null; signal?: AbortSignal } = {},
  ): Promise<AttachmentInfo> {
    const limit = this.rule(kind).maxBytes;
    const parts: Buffer[] = [];
    let size = 0;
    for await (const part of source) {
      if (options.signal?.aborted) throw new JiuzhuError('BACKUP_CANCELLED');
      size += part.length;
      this.checkSize(kind, size > limit ? size : 0);
      parts.push(Buffer.from(part));
    }
    const all = Buffer.concat(parts);
    try {
      return this.put(kind, all, options);
    } finally {
      all.fill(0);
      for (const p of parts) p.fill(0);
    }
  }

  info(id: string): AttachmentInfo | null {
    const r = this.db.prepare('SELECT * FROM attachment WHERE id = ?').get(id) as Row | undefined;
    return r ? toInfo(r) : null;
  }

  private row(id: string): Row {
    const r = this.db.prepare('SELECT * FROM attachment WHERE id = ?').get(id) as Row | undefined;
    if (!r) throw new JiuzhuError('STORE_ATTACHMENT_NOT_FOUND', { id });
    return r;
  }

  /** The whole attachment, checked against its recorded SHA-256. */
  get(id: string): Buffer {
    const r = this.row(id);
    const chunks = this.db.prepare('SELECT seq, data FROM attachment_chunk WHERE attachment_id = ? ORDER BY seq').all(id) as {
      seq: number;
      data: Buffer;
    }[];
    const bytes = Buffer.concat(chunks.map((c) => c.data));
    if (
      chunks.length !== r.chunk_count ||
      chunks.some((c, i) => c.seq !== i) ||
      bytes.length !== r.size ||
      !createHash('sha256').update(bytes).digest().equals(r.sha256)
    ) {
      throw new JiuzhuError('STORE_ATTACHMENT_DAMAGED', { id });
    }
    return bytes;
  }

  /** Stream chunk by chunk; the stream errors with STORE_ATTACHMENT_DAMAGED if the hash does not match at the end. */
  stream(id: string): Readable {
    const r = this.row(id);
    const one = this.db.prepare('SELECT data FROM attachment_chunk WHERE attachment_id = ? AND seq = ?');
    const hash = createHash('sha256');
    let seq = 0;
    let size = 0;
    return new Readable({
      read() {
        try {
          if (seq === r.chunk_count) {
            if (size !== r.size || !hash.digest().equals(r.sha256)) throw new JiuzhuError('STORE_ATTACHMENT_DAMAGED', { id });
            this.push(null);
            return;
          }
          const c = one.get(id, seq++) as { data: Buffer } | undefined;
          if (!c) throw new JiuzhuError('STORE_ATTACHMENT_DAMAGED', { id });
          hash.update(c.data);
          size += c.data.length;
          this.push(c.data);
        } catch (e) {
          this.destroy(e as Error);
        }
      },
    });
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM attachment WHERE id = ?').run(id).changes > 0;
  }

  /** Re-hash every attachment (checkStore). Returns the ids that fail. */
  verifyAll(onProgress?: (done: number, total: number) => void, signal?: AbortSignal): { checked: number; bad: string[] } {
    const ids = this.db.prepare('SELECT id FROM attachment ORDER BY created_at, id').pluck().all() as string[];
    const bad: string[] = [];
    ids.forEach((id, i) => {
      if (signal?.aborted) throw new JiuzhuError('BACKUP_CANCELLED');
      try {
        this.get(id).fill(0);
      } catch {
        bad.push(id);
      }
      if (onProgress && (i % 50 === 0 || i === ids.length - 1)) onProgress(i + 1, ids.length);
    });
    return { checked: ids.length, bad };
  }
}

function sanitize(mime: AttachmentMime, bytes: Uint8Array): Buffer {
  try {
    switch (mime) {
      case 'image/jpeg':
        return stripJpegMetadata(bytes);
      case 'image/png':
        return stripPngMetadata(bytes);
      case 'image/webp':
        return stripWebpMetadata(bytes);
      case 'application/pdf': {
        const b = Buffer.from(bytes);
        if (!b.subarray(Math.max(0, b.length - 1024)).includes('%%EOF')) throw new MalformedImageError('PDF 结尾');
        return b;
      }
    }
  } catch (e) {
    if (e instanceof MalformedImageError) throw new JiuzhuError('STORE_ATTACHMENT_MALFORMED', { detail: e.where });
    if (e instanceof RangeError) throw new JiuzhuError('STORE_ATTACHMENT_MALFORMED', { detail: mime });
    throw e;
  }
}

const toInfo = (r: Row): AttachmentInfo => ({
  id: r.id,
  kind: r.kind,
  mime: r.mime as AttachmentMime,
  size: r.size,
  sha256: r.sha256.toString('hex'),
  createdAt: r.created_at,
  createdBy: r.created_by,
});
