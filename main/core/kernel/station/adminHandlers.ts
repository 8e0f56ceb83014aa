import { JiuzhuError } from '../../../../common/contract/index';
import type { Session } from '../accounts/sessions';
import { verifyAuditChain, AUDIT_BREAK_ZH } from '../audit/verify';
import type { CallContext } from '../../context';
import type { Handlers } from '../dispatch/handlers';
import type { StationServices } from './stationServices';

export type AdminHandlers = Pick<
  Handlers,
  'accounts.list' | 'accounts.create' | 'accounts.setRoles' | 'accounts.disable' | 'accounts.resetPassword' | 'audit.query' | 'audit.verify'
>;

/** Staff management and the audit viewer, for the station's admin (and heads, for audit). */
export function adminHandlers(services: () => Promise<StationServices>): AdminHandlers {
  const actor = async (ctx: CallContext): Promise<{ s: StationServices; session: Session }> => {
    const s = await services();
    const id = ctx.session?.sessionId;
    const session = id ? s.auth.sessions.peek(id) : null;
    if (!session) throw new JiuzhuError('UNAUTHENTICATED');
    return { s, session };
  };

  return {
    'accounts.list': async (_input, ctx) => {
      const { s, session } = await actor(ctx);
      return s.accounts.list(session).map((a) => ({
        id: a.id,
        username: a.username,
        displayName: a.displayName,
        roles: a.roles,
        disabled: a.disabled,
        mustChangePassword: a.mustChangePassword,
        hasKeySlot: a.hasKeySlot,
        lockedUntil: a.lockedUntil,
        createdAt: a.createdAt,
      }));
    },
    'accounts.create': async (input, ctx) => {
      const { s, session } = await actor(ctx);
      const created = s.accounts.create(session, input);
      return { id: created.id, username: created.username };
    },
    'accounts.setRoles': async (input, ctx) => {
      const { s, session } = await actor(ctx);
      s.accounts.setRoles(session, input.accountId, input.roles);
      return { ok: true };
    },
    'accounts.disable': async (input, ctx) => {
      const { s, session } = await actor(ctx);
      const r = s.accounts.disable(session, input.accountId);
      return { ok: true, newRecoveryCode: r.newRecoveryCode, needPasswordReset: r.needPasswordReset };
    },
    'accounts.resetPassword': async (input, ctx) => {
      const { s, session } = await actor(ctx);
      s.accounts.resetPassword(session, input.accountId, input.password);
      return { ok: true };
    },
    'audit.query': async (input, ctx) => {
      const { s, session } = await actor(ctx);
      const rows = s.auth.audit().query(input);
      s.auth.audit().append({ actor: session.accountId, action: 'audit.view', details: { rows: rows.length } });
      return rows.map(({ hash: _hash, ...row }) => row);
    },
    'audit.verify': async (_input, ctx) => {
      const { s } = await actor(ctx);
      const result = verifyAuditChain(s.station.db);
      return result.ok
        ? { ok: true, rows: result.rows }
        : { ok: false, rows: result.rows, firstBad: { seq: result.firstBad.seq, reason: AUDIT_BREAK_ZH[result.firstBad.reason] } };
    },
  };
}
