const decoder = new TextDecoder('utf-16le', { fatal: false });

/** Decode a UCS-2LE field of the text block, dropping the space and NUL padding around it. */
export function ucs2Field(block: Uint8Array, offset: number, bytes: number): string {
  return ucs2Raw(block, offset, bytes).replace(/^[\s\u0000\u3000]+|[\s\u0000\u3000]+$/g, '');
}

/** Decode without trimming: for a value split across two fields, such as a long English name. */
export function ucs2Raw(block: Uint8Array, offset: number, bytes: number): string {
  return decoder.decode(block.subarray(offset, offset + bytes));
}
