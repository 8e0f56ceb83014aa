import { describe, expect, it } from 'vitest';
import type { BundleAudit } from '../../common/sync/auditAnchor';
import { judgeAuditHead, type StoredAnchor } from './auditAnchor';

const DAY = 86_400_000;
const h = (c: string) => c.repeat(64);
const NOW = Date.parse('2026-06-01T00:00:00Z');
const anchor = (headSeq: number, headHash: string, o: Partial<StoredAnchor> = {}): StoredAnchor => ({
  bundleSeq: 3,
  headSeq,
  headHash,
  baseSeq: 0,
  baseHash: h('0'),
  receivedAt: NOW - DAY,
  ...o,
});
const claim = (head: [number, string], anchored?: [number, string | null], base: [number, string] = [0, h('0')]): BundleAudit => ({
  head: { seq: head[0], hash: head[1] },
  base: { seq: base[0], hash: base[1] },
  ...(anchored ? { anchored: { seq: anchored[0], hash: anchored[1] } } : {}),
});
const judge = (c: BundleAudit | undefined, latest?: StoredAnchor, atBase?: StoredAnchor) =>
  judgeAuditHead({ claim: c, latest, atBase, now: NOW });

describe('judgeAuditHead (protocol §5.4)', () => {
  it('anchors a first head, and a head that shows the anchored hash', () => {
    expect(judge(claim([10, h('a')]))).toEqual({ anchor: true });
    expect(judge(claim([15, h('b')], [10, h('a')]), anchor(10, h('a')))).toEqual({ anchor: true });
    expect(judge(claim([10, h('a')], [10, h('a')]), anchor(10, h('a')))).toEqual({ anchor: true });
  });

  it('flags a chain whose hash at the anchored seq differs, or that cannot show it, as a fork', () => {
    const latest = anchor(10, h('a'));
    expect(judge(claim([15, h('b')], [10, h('c')]), latest).flag).toMatchObject({
      kind: 'fork',
      reason: 'hash-mismatch',
      anchoredSeq: 10,
      headSeq: 15,
    });
    expect(judge(claim([10, h('c')], [10, h('c')]), latest).flag).toMatchObject({ kind: 'fork', reason: 'hash-mismatch' });
    expect(judge(claim([15, h('b')], [10, null]), latest).flag).toMatchObject({ kind: 'fork', reason: 'not-shown' });
    expect(judge(claim([15, h('b')], [9, h('a')]), latest).flag).toMatchObject({ kind: 'fork', reason: 'not-shown' });
    expect(judge(claim([15, h('b')]), latest).flag).toMatchObject({ kind: 'fork', reason: 'not-shown' });
    expect(judge(undefined, latest)).toEqual({ anchor: false, flag: { kind: 'fork', reason: 'absent', anchoredSeq: 10, headSeq: null } });
    expect(judge(undefined)).toEqual({ anchor: false });
  });

  it('flags a head below the anchored seq as going backwards, and still anchors it', () => {
    expect(judge(claim([7, h('b')], [7, h('b')]), anchor(10, h('a')))).toEqual({
      anchor: true,
      flag: { kind: 'backwards', reason: 'head-lower', anchoredSeq: 10, headSeq: 7 },
    });
  });

  it('checks a moved base against the anchored heads and the platform clock', () => {
    const latest = anchor(20, h('a'));
    const c = claim([25, h('b')], [20, h('a')], [12, h('d')]);
    expect(judge(c, latest, anchor(12, h('d'), { receivedAt: NOW - 200 * DAY }))).toEqual({ anchor: true });
    expect(judge(c, latest, anchor(12, h('d'), { receivedAt: NOW - 100 * DAY })).flag).toMatchObject({
      kind: 'early-prune',
      reason: 'pruned-recent',
      anchoredSeq: 12,
    });
    expect(judge(c, latest, undefined).flag).toMatchObject({ kind: 'fork', reason: 'base-unknown', anchoredSeq: 12 });
    expect(judge(c, latest, anchor(12, h('e'))).flag).toMatchObject({ kind: 'fork', reason: 'base-unknown' });
    // The base the newest anchor already recorded is not looked at again.
    expect(judge(c, anchor(20, h('a'), { baseSeq: 12, baseHash: h('d') }), undefined)).toEqual({ anchor: true });
  });
});
