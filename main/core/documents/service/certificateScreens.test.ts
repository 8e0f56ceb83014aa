import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AfterAcceptanceRepo, type RosterDbRow } from '../../afterAcceptance/repo';
import { RegistrationState } from '../../sync/engine/registrationState';
import { loadDocumentFonts } from '../fonts';
import { certificatePayloadFromPdf } from '../render';
import { FONTS_DIR } from '../testing/fixtures';
import { rasterize, readPdf } from '../testing/pdfText';
import { documentsFixture, type DocumentsFixture } from '../testing/services';
import { DocumentService } from './documentService';

let f: DocumentsFixture;
let docs: DocumentService;
beforeEach(() => {
  f = documentsFixture();
  const info = f.t.station.stationInfo();
  docs = new DocumentService({
    db: f.t.station.db,
    clock: f.t.clock,
    audit: f.t.auth.audit(),
    fonts: () => loadDocumentFonts(FONTS_DIR),
    station: () => ({ name: info!.name, regionCode: info!.regionCode }),
  });
});
afterEach(() => f.cleanup());
const actor = () => f.t.adminId;

/** A household on the roster, as a decision or the roster import writes it (the clock's today is 2025-03-03). */
function enrol(caseId: string, over: Partial<RosterDbRow> = {}): void {
  new AfterAcceptanceRepo(f.t.station.db).insertRoster(
    {
      id: `r-${caseId}`,
      case_id: caseId,
      applicant_id_number: '500101195403120021',
      applicant_name: '张秀英',
      category: 'dibao-rural',
      household_size: 2,
      amount_fen: 98000,
      monthly: 1,
      since_month: '2024-08',
      enrolled_on: '2024-07-20',
      review_basis: 'stable',
      review_months: 12,
      next_review_on: '2025-08-01',
      linked_benefits: '[]',
      status: 'active',
      stopped_on: null,
      updated_at: '2024-07-20T00:00:00Z',
      ...over,
    },
    ['500101195403120021'],
  );
}

/** The page as the document camera sees it: 1 bit a pixel, rows packed MSB first. */
function frameBits(pdf: Uint8Array, dpi: number) {
  const img = rasterize(pdf, 1, dpi);
  const stride = Math.ceil(img.width / 8);
  const bits = Buffer.alloc(stride * img.height);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) if (img.data[y * img.width + x]! < 128) bits[y * stride + (x >> 3)]! |= 0x80 >> (x & 7);
  return { width: img.width, height: img.height, bits: bits.toString('base64') };
}

describe('a 救助证明 for a household on the roster', () => {
  it('is filled from the roster, previewed without storing, then issued signed, stored and audited', async () => {
    enrol('case-7');
    const { draft, doc } = await docs.certificateDraft('case-7', '办理水电费减免', actor());
    expect(draft).toMatchObject({
      certificateId: 'JZ500101-2025-000001',
      holderName: '张秀英',
      category: 'dibao-rural',
      monthlyAmountFen: 98000,
      since: '2024-08',
      householdSize: 2,
      nextReviewOn: '2025-08-01',
      validUntil: '2025-08-01',
      issuedOn: '2025-03-03',
      purpose: '办理水电费减免',
    });
    const previewText = (await readPdf(doc.pdf)).map((p) => p.text).join('');
    expect(previewText).toContain('张秀英');
    expect(previewText).toContain('农村最低生活保障');
    expect(previewText).toContain('980.00');
    expect(docs.list('case-7')).toHaveLength(0);
    expect(f.t.auth.audit().query({ action: 'document.preview' })).toHaveLength(1);

    const issued = await docs.issueCertificate('case-7', '办理水电费减免', actor());
    expect(issued).toMatchObject({ caseId: 'case-7', kind: 'certificate', reprintOf: null });
    const pdf = docs.get(issued.id, actor()).pdf;
    const text = (await readPdf(pdf)).map((p) => p.text).join('');
    expect(text).toContain('JZ500101-2025-000001');
    expect(text).toContain('办理水电费减免');
    const facts = docs.verifyCertificate(certificatePayloadFromPdf(pdf)!);
    expect(facts).toMatchObject({
      certificateId: 'JZ500101-2025-000001',
      holder: '张*英',
      idTail: '0021',
      category: 'dibao-rural',
      monthlyAmountFen: 98000,
      since: '2024-08',
      validUntil: '2025-08-01',
    });
    expect(f.t.auth.audit().query({ action: 'document.issue' })[0]).toMatchObject({
      targetId: issued.id,
      details: { kind: 'certificate', caseId: 'case-7' },
    });
    // The next certificate takes the next serial number.
    expect((await docs.certificateDraft('case-7', undefined, actor())).draft.certificateId).toBe('JZ500101-2025-000002');
  });

  it('is valid until the next review, at most 12 months', async () => {
    enrol('case-8', { next_review_on: '2026-06-30' });
    expect((await docs.certificateDraft('case-8', undefined, actor())).draft.validUntil).toBe('2026-03-02');
  });

  it('is refused for a household not on the roster, stopped, or overdue for review, with nothing stored', async () => {
    enrol('case-stopped', { status: 'stopped', stopped_on: '2025-01-31', applicant_id_number: '500101195403120048' });
    enrol('case-overdue', { next_review_on: '2025-02-28', id: 'r-2', applicant_id_number: '500101195403120056' });
    await expect(docs.issueCertificate('case-none', undefined, actor())).rejects.toMatchObject({ code: 'DOC_CERT_NOT_ON_ROSTER' });
    await expect(docs.issueCertificate('case-stopped', undefined, actor())).rejects.toMatchObject({
      code: 'DOC_CERT_STOPPED',
      message: expect.stringContaining('2025-01-31'),
    });
    await expect(docs.issueCertificate('case-overdue', undefined, actor())).rejects.toMatchObject({
      code: 'DOC_CERT_REVIEW_OVERDUE',
      message: expect.stringContaining('2025-02-28'),
    });
    expect(f.t.station.db.prepare('SELECT count(*) FROM document').pluck().get()).toBe(0);
  });
});

