/** The sync protocol's codec, shared by the workstation's engine and the reference city platform. */
export type { CryptoSuite, KeyPair, PartyKeys, StreamCipher } from './suite';
export { intlSuite } from './suiteIntl';
export { gmSuite } from './suiteGm';
export { DEFAULT_SUITE, requireSuite, suiteById, suiteOfPublicKey } from './suites';
export { generatePartyKeys, keyFingerprint, platformAddress, newMessageId } from './keys';
export { toB64u, fromB64u } from './base64url';
export { canonicalJson } from './canonicalJson';
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
} from './deviceCodec';
export {
  openBundle,
  openSessionRequest,
  openPullRequest,
  sealBundleResult,
  sealSession,
  sealPullPage,
  type DeviceLookup,
} from './platformCodec';
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
} from './blobCipher';
export { hashMachineId } from './machineId';
export { encodeUploadMetadata, decodeUploadMetadata } from './tusMetadata';
