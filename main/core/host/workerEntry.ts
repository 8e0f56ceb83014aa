import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from '../core';
import type { FromWorker, ToWorker, WorkerCoreOptions } from './messages';

/**
 * Runs inside a worker thread: builds the core and serves calls from the port. The shell's
 * main thread only forwards envelopes, so SQLite, PDF and image work never block it.
 */
if (!parentPort) throw new Error('workerEntry must run in a worker thread');
const port = parentPort;
const core = createCore(workerData as WorkerCoreOptions);
const post = (message: FromWorker) => port.postMessage(message);

core.onEvent((event) => post({ type: 'event', event }));

port.on('message', (message: ToWorker) => {
  if (message.type === 'invoke') {
    void core.invoke(message.method, message.input, message.ctx).then((envelope) => post({ type: 'result', id: message.id, envelope }));
  } else if (message.type === 'close') {
    void core.close().then(() => {
      post({ type: 'closed' });
      port.close();
    });
  }
});

post({ type: 'ready' });
