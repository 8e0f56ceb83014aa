import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseStep } from '../city-platform/testClient/fixtures';
import { startPlatform } from '../city-platform/platform';
import type { OutboxRecord } from '../common/sync/push';
import { engineFixture, registerWith } from '../main/core/sync/engine/testing/engineFixture';
import { createBlobOpener, encryptBlob, encryptBlobFrom, sha256Hex, type BlobKeyInput } from '../sync-protocol/blobCipher';
import { buildBundle } from '../sync-protocol/deviceCodec';
import { generatePartyKeys } from '../sync-protocol/keys';
import type { DeviceContext, KnownDevice, PlatformContext } from '../sync-protocol/parties';
import { openBundle } from '../sync-protocol/platformCodec';
import type { CryptoSuite } from '../sync-protocol/suite';
import { gmSuite, intlSuite } from '../sync-protocol/suites';
import { row, type Benchmark, type BenchRow } from './types';

const BUNDLE_RECORDS = 50;
const BLOB_BYTES = 16 * 1024 * 1024;
const CHUNK = 64 * 1024;
const ENGINE_CASES = 200;

/** A device and a platform that speak `suite`, and a bundle's worth of realistic case records. */
function parties(suite: CryptoSuite) {
  const platformKeys = generatePartyKeys(suite);
  const deviceKeys = generatePartyKeys(suite);
  const platform: PlatformContext = {
    platformId: 'bench',
    keys: platformKeys,
    suiteKeys: { [suite.id]: platformKeys },
    maxPayloadBytes: 1 << 24,
  };
  const device: DeviceContext = {
    deviceId: 'dev_aaaaaaaaaaaaaaaaaaaaaaaaaa',
    keys: deviceKeys,
    platform: {
      platformId: 'bench',
      signingKey: platformKeys.signing.publicKey,
      encryptionKey: platformKeys.encryption.publicKey,
      suite: suite.id,
    },
    compression: 'gzip',
  };
  const known: KnownDevice = {
    deviceId: device.deviceId,
    signingKey: deviceKeys.signing.publicKey,
    encryptionKey: deviceKeys.encryption.publicKey,
  };
  return { platform, device, known };
}

function timeFor(seconds: number, fn: () => void): number {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    fn();
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

/** Sealed bundles per second (compress, sign, agree, derive, encrypt) and opened ones (the reverse, and the schema). */
function bundles(suite: CryptoSuite) {
  const { platform, device, known } = parties(suite);
  const records: OutboxRecord[] = Array.from({ length: BUNDLE_RECORDS }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    seq: i + 1,
    madeAt: '2026-11-29T09:30:00.000+08:00',
    ...caseStep(`B-${i}`, 3000 + i, { members: 3 }),
  }));
  let seq = 1;
  const seal = timeFor(3, () => buildBundle(device, { bundleSeq: seq++, records }));
  const sample = buildBundle(device, { bundleSeq: 1, records });
  const open = timeFor(3, () => openBundle(platform, sample.bytes, () => known));
  return { seal, open, bytes: sample.bytes.length };
}

/** Blob cipher throughput, streamed in 64 KiB chunks both ways, and the heap it grows by. */
async function blobs(suite: CryptoSuite) {
  const plain = randomBytes(BLOB_BYTES);
  const device = generatePartyKeys(suite).encryption;
  const platform = generatePartyKeys(suite).encryption;
  const sha256 = sha256Hex(plain);
  const up: BlobKeyInput = { mine: device, peerKey: platform.publicKey, deviceId: 'dev_bench', sha256, direction: 'up', suite };
  const chunks = function* () {
    for (let at = 0; at < plain.length; at += CHUNK) yield plain.subarray(at, at + CHUNK);
  };
  const t0 = performance.now();
  let out = 0;
  for await (const part of encryptBlobFrom(chunks(), up, 0)) out += part.length;
  const encryptSeconds = (performance.now() - t0) / 1000;
  if (out !== BLOB_BYTES + 16) throw new Error('blob cipher lost bytes');
  const ciphertext = encryptBlob(plain, up);
  const opener = createBlobOpener({ ...up, mine: platform, peerKey: device.publicKey }, ciphertext.subarray(ciphertext.length - 16));
  const t1 = performance.now();
  for (let at = 0; at < ciphertext.length - 16; at += CHUNK)
    opener.update(ciphertext.subarray(at, Math.min(at + CHUNK, ciphertext.length - 16)));
  opener.finish();
  const decryptSeconds = (performance.now() - t1) / 1000;
  const mb = BLOB_BYTES / (1024 * 1024);
  return { encrypt: mb / encryptSeconds, decrypt: mb / decryptSeconds };
}

