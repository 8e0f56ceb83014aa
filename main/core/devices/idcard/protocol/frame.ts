/**
 * GA 467 SAM frame layout, the same in both directions:
 *   AA AA AA 96 69 | Len1 Len2 (big-endian) | body … | CHK
 * Len counts every byte after itself, CHK included. CHK is the XOR of Len1, Len2 and the body.
 * A request body is CMD PARA DATA…; a response body is SW1 SW2 SW3 DATA….
 */
export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
export const HEADER_BYTES = PREAMBLE.length + 2;
/** The largest response a reader sends: 30 10 with two fingerprint templates is 2321 bytes. */
export const MAX_FRAME_LENGTH = 0x1000;
/** A response carries at least SW1 SW2 SW3 and CHK. */
export const MIN_RESPONSE_LENGTH = 4;

/** XOR of every byte in [from, to). */
export function xor(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i]!;
  return x;
}

/** A complete frame around a body: preamble, length, body, checksum. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const length = body.length + 1;
  const frame = new Uint8Array(HEADER_BYTES + length);
  frame.set(PREAMBLE, 0);
  frame[5] = (length >> 8) & 0xff;
  frame[6] = length & 0xff;
  frame.set(body, HEADER_BYTES);
  frame[frame.length - 1] = xor(frame, 5, frame.length - 1);
  return frame;
}

/** A request frame: CMD, PARA and optional data. */
export function encodeRequest(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(2 + data.length);
  body[0] = cmd;
  body[1] = para;
  body.set(data, 2);
  return encodeFrame(body);
}

/** A response frame: the three status words and optional data. The emulator and tests build these. */
export function encodeResponse(sw3: number, data: Uint8Array = new Uint8Array(0), sw1 = 0, sw2 = 0): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[0] = sw1;
  body[1] = sw2;
  body[2] = sw3;
  body.set(data, 3);
  return encodeFrame(body);
}

/** A frame body with its checksum verified; the caller interprets it as request or response. */
export interface RawFrame {
  body: Uint8Array;
  /** Total bytes of the frame on the wire, preamble and checksum included. */
  wireBytes: number;
}

export interface ResponseFrame {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
  wireBytes: number;
}

export interface RequestFrame {
  cmd: number;
  para: number;
  data: Uint8Array;
  wireBytes: number;
}
