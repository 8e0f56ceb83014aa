import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttachmentStore } from '../../kernel/store/attachments/attachmentStore';
import { certificatePayloadFromPdf } from '../render';
import { SAMPLES } from '../testing/fixtures';
import { readPdf } from '../testing/pdfText';
import { documentsFixture, type DocumentsFixture } from '../testing/services';
import { signaturePng } from '../testing/png';
import { dehydrate } from './hydrate';
import { createHash } from 'node:crypto';

let f: DocumentsFixture;
beforeEach(() => (f = documentsFixture()));
afterEach(() => f.cleanup());

const actor = () => f.t.adminId;
const json = (kind: keyof typeof SAMPLES) => dehydrate(SAMPLES[kind]) as Record<string, unknown>;

describe('issuing stores the PDF encrypted and audits its hash', () => {
  it('stored bytes decrypt to the same SHA-256 that was audited', async () => {
    const doc = await f.docs.issue({ caseId: 'case-1', kind: 'acceptance', data: json('acceptance') }, actor());
    expect(doc).toMatchObject({ caseId: 'case-1', kind: 'acceptance', copy: 'applicant', pages: 1, reprintOf: null, createdBy: actor() });
    const row = f.docs.row(doc.id);
    const bytes = new AttachmentStore(f.t.station.db, f.t.clock).get(row.attachmentId);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(doc.sha256);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const [audit] = f.t.auth.audit().query({ action: 'document.issue' });
    expect(audit).toMatchObject({
      actor: actor(),
      targetType: 'document',
      targetId: doc.id,
      details: { kind: 'acceptance', sha256: doc.sha256 },
    });
    expect(String(audit!.details.sha256).replace(/ /g, '').toLowerCase()).toBe(doc.sha256);
    expect(f.docs.list('case-1').map((d) => d.id)).toEqual([doc.id]);
    // Nothing of the PDF is in the clear on disk (SQLCipher pages, WAL included).
    f.t.station.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const name of readdirSync(f.t.dataDir).filter((n) => n.startsWith('jiuzhu.db'))) {
      expect(readFileSync(join(f.t.dataDir, name)).includes(Buffer.from('%PDF-')), name).toBe(false);
    }
  });

  it('bad data: a typed error naming the field, and nothing stored or audited', async () => {
    const data = { ...json('acceptance'), issuedOn: '2026-02-30' };
    await expect(f.docs.issue({ caseId: 'case-1', kind: 'acceptance', data }, actor())).rejects.toMatchObject({
      code: 'DOC_INVALID_DATA',
      details: { path: 'issuedOn' },
    });
    expect(f.t.station.db.prepare('SELECT count(*) FROM attachment').pluck().get()).toBe(0);
    expect(f.t.auth.audit().query({ action: 'document.issue' })).toHaveLength(0);
  });

  it('reads images by attachment id', async () => {
    const sig = new AttachmentStore(f.t.station.db, f.t.clock).put('signature', signaturePng());
    const data = { ...json('authorization'), signaturePng: { $attachment: sig.id } };
    const doc = await f.docs.issue({ caseId: 'case-2', kind: 'authorization', data }, actor());
    expect(doc.pages).toBeGreaterThan(0);
  });
});

describe('reprint', () => {
  it('marks the copy 补打, links the original and is audited', async () => {
    const original = await f.docs.issue({ caseId: 'case-1', kind: 'approval', data: json('approval') }, actor());
    const again = await f.docs.reprint(original.id, actor(), { reason: 'lost' });
    const twice = await f.docs.reprint(again.id, actor(), { reason: 'other', note: '单位另需一份' });
    expect(again).toMatchObject({ reprintOf: original.id, caseId: 'case-1', kind: 'approval', reprintReason: 'lost', reprintNote: null });
    expect(twice).toMatchObject({ reprintReason: 'other', reprintNote: '单位另需一份' });
    expect(original).toMatchObject({ reprintReason: null, reprintNote: null });
    expect(f.docs.list('case-1').map((d) => d.reprintReason)).toEqual(['other', 'lost', null]);
    expect(twice.reprintOf).toBe(original.id);
    const text = async (id: string) => (await readPdf(f.docs.get(id, actor()).pdf)).map((p) => p.text).join('');
    expect(await text(again.id)).toContain('补打');
    expect(await text(original.id)).not.toContain('补打');
    const audits = f.t.auth.audit().query({ action: 'document.reprint' });
    expect(audits.map((a) => a.details.reprintOf)).toEqual([original.id, original.id]);
    expect(audits.map((a) => a.details.reason).sort()).toEqual(['lost', 'other']);
    expect(f.t.auth.audit().query({ action: 'document.view' }).length).toBe(2);
  });
});

describe('certificates', () => {
  it('are signed with the station key, generated once and kept in the store; verify reads them back', async () => {
    const a = await f.docs.issue({ caseId: 'case-3', kind: 'certificate', data: { ...json('certificate'), issuerId: 'FAKE01' } }, actor());
    const b = await f.docs.issue({ caseId: 'case-3', kind: 'certificate', data: json('certificate') }, actor());
    const keys = f.t.station.db.prepare('SELECT issuer_id, source FROM signing_key').all() as Array<{ issuer_id: string; source: string }>;
    expect(keys).toEqual([{ issuer_id: expect.stringMatching(/^500101[0-9A-F]{6}$/), source: 'local' }]);
    const payload = certificatePayloadFromPdf(f.docs.get(a.id, actor()).pdf)!;
    expect(payload).toContain(`|${keys[0]!.issuer_id}|`);
    expect(certificatePayloadFromPdf(f.docs.get(b.id, actor()).pdf)).toBe(payload);
    const facts = f.docs.verifyCertificate(payload);
    expect(facts).toMatchObject({ holder: '王*文', issuerId: keys[0]!.issuer_id });
    expect(() => f.docs.verifyCertificate(payload.replace(/\|(\d+)\|(\d{6})\|/, '|999900|$2|'))).toThrow(
      expect.objectContaining({ code: 'CERT_BAD_SIGNATURE' }),
    );
    const other = payload.replace(keys[0]!.issuer_id, '500199ABCDEF');
    expect(() => f.docs.verifyCertificate(other)).toThrow(expect.objectContaining({ code: 'CERT_UNKNOWN_ISSUER' }));
  });
});
