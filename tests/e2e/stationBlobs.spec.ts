import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { blobPath } from '../../city-platform/blob/paths';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { caseStep, enrolClient, idNumber } from '../../city-platform/testClient/fixtures';
import type { TestClient } from '../../city-platform/testClient/client';
import { sha256Hex } from '../../sync-protocol/blobCipher';
import { crc32, deflateSync } from 'node:zlib';
import { startShell, type RunningShell } from './browserShell';
import { setUpIntakeStation, type api } from './intakeSupport';
import { openAndLogIn } from './station';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

/**
 * Blobs on demand, as a clerk at counter 3 sees them: a case taken at counter 1 (a test client of
 * the same station) lists its attachments as 尚未下载; 查看 fetches one (已下载, shown), a tampered
 * one is refused (校验失败), and with the platform down the clerk is told 离线，同步后可查看.
 */
let shell: RunningShell;
let platform: RunningPlatform;
let platformDir: string;
let call: ReturnType<typeof api>;
let counter1: TestClient;
const caseId = randomUUID();
/** A small grey PNG of one shade, without metadata (as counter 1's attachment store holds it). */
function png(shade: number, size = 16): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth; colour type 0 (grey)
  const rows = Buffer.concat(Array.from({ length: size }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(size, shade)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const photos = [png(40), png(120), png(200)];

test.beforeAll(async () => {
  platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-blobs-platform-'));
  platform = await startPlatform({ dataDir: platformDir });
  shell = await startShell();
  call = await setUpIntakeStation(shell);
  const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-HALL', regionCode: '500110' });
  await call('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
  await call('sync.settings', { prefetchDays: 0 }); // only when opened: what this test looks at

  counter1 = await enrolClient(platform, 'ST-HALL');
  const refs = photos.map((bytes, i) => ({
    sha256: sha256Hex(bytes),
    kind: ['face-photo', 'signature', 'document-scan'][i]!,
    role: ['face', 'signature', 'material'][i]!,
    ref: i === 2 ? 'hukou' : idNumber(7),
    page: 0,
    size: bytes.length,
    contentType: 'image/png',
    addedAt: '2026-11-29T09:30:00+08:00',
  }));
  const record = (kind: string, extra: Record<string, unknown>) => counter1.record({ kind, caseId, ...extra } as never);
  const { result } = await counter1.push([
    counter1.record(caseStep(caseId, 7, { name: '周小梅', caseNo: '500110-2026-01-00001' })),
    record('document.meta', { blobs: refs.map((r) => r.sha256), body: { caseId, attachments: refs } }),
  ]);
  expect(result.answers.map((a) => a.status)).toEqual(['acknowledged', 'acknowledged']);
  for (const bytes of photos) await counter1.uploadBlob(bytes, { contentType: 'image/png' });
  await call('sync.now', { wait: true });
});

test.afterAll(async () => {
  await shell.stop();
  await platform.stop().catch(() => undefined);
  rmSync(platformDir, { recursive: true, force: true });
});

test('a case taken at another counter: 尚未下载 → 查看 fetches and shows it; a tampered one is 校验失败; offline is said so', async ({
  page,
}) => {
  await openAndLogIn(page, shell);
  await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), caseId);
  const box = page.getByTestId('station-blobs');
  await expect(box).toContainText('其他窗口录入的附件');
  await expect(box.getByText('尚未下载')).toHaveCount(3);
  // The material page by the case's checklist, never by its code.
  await expect(box).toContainText('户口簿 第 1 页');
  await expect(box).not.toContainText('hukou');

  // The face photo: fetched on demand, verified, shown.
  const face = sha256Hex(photos[0]!).slice(0, 8);
  await page.getByTestId(`station-blob-${face}`).click();
  await expect(page.locator('.ant-image-preview-img')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(box.getByText('已下载')).toHaveCount(1);

  // The signature: tampered on the platform, refused.
  const signature = sha256Hex(photos[1]!);
  const file = blobPath(platformDir, signature);
  const bytes = readFileSync(file);
  bytes[bytes.length - 5]! ^= 0xff;
  writeFileSync(file, bytes);
  await page.getByTestId(`station-blob-${signature.slice(0, 8)}`).click();
  await expect(box.getByText('校验失败')).toHaveCount(1);
  await expect(box).toContainText('下载的附件与其指纹不符，已丢弃，未保存');

  // The scan, with the platform gone: the clerk is told to come back after the next sync.
  await platform.stop();
  await page.getByTestId(`station-blob-${sha256Hex(photos[2]!).slice(0, 8)}`).click();
  await expect(box.getByText('离线，同步后可查看')).toHaveCount(1, { timeout: 60_000 });
  await expect(box).toContainText('暂时连不上市级平台');
});
