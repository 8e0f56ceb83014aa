/** Unpadded base64url, the protocol's one text form for keys, nonces and signatures. */
export const toB64u = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

export function fromB64u(text: string): Buffer {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  return Buffer.from(text, 'base64url');
}
