import { protocol } from 'electron';
import { readStatic } from '../core/index';
import { contentSecurityPolicy } from '../../common/security/csp';
import { APP_HOST, APP_SCHEME } from './origin';

/** Must run before app 'ready': app:// behaves as a standard, secure origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Serve the built renderer from app://jiuzhu/ with the strict CSP on every response. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
    const file = (await readStatic(rendererDir, url.pathname)) ?? (await readStatic(rendererDir, '/'));
    if (!file) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'Content-Type': file.type,
        'Content-Security-Policy': contentSecurityPolicy(),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
