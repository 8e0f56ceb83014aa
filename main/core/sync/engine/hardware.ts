import { createHash } from 'node:crypto';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/**
 * What this PC's network cards say about it, hashed (a MAC address identifies hardware, so it never
 * leaves the store in the clear). A disk image cloned onto other PCs keeps the OS's machine id — the
 * device id — but not the cards: see `cloneSuspected`.
 */
export function hostHardwareMarks(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string[] {
  const macs = new Set<string>();
  for (const list of Object.values(interfaces))
    for (const i of list ?? []) if (!i.internal && i.mac && i.mac !== '00:00:00:00:00:00') macs.add(i.mac.toLowerCase());
  return [...macs].map((mac) => createHash('sha256').update(`jiuzhu-hardware:${mac}`).digest('hex').slice(0, 32)).sort();
}

/**
 * A clone: none of the cards recorded at enrolment is in this PC. A card added or a VPN adapter come
 * and gone changes nothing as long as one recorded card remains; a PC with no card at all (nothing
 * to compare) is not suspected.
 */
export function cloneSuspected(recorded: readonly string[], current: readonly string[]): boolean {
  return recorded.length > 0 && current.length > 0 && !recorded.some((m) => current.includes(m));
}
