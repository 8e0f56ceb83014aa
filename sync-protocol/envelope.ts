import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { JiuzhuError } from '../common/contract/errors';
import { SEALED_MAGIC, sealedHeaderSchema, type Compression, type SealedHeader, type SealedKind } from '../common/sync/envelope';
import { fromB64u, toB64u } from './base64url';
import { compress, decompress } from './compress';
import type { CryptoSuite, KeyPair } from './suite';
import type { SuiteId } from '../common/sync/primitives';
import { DEFAULT_SUITE, requireSuite } from './suites';

const MAX_HEADER_BYTES = 2048;
const SIGNATURE_DOMAIN = Buffer.from('jiuzhu-sealed-v1-signature\0');

/** Signs the envelope's signature input with the sender's signing key, wherever that key lives (a device may be slow). */
export type Signer = (data: Uint8Array) => Promise<Buffer>;

export interface SealParams {
  kind: SealedKind;
  from: string;
  to: string;
  id: string;
  seq?: number;
  payload: unknown;
  /** The recipient's public X25519 key (pinned). */
  recipientKey: string;
  compression?: Compression;
  suite?: CryptoSuite;
}

export interface SealInput extends SealParams {
  /** The sender's signing key pair. */
  signer: KeyPair;
}

function messageKey(suite: CryptoSuite, shared: Buffer, epk: string, recipientKey: string): Buffer {
  const salt = Buffer.concat([fromB64u(epk), fromB64u(recipientKey)]);
  return suite.derive(shared, salt, `jiuzhu-sealed-v1|${suite.id}`, suite.aeadKeyBytes);
}

/** An envelope up to its signature: the bytes to sign, and what makes the sealed message of a signature over them. */
interface Unsigned {
  toSign: Buffer;
  finish(signature: Buffer): Buffer;
}

