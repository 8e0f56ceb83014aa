import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../core';
import { silentLogger } from '../logging/logger';
import { defaultDataDir } from './dataDir';
import { presetPath, readPreset } from './preset';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-preset-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('the machine preset', () => {
  it('lives in ProgramData on Windows and /etc on Linux, or where JIUZHU_PRESET says', () => {
    expect(presetPath({ ProgramData: 'C:\\ProgramData' }, 'win32')).toBe(join('C:\\ProgramData', 'jiuzhu-workstation', 'preset.json'));
    expect(presetPath({}, 'linux')).toBe('/etc/jiuzhu-workstation/preset.json');
    expect(presetPath({ JIUZHU_PRESET: '/srv/p.json' }, 'linux')).toBe('/srv/p.json');
  });

  it('is read when good (a BOM from Notepad too), absent without complaint, and ignored whole with the reason when damaged', () => {
    const good = file(
      'good.json',
      '\uFEFF{"stationName":"桥头镇社会救助工作站","regionCode":"500110","platformUrl":"https://jz.cq.gov.cn","disableGpu":true}',
    );
    expect(readPreset(good)).toEqual({
      preset: { stationName: '桥头镇社会救助工作站', regionCode: '500110', platformUrl: 'https://jz.cq.gov.cn', disableGpu: true },
    });
    expect(readPreset(join(dir, 'none.json'))).toEqual({ preset: {} });
    expect(readPreset(file('broken.json', '{"regionCode": "500110",'))).toMatchObject({
      preset: {},
      problem: expect.stringContaining('not JSON'),
    });
    expect(readPreset(file('field.json', '{"regionCode":"5001"}'))).toMatchObject({
      preset: {},
      problem: expect.stringContaining('regionCode'),
    });
    expect(readPreset(file('extra.json', '{"stationKey":"x"}'))).toMatchObject({
      preset: {},
      problem: expect.stringContaining('stationKey'),
    });
  });
});

describe('the data folder', () => {
  it('is per account and local, never Roaming; the env var wins', () => {
    expect(defaultDataDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local', APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(
      join('C:\\Users\\a\\AppData\\Local', 'jiuzhu-workstation'),
    );
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/a/.config' }, 'linux')).toBe('/home/a/.config/jiuzhu-workstation');
    expect(defaultDataDir({ JIUZHU_DATA_DIR: '/tmp/x' }, 'linux')).toBe('/tmp/x');
  });

  it('setup.status gives the setup and enrolment forms the preset, and says when the file was not used', async () => {
    const dataDir = mkdtempSync(join(dir, 'station-'));
    const core = createCore({ shell: 'cli', dataDir, version: 'test', logger: silentLogger, deviceId: async () => 'f'.repeat(64) });
    const previous = process.env.JIUZHU_PRESET;
    try {
      process.env.JIUZHU_PRESET = file(
        'setup.json',
        '{"stationName":"桥头镇社会救助工作站","regionCode":"500110","platformUrl":"https://jz.cq.gov.cn","disableGpu":false}',
      );
      expect(await core.invoke('setup.status', {}, { via: 'cli' })).toEqual({
        ok: true,
        result: {
          initialized: false,
          preset: { stationName: '桥头镇社会救助工作站', regionCode: '500110', platformUrl: 'https://jz.cq.gov.cn' },
          presetProblem: null,
        },
      });
      process.env.JIUZHU_PRESET = file('setup-bad.json', '{"regionCode":"12"}');
      expect(await core.invoke('setup.status', {}, { via: 'cli' })).toMatchObject({
        ok: true,
        result: { preset: {}, presetProblem: expect.stringContaining('regionCode') },
      });
    } finally {
      if (previous === undefined) delete process.env.JIUZHU_PRESET;
      else process.env.JIUZHU_PRESET = previous;
      await core.close();
    }
  });
});