describe('checking a certificate', () => {
  it('reads the QR from a camera frame of the printed page and says valid, with what it states', async () => {
    enrol('case-7');
    const issued = await docs.issueCertificate('case-7', undefined, actor());
    const pdf = docs.get(issued.id, actor()).pdf;
    const answer = docs.checkCertificate({ image: frameBits(pdf, 150) });
    expect(answer).toMatchObject({
      verdict: 'valid',
      algorithm: 'ed25519',
      message: '核验通过：证明真实有效',
      stated: { certificateId: 'JZ500101-2025-000001', holder: '张*英', monthlyAmountFen: 98000 },
    });
  });

  it('signs with SM2 once the station is pinned to the 国密 suite; both kinds verify and say which, the camera check too', async () => {
    enrol('case-7');
    const before = certificatePayloadFromPdf(docs.get((await docs.issueCertificate('case-7', undefined, actor())).id, actor()).pdf)!;
    expect(before.startsWith('JZC2|ED25519|')).toBe(true);
    // Enrolment pinned the 国密 suite (what the sync engine's registration writes).
    new RegistrationState(f.t.station.db, f.t.clock).saveRegistration(
      {
        deviceId: 'dev_x',
        stationId: 'st',
        regionCode: '500101',
        platformUrl: 'https://127.0.0.1:1',
        platformId: 'p',
        platformSigningKey: 'k',
        platformEncryptionKey: 'k',
        platformFingerprint: 'f',
        suite: 'SM2-SM3-SM4GCM-v1',
        limits: {} as never,
      },
      [],
    );
    const issued = await docs.issueCertificate('case-7', undefined, actor());
    const pdf = docs.get(issued.id, actor()).pdf;
    const after = certificatePayloadFromPdf(pdf)!;
    expect(after.startsWith('JZC2|SM2|JZ500101-2025-000002|')).toBe(true);
    expect(docs.verifyCertificate(after)).toMatchObject({ certificateId: 'JZ500101-2025-000002', algorithm: 'sm2' });
    expect(docs.checkCertificate({ image: frameBits(pdf, 150) })).toMatchObject({
      verdict: 'valid',
      algorithm: 'sm2',
      stated: { certificateId: 'JZ500101-2025-000002' },
    });
    // The Ed25519 key stays in the keyring: the paper issued before enrolment still verifies, as Ed25519.
    expect(docs.checkCertificate({ code: before })).toMatchObject({ verdict: 'valid', algorithm: 'ed25519' });
    // Two keys, two issuer ids; the SM2 one is stored as an SM2 SubjectPublicKeyInfo.
    const keys = f.t.station.db
      .prepare('SELECT issuer_id, length(public_key) AS n FROM signing_key ORDER BY created_at, n')
      .all() as Array<{ issuer_id: string; n: number }>;
    expect(keys.map((k) => k.n).sort()).toEqual([44, 91]);
    expect(new Set(keys.map((k) => k.issuer_id)).size).toBe(2);
    // A tampered SM2 code is refused, naming the algorithm it claims; a typed number involves no signature.
    expect(docs.checkCertificate({ code: after.replace('|98000|', '|198000|') })).toMatchObject({ verdict: 'tampered', algorithm: 'sm2' });
    expect(docs.checkCertificate({ code: 'JZ500101-2025-000002' })).toMatchObject({ verdict: 'valid', algorithm: null });
  });

  it('a frame without a QR code is CERT_NO_QR', () => {
    const blank = { width: 64, height: 48, bits: Buffer.alloc(8 * 48).toString('base64') };
    expect(() => docs.checkCertificate({ image: blank })).toThrow(expect.objectContaining({ code: 'CERT_NO_QR' }));
  });

  it('says tampered for an altered amount (showing what the paper claims), unknown for a number never issued here, valid for a typed number', async () => {
    enrol('case-7');
    const issued = await docs.issueCertificate('case-7', undefined, actor());
    const payload = certificatePayloadFromPdf(docs.get(issued.id, actor()).pdf)!;
    const altered = payload.replace('|98000|', '|198000|');
    expect(docs.checkCertificate({ code: altered })).toMatchObject({
      verdict: 'tampered',
      stated: { monthlyAmountFen: 198000, certificateId: 'JZ500101-2025-000001' },
      message: expect.stringContaining('被改动'),
    });
    expect(docs.checkCertificate({ code: 'JZ500101-2025-000001' })).toMatchObject({
      verdict: 'valid',
      stated: { holder: '张*英', validUntil: '2025-08-01' },
    });
    expect(docs.checkCertificate({ code: 'JZ500101-2025-000099' })).toMatchObject({
      verdict: 'unknown',
      stated: null,
      message: expect.stringContaining('本站没有出具过这个编号'),
    });
    expect(docs.checkCertificate({ code: 'JZC1|x|y' })).toMatchObject({ verdict: 'malformed' });
    f.t.clock.advance(200 * 24 * 3600 * 1000);
    expect(docs.checkCertificate({ code: payload })).toMatchObject({
      verdict: 'expired',
      stated: { certificateId: 'JZ500101-2025-000001' },
    });
  });
});
