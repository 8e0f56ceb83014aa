/**
 * The vendor reader libraries the workstation may load, by file name. They are loaded only from
 * the install's resources folder (`resources/idcard-sdk/`, beside app.asar when packaged), where
 * only whoever installs the software can put files; a name is all a configuration carries.
 */
export const VENDOR_LIBRARY_FOLDER = 'idcard-sdk';

export const VENDOR_LIBRARIES = {
  /** 华视 CVR-100 family, 神思 TERMB (InitComm / Authenticate / Read_Content). */
  termb: ['termb.dll', 'libtermb.so'],
  /** The 公安部一所-style SDT_ API many vendors ship. */
  sdtapi: ['sdtapi.dll', 'libsdtapi.so'],
} as const satisfies Record<string, readonly string[]>;

export type VendorBackend = keyof typeof VENDOR_LIBRARIES;

export function isAllowedLibrary(kind: VendorBackend, name: string): boolean {
  return (VENDOR_LIBRARIES[kind] as readonly string[]).includes(name);
}
