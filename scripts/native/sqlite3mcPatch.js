// Checkpoint copy for SQLite3 Multiple Ciphers: a source patch applied to the amalgamation that
// better-sqlite3-multiple-ciphers ships, before it is compiled (for Node and for Electron alike).
//
// Why: in WAL mode sqlite3mc encrypts every page into the WAL exactly as it will sit in the
// database file (same page number, same write cipher, SQLCipher 4 format). Its VFS then decrypts
// each frame when a checkpoint reads it (AES + HMAC-SHA512 check) and encrypts it again when the
// checkpoint writes it (new IV, AES + HMAC-SHA512) — two of the three crypto passes a written page
// costs. With the patch, a checkpoint copies the stored frame as it is, as SQLCipher's own pager
// codec does. The page stays authenticated: every read of it from the database verifies its HMAC.
//
// The window is exactly the checkpoint's copy loop of one connection: SQLite sends
// SQLITE_FCNTL_CKPT_START / _DONE to that connection's main database file around the loop, and
// the WAL file finds that same file object (sqlite3mc pairs them by the pager's file-name pointer).
// Any shared-memory lock on the database file closes the window too, so a checkpoint that exits
// without CKPT_DONE (Windows SEH) cannot leave it open. Only for an encrypted database whose WAL
// uses the current format (not mc_legacy_wal) and whose read and write ciphers are the same kind
// (sqlite3mc refuses to rekey in WAL mode).
//
// Every edit names an anchor that must occur exactly once; a changed amalgamation (a new package
// version) fails loudly here instead of compiling something half-patched.
import { readFileSync, writeFileSync } from 'node:fs';

export const PATCH_ID = 'jiuzhu-ckpt-copy-raw-1';

export const EDITS = [
  {
    what: 'file object: the checkpoint-copy flag',
    anchor: '  int pageNo;                  /* Page number (in case of journal files) */\n};',
    replace: (a) =>
      a.replace('\n};', '\n  int ckptCopyRaw;             /* Main db: inside a checkpoint\'s copy loop (' + PATCH_ID + ') */\n};'),
  },
  {
    what: 'open: the flag starts clear',
    anchor: '  mcFile->pageNo = 0;\n\n  if (zName)\n',
    replace: (a) => a.replace('  mcFile->pageNo = 0;\n', '  mcFile->pageNo = 0;\n  mcFile->ckptCopyRaw = 0; /* ' + PATCH_ID + ' */\n'),
  },
  {
    what: 'WAL read: a frame read by the checkpoint stays as stored',
    anchor:
      'static int mcReadWal(sqlite3_file* pFile, const void* buffer, int count, sqlite3_int64 offset)\n{\n' +
      '  int rc = SQLITE_OK;\n  sqlite3mc_file* mcFile = (sqlite3mc_file*) pFile;\n' +
      '  Codec* codec = (mcFile->pMainDb) ? mcFile->pMainDb->codec : 0;\n',
    replace: (a) =>
      a +
      '\n  /* ' + PATCH_ID + ': the frame holds the page encrypted for the database file; hand it on */\n' +
      '  if (mcFile->pMainDb != 0 && mcFile->pMainDb->ckptCopyRaw && codec != 0 && count == sqlite3mcGetPageSize(codec))\n' +
      '  {\n    return rc;\n  }\n',
  },
  {
    what: 'database write: the checkpoint writes the stored frame',
    anchor:
      'static int mcWriteMainDb(sqlite3_file* pFile, const void* buffer, int count, sqlite3_int64 offset)\n{\n' +
      '  int rc = SQLITE_OK;\n  sqlite3mc_file* mcFile = (sqlite3mc_file*) pFile;\n',
    replace: (a) =>
      a +
      '\n  /* ' + PATCH_ID + ': the buffer is a WAL frame already encrypted for this page */\n' +
      '  if (mcFile->ckptCopyRaw && mcFile->codec != 0 && count == sqlite3mcGetPageSize(mcFile->codec) && offset % count == 0)\n' +
      '  {\n    return REALFILE(pFile)->pMethods->xWrite(REALFILE(pFile), buffer, count, offset);\n  }\n',
  },
  {
    what: 'file control: open and close the window around the copy loop',
    anchor: '  switch (op)\n  {\n    case SQLITE3MC_FCNTL_PVFS:\n',
    replace: (a) =>
      '  switch (op)\n  {\n' +
      '    case SQLITE_FCNTL_CKPT_START:\n' +
      '      /* ' + PATCH_ID + ' */\n' +
      '      p->ckptCopyRaw = (p->openFlags & SQLITE_OPEN_MAIN_DB) && p->codec != 0 && sqlite3mcIsEncrypted(p->codec) &&\n' +
      '        p->codec->m_walLegacy == 0 && p->codec->m_hasReadCipher && p->codec->m_hasWriteCipher &&\n' +
      '        p->codec->m_readCipherType == p->codec->m_writeCipherType &&\n' +
      '        p->codec->m_readReserved == p->codec->m_writeReserved;\n' +
      '      break;\n' +
      '    case SQLITE_FCNTL_CKPT_DONE:\n' +
      '      p->ckptCopyRaw = 0;\n' +
      '      break;\n' +
      a.slice('  switch (op)\n  {\n'.length),
  },
  {
    what: 'shared-memory lock: the window never outlives the checkpoint',
    anchor: 'static int mcIoShmLock(sqlite3_file* pFile, int offset, int n, int flags)\n{\n',
    replace: (a) => a + '  ((sqlite3mc_file*) pFile)->ckptCopyRaw = 0; /* ' + PATCH_ID + ' */\n',
  },
  {
    what: 'version string: the build tells that it carries the patch',
    anchor: /#define SQLITE3MC_VERSION_STRING {5}"SQLite3 Multiple Ciphers [0-9.]+"/,
    replace: (a) => a.slice(0, -1) + ' +' + PATCH_ID + '"',
  },
];

const count = (text, anchor) =>
  typeof anchor === 'string' ? text.split(anchor).length - 1 : (text.match(new RegExp(anchor.source, 'g')) ?? []).length;

/** Apply the patch to an amalgamation text; returns the patched text. Throws if any anchor is not unique. */
export function patchSqlite3mcSource(text) {
  if (text.includes(PATCH_ID)) return text;
  // The amalgamation ships with CRLF line ends; the edits are written with LF and follow the file.
  const crlf = text.includes('\r\n');
  let out = crlf ? text.replace(/\r\n/g, '\n') : text;
  for (const edit of EDITS) {
    const n = count(out, edit.anchor);
    if (n !== 1) {
      throw new Error(
        `sqlite3mc patch (${edit.what}): anchor found ${n} times, expected once. ` +
          'The amalgamation of better-sqlite3-multiple-ciphers changed; review scripts/native/sqlite3mcPatch.js against it.',
      );
    }
    const found = typeof edit.anchor === 'string' ? edit.anchor : out.match(edit.anchor)[0];
    out = out.replace(found, () => edit.replace(found));
  }
  return crlf ? out.replace(/\n/g, '\r\n') : out;
}

/** Patch the file in place (idempotent). Returns true when it changed the file. */
export function patchSqlite3mcFile(path) {
  const text = readFileSync(path, 'utf8');
  const patched = patchSqlite3mcSource(text);
  if (patched === text) return false;
  writeFileSync(path, patched);
  return true;
}

export const isPatched = (path) => readFileSync(path, 'utf8').includes(PATCH_ID);
