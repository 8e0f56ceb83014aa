/**
 * The fake SKF library (fixtures/skf_fake.c) built with gcc into a temporary folder, with the
 * controls the tests drive through koffi: the key it exports, the signer its SKF_ECCSignData hands
 * each digest to, its PIN tries and whether a key is inserted. Null where gcc is missing (the
 * reason is printed; the tests skip).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import koffi from 'koffi';

/** Signs the 32-byte digest e the device was given; returns r ‖ s, or undefined to make the device fail. */
export type FakeDigestSigner = (digest: Buffer) => Buffer | undefined;

export interface FakeSkf {
  /** The library's path, for SkfKeyProvider.open. */
  library: string;
  /** Scratch folder of the build (removed by `remove`). */
  dir: string;
  setKey(publicKey: Buffer): void;
  setSigner(sign: FakeDigestSigner): void;
  reset(pinRetries: number, keyPresent: boolean): void;
  openHandles(): number;
  remove(): void;
}

const hasGcc = (() => {
  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export function buildFakeSkf(): FakeSkf | null {
  if (!hasGcc) {
    console.warn('skipped: gcc is not installed here, so the fake SKF library cannot be built and the koffi binding is not exercised');
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-skf-'));
  const library = join(dir, 'libskf_fake.so');
  execFileSync('gcc', [
    '-shared',
    '-fPIC',
    '-O1',
    '-Wall',
    '-Werror',
    '-o',
    library,
    join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'skf_fake.c'),
  ]);
  const lib = koffi.load(library);
  let sign: FakeDigestSigner = () => undefined;
  const proto = koffi.proto('int FakeSkfSigner(const uint8_t *digest, uint32_t len, uint8_t *rs)');
  const callback = koffi.register((digestPtr: unknown, len: number, rsPtr: unknown) => {
    const rs = sign(Buffer.from(koffi.decode(digestPtr, 'uint8_t', len) as number[]));
    if (!rs) return 1;
    koffi.encode(rsPtr, 'uint8_t', Array.from(rs), 64);
    return 0;
  }, koffi.pointer(proto));
  lib.func('void fake_skf_set_signer(FakeSkfSigner *s)')(callback);
  const setKey = lib.func('void fake_skf_set_key(const uint8_t *x, const uint8_t *y)') as (x: Buffer, y: Buffer) => void;
  const reset = lib.func('void fake_skf_reset(int retries, int present)') as (retries: number, present: number) => void;
  const openHandles = lib.func('int fake_skf_open_handles(void)') as () => number;
  return {
    library,
    dir,
    setKey: (publicKey) => setKey(publicKey.subarray(1, 33), publicKey.subarray(33)),
    setSigner: (s) => {
      sign = s;
    },
    reset: (retries, present) => reset(retries, present ? 1 : 0),
    openHandles,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
