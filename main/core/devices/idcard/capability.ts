import { join } from 'node:path';
import { JiuzhuError, type CoreEvent, type MethodOutput } from '../../../../common/contract/index';
import type { Capability, CoreDeps } from '../../capability';
import type { CallContext } from '../../context';
import type { SerialTransport } from '../serial/transport';
import { findPerson } from '../../cases/personRepo';
import { auditDetailsOf } from './auditDetails';
import { compareWithFile } from './onFile';
import { findVendorLibraryDir } from './sdk/vendorLibrary';
import { IdCardService } from './service';

type IdCardMethods = 'idcard.status' | 'idcard.ports' | 'idcard.configure' | 'idcard.libraries' | 'idcard.read' | 'idcard.watch';

export interface IdCardCapabilityOptions {
  emulatedReaderPath?: string;
  transport: SerialTransport;
  /** Deliver an event to one window only (events/hub.ts emitTo): a card goes to the clerk who reads. */
  emitTo(windowId: string, event: CoreEvent): void;
  /** The install's vendor library folder; default resources/idcard-sdk (sdk/vendorLibrary.ts). */
  libraryDir?: string;
}

/** The window that turned automatic reading on, and the login session it held then. */
interface Watcher {
  windowId: string;
  sessionId: string;
}

export function idcardCapability(deps: CoreDeps, options: IdCardCapabilityOptions): Capability<IdCardMethods> {
  // A card read is compared with the person on file (the store is open only while someone is logged in).
  const withFile = async (read: MethodOutput<'idcard.read'>): Promise<MethodOutput<'idcard.read'>> => {
    const s = await deps.services();
    if (!s.station.isOpen()) return read;
    return { ...read, onFile: compareWithFile(read, findPerson(s.station.db, read.card.idNumber)) };
  };

  let watcher: Watcher | undefined;
  const withhold = (reason: string) => deps.logger.log('info', 'idcard.card_withheld', { reason });

  /**
   * A card from automatic reading (name, number, address, photo) goes to the window that turned it
   * on, and only while that window still holds the same session, unlocked. Never a broadcast: the
   * applicant screen and other windows never see it. A card read while the session is locked is
   * dropped, not kept for later.
   */
  const deliverCard = async (read: MethodOutput<'idcard.read'>): Promise<void> => {
    const w = watcher;
    if (!w) return withhold('no-watcher');
    const session = await deps.windows.peek({ via: deps.shell, windowId: w.windowId });
    if (!session || session.id !== w.sessionId) {
      // The clerk logged out (or the window holds someone else now): stop reading for them.
      if (watcher === w) watcher = undefined;
      await idcard.watch(false);
      return withhold('session-ended');
    }
    if (session.locked) return withhold('locked');
    const payload = await withFile(read);
    options.emitTo(w.windowId, { event: 'idcard.card', payload });
  };

  const emit = (event: CoreEvent) => {
    if (event.event !== 'idcard.card') return deps.emit(event);
    deliverCard(event.payload).catch((error: unknown) => deps.logger.log('error', 'idcard.card_delivery_failed', { error: String(error) }));
  };

  const idcard = new IdCardService({
    settings: deps.settings,
    emit,
    clock: deps.clock,
    logger: deps.logger,
    transport: options.transport,
    libraryDir: options.libraryDir ?? findVendorLibraryDir(),
    vendorOutputDir: join(deps.dataDir, 'idcard-output'),
    ...(options.emulatedReaderPath ? { emulatedPath: options.emulatedReaderPath } : {}),
  });

  const watcherOf = (ctx: CallContext): Watcher => {
    if (!ctx.windowId || !ctx.session?.sessionId) throw new JiuzhuError('IDCARD_WATCH_NEEDS_WINDOW');
    return { windowId: ctx.windowId, sessionId: ctx.session.sessionId };
  };

  return {
    handlers: {
      'idcard.status': () => idcard.state(),
      'idcard.ports': () => idcard.ports(),
      'idcard.libraries': () => idcard.libraries(),
      'idcard.configure': (input, ctx) =>
        idcard.configure(input, async (config) => {
          const actor = ctx.session?.userId;
          if (!actor) throw new JiuzhuError('UNAUTHENTICATED');
          (await deps.services()).auth
            .audit()
            .append({ actor, action: 'idcard.configure', targetType: 'workstation', targetId: null, details: auditDetailsOf(config) });
        }),
      'idcard.read': async (input) => withFile(await idcard.read(input.timeoutSeconds)),
      'idcard.watch': async (input, ctx) => {
        if (input.on) {
          // The latest window to turn automatic reading on receives the cards.
          watcher = watcherOf(ctx);
          return idcard.watch(true);
        }
        // Only the reading window (or anyone, when nobody is) turns it off for everyone.
        if (watcher && watcher.windowId !== ctx.windowId) return idcard.state();
        watcher = undefined;
        return idcard.watch(false);
      },
    },
    close: () => idcard.close(),
  };
}
