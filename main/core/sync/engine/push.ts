import { JiuzhuError } from '../../../../common/contract/errors';
import type { BundleResult, OutboxRecord } from '../../../../common/sync/push';
import { openBundleResult, sealBundle } from '../../../../sync-protocol/deviceCodec';
import { Outbox, type OutboxRow } from '../outbox/outbox';
import { blobsOfBundle } from '../outbox/outboxRepo';
import { auditClaim, auditHeadMoved, recordAuditAnswer } from './auditAnchor';
import { SEALED_HEADERS, type RunContext } from './context';
import { PlatformError } from './http';
import { saveConflict } from './quarantineRepo';
import { withSession } from './session';

const toRecord = (r: OutboxRow): OutboxRecord => {
  const { state: _s, bundleId: _b, answeredAt: _a, reason: _r, ...record } = r;
  return record;
};

/**
 * Push the outbox: one bundle in flight, persisted (exact bytes) before it is sent and resent
 * byte for byte until a verified answer arrives; the answer's per-record statuses are written in
 * one transaction with the removal of the in-flight bundle. Every bundle carries the audit head
 * (§5.4); when the outbox is empty but the audit chain moved since the platform last anchored it,
 * one anchor-only bundle (no records) carries it.
 */
export async function pushOutbox(ctx: RunContext): Promise<void> {
  const outbox = new Outbox(ctx.db, ctx.clock);
  let maxRecords = ctx.limits.maxRecordsPerBundle;
  const total = outbox.counts().queued + outbox.counts().sent;
  let done = 0;
  let anchorSent = false;
  for (;;) {
    let inflight = ctx.state.inflight();
    if (!inflight) {
      const rows = outbox.pending(maxRecords);
      if (rows.length === 0 && (anchorSent || !auditHeadMoved(ctx.db))) return;
      inflight = await seal(ctx, rows);
    }
    const sentAt = Date.now();
    let result: BundleResult;
    try {
      // The session goes with the bundle (the platform reads no bundle body without it); the
      // in-flight bytes are stored before, so a session that fails to open loses nothing.
      const bytes = inflight.bytes;
      const answer = await withSession(
        ctx,
        (authorization) =>
          ctx.http.request(`${ctx.baseUrl}/v1/bundles`, {
            method: 'POST',
            headers: { ...SEALED_HEADERS, Authorization: authorization },
            body: bytes,
            signal: ctx.signal,
          }),
        200,
      );
      result = openBundleResult(ctx.device, answer.body, inflight.bundleId);
    } catch (e) {
      if (!(e instanceof PlatformError)) throw e;
      if (e.code === 'SYNC_BUNDLE_REPLAYED' || e.code === 'SYNC_BUNDLE_OUT_OF_ORDER') {
        // Local state is behind the platform (a restored backup): renumber the unsent bundle.
        const details = e.wire.details ?? {};
        const next =
          typeof details['expectedBundleSeq'] === 'number' ? details['expectedBundleSeq'] : Number(details['lastBundleSeq'] ?? 0) + 1;
        ctx.state.setLastBundleSeq(next - 1);
        ctx.state.clearInflight();
        ctx.madeProgress();
        continue;
      }
      if (e.code === 'SYNC_BUNDLE_TOO_LARGE' || e.code === 'SYNC_BODY_TOO_LARGE') {
        ctx.state.clearInflight();
        if (inflight.recordIds.length > 1) {
          maxRecords = Math.max(1, Math.floor(inflight.recordIds.length / 2));
          continue;
        }
        // One record alone is too large: quarantine it, the rest goes on.
        outbox.answer([{ id: inflight.recordIds[0]!, status: 'rejected', reason: e.wire.message }]);
        ctx.summary.rejected++;
        continue;
      }
      throw e;
    }
    ctx.madeProgress();
    ctx.observeServerTime(result.serverTime, sentAt);
    applyAnswer(ctx, outbox, result);
    // One anchor-only bundle per push: audit rows written meanwhile go with the next run.
    if (inflight.recordIds.length === 0) anchorSent = true;
    done += result.answers.length;
    ctx.progress('push', total ? Math.min(1, done / total) : 1);
  }
}

async function seal(ctx: RunContext, rows: OutboxRow[]) {
  const reg = ctx.state.registration()!;
  const limit = Math.min(ctx.settings.bundleTargetBytes, ctx.limits.maxBundleBytes);
  let count = rows.length;
  for (;;) {
    const records = rows.slice(0, count).map(toRecord);
    const built = await sealBundle(ctx.device, (data) => ctx.signer.sign(data), {
      bundleSeq: reg.lastBundleSeq + 1,
      records,
      audit: auditClaim(ctx.db),
    });
    if (built.bytes.length > limit && count > 1) {
      count = Math.max(1, Math.floor(count * Math.min(0.9, limit / built.bytes.length)));
      continue;
    }
    const inflight = {
      bundleId: built.bundleId,
      bundleSeq: built.payload.bundleSeq,
      bytes: built.bytes,
      recordIds: records.map((r) => r.id),
    };
    ctx.db.transaction(() => {
      ctx.state.saveInflight(inflight);
      new Outbox(ctx.db, ctx.clock).markSent(inflight.recordIds, inflight.bundleId);
    })();
    return inflight;
  }
}

function applyAnswer(ctx: RunContext, outbox: Outbox, result: BundleResult): void {
  const inflight = ctx.state.inflight();
  if (!inflight || inflight.bundleId !== result.bundleId)
    throw new JiuzhuError('SYNC_BUNDLE_MALFORMED', { detail: 'answer for another bundle' });
  const blobsOf = blobsOfBundle(ctx.db, inflight.bundleId);
  ctx.db.transaction(() => {
    const answers: Parameters<Outbox['answer']>[0] = [];
    for (const a of result.answers) {
      if (!inflight.recordIds.includes(a.id)) continue;
      answers.push({
        id: a.id,
        status: a.status,
        ...(a.error
          ? { reason: a.error.message, error: { code: a.error.code, ...(a.error.details ? { details: a.error.details } : {}) } }
          : {}),
      });
      if (a.status === 'acknowledged') {
        ctx.summary.acknowledged++;
        const missing = new Set(a.missingBlobs ?? []);
        for (const sha of blobsOf.get(a.id) ?? []) ctx.blobs.queue(sha, a.seq, missing.has(sha));
      } else if (a.status === 'rejected') ctx.summary.rejected++;
      else {
        ctx.summary.conflicts++;
        if (a.server) saveConflict(ctx.db, a.id, a.server.version, JSON.stringify(a.server.body));
      }
    }
    outbox.answer(answers);
    if (result.audit) recordAuditAnswer(ctx.db, result.audit, ctx.clock.now().toISOString());
    ctx.summary.pushed += inflight.recordIds.length;
    ctx.state.clearInflight();
    ctx.state.setLastBundleSeq(Math.max(result.bundleSeq, inflight.bundleSeq));
  })();
}
