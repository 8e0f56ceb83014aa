import type { Capability, CoreDeps } from '../../capability';
import type { SerialTransport } from '../serial/transport';
import { IdCardService } from './service';

export function idcardCapability(deps: CoreDeps, options: { emulatedReaderPath?: string; transport: SerialTransport }): Capability<'idcard.status' | 'idcard.ports' | 'idcard.configure' | 'idcard.read' | 'idcard.watch'> {
  const idcard = new IdCardService({
    settings: deps.settings,
    emit: deps.emit,
    clock: deps.clock,
    logger: deps.logger,
    transport: options.transport,
    ...(options.emulatedReaderPath ? { emulatedPath: options.emulatedReaderPath } : {}),
  });
  return {
    handlers: {
      'idcard.status': () => idcard.state(),
      'idcard.ports': () => idcard.ports(),
      'idcard.configure': (input) => idcard.configure(input),
      'idcard.read': (input) => idcard.read(input.timeoutSeconds),
      'idcard.watch': (input) => idcard.watch(input.on),
    },
    close: () => idcard.close(),
  };
}
