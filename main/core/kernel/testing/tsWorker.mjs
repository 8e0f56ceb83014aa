// Test-only bootstrap: lets a worker thread load core's TypeScript sources through tsx.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.__entry);
