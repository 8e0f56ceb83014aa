import koffi from 'koffi';
import type { MachineDpapi } from './machineSecretShared';

/**
 * DPAPI in machine scope (crypt32 CryptProtectData with CRYPTPROTECT_LOCAL_MACHINE) through koffi:
 * the blob is bound to this Windows installation, so any account of this PC can unseal it and no
 * other PC can; who can read the file is the installer's ACL (machineSecretShared.ts). Runs on
 * Windows only — type-checked everywhere, exercised only on a Windows machine.
 */
const CRYPTPROTECT_UI_FORBIDDEN = 0x1;
const CRYPTPROTECT_LOCAL_MACHINE = 0x4;
/** Extra entropy: another program's machine-scope blob is not ours, and ours needs this to open. */
const ENTROPY = Buffer.from('jiuzhu-workstation/machine-secret/v1', 'utf8');

interface Blob {
  cbData: number;
  pbData: unknown;
}

type Call = (...args: unknown[]) => unknown;

let bound: { protect: Call; unprotect: Call; localFree: Call } | undefined;

function bind(): NonNullable<typeof bound> {
  if (bound) return bound;
  const crypt32 = koffi.load('crypt32.dll');
  const kernel32 = koffi.load('kernel32.dll');
  koffi.struct('JIUZHU_DATA_BLOB', { cbData: 'uint32_t', pbData: 'uint8_t *' });
  bound = {
    protect: crypt32.func(
      'bool __stdcall CryptProtectData(JIUZHU_DATA_BLOB *pDataIn, const char16_t *szDataDescr, JIUZHU_DATA_BLOB *pOptionalEntropy, void *pvReserved, void *pPromptStruct, uint32_t dwFlags, _Out_ JIUZHU_DATA_BLOB *pDataOut)',
    ) as Call,
    unprotect: crypt32.func(
      'bool __stdcall CryptUnprotectData(JIUZHU_DATA_BLOB *pDataIn, void *ppszDataDescr, JIUZHU_DATA_BLOB *pOptionalEntropy, void *pvReserved, void *pPromptStruct, uint32_t dwFlags, _Out_ JIUZHU_DATA_BLOB *pDataOut)',
    ) as Call,
    localFree: kernel32.func('void * __stdcall LocalFree(void *hMem)') as Call,
  };
  return bound;
}

/** Copy DPAPI's output out of its LocalAlloc'd memory, then free it. */
function take(out: Blob, localFree: Call): Buffer {
  try {
    return Buffer.from(new Uint8Array(koffi.view(out.pbData, out.cbData)));
  } finally {
    localFree(out.pbData);
  }
}

function run(fn: Call, name: string, input: Uint8Array, description: string | null): Buffer {
  const { localFree } = bind();
  const out: Blob = { cbData: 0, pbData: null };
  const ok = fn(
    { cbData: input.length, pbData: Buffer.from(input) },
    description,
    { cbData: ENTROPY.length, pbData: ENTROPY },
    null,
    null,
    CRYPTPROTECT_UI_FORBIDDEN | CRYPTPROTECT_LOCAL_MACHINE,
    out,
  );
  if (!ok) throw new Error(`${name} failed`);
  return take(out, localFree);
}

export function windowsMachineDpapi(): MachineDpapi {
  if (process.platform !== 'win32') throw new Error('DPAPI exists on Windows only');
  const { protect, unprotect } = bind();
  return {
    protect: (plain) => run(protect, 'CryptProtectData', plain, 'jiuzhu-workstation machine secret'),
    unprotect: (sealed) => run(unprotect, 'CryptUnprotectData', sealed, null),
  };
}
