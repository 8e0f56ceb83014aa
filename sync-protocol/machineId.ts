import { createHash } from 'node:crypto';

/**
 * What leaves the workstation instead of its machine id: SHA-256 of a domain tag, the platform id
 * and the raw id. Salting with the platform id means two platforms cannot correlate devices.
 */
export function hashMachineId(rawMachineId: string, platformId: string): string {
  return createHash('sha256').update(`jiuzhu-machine-v1|${platformId}|${rawMachineId}`).digest('hex');
}