function prepare(input: SealParams): Unsigned {
  const suite = input.suite ?? DEFAULT_SUITE;
  const compression = input.compression ?? 'gzip';
  const compressed = compress(Buffer.from(JSON.stringify(input.payload), 'utf8'), compression);
  const ephemeral = suite.generateEncryptionKeys();
  const nonce = randomBytes(12);
  const header: SealedHeader = {
    v: 1,
    suite: suite.id,
    kind: input.kind,
    from: input.from,
    to: input.to,
    id: input.id,
    ...(input.seq !== undefined ? { seq: input.seq } : {}),
    compression,
    epk: ephemeral.publicKey,
    nonce: toB64u(nonce),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  return {
    toSign: Buffer.concat([SIGNATURE_DOMAIN, headerBytes, compressed]),
    finish(signature) {
      const sigLength = Buffer.alloc(2);
      sigLength.writeUInt16BE(signature.length);
      const key = messageKey(suite, suite.agree(ephemeral, input.recipientKey), ephemeral.publicKey, input.recipientKey);
      const sealed = suite.aeadSeal(key, nonce, Buffer.concat([sigLength, signature, compressed]), headerBytes);
      const headerLength = Buffer.alloc(4);
      headerLength.writeUInt32BE(headerBytes.length);
      return Buffer.concat([Buffer.from(SEALED_MAGIC, 'ascii'), headerLength, headerBytes, sealed]);
    },
  };
}

/**
 * Seal a payload: JSON → compress → sign (header ‖ compressed) → encrypt to the recipient with a
 * fresh ephemeral key, the header as additional data. Output: "JZS1" ‖ u32 BE header length ‖
 * header JSON ‖ AES-GCM ciphertext ‖ 16-byte tag. The plaintext inside is
 * u16 BE signature length ‖ signature ‖ compressed payload.
 *
 * Synchronous, with the key pair in hand: the platform, which seals with its own keys.
 */
export function seal(input: SealInput): Buffer {
  const unsigned = prepare(input);
  return unsigned.finish((input.suite ?? DEFAULT_SUITE).sign(input.signer, unsigned.toSign));
}

/**
 * The same envelope, byte for byte, signed by `sign` — the workstation's device key, which may live
 * in a USB key (main/core/sync/engine/keyProvider/). Nothing but the signature call differs from `seal`.
 */
export async function sealSigned(input: SealParams, sign: Signer): Promise<Buffer> {
  const unsigned = prepare(input);
  return unsigned.finish(await sign(unsigned.toSign));
}

interface Framed {
  header: SealedHeader;
  headerBytes: Buffer;
  sealed: Buffer;
}

function frame(bytes: Buffer): Framed {
  const malformed = (detail: string) => new JiuzhuError('SYNC_BUNDLE_MALFORMED', { detail });
  if (bytes.length < 8 || bytes.subarray(0, 4).toString('ascii') !== SEALED_MAGIC) throw malformed('bad magic');
  const headerLength = bytes.readUInt32BE(4);
  if (headerLength > MAX_HEADER_BYTES || 8 + headerLength + 16 > bytes.length) throw malformed('bad header length');
  const headerBytes = bytes.subarray(8, 8 + headerLength);
  let json: unknown;
  try {
    json = JSON.parse(headerBytes.toString('utf8'));
  } catch {
    throw malformed('header is not JSON');
  }
  const parsed = sealedHeaderSchema.safeParse(json);
  if (!parsed.success) {
    const v = (json as { v?: unknown } | null)?.v;
    if (typeof v === 'number' && v !== 1) throw new JiuzhuError('SYNC_PROTOCOL_UNSUPPORTED', { version: v });
    throw malformed(`header: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`);
  }
  return { header: parsed.data, headerBytes, sealed: bytes.subarray(8 + headerLength) };
}

/** Read the clear-text header without any crypto: the opener needs `from` to find the sender's key. */
export const peekHeader = (bytes: Buffer): SealedHeader => frame(bytes).header;

export interface OpenOptions<T> {
  schema: z.ZodType<T>;
  kind: SealedKind;
  /** My address; a message for anyone else is refused. */
  to: string;
  /** My encryption key pair for the suite the message uses. */
  recipient: KeyPair | ((suite: SuiteId) => KeyPair);
  /** The sender's public signing key, looked up by the header's `from`. */
  senderSigningKey: (from: string) => string;
  /** The suite the sender is pinned to; a header naming another is refused before any key is used. */
  senderSuite: (from: string) => SuiteId;
  maxPayloadBytes: number;
}

export interface Opened<T> {
  header: SealedHeader;
  payload: T;
}

/** Decrypt, verify the signature, decompress (bounded) and validate. Any failure throws a JiuzhuError. */
export function open<T>(bytes: Buffer, options: OpenOptions<T>): Opened<T> {
  const { header, headerBytes, sealed } = frame(bytes);
  if (header.kind !== options.kind)
    throw new JiuzhuError('SYNC_BUNDLE_MALFORMED', { detail: `expected ${options.kind}, got ${header.kind}` });
  if (header.to !== options.to) throw new JiuzhuError('SYNC_BUNDLE_WRONG_RECIPIENT', { recipient: header.to });
  const signingKey = options.senderSigningKey(header.from);
  const suite = requireSuite(options.senderSuite(header.from), header.suite);
  const recipient = typeof options.recipient === 'function' ? options.recipient(suite.id) : options.recipient;
  let plaintext: Buffer;
  try {
    const key = messageKey(suite, suite.agree(recipient, header.epk), header.epk, recipient.publicKey);
    plaintext = suite.aeadOpen(key, fromB64u(header.nonce), sealed, headerBytes);
  } catch {
    throw new JiuzhuError('SYNC_BUNDLE_FORGED', {}, { stage: 'decrypt' });
  }
  const sigLength = plaintext.length >= 2 ? plaintext.readUInt16BE(0) : Infinity;
  if (2 + sigLength > plaintext.length) throw new JiuzhuError('SYNC_BUNDLE_FORGED', {}, { stage: 'signature length' });
  const signature = plaintext.subarray(2, 2 + sigLength);
  const compressed = plaintext.subarray(2 + sigLength);
  if (!suite.verify(signingKey, Buffer.concat([SIGNATURE_DOMAIN, headerBytes, compressed]), signature))
    throw new JiuzhuError('SYNC_BUNDLE_FORGED', {}, { stage: 'signature' });
  const json = decompress(compressed, header.compression, options.maxPayloadBytes);
  let value: unknown;
  try {
    value = JSON.parse(json.toString('utf8'));
  } catch {
    throw new JiuzhuError('SYNC_BUNDLE_MALFORMED', { detail: 'payload is not JSON' });
  }
  const parsed = options.schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new JiuzhuError('SYNC_BUNDLE_MALFORMED', { detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` });
  }
  return { header, payload: parsed.data };
}
