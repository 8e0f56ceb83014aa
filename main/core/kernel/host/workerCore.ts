import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { JiuzhuError, type CoreEvent, type Envelope } from '../../../../common/contract/index';
import type { CoreApi } from '../../core';
import type { CallContext } from '../../context';
import type { PrintHost } from '../../documents/printHost';
import { answerPrintRequest } from '../../documents/printHostPort';
import { createNativeSerialTransport } from '../../devices/serial/nativeTransport';
import { serveSerialRequests } from '../../devices/serial/serialHostPort';
import { delivers } from '../events/hub';
import { inputTooLarge } from '../dispatch/inputLimits';
import type { Logger } from '../logging/logger';
import type { FromWorker, ToWorker, WorkerCoreOptions } from './messages';

export interface WorkerCoreHostOptions {
  /** The built worker script (workerEntry bundled), or a bootstrap that loads it. */
  script: URL | string;
  core: WorkerCoreOptions;
  logger: Logger;
  execArgv?: string[];
  /** The shell's printing (desktop); core's print requests arrive over the port and are answered here. */
  printHost?: PrintHost;
}

const unavailable = (): Envelope => ({ ok: false, error: new JiuzhuError('CORE_UNAVAILABLE').toApiError() });

/** The answer to a call whose input could not be posted: too deep (RangeError) or not cloneable. */
function unsent(error: unknown, method: string, logger: Logger): Envelope {
  if (error instanceof RangeError) return { ok: false, error: inputTooLarge('depth').toApiError() };
  const ref = randomUUID().slice(0, 8);
  logger.log('error', 'core_worker.post_failed', { method: method.slice(0, 80), ref, error: String(error) });
  return { ok: false, error: new JiuzhuError('INTERNAL', { ref }, { ref }).toApiError() };
}

/** Core in a worker: the CoreApi, and how many calls wait for the worker's answer (for tests and diagnostics). */
export interface WorkerCoreApi extends CoreApi {
  pendingCalls(): number;
}

/**
 * Hosts core in a worker thread behind the same CoreApi the in-thread core offers.
 * If the worker dies, calls in flight fail with CORE_UNAVAILABLE and a new worker is started,
 * so one bad call cannot take the workstation down.
 */
export async function startWorkerCore(options: WorkerCoreHostOptions): Promise<WorkerCoreApi> {
  const listeners = new Map<(event: CoreEvent, to?: string) => void, string | undefined>();
  // Replayed to late subscribers, as the in-thread EventHub greets them.
  let lastReady: CoreEvent | undefined;
  const pending = new Map<number, (envelope: Envelope) => void>();
  let nextId = 1;
  let closing = false;
  let worker: Worker;
  let ready: Promise<void>;

  // The worker's serial IO happens here, on the shell's main thread (see devices/serial/transport.ts).
  let serial: ReturnType<typeof serveSerialRequests> | undefined;
  const spawn = (): void => {
    worker = new Worker(options.script, {
      workerData: { ...options.core, printHost: Boolean(options.printHost) },
      execArgv: options.execArgv ?? [],
    });
    const current = worker;
    void serial?.closeAll();
    const native = createNativeSerialTransport({ onFallback: (reason) => options.logger.log('warn', 'serial.list_fallback', { reason }) });
    serial = serveSerialRequests(native, (reply) => current.postMessage(reply satisfies ToWorker));
    ready = new Promise((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'result') {
          pending.get(message.id)?.(message.envelope);
          pending.delete(message.id);
        } else if (message.type === 'print' && options.printHost) {
          const asking = worker;
          void answerPrintRequest(options.printHost, message).then((answer) => asking.postMessage(answer satisfies ToWorker));
        } else if (message.type === 'serial') {
          serial?.handle(message);
        } else if (message.type === 'event') {
          if (message.event.event === 'core.ready') lastReady = message.event;
          for (const [listener, window] of listeners) if (delivers(message.to, window)) listener(message.event, message.to);
        }
      };
      worker.on('message', onMessage);
      worker.once('error', (error) => {
        options.logger.log('error', 'core_worker.error', { error: error.stack ?? String(error) });
        reject(error);
      });
      worker.once('exit', (code) => {
        for (const settle of pending.values()) settle(unavailable());
        pending.clear();
        if (!closing) {
          options.logger.log('error', 'core_worker.exited', { code });
          setTimeout(spawn, 500);
        }
      });
    });
    ready.catch(() => undefined);
  };

  spawn();
  await ready!;

  const send = (message: ToWorker) => worker.postMessage(message);

  return {
    async invoke(method: string, input: unknown, ctx: CallContext): Promise<Envelope> {
      try {
        await ready;
      } catch {
        return unavailable();
      }
      const id = nextId++;
      return new Promise<Envelope>((resolve) => {
        pending.set(id, resolve);
        try {
          send({ type: 'invoke', id, method, input, ctx });
        } catch (error) {
          // The input could not be copied to the worker (structured clone recursed too deep, or a
          // value it cannot clone): the call never left, so it must not wait for an answer.
          pending.delete(id);
          resolve(unsent(error, method, options.logger));
        }
      });
    },
    pendingCalls: () => pending.size,
    onEvent(listener, window) {
      listeners.set(listener, window);
      if (lastReady) listener(lastReady);
      return () => listeners.delete(listener);
    },
    async close() {
      closing = true;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      send({ type: 'close' });
      const timer = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timer);
      await serial?.closeAll();
    },
  };
}
