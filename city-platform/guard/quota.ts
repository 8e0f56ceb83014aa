import { JiuzhuError } from '../../common/contract/errors';
import type { PlatformDeps } from '../context';

const DAY_MS = 24 * 3600_000;
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * A device's upload quota, checked before a new upload is created (resuming its own unfinished
 * upload and a blob its station already holds are free): at most `maxOpenUploadsPerDevice`
 * unfinished uploads at once, and at most `uploadBytesPerDevicePerDay` bytes in 24 h counting the
 * unfinished uploads' declared lengths and the blobs it stored. Over it: `429
 * SYNC_UPLOAD_QUOTA_EXCEEDED` with `Retry-After` = when room frees (an upload expires, or the
 * oldest counted blob leaves the 24 h).
 */
export async function checkUploadQuota(deps: PlatformDeps, deviceId: string, length: number): Promise<void> {
  const now = deps.now();
  const { maxOpenUploadsPerDevice, uploadBytesPerDevicePerDay } = deps.guards;
  const usage = await deps.store.uploadUsage(deviceId, now, now - DAY_MS);
  const refuse = (limit: string, detail: string, freesAt: Array<number | null>): never => {
    const at = Math.min(...freesAt.filter((t): t is number => t !== null && t > now));
    const seconds = Number.isFinite(at) ? Math.max(1, Math.ceil((at - now) / 1000)) : 3600;
    throw new JiuzhuError('SYNC_UPLOAD_QUOTA_EXCEEDED', { detail, seconds }, { limit, retryAfter: seconds });
  };
  if (usage.openCount >= maxOpenUploadsPerDevice)
    refuse('open-uploads', `未完成的上传 ${usage.openCount} 个，上限 ${maxOpenUploadsPerDevice} 个`, [usage.openEarliestExpiry]);
  const used = usage.openBytes + usage.storedBytes;
  if (used + length > uploadBytesPerDevicePerDay)
    refuse('bytes-per-day', `24 小时内已上传 ${mib(used)} MB，本次 ${mib(length)} MB，上限 ${mib(uploadBytesPerDevicePerDay)} MB`, [
      usage.openEarliestExpiry,
      usage.storedOldest === null ? null : usage.storedOldest + DAY_MS,
    ]);
}
