/**
 * The device signing key in an SKF (GM/T 0016-2012) USB key: an SM2 signing key pair in a
 * container of an application, used after the user PIN is verified. The provider computes
 * e = SM3(Z ‖ M) itself (Z over the default id and the key's public point, GB/T 32918.2 A1–A2),
 * has the key sign e with SKF_ECCSignData (the standard's input is the digest, not the message),
 * and verifies the answer against the exported public key before handing it out, so a faulty key
 * or library cannot put an unverifiable signature on a bundle.
 */
import { JiuzhuError } from '../../../../../../common/contract/errors';
import { SM2_PUBLIC_KEY_BYTES, sm2Digest, sm2PublicKeyValid, sm2Verify } from '../../../../../../sync-protocol/gm/index';
import type { KeyProvider } from '../keyProvider';
import { bindSkf, callAsync, SAR, sarHex, USER_PIN, type SkfFunctions } from './skfBinding';
import {
  ECC_PUBLIC_KEY_BLOB_BYTES,
  ECC_SIGNATURE_BLOB_BYTES,
  namesOfList,
  pointOfEccPublicKeyBlob,
  rsOfEccSignatureBlob,
} from './skfBlobs';

export interface SkfKeyOptions {
  /** The vendor library's real path (an allow-listed name resolved in the install's folder, never a configured path). */
  library: string;
  /** The device name to use; when absent the one present device that holds the application. */
  device?: string;
  application: string;
  container: string;
  /** Asked once at open: the user PIN, typed by the administrator (never stored). */
  pin: () => Promise<string>;
}

type Handle = unknown;

const failed = (step: string, code: number) =>
  new JiuzhuError('KEY_DEVICE_FAILED', { step, code: sarHex(code) }, { step, code: sarHex(code) });

async function check(step: string, result: Promise<number>): Promise<void> {
  const code = await result;
  if (code !== SAR.OK) throw failed(step, code);
}

async function deviceNames(fns: SkfFunctions): Promise<string[]> {
  const size = [0];
  await check('SKF_EnumDev', callAsync(fns.enumDev, 1, null, size));
  const list = Buffer.alloc(Math.max(size[0]!, 2));
  const got = [list.length];
  await check('SKF_EnumDev', callAsync(fns.enumDev, 1, list, got));
  return namesOfList(list, got[0]!);
}

export class SkfKeyProvider implements KeyProvider {
  readonly algorithm = 'sm2' as const;
  private closed = false;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly fns: SkfFunctions,
    private readonly handles: { device: Handle; application: Handle; container: Handle },
    private readonly point: Buffer,
    readonly location: Extract<KeyProvider['location'], { kind: 'skf' }>,
  ) {}

  /** Enumerate, connect, open the application, verify the PIN, open the container, export the signing public key. */
  static async open(options: SkfKeyOptions): Promise<SkfKeyProvider> {
    const fns = bindSkf(options.library);
    const names = await deviceNames(fns);
    const candidates = options.device ? names.filter((n) => n === options.device) : names;
    if (candidates.length === 0)
      throw new JiuzhuError('KEY_DEVICE_NOT_FOUND', { device: options.device ? `“${options.device}”` : '' }, { present: names });
    const undo: Array<() => Promise<unknown>> = [];
    const unwind = async () => {
      for (const u of undo.reverse()) await u().catch(() => undefined);
    };
    try {
      // The first candidate that holds the application (a station may have other USB keys plugged in).
      let device: Handle = null;
      let application: Handle = null;
      let chosen = '';
      let lastCode: number = SAR.DEVICE_REMOVED;
      for (const name of candidates) {
        const dev = [null];
        await check('SKF_ConnectDev', callAsync(fns.connectDev, name, dev));
        const app = [null];
        lastCode = await callAsync(fns.openApplication, dev[0], options.application, app);
        if (lastCode === SAR.OK) {
          [device, application, chosen] = [dev[0], app[0], name];
          break;
        }
        await callAsync(fns.disconnectDev, dev[0]);
      }
      if (!chosen)
        throw lastCode === SAR.DEVICE_REMOVED
          ? new JiuzhuError('KEY_DEVICE_NOT_FOUND', { device: '' })
          : failed('SKF_OpenApplication', lastCode);
      undo.push(() => callAsync(fns.disconnectDev, device));
      undo.push(() => callAsync(fns.closeApplication, application));
      const retries = [0];
      const pinCode = await callAsync(fns.verifyPin, application, USER_PIN, await options.pin(), retries);
      if (pinCode === SAR.PIN_LOCKED || (pinCode === SAR.PIN_INCORRECT && retries[0] === 0)) throw new JiuzhuError('KEY_DEVICE_PIN_LOCKED');
      if (pinCode === SAR.PIN_INCORRECT)
        throw new JiuzhuError('KEY_DEVICE_PIN_INCORRECT', { retries: retries[0]! }, { retries: retries[0] });
      if (pinCode !== SAR.OK) throw failed('SKF_VerifyPIN', pinCode);
      const container = [null];
      await check('SKF_OpenContainer', callAsync(fns.openContainer, application, options.container, container));
      undo.push(() => callAsync(fns.closeContainer, container[0]));
      const blob = Buffer.alloc(ECC_PUBLIC_KEY_BLOB_BYTES);
      const blobLen = [blob.length];
      await check('SKF_ExportPublicKey', callAsync(fns.exportPublicKey, container[0], 1, blob, blobLen));
      const point = pointOfEccPublicKeyBlob(blob.subarray(0, blobLen[0]));
      if (!point || point.length !== SM2_PUBLIC_KEY_BYTES || !sm2PublicKeyValid(point)) {
        throw new JiuzhuError('KEY_DEVICE_BAD_KEY', { container: options.container, reason: '不是 SM2 签名公钥' });
      }
      const location = {
        kind: 'skf' as const,
        library: options.library,
        device: chosen,
        application: options.application,
        container: options.container,
      };
      return new SkfKeyProvider(fns, { device, application, container: container[0] }, point, location);
    } catch (error) {
      await unwind();
      throw error;
    }
  }

  publicKey(): Buffer {
    return Buffer.from(this.point);
  }

  /** One call at a time: a USB key has one session. */
  sign(message: Uint8Array): Promise<Buffer> {
    const run = () => this.signNow(message);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async signNow(message: Uint8Array): Promise<Buffer> {
    if (this.closed) throw new JiuzhuError('KEY_DEVICE_NOT_FOUND', { device: `“${this.location.device}”` });
    const e = sm2Digest(this.point, message);
    const blob = Buffer.alloc(ECC_SIGNATURE_BLOB_BYTES);
    const code = await callAsync(this.fns.eccSignData, this.handles.container, e, e.length, blob);
    if (code === SAR.DEVICE_REMOVED) throw new JiuzhuError('KEY_DEVICE_NOT_FOUND', { device: `“${this.location.device}”` });
    if (code !== SAR.OK) throw failed('SKF_ECCSignData', code);
    const rs = rsOfEccSignatureBlob(blob);
    if (!rs || !sm2Verify(this.point, message, rs)) {
      throw new JiuzhuError('KEY_DEVICE_BAD_KEY', { container: this.location.container, reason: '签名未通过核验' });
    }
    return rs;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await callAsync(this.fns.closeContainer, this.handles.container).catch(() => undefined);
    await callAsync(this.fns.closeApplication, this.handles.application).catch(() => undefined);
    await callAsync(this.fns.disconnectDev, this.handles.device).catch(() => undefined);
  }
}
