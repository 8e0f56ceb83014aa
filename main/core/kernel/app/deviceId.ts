import { createHash } from 'node:crypto';
import machineIdPkg from 'node-machine-id';

/** Salt so this app's device id cannot be joined with other software's hash of the same machine id. */
const SALT = 'jiuzhu-workstation/device-id/v1';

/** SHA-256 of the salted machine id: stable per machine, and the raw id never leaves this function. */
export function hashMachineId(rawMachineId: string): string {
  return createHash('sha256').update(SALT).update('\0').update(rawMachineId).digest('hex');
}

/** Reads the OS machine id (node-machine-id) and returns its salted hash. */
export async function readDeviceId(): Promise<string> {
  const raw = await machineIdPkg.machineId(true);
  return hashMachineId(raw);
}
