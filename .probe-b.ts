import { mkdtempSync, readFileSync } from 'node:fs'; import { join } from 'node:path'; import { tmpdir } from 'node:os';
import { newDbKey } from './main/core/store/keys/keyring'; import { closeStore, configureConnection } from './main/core/store/open-store';
import { openSqlite } from './main/core/store/sqlite';
import { BackgroundCheckpointer } from './main/core/store/checkpointer/checkpointer';
const tcpu = () => Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
const mode = process.argv[2] ?? 'bg';
for (const enc of [false, true]) {
  const dir = mkdtempSync(join(tmpdir(), 'pb-')); const p = join(dir, 'x.db'); const key = enc ? newDbKey() : null;
  const db = openSqlite(p, key, { plain: !enc }); configureConnection(db);
  let writerCk = 0;
  let cp: BackgroundCheckpointer | undefined;
  if (mode === 'bg') { cp = new BackgroundCheckpointer({ dbPath: p, key, writer: db }); await cp.ready(); }
  if (mode === 'off') db.pragma('wal_autocheckpoint=0');
  db.exec('CREATE TABLE person (id INTEGER PRIMARY KEY, id_number TEXT NOT NULL UNIQUE, name TEXT NOT NULL, household TEXT NOT NULL, created_at TEXT NOT NULL) STRICT; CREATE INDEX pc ON person(created_at)');
  const ins = db.prepare('INSERT INTO person (id_number, name, household, created_at) VALUES (?, ?, ?, ?)');
  const c0 = tcpu(); const t0 = performance.now(); let prevMx = 0;
  for (let b = 0; b < 100; b++) {
    db.transaction(() => { for (let j = 0; j < 1000; j++) { const i = b * 1000 + j; ins.run(`500101${1940 + (i % 60)}${String(i).padStart(8, '0')}`, '王明华', JSON.stringify({ a: `渝中区解放碑街道${i % 300}号`, p: `139${String(i).padStart(8, '0')}` }), new Date(1.7e12 + i * 60000).toISOString()); } })();
    const b2 = readFileSync(p + '-shm'); const mx = b2.readUInt32LE(16); if (mx < prevMx) writerCk++; prevMx = mx;
  }
  console.log(mode, enc ? 'enc' : 'plain', 'writer cpu', (tcpu() - c0).toFixed(0), 'wall', (performance.now() - t0).toFixed(0), 'restarts', writerCk, cp?.stats());
  cp?.stop(); closeStore(db);
}
