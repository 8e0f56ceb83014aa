import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, codeOf, makeStation, tempDir, type TestStation } from '../testing/fixtures';
import { AttachmentStore } from './attachmentStore';
import { jpegWithExif, pngWithText } from '../testing/images';

function webpWithExif(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'latin1');
    h.writeUInt32LE(data.length, 4);
    return Buffer.concat([h, data, data.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04;
  const body = Buffer.concat([
    chunk('VP8X', vp8x),
    chunk('VP8L', Buffer.from([0x2f, 0, 0, 0, 0])),
    chunk('EXIF', Buffer.from('GPS secret')),
    chunk('XMP ', Buffer.from('<x>author</x>')),
  ]);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
}

describe('attachments', () => {
  let t: TestStation;
  let cleanup: () => void;
  let store: AttachmentStore;
  beforeEach(() => {
    const d = tempDir();
    cleanup = d.cleanup;
    t = makeStation(d.dir);
    t.auth.login('admin', ADMIN.password);
    store = new AttachmentStore(t.station.db, t.clock, undefined, 1024);
  });
  afterEach(() => {
    t.auth.close();
    cleanup();
  });

  it('strips EXIF/APP1 and comments from JPEG, keeps the image bytes, records SHA-256', () => {
    const src = jpegWithExif();
    const info = store.put('face-photo', src, { createdBy: t.adminId });
    const got = store.get(info.id);
    expect(info.mime).toBe('image/jpeg');
    expect(got.includes(Buffer.from('GPS'))).toBe(false);
    expect(got.includes(Buffer.from('Exif'))).toBe(false);
    expect(got.includes(Buffer.from('王小明'))).toBe(false);
    expect(got.includes(Buffer.from('JFIF'))).toBe(true);
    expect(got.subarray(-7).equals(src.subarray(-7))).toBe(true);
    expect(info.sha256).toBe(createHash('sha256').update(got).digest('hex'));
  });

  it('strips tEXt and eXIf from PNG and EXIF/XMP from WebP', () => {
    const png = store.get(store.put('face-photo', pngWithText()).id);
    expect(png.includes(Buffer.from('tEXt'))).toBe(false);
    expect(png.includes(Buffer.from('eXIf'))).toBe(false);
    expect(png.includes(Buffer.from('IDAT'))).toBe(true);
    const webp = store.get(store.put('face-photo', webpWithExif()).id);
    expect(webp.includes(Buffer.from('GPS'))).toBe(false);
    expect(webp.includes(Buffer.from('author'))).toBe(false);
    expect(webp.readUInt32LE(4)).toBe(webp.length - 8);
    expect(webp[20]! & 0x0c).toBe(0);
  });

  it('checks type by content, size per kind, and well-formedness', () => {
    expect(codeOf(() => store.put('document-scan', Buffer.from('GIF89a....')))).toBe('STORE_ATTACHMENT_BAD_TYPE');
    expect(codeOf(() => store.put('document-scan', Buffer.from('<html>%PDF-')))).toBe('STORE_ATTACHMENT_BAD_TYPE');
    expect(codeOf(() => store.put('signature', jpegWithExif()))).toBe('STORE_ATTACHMENT_BAD_KIND');
    expect(codeOf(() => store.put('face-photo', Buffer.concat([jpegWithExif(), Buffer.alloc(3 * 1024 * 1024)])))).toBe(
      'STORE_ATTACHMENT_TOO_LARGE',
    );
    expect(codeOf(() => store.put('face-photo', jpegWithExif().subarray(0, 30)))).toBe('STORE_ATTACHMENT_MALFORMED');
    const badCrc = pngWithText();
    badCrc[40] = badCrc[40]! ^ 0xff;
    expect(codeOf(() => store.put('face-photo', badCrc))).toBe('STORE_ATTACHMENT_MALFORMED');
    expect(codeOf(() => store.put('generated-pdf', Buffer.from('%PDF-1.7 truncated')))).toBe('STORE_ATTACHMENT_MALFORMED');
  });

  it('streams large files in chunks and detects damage', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10_000, 7), Buffer.from('\n%%EOF\n')]);
    const info = await store.putStream(
      'generated-pdf',
      (async function* () {
        for (let i = 0; i < pdf.length; i += 999) yield pdf.subarray(i, i + 999);
      })(),
    );
    const parts: Buffer[] = [];
    for await (const p of store.stream(info.id)) parts.push(p as Buffer);
    expect(parts.length).toBe(Math.ceil(pdf.length / 1024));
    expect(Buffer.concat(parts).equals(pdf)).toBe(true);
    t.station.db.prepare('UPDATE attachment_chunk SET data = zeroblob(1024) WHERE attachment_id = ? AND seq = 3').run(info.id);
    expect(codeOf(() => store.get(info.id))).toBe('STORE_ATTACHMENT_DAMAGED');
    await expect(async () => {
      for await (const _ of store.stream(info.id)) void _;
    }).rejects.toMatchObject({ code: 'STORE_ATTACHMENT_DAMAGED' });
    expect(store.verifyAll().bad).toEqual([info.id]);
    await expect(
      store.putStream(
        'face-photo',
        (async function* () {
          for (let i = 0; i < 100; i++) yield Buffer.alloc(100 * 1024);
        })(),
      ),
    ).rejects.toMatchObject({ code: 'STORE_ATTACHMENT_TOO_LARGE' });
  });
});
