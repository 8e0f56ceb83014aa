import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from '../../core';
import { ALL_WINDOWS } from '../events/hub';
import { serialTransportOverPort } from '../../devices/serial/serialHostPort';
import { printHostOverPort } from '../../documents/printHostPort';
import type { FromWorker, ToWorker, WorkerCoreOptions } from './messages';
import { offsetClock } from './offsetClock';

/**
 * Runs inside a worker thread: builds the core and serves calls from the port. The shell's
 * main thread only forwards envelopes, so SQLite, PDF and image work never block it.
 */
if (!parentPort) throw new Error('workerEntry must run in a worker thread');
const port = parentPort;
const post = (message: FromWorker) => port.postMessage(message);
const { printHost: shellPrints, clockOffsetMs, ...options } = workerData as WorkerCoreOptions;
// Printing is the shell's: core's print requests travel to it over this port.
const printing = shellPrints ? printHostOverPort(post) : undefined;
// Serial ports are the main thread's too: the native binding is not safe in a worker.
const serial = serialTransportOverPort(post);
const core = createCore({
  ...options,
  serialTransport: serial.transport,
  ...(printing ? { printHost: printing.host } : {}),
  ...(clockOffsetMs !== undefined ? { clock: offsetClock(clockOffsetMs) } : {}),
});

// A relay: addressed events cross with their window; the shell side delivers them (events/hub.ts).
core.onEvent((event, to) => post({ type: 'event', event, ...(to ? { to } : {}) }), ALL_WINDOWS);

port.on('message', (message: ToWorker) => {
  if (message.type === 'invoke') {
    void core.invoke(message.method, message.input, message.ctx).then((envelope) => post({ type: 'result', id: message.id, envelope }));
  } else if (message.type === 'printResult') {
    printing?.settle(message);
  } else if (message.type === 'serialResult' || message.type === 'serialData' || message.type === 'serialClosed') {
    serial.receive(message);
  } else if (message.type === 'close') {
    void core.close().then(() => {
      post({ type: 'closed' });
      port.close();
    });
  }
});

post({ type: 'ready' });
