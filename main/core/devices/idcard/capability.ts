import type { Capability, CoreDeps } from '../../capability';
import type { SerialTransport } from '../serial/transport';
import type { CoreEvent, MethodOutput } from '../../../../common/contract/index';
import { findPerson } from '../../cases/personRepo';
import { compareWithFile } from './onFile';
import { IdCardService } from './service';

export function idcardCapability(deps: CoreDeps, options: { emulatedReaderPath?: string; transport: SerialTransport }): Capability<'idcard.status' | 'idcard.ports' | 'idcard.configure' | 'idcard.read' | 'idcard.watch'> {
  // A card read is compared with the person on file (the store is open only while someone is logged in).
  const withFile = async (read: MethodOutput<'idcard.read'>): Promise<MethodOutput<'idcard.read'>> => {
    const s = await deps.services();
    if (!s.station.isOpen()) return read;
    return { ...read, onFile: compareWithFile(read, findPerson(s.station.db, read.card.idNumber)) };
  };
  const emit = (event: CoreEvent) => {
    if (event.event !== 'idcard.card') return deps.emit(event);
    void withFile(event.payload).then(
      (payload) => deps.emit({ event: 'idcard.card', payload }),
      () => deps.emit(event),
    );
  };
  const idcard = new IdCardService({
    settings: deps.settings,
    emit,
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
      'idcard.read': async (input) => withFile(await idcard.read(input.timeoutSeconds)),
      'idcard.watch': (input) => idcard.watch(input.on),
    },
    close: () => idcard.close(),
  };
}
