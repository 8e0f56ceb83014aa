import { randomUUID } from 'node:crypto';
import { BLOB_HEADERS as H, TUS_VERSION } from '../../common/sync/blobs';
import type { BundleResult, OutboxRecord } from '../../common/sync/push';
import { platformInfoSchema, type PlatformInfo, type Registration } from '../../common/sync/registration';
import { encryptBlobFrom, encryptedBlobSize, sha256Hex, type BlobKeyInput } from '../../sync-protocol/blobCipher';
import {
  buildBundle,
  buildPullRequest,
  buildSessionRequest,
  openBundleResult,
  openPullPage,
  openSession,
  type OpenedPullPage,
} from '../../sync-protocol/deviceCodec';
import { generatePartyKeys } from '../../sync-protocol/keys';
import { DEFAULT_SUITE, suiteById } from '../../sync-protocol/suites';
import { hashMachineId } from '../../sync-protocol/machineId';
import { pinnedSuite, type DeviceContext } from '../../sync-protocol/parties';
import { buildRegistrationRequest, verifyRegistrationResponse } from '../../sync-protocol/registration';
import { encodeUploadMetadata } from '../../sync-protocol/tusMetadata';
import { expectStatus, request, type HttpAnswer } from './http';

class UploadGaveUp extends Error {}

const SEALED = { 'Content-Type': 'application/vnd.jiuzhu.sealed', 'Jiuzhu-Protocol': '1' };

export interface UploadReport {
  sha256: string;
  /** True when the platform already held the blob: no byte was sent. */
  skipped: boolean;
  attempts: number;
  /** Ciphertext bytes this client handed to PATCH bodies (not all of them cross a cut link). */
  bytesOffered: number;
  /** The Upload-Offset each PATCH started from (the platform's offset after HEAD). */
  patchOffsets: number[];
}

/**
 * A minimal workstation for tests: registration, bundles with in-flight bytes kept for retries,
 * sessions, tus uploads resumed from the platform's offset, pull by cursor. The real engine (with
 * outbox, schedule and backoff) lives in main/core/sync later.
 */
export class TestClient {
  nextRecordSeq = 1;
  nextBundleSeq = 1;
  private token: string | undefined;
  /** Upload URLs by sha256, kept across attempts (the engine keeps them in its store). */
  readonly uploadUrls = new Map<string, string>();

  constructor(
    public baseUrl: string,
    readonly device: DeviceContext,
    readonly registration: Registration,
  ) {}

