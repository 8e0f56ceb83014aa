/**
 * What the admin CLI uses of core directly, without a store or a session: the sample documents and
 * certificate check of `documents`, the reader of `idcard`, the diagnostics bundle, the update feed's
 * check, download and verification, and the device id. Apart from index.ts so the desktop and browser
 * shells never load them.
 */
export {
  certificatePayloadFromPdf,
  dehydrate,
  ensurePrivateDir,
  findFontsDir,
  loadDocumentFonts,
  renderDocument,
  SAMPLES,
  testKeys,
  writePrivateFile,
} from './documents/index';
export { likelyReaderFirst, listPorts, probePort, SamReader, waitForCard } from './devices/idcard/index';
export { diagnosticsBundle } from './diagnostics/bundle';
export {
  checkUpdate,
  downloadUpdate,
  loadReleaseKey,
  previousRelease,
  readUpdateSource,
  verifyKeptDownload,
  type UpdateSource,
} from './updates/index';
export { readDeviceId } from './kernel/app/deviceId';
