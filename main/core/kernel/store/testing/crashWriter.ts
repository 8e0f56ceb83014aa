/**
 * Child process for the crash-safety test: opens the station database with the key from
 * JIUZHU_TEST_KEY and writes realistic records (an attachment plus its audit row, one
 * transaction each) as fast as it can, printing "committed <id>" after every commit.
 * JIUZHU_TEST_AUTOCHECKPOINT sets a small wal_autocheckpoint, so kills land inside checkpoints.
 * The test kills it with SIGKILL at a random moment.
 */
import { writeSync } from 'node:fs';
import { AuditLog } from '../../audit/auditLog';
import { AttachmentStore } from '../attachments/attachmentStore';
import { openStore } from '../openStore';
import { jpegWithExif } from './images';

const [dbPath, startArg] = process.argv.slice(2);
const key = Buffer.from(process.env.JIUZHU_TEST_KEY ?? '', 'hex');
const db = openStore(dbPath!, key, { check: 'quick' });
if (process.env.JIUZHU_TEST_AUTOCHECKPOINT) db.pragma(`wal_autocheckpoint = ${Number(process.env.JIUZHU_TEST_AUTOCHECKPOINT)}`);
const clock = { now: () => new Date() };
const audit = new AuditLog(db, clock, 'c'.repeat(64));
const attachments = new AttachmentStore(db, clock, undefined, 4096);
let n = Number(startArg ?? '0');
process.stdout.write('ready\n');
for (;;) {
  const id = `r-${n}`;
  db.transaction(() => {
    attachments.put('document-scan', Buffer.concat([jpegWithExif(`scan ${id}`), Buffer.alloc(n % 7 === 0 ? 20_000 : 500, n & 0xff)]), {
      createdBy: id,
    });
    audit.append({ actor: 'crash-writer', action: 'case.update', targetType: 'case', targetId: id, details: { step: n } });
  })();
  // fs.writeSync: the line is out of the process before the next transaction starts
  writeSync(1, `committed ${id}\n`);
  n++;
}
