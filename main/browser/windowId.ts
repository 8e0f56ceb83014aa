import { createHash } from 'node:crypto';
import { idFromBytes } from '../../common/ids/generatedId';

/** What a page may call its window (X-Jiuzhu-Window, or the `window.` WebSocket subprotocol). */
const PAGE_WINDOW = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Core's id for a browser page's window. The page names itself with a random id of its own making;
 * core sees that name mapped onto the generated-id form (`win_` + base32 of its SHA-256), the same
 * for its HTTP calls and its WebSocket. Whatever the page sends, the id that reaches core — and the
 * audit log, e.g. the applicant screen's pairing — is recognisably an id: a dash-less UUID from the
 * page has an 11-digit run that looks like a mobile number about once in a hundred page loads.
 */
export function browserWindowId(pageWindow: unknown): string | undefined {
  if (typeof pageWindow !== 'string' || !PAGE_WINDOW.test(pageWindow)) return undefined;
  return idFromBytes('win', createHash('sha256').update(pageWindow).digest());
}
