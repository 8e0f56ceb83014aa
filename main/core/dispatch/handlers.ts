import type { MethodName, MethodOutput, MethodParsedInput } from '../../../common/contract/index';
import type { CallContext } from '../context';

export type Handler<M extends MethodName> = (input: MethodParsedInput<M>, ctx: CallContext) => Promise<MethodOutput<M>> | MethodOutput<M>;

/** One handler for every contract method: the mapped type makes a missing handler a compile error. */
export type Handlers = { [M in MethodName]: Handler<M> };