  static async enrol(
    baseUrl: string,
    input: { code: string; fingerprint: string; machineId?: string; name?: string },
  ): Promise<TestClient> {
    let info: PlatformInfo | undefined;
    for (let attempt = 1; !info; attempt++) {
      try {
        info = platformInfoSchema.parse(
          JSON.parse(expectStatus(await request(`${baseUrl}/v1/platform`, { method: 'GET' }), 200).body.toString()),
        );
      } catch (e) {
        if (attempt >= 10) throw e;
      }
    }
    // As the engine does: the suite whose keys carry the slip's fingerprint.
    const offered = info.suiteKeys ?? [{ suite: DEFAULT_SUITE.id, fingerprint: info.fingerprint }];
    const suite = suiteById(offered.find((o) => o.fingerprint === input.fingerprint)?.suite ?? info.suites[0]!);
    const keys = generatePartyKeys(suite);
    const body = buildRegistrationRequest(
      {
        enrolmentCode: input.code,
        platformId: info.platformId,
        suite: suite.id,
        signingKey: keys.signing.publicKey,
        encryptionKey: keys.encryption.publicKey,
        machineIdHash: hashMachineId(input.machineId ?? randomUUID(), info.platformId),
        deviceName: input.name ?? '一号窗口',
        appVersion: '0.1.0',
      },
      keys.signing,
    );
    // Registration is idempotent for the same claim: retry transport failures with the same body.
    let answer: HttpAnswer | undefined;
    for (let attempt = 1; !answer; attempt++) {
      try {
        answer = expectStatus(
          await request(`${baseUrl}/v1/devices`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: Buffer.from(JSON.stringify(body)),
          }),
          201,
        );
      } catch (e) {
        if (attempt >= 10 || (e as { status?: number }).status !== undefined) throw e;
      }
    }
    const registration = verifyRegistrationResponse(JSON.parse(answer.body.toString()), input.fingerprint, suite.id);
    const device: DeviceContext = {
      deviceId: registration.deviceId,
      keys,
      platform: {
        platformId: registration.platformId,
        signingKey: registration.signingKey,
        encryptionKey: registration.encryptionKey,
        suite: suite.id,
      },
    };
    return new TestClient(baseUrl, device, registration);
  }

  /** The suite this client enrolled with. */
  get suite() {
    return pinnedSuite(this.device.platform);
  }

  /** The key of one of this device's blobs, in its suite. */
  blobKey(sha256: string, direction: 'up' | 'down'): BlobKeyInput {
    const { keys, platform, deviceId } = this.device;
    return { mine: keys.encryption, peerKey: platform.encryptionKey, deviceId, sha256, direction, suite: this.suite };
  }

  /** An outbox record with the next sequence number. */
  record(input: Partial<OutboxRecord> & Pick<OutboxRecord, 'kind' | 'body'>): OutboxRecord {
    return { id: randomUUID(), seq: this.nextRecordSeq++, madeAt: new Date().toISOString(), ...input };
  }

  /** Seal the next bundle; the caller keeps the bytes to resend after a failure. */
  bundle(records: OutboxRecord[]) {
    return buildBundle(this.device, { bundleSeq: this.nextBundleSeq++, records });
  }

  async sendBundle(built: { bytes: Buffer; bundleId: string }): Promise<BundleResult> {
    const answer = await this.sealedWithSession('/v1/bundles', built.bytes);
    return openBundleResult(this.device, answer.body, built.bundleId);
  }

  /** A sealed request that needs the session (bundles, pull); an expired session is reopened and the same bytes sent again, once. */
  private async sealedWithSession(path: string, bytes: Buffer): Promise<HttpAnswer> {
    for (let round = 0; ; round++) {
      const headers = { ...SEALED, Authorization: `Bearer ${this.token ?? (await this.session())}` };
      const answer = await request(`${this.baseUrl}${path}`, { method: 'POST', headers, body: bytes });
      if (round === 0 && answer.status === 401 && answer.body.toString().includes('SYNC_SESSION_EXPIRED')) {
        this.token = undefined;
        continue;
      }
      return expectStatus(answer, 200);
    }
  }

  /** Send one bundle, resending the same bytes after transport failures (not after typed refusals). */
  async push(records: OutboxRecord[], attempts = 5): Promise<{ result: BundleResult; attempts: number }> {
    const built = this.bundle(records);
    for (let attempt = 1; ; attempt++) {
      try {
        return { result: await this.sendBundle(built), attempts: attempt };
      } catch (e) {
        if (attempt >= attempts || (e as { status?: number }).status !== undefined) throw e;
      }
    }
  }

  async session(): Promise<string> {
    const { bytes, nonce } = buildSessionRequest(this.device);
    const answer = expectStatus(await request(`${this.baseUrl}/v1/session`, { method: 'POST', headers: SEALED, body: bytes }), 200);
    this.token = openSession(this.device, answer.body, nonce).token;
    return this.token;
  }

  private async auth(): Promise<Record<string, string>> {
    return { Authorization: `Bearer ${this.token ?? (await this.session())}`, 'Tus-Resumable': TUS_VERSION };
  }

  async hasBlob(sha256: string): Promise<boolean> {
    const answer = await request(`${this.baseUrl}/v1/blobs/${sha256}`, { method: 'HEAD', headers: await this.auth() });
    return expectStatus(answer, 200, 404).status === 200;
  }

  /**
   * Upload a blob with tus: skip it if the platform has it; create (or reuse) the upload; then
   * HEAD for the offset and PATCH from there until done, up to `attempts` PATCHes.
   */
  async uploadBlob(plain: Buffer, options: { attempts?: number; contentType?: string; timeoutMs?: number } = {}): Promise<UploadReport> {
    const sha256 = sha256Hex(plain);
    const report: UploadReport = { sha256, skipped: false, attempts: 0, bytesOffered: 0, patchOffsets: [] };
    if (await this.hasBlob(sha256)) return { ...report, skipped: true };
    const length = encryptedBlobSize(plain.length);
    const key = this.blobKey(sha256, 'up');
    for (let round = 0; ; round++) {
      if (round > (options.attempts ?? 10) * 4) throw new Error(`upload gave up after ${round} rounds`);
      let url = this.uploadUrls.get(sha256);
      try {
        if (!url) {
          const created = expectStatus(
            await request(`${this.baseUrl}/v1/uploads`, {
              method: 'POST',
              headers: {
                ...(await this.auth()),
                [H.uploadLength]: String(length),
                [H.uploadMetadata]: encodeUploadMetadata({
                  sha256,
                  size: String(plain.length),
                  cipher: this.suite.blobCipher,
                  contentType: options.contentType ?? 'application/octet-stream',
                }),
              },
            }),
            201,
          );
          url = `${this.baseUrl}${String(created.headers['location'])}`;
          this.uploadUrls.set(sha256, url);
          if (created.headers[H.blobStatus.toLowerCase()] === 'stored') return report;
        }
        const head = expectStatus(await request(url, { method: 'HEAD', headers: await this.auth() }), 200);
        const offset = Number(head.headers['upload-offset']);
        if (offset === length) return report;
        if (report.attempts >= (options.attempts ?? 10)) throw new UploadGaveUp(`upload not finished after ${report.attempts} PATCHes`);
        report.attempts++;
        report.bytesOffered += length - offset;
        report.patchOffsets.push(offset);
        const patched = await request(url, {
          method: 'PATCH',
          headers: {
            ...(await this.auth()),
            'Content-Type': 'application/offset+octet-stream',
            [H.uploadOffset]: String(offset),
            'Content-Length': String(length - offset),
          },
          body: encryptBlobFrom([plain], key, offset),
          ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        });
        expectStatus(patched, 204);
        if (Number(patched.headers['upload-offset']) === length) return report;
      } catch (e) {
        if (e instanceof UploadGaveUp) throw e;
        const status = (e as { status?: number }).status;
        if (status === 404)
          this.uploadUrls.delete(sha256); // expired: start again
        else if (status === 401) this.token = undefined;
        else if (status !== undefined && status !== 409) throw e;
      }
    }
  }

  async pull(cursor: string | undefined, limit = 100): Promise<OpenedPullPage> {
    const built = buildPullRequest(this.device, { cursor, limit });
    const answer = await this.sealedWithSession('/v1/pull', built.bytes);
    return openPullPage(this.device, answer.body, built);
  }
}
