/**
 * Document data travels as JSON (the contract, notice_request.data, the document row), but a few
 * fields are images (signature, face thumbnail). In JSON they are written as references:
 * `{"$attachment": "<attachment id>"}` (a capture already in the encrypted store) or
 * `{"$base64": "…"}` (inline bytes). hydrate() turns them into Uint8Array before the schema parses.
 */
import { JiuzhuError } from '../../../../common/contract/errors';

export type AttachmentReader = (id: string) => Uint8Array;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

export function hydrate(value: unknown, readAttachment: AttachmentReader, path = ''): unknown {
  if (Array.isArray(value)) return value.map((v, i) => hydrate(v, readAttachment, `${path}.${i}`));
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$base64') {
    const text = value.$base64;
    if (typeof text !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(text))
      throw new JiuzhuError('DOC_BAD_IMAGE', { field: path.slice(1) || '(根)' });
    return new Uint8Array(Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64'));
  }
  if (keys.length === 1 && keys[0] === '$attachment') {
    const id = value.$attachment;
    if (typeof id !== 'string') throw new JiuzhuError('DOC_BAD_IMAGE', { field: path.slice(1) || '(根)' });
    return readAttachment(id);
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = hydrate(value[k], readAttachment, `${path}.${k}`);
  return out;
}

/** The inverse for storage: bytes become `{"$base64": …}` so the data can be kept as JSON. */
export function dehydrate(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(dehydrate);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, dehydrate(v)]));
  return value;
}
