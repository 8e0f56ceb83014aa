import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform } from '../city-platform/platform';
const dir = mkdtempSync(join(tmpdir(), 'twice-'));
const p = await startPlatform({ dataDir: dir });
try { await startPlatform({ dataDir: mkdtempSync(join(tmpdir(), 'twice-')), port: p.port }); console.log('second listen: no error?!'); } catch (e) { console.log('second listen refused:', (e as NodeJS.ErrnoException).code); }
const t = Date.now();
await p.stop();
await p.stop().catch((e) => console.log('second stop threw', String(e)));
console.log('stopped twice in', Date.now() - t, 'ms');
const again = await startPlatform({ dataDir: dir, port: p.port });
console.log('restarted on the same port', again.port === p.port);
await again.stop();
