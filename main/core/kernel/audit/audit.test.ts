import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../store/sqlite';
import { ADMIN, codeOf, makeStation, tempDir, type TestStation } from '../store/testing/fixtures';
import type { Db } from '../store/types';
import { type AuditLog } from './auditLog';
import { pruneAudit } from './prune';
import { verifyAuditChain } from './verify';

describe('audit chain', () => {
  let t: TestStation;
  let cleanup: () => void;
  let audit: AuditLog;
  let key: Buffer;
  beforeEach(() => {
    const d = tempDir();
    cleanup = d.cleanup;
    t = makeStation(d.dir);
    t.auth.login('admin', ADMIN.password);
    audit = t.auth.audit();
    key = Buffer.from(t.station.dbKey);
    for (let i = 0; i < 20; i++) {
      audit.append({ actor: t.adminId, action: 'person.view', targetType: 'person', targetId: `p-${i}` });
      t.clock.advance(1000);
    }
  });
  afterEach(() => {
    t.auth.close();
    cleanup();
  });

  /** Tamper like an attacker who has the key: a second connection, triggers dropped. */
  function tamper(sql: (db: Db) => void): void {
    t.auth.close();
    const db = openSqlite(t.station.paths.db, key);
    db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
    sql(db);
    db.close();
    t.auth.login('admin', ADMIN.password);
  }
  const verify = () => verifyAuditChain(t.station.db);

  it('verifies an intact chain and records who/what/where, no personal data', () => {
    const r = verify();
    expect(r.ok).toBe(true);
    const row = audit.query({ targetId: 'p-3' })[0]!;
    expect(row).toMatchObject({ actor: t.adminId, action: 'person.view', targetType: 'person', workstation: 'a'.repeat(64) });
    expect(codeOf(() => audit.append({ actor: 'x', action: 'person.view', targetId: '王小明' }))).toBe('AUDIT_PERSONAL_DATA');
    expect(codeOf(() => audit.append({ actor: 'x', action: 'person.view', details: { id: '11010519491231002X' } }))).toBe(
      'AUDIT_PERSONAL_DATA',
    );
    expect(codeOf(() => audit.append({ actor: 'x', action: 'person.view', details: { phone: '13800138000' } }))).toBe(
      'AUDIT_PERSONAL_DATA',
    );
    expect(codeOf(() => audit.append({ actor: 'x', action: 'person.view', targetId: 'p-13800138000' }))).toBe('AUDIT_PERSONAL_DATA');
  });

  it('takes generated ids and digests whatever digits they happen to contain', () => {
    // A random UUID whose last group holds a mobile-like run, and a SHA-256 with an ID-number-like run.
    const uuid = '0f6c2a7e-4b1d-4c3e-9a2b-e13800138000';
    const digest = `${'11010519491231002'}${'a'.repeat(47)}`;
    audit.append({ actor: uuid, action: 'document.issue', targetType: 'document', targetId: uuid, details: { sha256: digest } });
    expect(audit.query({ targetId: uuid })[0]).toMatchObject({ actor: uuid, details: { sha256: digest } });
    expect(verify().ok).toBe(true);
  });

  it('takes an id made of a generated id and a prefix or suffix, and still refuses a phone or ID number beside one', () => {
    const uuid = '0f6c2a7e-4b1d-4c3e-9a2b-e13800138000';
    for (const id of [`status-${uuid}-3`, `import:${uuid}`, `${uuid}:2`])
      audit.append({ actor: 'x', action: 'case.status', targetType: 'case', targetId: uuid, details: { item: id } });
    expect(verify().ok).toBe(true);
    for (const id of [`${uuid}-13800138000`, `import:13800138000`, `${uuid}:11010519491231002X`, `${uuid}王小明`])
      expect(codeOf(() => audit.append({ actor: 'x', action: 'case.status', details: { item: id } }))).toBe('AUDIT_PERSONAL_DATA');
  });

  it('refuses UPDATE and DELETE through SQL', () => {
    expect(() => t.station.db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 3").run()).toThrow(/AUDIT_IMMUTABLE/);
    expect(() => t.station.db.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/AUDIT_IMMUTABLE/);
  });

  it('detects an altered row and names it', () => {
    const seq = audit.query({ targetId: 'p-7' })[0]!.seq;
    tamper((db) => db.prepare("UPDATE audit_log SET target_id = 'p-99' WHERE seq = ?").run(seq));
    expect(verify()).toMatchObject({ ok: false, firstBad: { seq, reason: 'altered' } });
  });

  it('detects a removed row and names the row after the gap', () => {
    const seq = audit.query({ targetId: 'p-7' })[0]!.seq;
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq));
    expect(verify()).toMatchObject({ ok: false, firstBad: { seq: seq + 1, reason: 'missing' } });
  });

  it('detects removed rows renumbered to close the gap', () => {
    const seq = audit.query({ targetId: 'p-7' })[0]!.seq;
    tamper((db) => {
      db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
      db.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > ?').run(seq);
    });
    expect(verify()).toMatchObject({ ok: false, firstBad: { seq } });
  });

  it('detects two swapped rows and names the first', () => {
    const a = audit.query({ targetId: 'p-4' })[0]!.seq;
    tamper((db) => {
      const cols = 'at, actor, action, target_type, target_id, workstation, details, prev_hash, hash';
      const ra = db.prepare(`SELECT ${cols} FROM audit_log WHERE seq = ?`).get(a) as Record<string, unknown>;
      const rb = db.prepare(`SELECT ${cols} FROM audit_log WHERE seq = ?`).get(a + 1) as Record<string, unknown>;
      const set = db.prepare(
        `UPDATE audit_log SET ${cols
          .split(', ')
          .map((c) => `${c} = @${c}`)
          .join(', ')} WHERE seq = @seq`,
      );
      set.run({ ...rb, seq: a });
      set.run({ ...ra, seq: a + 1 });
    });
    expect(verify()).toMatchObject({ ok: false, firstBad: { seq: a } });
  });

  it('detects a rewritten hash (row altered and its own hash recomputed) at the next row', () => {
    const seq = audit.query({ targetId: 'p-7' })[0]!.seq;
    tamper((db) => db.prepare('UPDATE audit_log SET hash = randomblob(32) WHERE seq = ?').run(seq));
    const r = verify();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.firstBad.seq).toBe(seq);
  });

  it('prunes only beyond 180 days and stays verifiable through the checkpoint', () => {
    expect(codeOf(() => pruneAudit(t.station.db, audit, t.clock, 30))).toBe('AUDIT_RETENTION_TOO_SHORT');
    t.clock.advance(181 * 86_400_000);
    audit.append({ actor: t.adminId, action: 'person.view', targetId: 'p-new' });
    const { removed } = pruneAudit(t.station.db, audit, t.clock, 180);
    expect(removed).toBeGreaterThan(20);
    const r = verify();
    expect(r.ok).toBe(true);
    audit.append({ actor: t.adminId, action: 'person.view', targetId: 'p-after' });
    expect(verify().ok).toBe(true);
    expect(() => t.station.db.prepare('DELETE FROM audit_log').run()).toThrow(/AUDIT_IMMUTABLE/);
    tamper((db) => db.prepare('UPDATE audit_anchor SET seq = seq - 1').run());
    expect(verify()).toMatchObject({ ok: false });
  });
});
