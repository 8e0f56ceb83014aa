import type { Envelope } from './envelope';
import type { MethodName } from './names';
import type { MethodInput, MethodOutput } from './registry';

/** One call of a contract method as its callers see it: the input its schema takes, the envelope of its output. */
export type Invoke = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<Envelope<MethodOutput<M>>>;

/**
 * A transport (IPC, the browser shell's WebSocket, core's dispatcher) seen through the contract's types.
 * The transport itself carries any method name and JSON; core validates both, so the cast holds.
 */
export function typedInvoke(raw: (method: string, input: unknown) => Promise<Envelope>): Invoke {
  return raw as Invoke;
}
