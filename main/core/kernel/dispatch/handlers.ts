import type { MethodName, MethodOutput, MethodParsedInput, Methods } from '../../../../common/contract/index';
import type { CallContext, SessionCallContext } from '../../context';

/** What a handler is called with: the dispatcher has resolved and checked the session of every method that is not public. */
export type ContextOf<M extends MethodName> = Methods[M]['permission'] extends 'public' ? CallContext : SessionCallContext;

export type Handler<M extends MethodName> = (input: MethodParsedInput<M>, ctx: ContextOf<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;

/** One handler for every contract method: the mapped type makes a missing handler a compile error. */
export type Handlers = { [M in MethodName]: Handler<M> };
