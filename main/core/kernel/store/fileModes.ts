import { isMainThread } from 'node:worker_threads';

/**
 * The modes of what the workstation writes in its data folder. A station of one OS account (the
 * default): files 0600 in folders 0700. A station shared by the staff accounts of one PC (the
 * machine preset's `"dataScope": "machine"`, docs/RELEASE.md "Deployment"): files 0660 in folders
 * 2770, so every account of the station's group reads and writes them and no other account does,
 * and the process umask 007 keeps what other code creates there (SQLite's -wal and -shm files take
 * the database's mode) from ever being world-readable. Windows ignores the POSIX modes: there the
 * installer's ACL on %ProgramData%\jiuzhu-workstation decides.
 */
let groupShared = false;

/** Switch this thread to the shared modes (and, on the main thread, the process umask to 007). */
export function shareFilesWithGroup(): void {
  groupShared = true;
  if (isMainThread && process.platform !== 'win32') process.umask(0o007);
}

export const privateFileMode = (): number => (groupShared ? 0o660 : 0o600);
export const privateDirMode = (): number => (groupShared ? 0o2770 : 0o700);
/** The bits a file must not have: any for others, and any for the group unless the station is shared. */
export const forbiddenModeBits = (): number => (groupShared ? 0o007 : 0o077);
