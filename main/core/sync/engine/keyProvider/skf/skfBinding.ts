/**
 * The SKF functions the provider calls, bound with koffi by their GM/T 0016-2012 prototypes (§7;
 * `DEVAPI` is __stdcall on 32-bit Windows and ignored elsewhere). Handles are opaque pointers;
 * ECCPUBLICKEYBLOB and ECCSIGNATUREBLOB are passed as byte buffers of their packed size and read
 * by skfBlobs.ts. Every function returns a ULONG, SAR_OK (0) on success.
 *
 *   7.1.4  ULONG SKF_EnumDev(BOOL bPresent, LPSTR szNameList, ULONG *pulSize)
 *   7.1.5  ULONG SKF_ConnectDev(LPSTR szName, DEVHANDLE *phDev)
 *   7.1.6  ULONG SKF_DisConnectDev(DEVHANDLE hDev)
 *   7.2.6  ULONG SKF_VerifyPIN(HAPPLICATION hApplication, ULONG ulPINType, LPSTR szPIN, ULONG *pulRetryCount)
 *   7.3.5  ULONG SKF_OpenApplication(DEVHANDLE hDev, LPSTR szAppName, HAPPLICATION *phApplication)
 *   7.3.6  ULONG SKF_CloseApplication(HAPPLICATION hApplication)
 *   7.5.4  ULONG SKF_OpenContainer(HAPPLICATION hApplication, LPSTR szContainerName, HCONTAINER *phContainer)
 *   7.5.5  ULONG SKF_CloseContainer(HCONTAINER hContainer)
 *   7.6.13 ULONG SKF_ECCSignData(HCONTAINER hContainer, BYTE *pbDigest, ULONG ulDigestLen, PECCSIGNATUREBLOB pSignature)
 *   7.6.23 ULONG SKF_ExportPublicKey(HCONTAINER hContainer, BOOL bSignFlag, BYTE *pbBlob, ULONG *pulBlobLen)
 */
import koffi from 'koffi';
import { JiuzhuError } from '../../../../../../common/contract/errors';

type NativeFunction = ReturnType<ReturnType<typeof koffi.load>['func']>;

export const SAR = {
  OK: 0,
  BUFFER_TOO_SMALL: 0x0a000020,
  DEVICE_REMOVED: 0x0a000023,
  PIN_INCORRECT: 0x0a000024,
  PIN_LOCKED: 0x0a000025,
  USER_NOT_LOGGED_IN: 0x0a00002d,
} as const;
/** ulPINType of SKF_VerifyPIN: USER_TYPE (ADMIN_TYPE is 0). */
export const USER_PIN = 1;

// Declares the opaque handle type the prototypes below name (DEVHANDLE, HAPPLICATION, HCONTAINER).
koffi.pointer('SKF_HANDLE', koffi.opaque());

export interface SkfFunctions {
  enumDev: NativeFunction;
  connectDev: NativeFunction;
  disconnectDev: NativeFunction;
  openApplication: NativeFunction;
  closeApplication: NativeFunction;
  verifyPin: NativeFunction;
  openContainer: NativeFunction;
  closeContainer: NativeFunction;
  exportPublicKey: NativeFunction;
  eccSignData: NativeFunction;
}

const PROTOTYPES: Record<keyof SkfFunctions, string> = {
  enumDev: 'uint32_t __stdcall SKF_EnumDev(int bPresent, _Out_ uint8_t *szNameList, _Inout_ uint32_t *pulSize)',
  connectDev: 'uint32_t __stdcall SKF_ConnectDev(const char *szName, _Out_ SKF_HANDLE *phDev)',
  disconnectDev: 'uint32_t __stdcall SKF_DisConnectDev(SKF_HANDLE hDev)',
  openApplication: 'uint32_t __stdcall SKF_OpenApplication(SKF_HANDLE hDev, const char *szAppName, _Out_ SKF_HANDLE *phApplication)',
  closeApplication: 'uint32_t __stdcall SKF_CloseApplication(SKF_HANDLE hApplication)',
  verifyPin:
    'uint32_t __stdcall SKF_VerifyPIN(SKF_HANDLE hApplication, uint32_t ulPINType, const char *szPIN, _Out_ uint32_t *pulRetryCount)',
  openContainer:
    'uint32_t __stdcall SKF_OpenContainer(SKF_HANDLE hApplication, const char *szContainerName, _Out_ SKF_HANDLE *phContainer)',
  closeContainer: 'uint32_t __stdcall SKF_CloseContainer(SKF_HANDLE hContainer)',
  exportPublicKey:
    'uint32_t __stdcall SKF_ExportPublicKey(SKF_HANDLE hContainer, int bSignFlag, _Out_ uint8_t *pbBlob, _Inout_ uint32_t *pulBlobLen)',
  eccSignData:
    'uint32_t __stdcall SKF_ECCSignData(SKF_HANDLE hContainer, const uint8_t *pbDigest, uint32_t ulDigestLen, _Out_ uint8_t *pSignature)',
};

/** Load the vendor library and bind every function; a missing file or function is KEY_DEVICE_LIBRARY_FAILED. */
export function bindSkf(library: string): SkfFunctions {
  let lib: ReturnType<typeof koffi.load>;
  try {
    lib = koffi.load(library);
  } catch (error) {
    throw new JiuzhuError('KEY_DEVICE_LIBRARY_FAILED', { library, reason: (error as Error).message }, { library });
  }
  const out: Partial<SkfFunctions> = {};
  for (const [name, prototype] of Object.entries(PROTOTYPES) as Array<[keyof SkfFunctions, string]>) {
    try {
      out[name] = lib.func(prototype);
    } catch {
      throw new JiuzhuError(
        'KEY_DEVICE_LIBRARY_FAILED',
        { library, reason: `缺少函数 ${prototype.split('(')[0]!.split(' ').at(-1)}` },
        { library, prototype },
      );
    }
  }
  return out as SkfFunctions;
}

/** Call on koffi's worker thread: a USB key takes tens to hundreds of milliseconds and must not block the event loop. */
export function callAsync(fn: NativeFunction, ...args: unknown[]): Promise<number> {
  return new Promise((resolve, reject) => {
    fn.async(...args, (err: unknown, result: number) => (err ? reject(err) : resolve(result >>> 0)));
  });
}

export const sarHex = (code: number): string => `0x${(code >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
