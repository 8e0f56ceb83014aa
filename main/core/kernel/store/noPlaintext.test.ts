import { randomInt } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../backup/createBackup';
import { AttachmentStore } from './attachments/attachmentStore';
import { ADMIN, makeStation, tempDir, type TestStation } from './testing/fixtures';
import { jpegWithExif, pngWithText } from './testing/images';

/** Needles made at run time, so no cache of this test's source can contain them. */
function needles(): string[] {
  const given = '明华建国秀英桂兰志强丽娟';
  const pick = () => given[randomInt(given.length)]!;
  const name = `欧阳${pick()}${pick()}`;
  const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
  const idNumber = `500101${1950 + randomInt(50)}0${1 + randomInt(9)}1${randomInt(10)}${digits(3)}X`;
  const phone = `139${digits(8)}`;
  return [name, idNumber, phone, `重庆市渝中区解放碑${digits(3)}号`];
}

function encodings(s: string): Buffer[] {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.from(le).swap16();
  return [Buffer.from(s, 'utf8'), le, be];
}

function* walk(dir: string, since: number): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e);
    let st;
    try {
      st = lstatSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) yield* walk(p, since);
    else if (st.isFile() && st.mtimeMs >= since && st.size < 512 * 1024 * 1024) yield p;
  }
}

describe('no plaintext personal data on disk', () => {
  let t: TestStation;
  let cleanup: () => void;
  let root: string;
  const started = Date.now() - 1000;
  const secret = needles();
  // Temporary files (ours through os.tmpdir(), SQLite's through TMPDIR) go to a folder of this test's own,
  // which the scan covers: the machine's /tmp may hold other runs' trees, too many to read in time.
  const machineTmp = process.env['TMPDIR'];
  beforeAll(() => {
    const d = tempDir('jiuzhu-plain-');
    root = d.dir;
    cleanup = d.cleanup;
    mkdirSync(join(root, 'tmp'));
    process.env['TMPDIR'] = join(root, 'tmp');
    t = makeStation(join(root, 'data'));
  });
  afterAll(() => {
    t.auth.close();
    if (machineTmp === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = machineTmp;
    cleanup();
  });

  it('finds none of the names, ID numbers, phones or addresses in any file byte', () => {
    const admin = t.auth.login('admin', ADMIN.password);
    const [name, idNumber, phone, address] = secret as [string, string, string, string];
    const db = t.station.db;
    // personal data in every place this layer stores it: rows, long text, attachments (PDF body, image bytes)
    t.accounts.create(admin, { username: 'clerk1', displayName: name, roles: ['clerk'], password: 'temp-pass-001' });
    const put = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)');
    for (let i = 0; i < 300; i++) put.run(`person-${i}`, JSON.stringify({ name, idNumber, phone, address, i }));
    db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run(
      'utf16',
      Buffer.from(`${name}${idNumber}`, 'utf16le').toString('latin1'),
    );
    const att = new AttachmentStore(db, t.clock);
    const pdf = Buffer.concat([
      Buffer.from(`%PDF-1.7\n(${name} ${idNumber} ${phone})\n`),
      Buffer.from(`${name}${idNumber}`, 'utf16le'),
      Buffer.from('\n%%EOF\n'),
    ]);
    att.put('document-scan', pdf);
    att.put('face-photo', jpegWithExif(`${name} ${idNumber}`)); // metadata stripped AND encrypted
    att.put('face-photo', pngWithText(`Author\0${name}`));
    att.put('face-photo', Buffer.concat([jpegWithExif(), Buffer.from(`${name}${idNumber}`)])); // inside image data: encrypted
    // WAL and SHM exist now (no checkpoint yet)
    const usb = join(root, 'usb');
    mkdirSync(usb);
    createBackup(t.station, t.auth.audit(), t.clock, { out: join(usb, 'b.jzb'), actor: admin.accountId });
    db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run('after-backup', `${name}${idNumber}`);

    const scanned: string[] = [];
    const hits: string[] = [];
    const scan = () => {
      expect(tmpdir()).toBe(join(root, 'tmp'));
      const files = new Set(walk(root, started));
      {
        for (const file of files) {
          let bytes: Buffer;
          try {
            bytes = readFileSync(file);
          } catch {
            continue;
          }
          scanned.push(file);
          for (const n of secret) for (const enc of encodings(n)) if (bytes.includes(enc)) hits.push(`${file}: ${n.length} chars`);
        }
      }
    };
    scan();
    const names = scanned.map((f) => f.slice(f.lastIndexOf('/') + 1));
    expect(names).toEqual(expect.arrayContaining(['jiuzhu.db', 'jiuzhu.db-wal', 'jiuzhu.db-shm', 'jiuzhu.keyring', 'b.jzb']));
    t.auth.close(); // checkpoint + close, then scan again
    scan();
    expect(hits).toEqual([]);
    // control: the scan does see a needle when one is on disk (UTF-16BE here)
    writeFileSync(join(root, 'control.bin'), Buffer.concat([Buffer.alloc(7), encodings(secret[0]!)[2]!]));
    scan();
    expect(hits).toEqual([expect.stringContaining('control.bin')]);
  });
});
