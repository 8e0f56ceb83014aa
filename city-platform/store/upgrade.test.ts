import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { describeStores } from '../testing/stores';
import { PgPlatformStore } from './pgStore';
import { PG_MIGRATIONS } from './pgSchema';
import { MIGRATIONS } from './schema';
import { SqlitePlatformStore } from './sqliteStore';
import type { PlatformStore } from './types';

const sha = 'ab'.repeat(32);
const device = ['dev_aaaaaaaaaaaaaaaaaaaaaaaaaa', 'ST-A', '500110', 'c'.repeat(64), 'sk', 'ek', '一号窗口', '0.1.0', 'active', 1, 1];
const blob = [sha, 1234, 'ST-A', 'dev_aaaaaaaaaaaaaaaaaaaaaaaaaa', 'application/pdf', 2];

/**
 * A platform database from before blobs were held per station (migration 4) upgrades in place:
 * each blob stays held by the station that sent it, and no other; devices stay active.
 */
describeStores('platform store: upgrade to blobs held per station', (store) => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function oldDatabase(): Promise<() => Promise<PlatformStore>> {
    const fresh = await store.fresh();
    if (fresh.pgUrl) {
      const client = new pg.Client({ connectionString: fresh.pgUrl });
      await client.connect();
      await client.query('CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      for (let i = 0; i < 3; i++) {
        await client.query(PG_MIGRATIONS[i]!);
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [i + 1]);
      }
      await client.query(
        'INSERT INTO devices (device_id, station_id, region_code, machine_id_hash, signing_key, encryption_key, name, app_version, status, registered_at, counter_no) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)',
        device,
      );
      await client.query(
        'INSERT INTO blobs (sha256, size, station_id, device_id, content_type, stored_at) VALUES ($1,$2,$3,$4,$5,$6)',
        blob,
      );
      await client.end();
      return () => PgPlatformStore.open(fresh.pgUrl!);
    }
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-platform-upgrade-'));
    dirs.push(dir);
    const file = join(dir, 'platform.sqlite');
    const db = new Database(file);
    MIGRATIONS.slice(0, 3).forEach((sql) => db.exec(sql));
    db.pragma('user_version = 3');
    db.prepare(
      'INSERT INTO devices (device_id, station_id, region_code, machine_id_hash, signing_key, encryption_key, name, app_version, status, registered_at, counter_no) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
    ).run(...device);
    db.prepare('INSERT INTO blobs (sha256, size, station_id, device_id, content_type, stored_at) VALUES (?,?,?,?,?,?)').run(...blob);
    db.close();
    return async () => new SqlitePlatformStore(file);
  }

  it('keeps each blob under the station that sent it, lets another station store the same hash, and keeps devices active', async () => {
    const open = await oldDatabase();
    const upgraded = await open();
    try {
      expect(await upgraded.getBlob(sha, 'ST-A')).toMatchObject({
        sha256: sha,
        size: 1234,
        stationId: 'ST-A',
        contentType: 'application/pdf',
      });
      expect(await upgraded.getBlob(sha, 'ST-B')).toBeUndefined();
      expect(await upgraded.getDevice('dev_aaaaaaaaaaaaaaaaaaaaaaaaaa')).toMatchObject({ status: 'active', replaces: null, counterNo: 1 });
      await upgraded.createUpload({
        uploadId: 'u'.repeat(22),
        deviceId: 'dev_bbbbbbbbbbbbbbbbbbbbbbbbbb',
        sha256: sha,
        length: 1250,
        contentType: null,
        createdAt: 3,
        expiresAt: 9e12,
        status: 'open',
      });
      await upgraded.finishUpload('u'.repeat(22), {
        sha256: sha,
        size: 1234,
        stationId: 'ST-B',
        deviceId: 'dev_bbbbbbbbbbbbbbbbbbbbbbbbbb',
        contentType: null,
        storedAt: 4,
      });
      expect((await upgraded.listBlobs()).map((b) => b.stationId)).toEqual(['ST-A', 'ST-B']);
    } finally {
      await upgraded.close();
    }
  });
});
