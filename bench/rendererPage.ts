import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { contentSecurityPolicy } from '../common/security/csp';
import { faceScenes, fixtureDir, SENSOR_NOISE } from '../tests/e2e/captureFixtures';

/** The built renderer the browser benchmarks load: out/, or the folder JIUZHU_OUT names (as the e2e runs do). */
export const rendererDir = join(import.meta.dirname, '..', process.env.JIUZHU_OUT ?? 'out', 'renderer');

/** The built face worker's file name under assets/, or undefined before `npm run build`. */
export function builtFaceWorker(): string | undefined {
  const assets = join(rendererDir, 'assets');
  return existsSync(assets) ? readdirSync(assets).find((f) => /^faceWorker-.*\.js$/.test(f)) : undefined;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
};

/**
 * A static server (loopback only) for the built renderer plus a bench page running `bundle`, every
 * response under the app's own CSP, so the worker meets the same policy as in the shells.
 */
export async function serveRenderer(bundle: string): Promise<{ server: Server; origin: string }> {
  const csp = contentSecurityPolicy();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (type: string, body: string | Buffer) =>
      res.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': csp }).end(body);
    if (path === '/bench.html') return send('text/html', '<!doctype html><meta charset="utf-8"><script src="/bench.js"></script>');
    if (path === '/bench.js') return send('text/javascript', bundle);
    const file = normalize(join(rendererDir, path));
    if (!file.startsWith(rendererDir) || !existsSync(file)) return res.writeHead(404).end();
    send(TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The e2e's clear face at the face camera's 1280×720: 10 frames at 10 fps, each with its own sensor noise. */
export function faceScene720(): string {
  const target = join(fixtureDir, 'bench-face-720.live.y4m');
  if (!existsSync(target))
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-i',
      faceScenes.frozenFace(),
      '-vf',
      `scale=960:720,pad=1280:720:160:0:color=0x6a7078,loop=loop=-1:size=1,${SENSOR_NOISE}`,
      '-r',
      '10',
      '-frames:v',
      '10',
      '-pix_fmt',
      'yuv420p',
      '-f',
      'yuv4mpegpipe',
      target,
    ]);
  return target;
}
