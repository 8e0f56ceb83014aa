/**
 * Where the device's sync signing key lives, and the one thing the engine asks of it: sign. A 密评
 * usually wants that key in a certified device (an SKF USB key, GM/T 0016; an SDF card, GM/T 0018)
 * rather than in the store; behind this interface the key can live in either without the envelope
 * code knowing. The signature is the suite's (docs/sync-protocol.md §3.2): Ed25519 over the
 * message, or SM2 over e = SM3(Z ‖ M) with the default id, r ‖ s (64 bytes either way).
 */
import type { SuiteId } from '../../../../../common/sync/primitives';

export type SigningAlgorithm = 'ed25519' | 'sm2';

export const algorithmOfSuite = (suite: SuiteId): SigningAlgorithm => (suite === 'SM2-SM3-SM4GCM-v1' ? 'sm2' : 'ed25519');

/** Where the private key is: in the encrypted store (software), or in a USB key reached through its vendor's SKF library. */
export type KeyLocation =
  | { kind: 'software' }
  | {
      kind: 'skf';
      /** The vendor library's real path, resolved from an allow-listed name in the install's folder (README). */
      library: string;
      /** The device name SKF_EnumDev reported. */
      device: string;
      application: string;
      container: string;
    };

export interface KeyProvider {
  readonly algorithm: SigningAlgorithm;
  readonly location: KeyLocation;
  /** The public key as the protocol carries it: 32 raw bytes (Ed25519) or the 65-byte point 04 ‖ x ‖ y (SM2). */
  publicKey(): Buffer;
  /** The suite's signature over `message` (64 bytes). A device may be slow: never on the event loop. */
  sign(message: Uint8Array): Promise<Buffer>;
  /** Release the device (handles, login); the software provider has nothing to release. */
  close(): Promise<void>;
}
