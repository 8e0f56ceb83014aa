/** The only content types the store accepts, recognised by their first bytes (never by name). */
export type AttachmentMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

export function sniffMime(b: Uint8Array): AttachmentMime | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'image/png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'image/webp';
  if (b.length >= 5 && ascii(b, 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

export function ascii(b: Uint8Array, at: number, len: number): string {
  return Buffer.from(b.buffer, b.byteOffset + at, Math.min(len, Math.max(0, b.length - at))).toString('latin1');
}
