import { connect } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform } from '/work/main/city-platform/platform';

const ex = (port: number, data: string, half = false) => new Promise<string>((resolve) => {
  const s = connect(port, '127.0.0.1'); const c: Buffer[] = [];
  const t = setTimeout(() => s.destroy(), 1000);
  s.on('data', (d) => c.push(d)); s.on('close', () => { clearTimeout(t); resolve(Buffer.concat(c).toString('utf8')); }); s.on('error', () => {});
  s.on('connect', () => { s.write(data); if (half) s.end(); });
});
const p = await startPlatform({ dataDir: mkdtempSync(join(tmpdir(), 'snap-')), now: () => 1700000000000, adminToken: 'T'.repeat(24), platformId: 'snap' });
const r = (l: string, h = '', b = '') => `${l} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${h}${b ? `Content-Length: ${Buffer.byteLength(b)}\r\n` : ''}\r\n${b}`;
const sha = 'ab'.repeat(32);
const cases: [string, string, boolean?][] = [
  ['get info', r('GET /v1/platform')],
  ['head info', r('HEAD /v1/platform')],
  ['unknown', r('GET /nope')],
  ['post unknown json', r('POST /nope', 'Content-Type: application/json\r\n', '{"a":')],
  ['method', r('DELETE /v1/bundles')],
  ['proto', r('GET /v1/platform', 'Jiuzhu-Protocol: 7\r\n')],
  ['bundle junk', r('POST /v1/bundles', 'Content-Type: application/vnd.jiuzhu.sealed\r\n', 'junk')],
  ['bundle big', `POST /v1/bundles HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n`],
  ['devices bad', r('POST /v1/devices', 'Content-Type: application/json\r\n', '{"x":1}')],
  ['devices notjson', r('POST /v1/devices', 'Content-Type: application/json\r\n', '{')],
  ['session junk', r('POST /v1/session', '', 'x')],
  ['pull junk', r('POST /v1/pull', '', 'x')],
  ['options uploads', r('OPTIONS /v1/uploads')],
  ['post uploads notus', r('POST /v1/uploads')],
  ['post uploads nosession', r('POST /v1/uploads', 'Tus-Resumable: 1.0.0\r\n')],
  ['head upload', r('HEAD /v1/uploads/' + 'a'.repeat(22), 'Tus-Resumable: 1.0.0\r\n')],
  ['patch upload', r('PATCH /v1/uploads/' + 'a'.repeat(22), 'Tus-Resumable: 1.0.0\r\nAuthorization: Bearer zz\r\nContent-Type: application/offset+octet-stream\r\n', 'abc')],
  ['delete upload notus', r('DELETE /v1/uploads/' + 'a'.repeat(22))],
  ['head blob', r('HEAD /v1/blobs/' + sha)],
  ['get blob', r('GET /v1/blobs/' + sha)],
  ['admin records bad', r('GET /admin/records', 'Authorization: Bearer x\r\n')],
  ['admin records', r('GET /admin/records', 'Authorization: Bearer ' + 'T'.repeat(24) + '\r\n')],
  ['admin blobs', r('GET /admin/blobs', 'Authorization: Bearer ' + 'T'.repeat(24) + '\r\n')],
  ['admin case', r('GET /admin/cases/abc%20d', 'Authorization: Bearer ' + 'T'.repeat(24) + '\r\n')],
  ['admin enrol bad', r('POST /admin/enrolment-codes', 'Authorization: Bearer ' + 'T'.repeat(24) + '\r\n', '{}')],
  ['admin revoke unknown', r('POST /admin/devices/dev_' + 'a'.repeat(26) + '/revoke', 'Authorization: Bearer ' + 'T'.repeat(24) + '\r\n')],
  ['admin reset', r('POST /admin/feed/reset', 'Authorization: Bearer ' + 'T'.repeat(24) + '\r\n')],
  ['cut body', `POST /v1/bundles HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc`, true],
  ['cut headers', `POST /v1/bundles HTTP/1.1\r\nHost: x\r\nConte`, true],
  ['bad request line', `BLAH\r\n\r\n`],
];
for (const [name, data, half] of cases) {
  const out = (await ex(p.port, data, half)).replace(/Date: .*\r\n/g, 'Date: X\r\n').replace(/"(code|ref)":"[a-z0-9]{8}"/g, '"$1":"R"');
  console.log(`### ${name}\n${out}\n`);
}
await p.stop();
