import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxRecord } from '../common/sync/push';
import { sha256Hex } from '../sync-protocol/blobCipher';
import { seededRandom } from '../tools/linkProxy/prng';
import { startLinkProxy } from '../tools/linkProxy/proxy';
import type { RunningPlatform } from './platform';
import { describeStores } from './testing/stores';
import { enrolClient, newCase, tempPlatform } from './testClient/fixtures';

describeStores('platform faults', (store) => {
  let platform: RunningPlatform;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ platform, cleanup } = await tempPlatform({}, store));
  });
  afterAll(() => cleanup());

  describe('exactly once under cuts', () => {
    it('a response lost mid-way: the resend gets the stored answer, nothing applied twice', async () => {
      // The first bundle POST's answer is cut after 60 bytes on its way back.
      const proxy = await startLinkProxy({ target: { port: platform.port } });
      const client = await enrolClient(platform, 'ST-F', proxy.url);
      await client.session(); // the session the bundle goes with is open: the next connection is the bundle's
      let armed = true;
      proxy.setOptions({ faults: () => (armed ? ((armed = false), { cutDownAfter: 60, cutMode: 'reset' as const }) : undefined) });
      const records = [newCase(client, 'F-1', 101), newCase(client, 'F-2', 102)];
      const { result, attempts } = await client.push(records);
      await proxy.close();
      expect(attempts).toBe(2);
      expect(result.duplicate).toBe(true);
      expect(result.answers.map((a) => a.status)).toEqual(['acknowledged', 'acknowledged']);
      const held = (await platform.admin.records()).filter((r) => r.deviceId === client.device.deviceId);
      expect(held.map((r) => r.caseId)).toEqual(['F-1', 'F-2']);
    });

    it('a request cut mid-way applies nothing; the resend applies once', async () => {
      const proxy = await startLinkProxy({ target: { port: platform.port } });
      const client = await enrolClient(platform, 'ST-F', proxy.url);
      const records = Array.from({ length: 40 }, (_, i) => newCase(client, `G-${i}`, 200 + i));
      const built = client.bundle(records);
      await client.session();
      let armed = true;
      const half = Math.floor(built.bytes.length / 2);
      proxy.setOptions({ faults: () => (armed ? ((armed = false), { cutUpAfter: half, cutMode: 'half-close' as const }) : undefined) });
      await expect(client.sendBundle(built)).rejects.toBeDefined();
      expect((await platform.admin.records()).filter((r) => r.deviceId === client.device.deviceId)).toHaveLength(0);
      const result = await client.sendBundle(built);
      await proxy.close();
      expect(result.duplicate).toBe(false);
      expect((await platform.admin.records()).filter((r) => r.deviceId === client.device.deviceId)).toHaveLength(40);
    });

    it(
      'seeded fault matrix: random cuts both ways, every record and blob exactly once',
      async () => {
        const runs = Number(process.env['JIUZHU_LONG'] ? 200 : 12);
        const seed0 = Number(process.env['JIUZHU_SEED'] ?? 20250301);
        for (let run = 0; run < runs; run++) {
          const seed = seed0 + run;
          const random = seededRandom(seed);
          const proxy = await startLinkProxy({
            target: { port: platform.port },
            seed,
            randomCuts: { probability: 0.35, maxOffset: 40_000, modes: ['reset', 'close', 'half-close'] },
          });
          try {
            const client = await enrolClient(platform, `ST-M${run % 3}`, proxy.url);
            const sent: OutboxRecord[] = [];
            // Bundles: each resent as the same bytes until a verified answer arrives.
            for (let b = 0; b < 3; b++) {
              const records = Array.from({ length: 1 + Math.floor(random() * 20) }, (_, i) =>
                newCase(client, `M${seed}-${b}-${i}`, run * 100 + b * 20 + i),
              );
              sent.push(...records);
              const { result } = await client.push(records, 30);
              expect(result.answers.every((a) => a.status === 'acknowledged')).toBe(true);
            }
            const blob = randomBytes(20_000 + Math.floor(random() * 60_000));
            let uploaded = false;
            for (let attempt = 0; attempt < 10 && !uploaded; attempt++) {
              try {
                await client.uploadBlob(blob, { attempts: 30 });
                uploaded = true;
              } catch (e) {
                if ((e as { status?: number }).status !== undefined) throw e;
              }
            }
            expect(uploaded).toBe(true);
            const held = (await platform.admin.records()).filter((r) => r.deviceId === client.device.deviceId);
            expect(held.map((r) => r.recordId).sort()).toEqual(sent.map((r) => r.id).sort());
            expect((await platform.admin.blobs()).filter((x) => x.sha256 === sha256Hex(blob))).toHaveLength(1);
          } catch (e) {
            throw new Error(`fault matrix run ${run} (seed ${seed}) failed: ${(e as Error).message}`, { cause: e });
          } finally {
            await proxy.close();
          }
        }
        // 200 runs in the long suite take about a minute per store; 12 runs fit the default timeout.
      },
      process.env['JIUZHU_LONG'] ? 600_000 : undefined,
    );
  });
});
