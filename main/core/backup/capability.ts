import { JiuzhuError } from '../../../common/contract/index';
import { AUDIT_BREAK_ZH } from '../kernel/audit/verify';
import type { Capability, CoreDeps } from '../capability';
import type { SessionCallContext } from '../context';
import { lastIntegrity } from '../kernel/store/integrityCheck';
import { checkStore } from './checkStore';
import { createBackup } from './createBackup';
import { restoreBackup } from './restoreBackup';

/** Backup, restore and the store check, for the admin UI and jiuzhu-admin. Progress goes out as task.progress events. */
export function backupCapability(
  deps: CoreDeps,
): Capability<'backup.create' | 'backup.restore' | 'setup.restore' | 'store.check' | 'store.health'> {
  const progress = (task: string) => (p: { phase: string; fraction: number }) =>
    deps.emit({ event: 'task.progress', payload: { task, phase: p.phase, fraction: Math.min(1, Math.max(0, p.fraction)) } });
  const actorOf = (ctx: SessionCallContext) => ctx.session.userId;

  return {
    handlers: {
      // Read from the kept result, not the database: it answers while a damaged page makes queries fail.
      'store.health': async () => {
        const last = lastIntegrity(deps.dataDir);
        return { integrity: last ? { ok: last.ok, finishedAt: last.finishedAt, problems: last.problems.length } : null };
      },
      'backup.create': async (input, ctx) => {
        const s = await deps.services();
        const result = createBackup(s.station, s.auth.audit(), deps.clock, {
          out: input.out,
          actor: actorOf(ctx),
          onProgress: progress('backup'),
        });
        return { file: result.file, bytes: result.bytes, createdAt: result.manifest.createdAt };
      },
      'backup.restore': async (input, ctx) => {
        const s = await deps.services();
        const actor = actorOf(ctx);
        const session = ctx.session?.sessionId ? s.auth.sessions.peek(ctx.session.sessionId) : null;
        if (!session) throw new JiuzhuError('UNAUTHENTICATED');
        const stationKey = Buffer.from(s.station.dbKey);
        let result;
        try {
          // The backup has its own key: the admin's slot in its keyring opens it. Verified in full
          // before anything is swapped: a bad file leaves the station and every session as they were.
          const unlock = { session: { username: session.username, privateKey: s.auth.slotKeyOf(session.id), stationKey } };
          result = restoreBackup(s.station, deps.clock, { file: input.file, unlock, actor, onProgress: progress('restore') });
        } finally {
          stationKey.fill(0);
        }
        // Everyone logs in again after a restore; the restored keyring holds the staff's key slots.
        s.auth.close();
        return { previousDataDir: result.previousDataDir, createdAt: result.manifest.createdAt };
      },
      'setup.restore': async (input) => {
        const s = await deps.services();
        if (s.station.isInitialized()) throw new JiuzhuError('STORE_ALREADY_INITIALIZED');
        const result = restoreBackup(s.station, deps.clock, {
          file: input.file,
          unlock: { recoveryCode: input.recoveryCode },
          actor: 'recovery',
          allowOtherStation: true,
          onProgress: progress('restore'),
        });
        // The staff's key slots were bound to the old machine: the admin sets a new password with
        // the same recovery code, which is then replaced; other staff get their passwords reset by the admin.
        const recovered = s.auth.recover({ recoveryCode: input.recoveryCode, username: input.username, newPassword: input.newPassword });
        s.auth.logout(recovered.session.id);
        return {
          createdAt: result.manifest.createdAt,
          recoveryCode: recovered.recoveryCode,
          needPasswordReset: recovered.needPasswordReset,
        };
      },
      'store.check': async () => {
        const s = await deps.services();
        const report = checkStore(s.station.db, deps.clock, { onProgress: progress('check') });
        return {
          ok: report.ok,
          integrity: report.integrity,
          foreignKeyViolations: report.foreignKeyViolations,
          audit: report.audit.ok
            ? { ok: true, rows: report.audit.rows }
            : {
                ok: false,
                rows: report.audit.rows,
                firstBad: { seq: report.audit.firstBad.seq, reason: AUDIT_BREAK_ZH[report.audit.firstBad.reason] },
              },
          attachments: report.attachments,
        };
      },
    },
  };
}
