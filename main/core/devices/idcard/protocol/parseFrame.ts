import { HEADER_BYTES, MAX_FRAME_LENGTH, MIN_RESPONSE_LENGTH, PREAMBLE, xor, type RawFrame, type ResponseFrame } from './frame';
import { frameError } from './frameError';

/** Strictly parse bytes that must be exactly one frame; any defect is an IDCARD_BAD_FRAME. */
export function parseFrame(bytes: Uint8Array): RawFrame {
  if (bytes.length < HEADER_BYTES + 1) throw frameError('truncated', { bytes: bytes.length });
  for (let i = 0; i < PREAMBLE.length; i++) if (bytes[i] !== PREAMBLE[i]) throw frameError('preamble', { at: i });
  const length = (bytes[5]! << 8) | bytes[6]!;
  if (length < 3 || length > MAX_FRAME_LENGTH) throw frameError('length', { length });
  const total = HEADER_BYTES + length;
  if (bytes.length < total) throw frameError('truncated', { bytes: bytes.length, expected: total });
  if (bytes.length > total) throw frameError('trailing', { bytes: bytes.length, expected: total });
  const checksum = xor(bytes, 5, total - 1);
  if (checksum !== bytes[total - 1]) throw frameError('checksum', { expected: checksum, got: bytes[total - 1] });
  return { body: bytes.slice(HEADER_BYTES, total - 1), wireBytes: total };
}

/** Read a frame body as a response: SW1 SW2 SW3 then data. */
export function toResponse(frame: RawFrame): ResponseFrame {
  if (frame.body.length < MIN_RESPONSE_LENGTH - 1) throw frameError('shortBody', { bytes: frame.body.length });
  const [sw1, sw2, sw3] = frame.body as unknown as [number, number, number];
  return { sw1, sw2, sw3, data: frame.body.subarray(3), wireBytes: frame.wireBytes };
}

/** Parse one response frame from exact bytes. */
export function parseResponse(bytes: Uint8Array): ResponseFrame {
  return toResponse(parseFrame(bytes));
}
