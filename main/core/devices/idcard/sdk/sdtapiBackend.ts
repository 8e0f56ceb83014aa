import { JiuzhuError } from '../../../../../common/contract/errors';
import type { IdCardBackend, RawCardRead, ReadOnceOptions } from '../backend';
import { parseAppendedAddress } from '../parse/appendedAddress';
import { SW3, statusError } from '../protocol/status';
import { bindOptional, bindRequired, callAsync, loadLibrary, type NativeFunction } from './native';

/** The 公安部一所-style SDT_ API (sdtapi.dll / libsdtapi.so) that many vendors ship. */
export interface SdtapiConfig {
  kind: 'sdtapi';
  library: string;
  /** 1–16 serial COM ports, 1001–1016 USB readers. */
  port: number;
}

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Return values are the SAM's SW3 codes, so they map to the same typed errors as the serial driver. */
export class SdtapiBackend implements IdCardBackend {
  readonly kind = 'sdtapi' as const;
  private open = true;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly config: SdtapiConfig,
    private readonly fns: {
      close: NativeFunction;
      find: NativeFunction;
      select: NativeFunction;
      readBase: NativeFunction;
      readAppended: NativeFunction | undefined;
      samId: NativeFunction | undefined;
    },
  ) {}

  static async open(config: SdtapiConfig): Promise<SdtapiBackend> {
    const lib = loadLibrary(config.library);
    const req = (proto: string): NativeFunction => bindRequired(lib, config.library, proto);
    const openPort = req('int __stdcall SDT_OpenPort(int port)');
    const backend = new SdtapiBackend(config, {
      close: req('int __stdcall SDT_ClosePort(int port)'),
      find: req('int __stdcall SDT_StartFindIDCard(int port, _Out_ uint8_t *manaInfo, int ifOpen)'),
      select: req('int __stdcall SDT_SelectIDCard(int port, _Out_ uint8_t *manaMsg, int ifOpen)'),
      readBase: req(
        'int __stdcall SDT_ReadBaseMsg(int port, _Out_ uint8_t *text, _Out_ uint32_t *textLen, _Out_ uint8_t *photo, _Out_ uint32_t *photoLen, int ifOpen)',
      ),
      readAppended: bindOptional(lib, 'int __stdcall SDT_ReadNewAppMsg(int port, _Out_ uint8_t *msg, _Out_ uint32_t *msgLen, int ifOpen)'),
      samId: bindOptional(lib, 'int __stdcall SDT_GetSAMIDToStr(int port, _Out_ uint8_t *samId, int ifOpen)'),
    });
    const result = await callAsync(openPort, config.port);
    if (result !== SW3.ok) {
      throw new JiuzhuError('IDCARD_PORT_OPEN_FAILED', { port: String(config.port), reason: `SDT_OpenPort 返回 ${result}` }, { result });
    }
    return backend;
  }

  get description(): string {
    return `sdtapi ${this.config.library} port ${this.config.port}`;
  }

  get isOpen(): boolean {
    return this.open;
  }

  readOnce(options: ReadOnceOptions = {}): Promise<RawCardRead | { same: string }> {
    const run = (): Promise<RawCardRead | { same: string }> => this.read(options);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    await callAsync(this.fns.close, this.config.port).catch(() => undefined);
  }

  private async read(options: ReadOnceOptions): Promise<RawCardRead | { same: string }> {
    if (!this.open) throw new JiuzhuError('IDCARD_READER_CLOSED');
    const port = this.config.port;
    const mana = Buffer.alloc(16);
    this.check(await callAsync(this.fns.find, port, mana, 1), SW3.findOk, 'SDT_StartFindIDCard');
    const selected = Buffer.alloc(16);
    this.check(await callAsync(this.fns.select, port, selected, 1), SW3.ok, 'SDT_SelectIDCard');
    const key = selected.subarray(0, 8).some((b) => b !== 0) ? hex(selected.subarray(0, 8)) : undefined;
    if (key && key === options.unlessKey) return { same: key };

    const text = Buffer.alloc(512);
    const photo = Buffer.alloc(2048);
    const textLen = [0];
    const photoLen = [0];
    this.check(await callAsync(this.fns.readBase, port, text, textLen, photo, photoLen, 1), SW3.ok, 'SDT_ReadBaseMsg');
    const appendedAddress = await this.appendedAddress();
    const samId = await this.samId();
    return {
      text: { kind: 'block', block: new Uint8Array(text.subarray(0, clamp(textLen[0], text.length))) },
      photo: { wlt: new Uint8Array(photo.subarray(0, clamp(photoLen[0], photo.length))) },
      ...(appendedAddress ? { appendedAddress } : {}),
      ...(samId ? { samId } : {}),
      ...(key ? { cardKey: key } : {}),
    };
  }

  private async appendedAddress(): Promise<string | undefined> {
    if (!this.fns.readAppended) return undefined;
    const buf = Buffer.alloc(256);
    const len = [0];
    const result = await callAsync(this.fns.readAppended, this.config.port, buf, len, 1);
    if (result === SW3.itemAbsent) return undefined;
    this.check(result, SW3.ok, 'SDT_ReadNewAppMsg');
    return parseAppendedAddress(new Uint8Array(buf.subarray(0, clamp(len[0], buf.length))));
  }

  private async samId(): Promise<string | undefined> {
    if (!this.fns.samId) return undefined;
    const buf = Buffer.alloc(128);
    const result = await callAsync(this.fns.samId, this.config.port, buf, 1);
    if (result !== SW3.ok) return undefined;
    const end = buf.indexOf(0);
    return buf.toString('latin1', 0, end < 0 ? buf.length : end).trim() || undefined;
  }

  private check(result: number, expected: number, fn: string): void {
    if (result === expected) return;
    // The host library's own codes: 1 port, 2 receive timeout, 3 transmission error.
    if (result === 0x01 || result === 0x03) {
      this.open = false;
      throw new JiuzhuError('IDCARD_DISCONNECTED', {}, { fn, result });
    }
    if (result === 0x02) throw new JiuzhuError('IDCARD_TIMEOUT', { ms: '—' }, { fn, result });
    throw statusError(result, fn);
  }
}

function clamp(n: number | undefined, max: number): number {
  return Math.max(0, Math.min(n ?? 0, max));
}
