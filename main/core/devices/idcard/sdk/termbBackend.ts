import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { JiuzhuError } from '../../../../../common/contract/errors';
import type { IdCardBackend, RawCardRead } from '../backend';
import { parseAppendedAddress } from '../parse/appendedAddress';
import { bindOptional, bindRequired, callAsync, loadLibrary, type NativeFunction, type NativeLibrary } from './native';
import { cardFromGetters, type TermbGetterTexts } from './termbFields';

/** termb.dll / libtermb.so (华视 CVR-100 family; 神思 ships the same names). */
export interface TermbConfig {
  kind: 'termb';
  library: string;
  /** 1–16 serial COM ports, 1001–1016 USB readers. */
  port: number;
  /** 'CVR_' for libraries that export CVR_InitComm …; default none. */
  prefix?: '' | 'CVR_';
  /**
   * 'files': Read_Content writes wz.txt (the raw 256-byte text block), xp.wlt and zp.bmp.
   * 'getters': read the fields through GetPeopleName … (resident and 'J' cards only).
   */
  output: 'files' | 'getters';
  /** Where the files appear: passed to Read_Content_Path when the library has it; default the library's folder. */
  outputDir?: string;
  /** Read_Content's argument; 1 = wz.txt + xp.wlt + zp.bmp. */
  active?: number;
  /** Also read the latest appended address (Read_Content 3 → newadd.txt). Default true in 'files' mode. */
  appendedAddress?: boolean;
  today: () => string;
}

const GETTERS = [
  'GetPeopleName',
  'GetPeopleSex',
  'GetPeopleNation',
  'GetPeopleBirthday',
  'GetPeopleAddress',
  'GetPeopleIDCode',
  'GetDepartment',
  'GetStartDate',
  'GetEndDate',
  'GetCertType',
] as const;

const gbk = new TextDecoder('gbk');

/** Functions return 1 on success; Authenticate's failure means no card in the field. */
export class TermbBackend implements IdCardBackend {
  readonly kind = 'termb' as const;
  private open = true;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly fns: Record<string, NativeFunction | undefined> = {};

  private constructor(
    private readonly config: TermbConfig,
    private readonly lib: NativeLibrary,
  ) {}

  static async open(config: TermbConfig): Promise<TermbBackend> {
    const lib = loadLibrary(config.library);
    const backend = new TermbBackend(config, lib);
    const p = config.prefix ?? '';
    const req = (proto: string): NativeFunction => bindRequired(lib, config.library, proto);
    const f = backend.fns;
    f.init = req(`int __stdcall ${p}InitComm(int port)`);
    f.auth = req(`int __stdcall ${p}Authenticate()`);
    f.read = req(`int __stdcall ${p}Read_Content(int active)`);
    f.readPath = bindOptional(lib, `int __stdcall ${p}Read_Content_Path(const char *dir, int active)`);
    f.close = req(`int __stdcall ${p}CloseComm()`);
    f.samId = bindOptional(lib, `int __stdcall ${p}GetSAMID(_Out_ uint8_t *buf)`);
    if (config.output === 'getters') for (const g of GETTERS) f[g] = req(`int __stdcall ${g}(_Out_ uint8_t *buf, _Inout_ int *len)`);
    const result = await callAsync(f.init, config.port);
    if (result !== 1) {
      throw new JiuzhuError('IDCARD_PORT_OPEN_FAILED', { port: String(config.port), reason: `${p}InitComm 返回 ${result}` }, { result });
    }
    return backend;
  }

  get description(): string {
    return `termb ${this.config.library} port ${this.config.port}`;
  }

  get isOpen(): boolean {
    return this.open;
  }

  readOnce(): Promise<RawCardRead> {
    const run = (): Promise<RawCardRead> => this.read();
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    await callAsync(this.fns.close!).catch(() => undefined);
    this.lib.unload();
  }

  private async read(): Promise<RawCardRead> {
    if (!this.open) throw new JiuzhuError('IDCARD_READER_CLOSED');
    if ((await callAsync(this.fns.auth!)) !== 1) throw new JiuzhuError('IDCARD_NO_CARD', {}, { fn: 'Authenticate' });
    const samId = await this.samId();
    const extra = samId ? { samId } : {};
    if (this.config.output === 'getters') {
      await this.content(this.config.active ?? 1);
      const texts: TermbGetterTexts = {};
      for (const g of GETTERS) texts[g] = await this.getter(g);
      return { text: { kind: 'fields', fields: cardFromGetters(texts, this.config.today()) }, photo: {}, ...extra };
    }
    const dir = await this.content(this.config.active ?? 1);
    const files = await takeFiles(dir, ['wz.txt', 'xp.wlt', 'zp.bmp']);
    const text = files['wz.txt'];
    if (!text) throw new JiuzhuError('IDCARD_SDK_OUTPUT_MISSING', { file: join(dir, 'wz.txt') }, { dir });
    let appendedAddress: string | undefined;
    if (this.config.appendedAddress !== false) {
      await this.content(3);
      const add = (await takeFiles(dir, ['newadd.txt']))['newadd.txt'];
      appendedAddress = add?.length ? parseAppendedAddress(add) : undefined;
    }
    return {
      text: { kind: 'block', block: text },
      photo: { ...(files['xp.wlt'] ? { wlt: files['xp.wlt'] } : {}), ...(files['zp.bmp'] ? { bmp: files['zp.bmp'] } : {}) },
      ...(appendedAddress ? { appendedAddress } : {}),
      ...extra,
    };
  }

  /** Run Read_Content(_Path) and return the folder the files went to. */
  private async content(active: number): Promise<string> {
    const dir = this.config.outputDir ?? dirname(this.config.library);
    const result =
      this.config.outputDir && this.fns.readPath
        ? await callAsync(this.fns.readPath, dir, active)
        : await callAsync(this.fns.read!, active);
    if (result !== 1) throw new JiuzhuError('IDCARD_SDK_CALL_FAILED', { fn: 'Read_Content', result }, { active, result });
    return dir;
  }

  private async getter(name: string): Promise<string> {
    const buf = Buffer.alloc(256);
    const len = [buf.length];
    const result = await callAsync(this.fns[name]!, buf, len);
    if (result !== 1) throw new JiuzhuError('IDCARD_SDK_CALL_FAILED', { fn: name, result }, { result });
    const n = Math.max(0, Math.min(len[0] ?? 0, buf.length));
    const end = buf.subarray(0, n).indexOf(0);
    return gbk.decode(buf.subarray(0, end < 0 ? n : end)).trim();
  }

  private async samId(): Promise<string | undefined> {
    if (!this.fns.samId) return undefined;
    const buf = Buffer.alloc(128);
    if ((await callAsync(this.fns.samId, buf)) !== 1) return undefined;
    const end = buf.indexOf(0);
    return buf.toString('latin1', 0, end < 0 ? buf.length : end).trim() || undefined;
  }
}

/**
 * Read the vendor's output files and delete them at once: they hold personal data in the clear,
 * and a stale wz.txt must never be mistaken for the next card. Names are matched case-insensitively.
 */
async function takeFiles(dir: string, names: string[]): Promise<Record<string, Uint8Array | undefined>> {
  const out: Record<string, Uint8Array | undefined> = {};
  for (const name of names) {
    for (const variant of [name, name.toUpperCase()]) {
      const path = join(dir, variant);
      const bytes = await readFile(path).catch(() => undefined);
      if (!bytes) continue;
      await rm(path, { force: true });
      out[name] = new Uint8Array(bytes);
      break;
    }
  }
  return out;
}
