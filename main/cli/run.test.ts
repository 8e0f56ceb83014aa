import { describe, expect, it } from 'vitest';
import { createFixedCore } from '../core/index';
import { runCli } from './run';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    io: { out: (t) => (out += t), err: (t) => (err += t) },
    makeCore: (dataDir) => createFixedCore({ dataDir }),
    defaultDataDir: '/tmp/jiuzhu-default',
  });
  return { code, out, err };
}

describe('jiuzhu-admin', () => {
  it('info prints the facts, and JSON with --json', async () => {
    const human = await cli('info', '--data', '/tmp/station-a');
    expect(human.code).toBe(0);
    expect(human.out).toContain('数据目录：/tmp/station-a');
    // The station's own SQLite build, which IT can check at the counter PC.
    expect(human.out).toMatch(/数据库引擎：SQLite3 Multiple Ciphers [\d.]+ \+jiuzhu-ckpt-copy-raw-\d+（SQLite 3\.\d+\.\d+）\n/);
    const json = await cli('--json', 'info');
    expect(JSON.parse(json.out)).toMatchObject({ name: '救助通工作站', dataDir: '/tmp/jiuzhu-default', deviceId: 'a'.repeat(64) });
  });

  it('idnumber check: valid → 0 with the facts', async () => {
    const r = await cli('idnumber', 'check', '110105491231002', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      valid: true,
      kind: 'resident',
      idNumber: '11010519491231002X',
      original: '110105491231002',
      birthDate: '1949-12-31',
      sex: '女',
      regionCode: '110105',
      province: '北京市',
    });
  });

  it('idnumber check: invalid → 2 with the reasons, and the zh-CN message on stderr', async () => {
    const r = await cli('--json', 'idnumber', 'check', '110105194912310021');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ valid: false, problems: [{ code: 'BAD_CHECKSUM' }] });
    expect(r.err).toContain('校验位不符');
  });

  it('bad arguments → 2 with a message that says what to do', async () => {
    expect((await cli('idnumber', 'check')).code).toBe(2);
    expect((await cli('idnumber', 'check', 'a', 'b')).code).toBe(2);
    const sex = await cli('idnumber', 'check', '11010519491231002X', '--sex', 'x');
    expect(sex.code).toBe(2);
    expect(sex.err).toContain('--sex');
    const unknown = await cli('--json', 'frobnicate');
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.out)).toMatchObject({ error: { code: 'BAD_ARGUMENTS' } });
    expect((await cli('info', '--data')).code).toBe(2);
  });

  it('prints usage with --help', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('idnumber check');
  });
});