/** The real engine pushing cases to the real platform on loopback, sealed in `suite`. */
async function engine(suite: CryptoSuite) {
  const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-suites-'));
  const platform = await startPlatform({ dataDir, suites: [suite.id] });
  const f = engineFixture();
  try {
    await registerWith(f, platform, 'ST-BENCH');
    for (let i = 0; i < ENGINE_CASES; i++) f.enqueueCase(`E-${i}`, 5000 + i);
    f.engine.state().saveSettings({ ...f.engine.state().settings(), bundleTargetBytes: 4096 });
    const t0 = performance.now();
    const r = await f.engine.run('bench');
    const seconds = (performance.now() - t0) / 1000;
    if (r.outcome !== 'ok') throw new Error(`sync run ended ${r.outcome}: ${r.error?.message ?? ''}`);
    const bundleCount = Number((f.db().prepare('SELECT last_bundle_seq AS n FROM sync_registration').get() as { n: number }).n);
    return { recordsPerSecond: r.summary.acknowledged / seconds, bundlesPerSecond: bundleCount / seconds, bundleCount };
  } finally {
    f.cleanup();
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const benchmark: Benchmark = {
  name: 'suites',
  summary:
    'the 国密 suite (SM2/SM3/SM4-GCM, pure TypeScript) beside the international one (node:crypto) in one run: bundles/s, blob MB/s, engine push on loopback',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    const intl = bundles(intlSuite);
    const gm = bundles(gmSuite);
    const work = `${BUNDLE_RECORDS} case records, ${Math.round(gm.bytes / 1024)} KB sealed`;
    rows.push(row('bundle sealed, international', work, intl.seal, 'bundles/s'));
    rows.push(row('bundle sealed, 国密', work, gm.seal, 'bundles/s', intl.seal));
    rows.push(row('bundle opened, international', work, intl.open, 'bundles/s'));
    rows.push(row('bundle opened, 国密', work, gm.open, 'bundles/s', intl.open));
    const bi = await blobs(intlSuite);
    const bg = await blobs(gmSuite);
    const blobWork = `${BLOB_BYTES / (1024 * 1024)} MiB in 64 KiB chunks`;
    rows.push(row('blob encrypted, international', blobWork, bi.encrypt, 'MB/s'));
    rows.push(row('blob encrypted, 国密', blobWork, bg.encrypt, 'MB/s', bi.encrypt));
    rows.push(row('blob decrypted + verified, international', blobWork, bi.decrypt, 'MB/s'));
    rows.push(row('blob decrypted + verified, 国密', blobWork, bg.decrypt, 'MB/s', bi.decrypt));
    const ei = await engine(intlSuite);
    const eg = await engine(gmSuite);
    const engineWork = (n: number) => `${ENGINE_CASES} cases, ${n} bundles, loopback`;
    rows.push(row('engine push, international', engineWork(ei.bundleCount), ei.bundlesPerSecond, 'bundles/s'));
    rows.push(row('engine push, 国密', engineWork(eg.bundleCount), eg.bundlesPerSecond, 'bundles/s', ei.bundlesPerSecond));
    rows.push(row('engine push, international', `${ENGINE_CASES} cases`, ei.recordsPerSecond, 'records/s'));
    rows.push(row('engine push, 国密', `${ENGINE_CASES} cases`, eg.recordsPerSecond, 'records/s', ei.recordsPerSecond));
    return rows;
  },
};
