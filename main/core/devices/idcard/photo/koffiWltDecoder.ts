import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JiuzhuError } from '../../../../../common/contract/errors';
import { BMP_PHOTO_BYTES, PHOTO_HEIGHT, PHOTO_WIDTH, WLT_PHOTO_BYTES } from '../../../../../common/idcard/card';
import { bindRequired, callAsync, loadLibrary } from '../sdk/native';
import { bgrToBmp } from './bmp';
import type { PhotoDecoder } from './photoDecoder';

/**
 * How the vendor's decoder is called. Two shapes cover the libraries seen in the field:
 * - 'buffer': `int fn(const uint8_t *wlt, uint8_t *out)` (wlt2bmp / libwlt2bmp style); `out`
 *   receives a BMP file, or 102×126 BGR pixels, top row first.
 * - 'file': `int fn(const char *wltPath, int mode)` (WltRS GetBmp style); writes a .bmp beside the .wlt.
 */
export interface WltDecoderConfig {
  library: string;
  calling: 'buffer' | 'file';
  /** Exported symbol; default wlt2bmp for 'buffer', GetBmp for 'file'. */
  symbol?: string;
  /** Second argument of the 'file' call (1 = COM reader, 2 = USB reader in WltRS). Default 2. */
  mode?: number;
  /** The return value meaning success. Default 1. */
  success?: number;
}

const BGR_BYTES = PHOTO_WIDTH * PHOTO_HEIGHT * 3;

export function loadWltDecoder(config: WltDecoderConfig): PhotoDecoder {
  const lib = loadLibrary(config.library);
  const fail = (reason: string): JiuzhuError =>
    new JiuzhuError('IDCARD_PHOTO_DECODER_FAILED', { library: config.library, reason }, { library: config.library });
  const success = config.success ?? 1;

  if (config.calling === 'buffer') {
    const fn = bindRequired(lib, config.library, `int __stdcall ${config.symbol ?? 'wlt2bmp'}(const uint8_t *wlt, _Out_ uint8_t *out)`);
    return {
      library: config.library,
      async decode(wlt) {
        if (wlt.length !== WLT_PHOTO_BYTES) throw fail(`照片数据长度为 ${wlt.length} 字节`);
        const out = Buffer.alloc(BMP_PHOTO_BYTES + 1024);
        const result = await callAsync(fn, Buffer.from(wlt), out);
        if (result !== success) throw fail(`返回 ${result}`);
        if (out[0] === 0x42 && out[1] === 0x4d) return new Uint8Array(out.subarray(0, out.readUInt32LE(2)));
        return bgrToBmp(out.subarray(0, BGR_BYTES), PHOTO_WIDTH, PHOTO_HEIGHT);
      },
    };
  }

  const fn = bindRequired(lib, config.library, `int __stdcall ${config.symbol ?? 'GetBmp'}(const char *path, int mode)`);
  return {
    library: config.library,
    async decode(wlt) {
      // The vendor API only takes a path. The folder is private to this process and removed at once.
      const dir = await mkdtemp(join(tmpdir(), 'jiuzhu-wlt-'));
      try {
        const wltPath = join(dir, 'zp.wlt');
        await writeFile(wltPath, wlt, { mode: 0o600 });
        const result = await callAsync(fn, wltPath, config.mode ?? 2);
        if (result !== success) throw fail(`返回 ${result}`);
        const bmp = await readFile(join(dir, 'zp.bmp')).catch(() => undefined);
        if (!bmp || bmp[0] !== 0x42 || bmp[1] !== 0x4d) throw fail('没有生成 zp.bmp');
        return new Uint8Array(bmp);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
