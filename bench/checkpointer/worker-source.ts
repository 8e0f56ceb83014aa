/**
 * The checkpointer thread (an experiment, see README.md), as plain CommonJS source run with
 * `new Worker(src, { eval: true })`. A string rather than a file so that it would run the same
 * under vitest, tsx (CLI) and the bundled app without a separate build entry.
 *
 * It opens its own connection to the station database (same cipher settings, raw key handed over
 * in memory as a transferred ArrayBuffer and zeroed once used), then every `pollMs` reads the
 * WAL-index header from the -shm file (https://www.sqlite.org/walformat.html: two 48-byte header
 * copies, then nBackfill at byte 96; native byte order) to learn, without touching the database,
 * how many WAL frames are not yet in the database file and whether the writer committed since the
 * last poll. It never writes rows; it only runs `PRAGMA wal_checkpoint`.
 *
 * workerData: { modulePath, nativeBinding?, dbPath, shmPath, key: ArrayBuffer|null, littleEndian,
 * settings: CheckpointSettings, state: SharedArrayBuffer (Int32 [0] = 1 once the connection is
 * closed) }.
 * Messages in: {type:'stop'}. Messages out: {type:'ready'}, {type:'done', reason, busy, log,
 * checkpointed, ms}, {type:'error', message, code}.
 */
export const WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const state = new Int32Array(workerData.state);
const s = workerData.settings;
let db = null;
let timer = null;
let stopped = false;
let last = null;
let lastActivity = Date.now();
let idleDone = true;

function finish() {
  stopped = true;
  if (timer) clearTimeout(timer);
  timer = null;
  try { if (db && db.open) db.close(); } catch (e) { report(e); }
  Atomics.store(state, 0, 1);
  Atomics.notify(state, 0);
  parentPort.close();
}

function report(e) {
  parentPort.postMessage({ type: 'error', message: String(e && e.message || e), code: e && e.code || '' });
}

function readIndex() {
  let fd;
  try { fd = fs.openSync(workerData.shmPath, 'r'); } catch { return null; }
  try {
    const b = Buffer.alloc(136);
    if (fs.readSync(fd, b, 0, 136, 0) < 136) return null;
    const u32 = (o) => (workerData.littleEndian ? b.readUInt32LE(o) : b.readUInt32BE(o));
    if (u32(0) !== 3007000 || b[12] !== 1) return null;
    // a header being rewritten has two different copies: read again at the next poll
    if (!b.subarray(0, 48).equals(b.subarray(48, 96))) return null;
    return { change: u32(8), mxFrame: u32(16), nBackfill: u32(96) };
  } finally {
    fs.closeSync(fd);
  }
}

function checkpoint(reason) {
  const t0 = performance.now();
  let r = db.pragma('wal_checkpoint(PASSIVE)')[0];
  if (reason === 'idle' && r.busy === 0 && r.log === r.checkpointed) r = db.pragma('wal_checkpoint(TRUNCATE)')[0];
  // our own checkpoint is not writer activity
  last = readIndex() || last;
  parentPort.postMessage({ type: 'done', reason, busy: r.busy, log: r.log, checkpointed: r.checkpointed, ms: performance.now() - t0 });
  return r;
}

function tick() {
  timer = null;
  if (stopped) return;
  let again = s.pollMs;
  try {
    const ix = readIndex();
    const now = Date.now();
    if (ix) {
      if (!last || ix.change !== last.change || ix.mxFrame !== last.mxFrame) {
        lastActivity = now;
        idleDone = false;
      }
      last = ix;
      const pending = Math.max(0, ix.mxFrame - ix.nBackfill);
      const quiet = now - lastActivity;
      if (pending >= s.behindFrames || (pending >= s.thresholdFrames && quiet >= s.quietMs)) {
        checkpoint('threshold');
        again = 1; // while the writer keeps going, keep up with it
      } else if (!idleDone && quiet >= s.idleMs) {
        const r = checkpoint('idle');
        if (r.busy === 0) idleDone = true;
        else lastActivity = now; // a reader or the writer is busy: try again after another idle period
      }
    }
  } catch (e) {
    report(e);
  }
  if (!stopped) timer = setTimeout(tick, again);
}

parentPort.on('message', (m) => {
  if (!stopped && m.type === 'stop') finish();
});

try {
  const Database = require(workerData.modulePath);
  db = new Database(workerData.dbPath, Object.assign({ fileMustExist: true }, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}));
  if (workerData.key) {
    const key = Buffer.from(workerData.key);
    db.pragma("cipher='sqlcipher'");
    db.pragma('legacy=4');
    db.pragma('key="x\'' + key.toString('hex') + '\'"');
    key.fill(0);
  }
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = ' + s.busyTimeoutMs);
  db.pragma('cache_size = -2048');
  parentPort.postMessage({ type: 'ready' });
  timer = setTimeout(tick, s.pollMs);
} catch (e) {
  report(e);
  finish();
}
`;
