import { randomUUID } from 'node:crypto';
import {
  METHODS,
  JiuzhuError,
  isJiuzhuError,
  isMethodName,
  rolesGrant,
  type Envelope,
  type MethodName,
} from '../../../../common/contract/index';
import { permissionLabel } from '../../../../common/i18n/labels';
import type { CallContext, CallerSession } from '../../context';
import type { Logger } from '../logging/logger';
import type { Handler, Handlers } from './handlers';
import { assertInputWithinLimits } from './inputLimits';
import { invalidInput } from './validationError';

/**
 * The single entry of every call from every shell: method lookup, permission, input validation,
 * the handler, and output validation. Nothing reaches a handler unchecked, and every failure
 * leaves as a typed envelope.
 */
export type SessionResolver = (ctx: CallContext) => Promise<CallerSession>;

/** Without a store (unit tests of the frame), only a session the caller brings counts. */
const callerSessionOnly: SessionResolver = async (ctx) => {
  if (!ctx.session) throw new JiuzhuError('UNAUTHENTICATED');
  return ctx.session;
};

export function createDispatcher(handlers: Handlers, logger: Logger, resolveSession: SessionResolver = callerSessionOnly) {
  return async function dispatch(method: string, input: unknown, ctx: CallContext): Promise<Envelope> {
    try {
      if (!isMethodName(method)) throw new JiuzhuError('UNKNOWN_METHOD', { method: method.slice(0, 80) });
      const spec = METHODS[method];
      // The shells check before the worker; in-thread hosts (CLI, tests) are checked here.
      assertInputWithinLimits(input);
      let callCtx = ctx;
      if (spec.permission !== 'public') {
        const session = await resolveSession(ctx);
        if (!rolesGrant(session.roles, spec.permission)) {
          throw new JiuzhuError('FORBIDDEN', { permission: permissionLabel(spec.permission) }, { permission: spec.permission });
        }
        callCtx = { ...ctx, session };
      }
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) throw invalidInput(parsed.error);
      const handler = handlers[method] as Handler<MethodName>;
      const result = await handler(parsed.data as never, callCtx as never);
      const checked = spec.output.safeParse(result);
      if (!checked.success) {
        logger.log('error', 'contract.output_mismatch', { method, issues: checked.error.issues.map((i) => i.path.join('.')) });
        throw new Error(`output of ${method} does not match the contract`);
      }
      return { ok: true, result: checked.data };
    } catch (error) {
      if (isJiuzhuError(error)) return { ok: false, error: error.toApiError() };
      const ref = randomUUID().slice(0, 8);
      logger.log('error', 'call.failed', { method, ref, error: error instanceof Error ? error.stack : String(error) });
      return { ok: false, error: new JiuzhuError('INTERNAL', { ref }, { ref }).toApiError() };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
