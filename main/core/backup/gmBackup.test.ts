import { createDecipheriv, createHash, hkdfSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistrationState } from '../sync/engine/registrationState';
import { AttachmentStore } from '../kernel/store/attachments/attachmentStore';
import { Keyring } from '../kernel/store/keys/keyring';
import { parseKeyring } from '../kernel/store/keys/keyringFile';
import { openSqlite } from '../kernel/store/sqlite';
import { jpegWithExif } from '../kernel/store/testing/images';
import { ADMIN, codeOf, makeStation, tempDir, type TestStation } from '../kernel/store/testing/fixtures';
import { encodeTrailer, readEntry, readManifest, signManifest, type BackupManifest } from './container';
import { createBackup } from './createBackup';
import { restoreBackup } from './restoreBackup';
import type { SuiteId } from '../../../common/sync/primitives';

describe('backups sealed with SM4-GCM and HMAC-SM3 where the station is 国密', () => {
  let t: TestStation;
  let cleanup: () => void;
  let root: string;
  beforeEach(() => {
    const d = tempDir();
    cleanup = d.cleanup;
    root = d.dir;
    mkdirSync(join(root, 'station'));
    mkdirSync(join(root, 'usb'));
    t = makeStation(join(root, 'station'));
    t.auth.login('admin', ADMIN.password);
  });
  afterEach(() => {
    t.auth.close();
    cleanup();
  });

  /** Enrolment pins the suite: what the sync engine writes on registration. */
  const pin = (suite: SuiteId) =>
    new RegistrationState(t.station.db, t.clock).saveRegistration(
      {
        deviceId: 'dev_aaaaaaaaaaaaaaaaaaaaaaaaaa',
        stationId: t.stationId,
        regionCode: '500110',
        platformUrl: 'https://127.0.0.1:1',
        platformId: 'p',
        platformSigningKey: 'k',
        platformEncryptionKey: 'k',
        platformFingerprint: 'f',
        suite,
        limits: { maxBundleBytes: 1, maxRecordsPerBundle: 1, maxBlobBytes: 1, maxPayloadBytes: 1 } as never,
      },
      [],
    );
  const asAdmin = () => {
    const [session] = t.auth.sessions.forAccount(t.adminId);
    return { session: { username: 'admin', privateKey: t.auth.slotKeyOf(session!.id), stationKey: Buffer.from(t.station.dbKey) } };
  };
  const backup = (name: string) => createBackup(t.station, t.auth.audit(), t.clock, { out: join(root, 'usb', name), actor: t.adminId });
  const restore = (file: string) => restoreBackup(t.station, t.clock, { file, unlock: asAdmin(), actor: t.adminId });
  /** The backup's data key, from its keyring with the recovery code (as on a new machine). */
  const dataKeyOf = (file: string, manifest: BackupManifest) =>
    Keyring.fromBody(
      parseKeyring(
        readEntry(
          file,
          manifest.entries.find((e) => e.name === 'keyring')!,
        ),
      ),
    ).unlockRecovery(t.recoveryCode).dbKey;
  const relogin = () => {
    t.auth.close();
    t.auth.login('admin', ADMIN.password);
  };

  it('names its cipher; the entry is SM4-GCM (checked with OpenSSL: HKDF-SM3 and SM4-CTR from inc32(J0)); each kind restores on a real encrypted station', () => {
    const att = new AttachmentStore(t.station.db, t.clock);
    const first = att.put('face-photo', jpegWithExif('before'));
    const international = backup('international.jzb');
    expect(international.manifest.cipher).toBe('SQLCIPHER-HMACSHA256-v1');
    pin('SM2-SM3-SM4GCM-v1');
    const second = att.put('face-photo', jpegWithExif('pinned'));
    const gm = backup('gm.jzb');
    expect(gm.manifest.cipher).toBe('SM4GCM-HMACSM3-v1');
    const entry = gm.manifest.entries.find((e) => e.name === 'db')!;
    expect(entry.nonce).toMatch(/^[0-9a-f]{24}$/);

    // Independently of sync-protocol/gm: Node's OpenSSL derives the key (HKDF-SM3) and runs SM4-CTR
    // from J0 + 1; the result is the store's encrypted snapshot, which opens with the backup's key.
    const key = dataKeyOf(gm.file, gm.manifest);
    const entryKey = Buffer.from(hkdfSync('sm3', key, Buffer.alloc(0), 'jiuzhu-backup/sm4-gcm/v1', 16));
    const body = readEntry(gm.file, entry).subarray(0, entry.size - 16);
    const ctr = createDecipheriv('sm4-ctr', entryKey, Buffer.concat([Buffer.from(entry.nonce!, 'hex'), Buffer.from([0, 0, 0, 2])]));
    const snapshot = join(root, 'snapshot.db');
    writeFileSync(snapshot, Buffer.concat([ctr.update(body), ctr.final()]));
    const snap = openSqlite(snapshot, key, { readonly: true });
    expect(snap.prepare('SELECT count(*) FROM attachment').pluck().get()).toBe(2);
    snap.close();
    // Not the snapshot in the clear: the SQLCipher file's bytes are not in the entry.
    expect(body.subarray(0, 4096).equals(readFileSync(snapshot).subarray(0, 4096))).toBe(false);

    att.put('face-photo', jpegWithExif('after'));
    restore(gm.file);
    relogin();
    expect(new AttachmentStore(t.station.db, t.clock).verifyAll()).toEqual({ checked: 2, bad: [] });
    expect(new AttachmentStore(t.station.db, t.clock).get(second.id).length).toBeGreaterThan(0);
    t.clock.advance(60_000);
    restore(international.file);
    relogin();
    expect(new AttachmentStore(t.station.db, t.clock).verifyAll()).toEqual({ checked: 1, bad: [] });
    expect(new AttachmentStore(t.station.db, t.clock).get(first.id).length).toBeGreaterThan(0);
    expect(t.auth.audit().query({ action: 'backup.restore' })).toHaveLength(1);
  });

  it('restores a backup made before the manifest named its cipher', () => {
    const made = backup('old.jzb');
    const { cipher: _named, mac: _mac, ...rest } = made.manifest;
    const old = signManifest(rest, dataKeyOf(made.file, made.manifest));
    const bytes = readFileSync(made.file);
    const at = old.entries.reduce((end, e) => Math.max(end, e.offset + e.size), 0);
    const file = join(root, 'usb', 'older.jzb');
    writeFileSync(file, Buffer.concat([bytes.subarray(0, at), encodeTrailer(old)]));
    expect(readManifest(file).manifest.cipher).toBeUndefined();
    restore(file);
    relogin();
    expect(t.auth.audit().query({ action: 'backup.restore' })).toHaveLength(1);
  });

  it('refuses a tampered 国密 backup with the typed errors, leaving the station as it was', () => {
    pin('SM2-SM3-SM4GCM-v1');
    const made = backup('gm.jzb');
    const good = readFileSync(made.file);
    const entry = made.manifest.entries.find((e) => e.name === 'db')!;
    const key = dataKeyOf(made.file, made.manifest);
    const at = made.manifest.entries.reduce((end, e) => Math.max(end, e.offset + e.size), 0);
    const withManifest = (bytes: Buffer, m: BackupManifest) => Buffer.concat([bytes.subarray(0, at), encodeTrailer(m)]);
    const flipped = Buffer.from(good);
    flipped[entry.offset + 5000]! ^= 0x01;
    const rehashed = {
      ...made.manifest,
      entries: made.manifest.entries.map((e) =>
        e.name === 'db' ? { ...e, sha256: sha256(flipped.subarray(e.offset, e.offset + e.size)) } : e,
      ),
    };
    const { mac: _m, ...unsigned } = rehashed;
    const { mac: _n, ...relabelled } = { ...made.manifest, cipher: 'SQLCIPHER-HMACSHA256-v1' as const };
    const file = join(root, 'usb', 'bad.jzb');
    const cases: Array<[string, Buffer, string]> = [
      ['a flipped ciphertext bit', flipped, 'BACKUP_DAMAGED'],
      ['the bit flipped and its hash fixed (the HMAC-SM3 refuses)', withManifest(flipped, rehashed), 'BACKUP_FOREIGN'],
      // Even with the MAC re-made under the right key, the SM4-GCM tag refuses the altered bytes.
      ['the bit flipped, hash and MAC re-made', withManifest(flipped, signManifest(unsigned, key)), 'BACKUP_DAMAGED'],
      ['relabelled as the international kind', withManifest(good, { ...relabelled, mac: made.manifest.mac }), 'BACKUP_FOREIGN'],
      // With the key, relabelled and re-MAC'd: the SM4 ciphertext is then taken as the store's file, which the key does not open.
      ['relabelled and MAC re-made', withManifest(good, signManifest(relabelled, key)), 'STORE_KEY_MISMATCH'],
    ];
    const before = readFileSync(t.station.paths.keyring);
    for (const [what, bytes, code] of cases) {
      writeFileSync(file, bytes, { flag: 'w' });
      expect(
        codeOf(() => restore(file)),
        what,
      ).toBe(code);
      expect(t.station.isOpen(), what).toBe(true);
    }
    expect(readFileSync(t.station.paths.keyring).equals(before)).toBe(true);
    expect(t.auth.audit().query({ action: 'backup.restore' })).toHaveLength(0);
    // The good one still restores.
    writeFileSync(file, good, { flag: 'w' });
    restore(file);
  });
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('a 国密 backup streams', () => {
  it('keeps memory flat: a 24 MiB database is sealed and opened in 1 MiB pieces', () => {
    const d = tempDir();
    try {
      mkdirSync(join(d.dir, 'station'));
      const s = makeStation(join(d.dir, 'station'));
      s.auth.login('admin', ADMIN.password);
      new RegistrationState(s.station.db, s.clock).saveRegistration(
        {
          deviceId: 'dev_b',
          stationId: s.stationId,
          regionCode: '500110',
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
      s.station.db.exec('CREATE TABLE filler (x BLOB) STRICT');
      for (let i = 0; i < 24; i++) s.station.db.prepare('INSERT INTO filler VALUES (randomblob(1048576))').run();
      // Live memory, not garbage waiting for a collection: collect before each sample.
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      const used = () => {
        gc();
        const m = process.memoryUsage();
        return m.heapUsed + m.arrayBuffers;
      };
      const base = used();
      let peak = 0;
      const phases: Record<string, number> = {};
      const sample = (p: { phase: string }) => {
        const now = used() - base;
        phases[p.phase] = Math.max(phases[p.phase] ?? 0, now);
        peak = Math.max(peak, now);
      };
      const out = join(d.dir, 'big.jzb');
      const made = createBackup(s.station, s.auth.audit(), s.clock, { out, actor: s.adminId, onProgress: sample });
      expect(made.manifest.cipher).toBe('SM4GCM-HMACSM3-v1');
      expect(made.bytes).toBeGreaterThan(24 * 1048576);
      const [session] = s.auth.sessions.forAccount(s.adminId);
      restoreBackup(s.station, s.clock, {
        file: out,
        unlock: { session: { username: 'admin', privateKey: s.auth.slotKeyOf(session!.id) } },
        actor: s.adminId,
        onProgress: sample,
      });
      console.log(
        `国密 backup of ${(made.bytes / 1048576).toFixed(1)} MiB: peak live heap + buffers above the start ${(peak / 1048576).toFixed(1)} MiB`,
        phases,
      );
      expect(peak).toBeLessThan(made.bytes / 2);
      s.auth.close();
    } finally {
      d.cleanup();
    }
  }, 120_000);
});
