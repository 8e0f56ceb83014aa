import { openSession, sealSessionRequest } from '../../../../sync-protocol/deviceCodec';
import { SEALED_HEADERS, type RunContext } from './context';
import { HttpClient, PlatformError, type HttpAnswer } from './http';

/**
 * The session token (docs/sync-protocol.md §8): opened on demand with a sealed session request and
 * kept for the run. Bundles, pulls and the blob endpoints all carry it as `Authorization: Bearer`;
 * the platform reads no bundle or pull body without it.
 */
export async function sessionToken(ctx: RunContext): Promise<string> {
  if (!ctx.session.token) {
    const { bytes, nonce } = await sealSessionRequest(ctx.device, (data) => ctx.signer.sign(data));
    const sentAt = Date.now();
    const answer = HttpClient.expect(
      await ctx.http.request(`${ctx.baseUrl}/v1/session`, { method: 'POST', headers: SEALED_HEADERS, body: bytes, signal: ctx.signal }),
      200,
    );
    const session = openSession(ctx.device, answer.body, nonce);
    ctx.observeServerTime(session.serverTime, sentAt);
    ctx.session.token = session.token;
    ctx.madeProgress();
  }
  return ctx.session.token;
}

/**
 * Send a request with the session and expect one of `ok`. An answer `401 SYNC_SESSION_EXPIRED`
 * (expired, swept, or never known) opens a new session and sends the same request again, once:
 * `send` is called with the new token and must send the same bytes.
 */
export async function withSession(
  ctx: RunContext,
  send: (authorization: string) => Promise<HttpAnswer>,
  ...ok: number[]
): Promise<HttpAnswer> {
  for (let round = 0; ; round++) {
    const answer = await send(`Bearer ${await sessionToken(ctx)}`);
    try {
      return HttpClient.expect(answer, ...ok);
    } catch (e) {
      if (round === 0 && e instanceof PlatformError && e.code === 'SYNC_SESSION_EXPIRED') {
        delete ctx.session.token;
        continue;
      }
      throw e;
    }
  }
}
