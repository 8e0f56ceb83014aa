/** The sync protocol's codec, shared by the workstation's engine and the reference city platform. */
export type { CryptoSuite, KeyPair, PartyKeys, StreamCipher } from './suite';
export { intlSuite } from './suite-intl';
export { gmSuite } from './suite-gm';
export { DEFAULT_SUITE, requireSuite, suiteById, suiteOfPublicKey } from './suites';
export { generatePartyKeys, keyFingerprint, platformAddress, newMessageId } from './keys';
export { toB64u, fromB64u } from './base64url';
export { canonicalJson } from './canonical-json';
export { compress, decompress } from './compress';
export {
  seal,
  sealSigned,
  open,
  peekHeader,
  type SealInput,
  type SealParams,
  type Signer,
  type OpenOptions,
  type Opened,
} from './envelope';
export type { DeviceContext, PlatformContext, PinnedPlatform, KnownDevice } from './parties';
export {
  buildBundle,
  sealBundle,
  openBundleResult,
  buildSessionRequest,
  sealSessionRequest,
  openSession,
  buildPullRequest,
  sealPullRequest,
  openPullPage,
  type BuiltBundle,
  type OpenedPullPage,
} from './device-codec';
export {
  openBundle,
  openSessionRequest,
  openPullRequest,
  sealBundleResult,
  sealSession,
  sealPullPage,
  type DeviceLookup,
} from './platform-codec';
export {
  buildRegistrationRequest,
  signRegistrationRequest,
  verifyRegistrationRequest,
  signRegistration,
  verifyRegistrationResponse,
} from './registration';
export {
  encryptBlob,
  encryptBlobFrom,
  decryptBlob,
  createBlobOpener,
  encryptedBlobSize,
  sha256Hex,
  BLOB_TAG_BYTES,
  type BlobKeyInput,
} from './blob-cipher';
export { hashMachineId } from './machine-id';
export { encodeUploadMetadata, decodeUploadMetadata } from './tus-metadata';
