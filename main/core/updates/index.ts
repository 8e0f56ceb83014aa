/** Program updates: the signed feed, the verified download, rollback (README.md). */
export {
  checkUpdate,
  downloadUpdate,
  previousRelease,
  updatesDir,
  type CheckResult,
  type UpdateContext,
  type UpdateSource,
} from './updater';
export { loadReleaseKey } from './releaseKey';
export { installerKind, keptDownloads, verifyKeptDownload, type InstallerKind } from './installable';
export { readUpdateSource } from './source';
