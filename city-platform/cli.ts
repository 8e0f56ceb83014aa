import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { WARNING_TYPES } from '../common/sync/pull';
import { REMOTE_CERTIFICATION_METHODS } from '../sync-protocol/records/index';
import { referenceDataProblem } from './referenceCheck';
import { COUNTY_POLICY_KEYS, countyPolicyProblem } from '../common/cases/countyPolicy';
import { createAdminApi, type AdminApi } from './admin';
import { recordSummary } from './apply/decisionRecords';
import { UploadLocks } from './blob/locks';
import { DEFAULT_GUARDS, DEFAULT_LIMITS } from './context';
import { RateLimiter } from './guard/rateLimit';
import { codecContext, loadOrCreateIdentity, parseSuites } from './keys';
import { startPlatform } from './platform';
import { openStore } from './store/open';

const USAGE = `npm run platform -- <command> [options]        (or: npx tsx city-platform/cli.ts …)
  serve    --port N --data DIR [--pg URL] [--platform-id ID] [--suites gm,intl] [--admin-token-stdin] [--enrol STATION:REGION]… [--quiet]
           --suites: the crypto suites offered, preferred first (gm = SM2-SM3-SM4GCM-v1, intl = X25519-ED25519-AES256GCM-v1);
           kept in the data directory for every later command; default: as kept, else intl
           admin token: $JIUZHU_PLATFORM_ADMIN_TOKEN, or the first line of stdin with --admin-token-stdin, else random (printed)
  enroll   --region CODE [--station ID] [--ttl-hours H] [--suite gm|intl]
                                                                 one-time enrolment code + platform fingerprint (of the preferred suite, or --suite)
  records  [--json]                                              records held (id, device, seq, kind, case, blobs; what a proposal or a refused decision says)
  blobs    [--json]                                              blobs held (sha256, size, station)
  replacements [--json]                                          registrations waiting to replace a device of their station and machine
  confirm-replacement --device ID                                confirm one: the device it replaces is revoked, it may sync
  revoke   --device ID                                           revoke a device (or refuse a pending replacement)
  audit-flags [--json]                                           audit chains that went backwards, forked or were pruned early (§5.4)
  decide   --case ID (--approve --amount YUAN [--start-month YYYY-MM] | --refuse --reason TEXT…)
  decide-change --case ID --proposal ID (--approve | --refuse --reason TEXT…) [--legal-basis TEXT…]
                                                                 the county's decision on a station's 调整/渐退/终止 proposal
  warn     --id-number N --type ${WARNING_TYPES.join('|')} [--station ID] [--region CODE] [--detail TEXT]
  certify  --station ID --id-number N --at ISO-TIME [--method ${REMOTE_CERTIFICATION_METHODS.join('|')}]
                                                                 a 资格认证 the person made on the phone (default face), for the station's devices
  apply    --station ID --file APPLICATION.json [--blob FILE]…
                                                                 an application made online (the application.online body: applicant, members,
                                                                 papers and signatures named by SHA-256, each given with --blob), for the station
  verify   --case ID|CASE-NO --file REPORT.json                   a 核对 report (家庭经济状况核对报告: centre, reportNo, issuedOn, members with their items)
                                                                 for a case whose 核对授权书 the platform holds, for the case's station
  roster-load --station ID --file HOUSEHOLDS.json                the county's current recipients of the station (a JSON array of roster.recipient
                                                                 bodies), each fed to the station as a roster.recipient item
  publish-reference --table TABLE --version N --file DATA.json [--region CODE] [--by PUBLISHER]
                                                                 a county reference table for every station (or those under --region): standards,
                                                                 materials, policy-texts (checked here; docs/sync-protocol.md §7.3), working-days,
                                                                 or any other table; --by names the office that publishes it (e.g. 綦江区民政局)
  publish-policy --key KEY (--value JSON | --file VALUE.json) [--effective-from YYYY-MM-DD] [--region CODE] [--by PUBLISHER]
                                                                 one of the county's parameters for every station (or those under --region),
                                                                 in force there from --effective-from (default: the day it is fed); the key and
                                                                 value are checked here (docs/sync-protocol.md §7.7): ${COUNTY_POLICY_KEYS.join(', ')};
                                                                 --value 5 / true / null
Every command takes --data DIR (default $JIUZHU_PLATFORM_DATA or ./platform-data; keys, blobs) and
--pg URL (default $JIUZHU_PLATFORM_PG; keep records in PostgreSQL instead of SQLite). Commands other
than serve open the store directly (SQLite in WAL mode, or PostgreSQL), so they work whether or not a
platform is serving it; what they create reaches workstations at their next pull.`;

const argv = process.argv.slice(2);
const command = argv[0] && !argv[0].startsWith('-') ? argv[0] : 'serve';
const rest = command === argv[0] ? argv.slice(1) : argv;

const { values } = parseArgs({
  args: rest,
  options: {
    port: { type: 'string', default: '0' },
    data: { type: 'string' },
    pg: { type: 'string' },
    'platform-id': { type: 'string' },
    suites: { type: 'string' },
    suite: { type: 'string' },
    'admin-token': { type: 'string' },
    'admin-token-stdin': { type: 'boolean' },
    device: { type: 'string' },
    enrol: { type: 'string', multiple: true },
    quiet: { type: 'boolean' },
    help: { type: 'boolean' },
    json: { type: 'boolean' },
    region: { type: 'string' },
    station: { type: 'string' },
    'ttl-hours': { type: 'string' },
    case: { type: 'string' },
    approve: { type: 'boolean' },
    refuse: { type: 'boolean' },
    amount: { type: 'string' },
    'start-month': { type: 'string' },
    reason: { type: 'string', multiple: true },
    proposal: { type: 'string' },
    'legal-basis': { type: 'string', multiple: true },
    'id-number': { type: 'string' },
    type: { type: 'string' },
    detail: { type: 'string' },
    at: { type: 'string' },
    method: { type: 'string' },
    file: { type: 'string' },
    blob: { type: 'string', multiple: true },
    table: { type: 'string' },
    version: { type: 'string' },
    by: { type: 'string' },
    key: { type: 'string' },
    value: { type: 'string' },
    'effective-from': { type: 'string' },
  },
});
const dataDir = values.data ?? process.env['JIUZHU_PLATFORM_DATA'] ?? 'platform-data';
const pgUrl = values.pg ?? process.env['JIUZHU_PLATFORM_PG'];

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

/** Yuan as typed ("680", "680.5", "680.50") to integer fen, without floating point. */
export function yuanToFen(text: string): number {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) fail(`--amount 应为元，最多两位小数，例如 680 或 680.50（收到 ${text}）`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function nextMonth(): string {
  const d = new Date();
  d.setMonth(d.getMonth() + 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

async function withAdmin<T>(fn: (admin: AdminApi) => Promise<T>): Promise<T> {
  if (!existsSync(join(dataDir, 'platform-keys.json')))
    fail(`${dataDir} 不是平台数据目录（没有 platform-keys.json）；先用 serve --data ${dataDir} 启动一次`, 1);
  const identity = loadOrCreateIdentity(dataDir);
  const store = await openStore({ dataDir, pgUrl });
  try {
    const admin = createAdminApi({
      identity,
      codec: codecContext(identity, DEFAULT_LIMITS.maxPayloadBytes),
      store,
      limits: DEFAULT_LIMITS,
      timing: { sessionTtlSeconds: 3600, uploadTtlSeconds: 86_400 },
      dataDir,
      now: Date.now,
      log: () => {},
      adminToken: '',
      tlsSpkiPins: [],
      guards: DEFAULT_GUARDS,
      limiter: new RateLimiter(Date.now),
      uploadLocks: new UploadLocks(),
    });
    return await fn(admin);
  } finally {
    await store.close();
  }
}

/**
 * The admin token of `serve`: from $JIUZHU_PLATFORM_ADMIN_TOKEN or, with --admin-token-stdin, the
 * first line of stdin; never from the command line, which every user of the machine can read
 * (ps, /proc/PID/cmdline) and shells keep in their history.
 */
async function readAdminToken(): Promise<string | undefined> {
  if (values['admin-token'] !== undefined)
    fail(
      '--admin-token 不再从命令行读取（本机其他用户可在进程列表中看到它，命令历史也会留下）。' +
        '请改用环境变量 JIUZHU_PLATFORM_ADMIN_TOKEN，或加 --admin-token-stdin 从标准输入读入第一行，例如：\n' +
        '  JIUZHU_PLATFORM_ADMIN_TOKEN="$(cat token.txt)" npm run platform -- serve …\n' +
        '  npm run platform -- serve --admin-token-stdin … < token.txt',
    );
  let token = process.env['JIUZHU_PLATFORM_ADMIN_TOKEN'];
  if (values['admin-token-stdin']) {
    const lines = createInterface({ input: process.stdin });
    token = (await lines[Symbol.asyncIterator]().next()).value as string | undefined;
    lines.close();
    if (!token?.trim()) fail('--admin-token-stdin：标准输入的第一行是空的，请在第一行给出管理口令');
  }
  token = token?.trim();
  if (token !== undefined && token.length < 16) fail('管理口令太短：至少 16 个字符（建议用随机生成的口令）');
  return token || undefined;
}

function suitesOption(text: string) {
  try {
    return parseSuites(text);
  } catch {
    return fail(
      `--suites：不认识的加密套件“${text}”。可用：gm（国密 SM2/SM3/SM4）、intl（X25519/Ed25519/AES-256-GCM），按优先顺序用逗号分隔`,
    );
  }
}

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return fail(`读不了${what}文件 ${file}：${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A value typed on the command line: JSON where it reads as JSON (5, true, null), else the text itself. */
function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** --region and --by of the publish commands. */
function regionAndPublisher(): { regionCode?: string; publishedBy?: string } {
  const by = values.by?.trim();
  if (by !== undefined && (by.length === 0 || by.length > 64)) fail('--by 发布单位名称应为 1 到 64 个字符');
  if (values.region !== undefined && !/^\d{2,12}$/.test(values.region)) fail(`--region 应为行政区划代码（收到 ${values.region}）`);
  return { ...(values.region ? { regionCode: values.region } : {}), ...(by ? { publishedBy: by } : {}) };
}

const print = (value: unknown, human: () => void) => (values.json ? console.log(JSON.stringify(value)) : human());

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

switch (command) {
  case 'serve': {
    if (!values.data && !process.env['JIUZHU_PLATFORM_DATA']) fail(USAGE);
    const adminToken = await readAdminToken();
    const platform = await startPlatform({
      dataDir,
      ...(pgUrl ? { pgUrl } : {}),
      port: Number(values.port),
      ...(values['platform-id'] ? { platformId: values['platform-id'] } : {}),
      ...(values.suites ? { suites: suitesOption(values.suites) } : {}),
      ...(adminToken ? { adminToken } : {}),
      log: values.quiet ? () => {} : (line) => console.log(`${new Date().toISOString()} ${line}`),
    });
    const info = platform.info();
    console.log(`city-platform ${platform.url}`);
    console.log(`platform-id   ${info.platformId}`);
    console.log(`signing-key   ${info.signingKey}`);
    console.log(`encrypt-key   ${info.encryptionKey}`);
    console.log(`fingerprint   ${info.fingerprint}`);
    console.log(`suites        ${info.suites.join(' ')}`);
    // A token the operator chose is not echoed; a random one is printed once, for the operator to keep.
    console.log(`admin-token   ${adminToken ? '(as given)' : platform.adminToken}`);
    for (const spec of values.enrol ?? []) {
      const [stationId, regionCode] = spec.split(':');
      const slip = await platform.admin.createEnrolmentCode({ stationId: stationId!, regionCode: regionCode ?? '500110' });
      console.log(`enrolment     ${slip.code} station=${slip.stationId} region=${slip.regionCode}`);
    }
    const stop = () => void platform.stop().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    break;
  }
  case 'enroll':
  case 'enrol': {
    const region = values.region ?? fail('需要 --region 区划代码（6–12 位数字）');
    if (!/^\d{6,12}$/.test(region)) fail('--region 应为 6–12 位数字的区划代码');
    const slip = await withAdmin((a) =>
      a.createEnrolmentCode({
        stationId: values.station ?? `ST-${region}`,
        regionCode: region,
        ...(values['ttl-hours'] ? { ttlHours: Number(values['ttl-hours']) } : {}),
        ...(values.suite ? { suite: suitesOption(values.suite)[0]! } : {}),
      }),
    );
    print(slip, () => {
      console.log(`enrolment-code ${slip.code}`);
      console.log(`fingerprint    ${slip.fingerprint}`);
      console.log(`suite          ${slip.suite}`);
      console.log(`station        ${slip.stationId}  region ${slip.regionCode}`);
      console.log(`expires        ${new Date(slip.expiresAt).toISOString()}`);
    });
    break;
  }
  case 'records': {
    const rows = await withAdmin((a) => a.records());
    print(rows, () => {
      for (const r of rows)
        console.log(
          [r.recordId, r.deviceId, r.seq, r.kind, r.caseId ?? '-', r.status, r.blobs.join(',') || '-', recordSummary(r)]
            .join('\t')
            .trimEnd(),
        );
      console.log(`${rows.length} records`);
    });
    break;
  }
  case 'blobs': {
    const rows = await withAdmin((a) => a.blobs());
    print(rows, () => {
      for (const b of rows) console.log([b.sha256, b.size, b.stationId, b.deviceId].join('\t'));
      console.log(`${rows.length} blobs`);
    });
    break;
  }
  case 'audit-flags': {
    const rows = await withAdmin((a) => a.auditFlags());
    print(rows, () => {
      for (const f of rows)
        console.log(
          [
            new Date(f.at).toISOString(),
            f.kind,
            f.reason,
            f.stationId,
            f.deviceId,
            `bundle ${f.bundleSeq}`,
            `anchored ${f.anchoredSeq}`,
            `head ${f.headSeq ?? '-'}`,
          ].join('\t'),
        );
      console.log(`${rows.length} audit flags`);
    });
    break;
  }
  case 'replacements': {
    const rows = await withAdmin((a) => a.pendingReplacements());
    print(rows, () => {
      for (const r of rows)
        console.log(
          [
            r.deviceId,
            r.stationId,
            r.name,
            `窗口 ${r.counterNo ?? '-'}`,
            new Date(r.registeredAt).toISOString(),
            `取代 ${r.replaces ? `${r.replaces.deviceId} ${r.replaces.name}` : '-'}`,
          ].join('\t'),
        );
      console.log(`${rows.length} pending`);
    });
    break;
  }
  case 'confirm-replacement': {
    const device = values.device ?? fail('需要 --device 待确认的设备编号（见 replacements）');
    const out = await withAdmin((a) => a.confirmReplacement(device));
    if (!out) fail(`${device} 不是等待确认替换的设备（见 replacements）`, 1);
    print({ deviceId: device, replacedDeviceId: out.replacedDeviceId }, () =>
      console.log(`${device} 已启用；${out.replacedDeviceId} 已注销`),
    );
    break;
  }
  case 'revoke': {
    const device = values.device ?? fail('需要 --device 设备编号');
    if (!(await withAdmin((a) => a.revokeDevice(device)))) fail(`没有设备 ${device}`, 1);
    print({ deviceId: device, status: 'revoked' }, () => console.log(`${device} 已注销`));
    break;
  }
  case 'decide': {
    const caseId = values.case ?? fail('需要 --case 案件编号');
    if (Boolean(values.approve) === Boolean(values.refuse)) fail('需要 --approve 或 --refuse 之一');
    const input = values.approve
      ? {
          caseId,
          outcome: 'approved' as const,
          amountFen: yuanToFen(values.amount ?? fail('--approve 需要 --amount 元')),
          startMonth: values['start-month'] ?? nextMonth(),
        }
      : { caseId, outcome: 'refused' as const, reasons: values.reason?.length ? values.reason : fail('--refuse 需要 --reason 理由') };
    const out = await withAdmin((a) => a.decide({ ...input, ...(values.station ? { stationId: values.station } : {}) }));
    print(out, () => console.log(`decision ${out.id} (feed ${out.feedSeq}) for case ${caseId}`));
    break;
  }
  case 'decide-change': {
    const caseId = values.case ?? fail('需要 --case 案件编号');
    const proposalId = values.proposal ?? fail('需要 --proposal 待遇变更建议编号（见 records 中的 change.proposal）');
    if (Boolean(values.approve) === Boolean(values.refuse)) fail('需要 --approve 或 --refuse 之一');
    if (values.refuse && !values.reason?.length) fail('--refuse 需要 --reason 理由');
    const input = {
      caseId,
      proposalId,
      outcome: values.approve ? ('approved' as const) : ('refused' as const),
      ...(values.reason?.length ? { reasons: values.reason } : {}),
      ...(values['legal-basis']?.length ? { legalBasis: values['legal-basis'] } : {}),
    };
    const out = await withAdmin((a) => a.decideChange(input));
    print(out, () => console.log(`change decision ${out.id} (feed ${out.feedSeq}) for proposal ${proposalId} of case ${caseId}`));
    break;
  }
  case 'warn': {
    const idNumber = values['id-number'] ?? fail('需要 --id-number 身份证号码');
    const type = values.type ?? fail(`需要 --type（${WARNING_TYPES.join('|')}）`);
    if (!(WARNING_TYPES as readonly string[]).includes(type)) fail(`--type 只能是 ${WARNING_TYPES.join('|')}`);
    const out = await withAdmin((a) =>
      a.warn({
        idNumber,
        type: type as (typeof WARNING_TYPES)[number],
        ...(values.detail ? { detail: values.detail } : {}),
        ...(values.station ? { stationId: values.station } : {}),
        ...(values.region ? { regionCode: values.region } : {}),
      }),
    );
    print(out, () => console.log(`warning ${out.id} (feed ${out.feedSeq})`));
    break;
  }
  case 'certify': {
    const stationId = values.station ?? fail('需要 --station 站点编号（对象所在的工作站）');
    const idNumber = values['id-number'] ?? fail('需要 --id-number 身份证号码（18 位）');
    const certifiedAt = values.at ?? fail('需要 --at 认证时间，例如 2026-12-01T09:30:00+08:00');
    const method = values.method ?? 'face';
    if (!(REMOTE_CERTIFICATION_METHODS as readonly string[]).includes(method))
      fail(`--method 只能是 ${REMOTE_CERTIFICATION_METHODS.join('|')}`);
    const out = await withAdmin((a) =>
      a.certifyRemote({ stationId, idNumber, certifiedAt, method: method as (typeof REMOTE_CERTIFICATION_METHODS)[number] }),
    ).catch((e: unknown) => fail(`认证未记录：${e instanceof Error ? e.message : String(e)}`, 1));
    print(out, () => console.log(`remote certification ${out.id} (feed ${out.feedSeq}) for station ${stationId}`));
    break;
  }
  case 'apply': {
    const stationId = values.station ?? fail('需要 --station 站点编号（受理申请的工作站）');
    const file = values.file ?? fail('需要 --file 申请文件（JSON，application.online 的内容）');
    let body: unknown;
    try {
      body = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      fail(`读不了申请文件 ${file}：${e instanceof Error ? e.message : String(e)}`);
    }
    const blobs = (values.blob ?? []).map((path) => {
      try {
        return readFileSync(path);
      } catch (e) {
        return fail(`读不了附件 ${path}：${e instanceof Error ? e.message : String(e)}`);
      }
    });
    const out = await withAdmin((a) => a.fileApplication({ stationId, body, blobs })).catch((e: unknown) =>
      fail(`申请未登记：${e instanceof Error ? e.message : String(e)}`, 1),
    );
    print(out, () => console.log(`online application ${out.id} (feed ${out.feedSeq}) for station ${stationId}`));
    break;
  }
  case 'verify': {
    const caseRef = values.case ?? fail('需要 --case 案件编号或平台案件号');
    const file = values.file ?? fail('需要 --file 核对报告文件（JSON）');
    let report: unknown;
    try {
      report = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      fail(`读不了核对报告文件 ${file}：${e instanceof Error ? e.message : String(e)}`);
    }
    const out = await withAdmin((a) => a.postVerification(caseRef, report)).catch((e: unknown) =>
      fail(`核对报告未记录：${e instanceof Error ? e.message : String(e)}`, 1),
    );
    print(out, () => console.log(`verification report ${out.id} (feed ${out.feedSeq}) for case ${out.caseId}`));
    break;
  }
  case 'roster-load': {
    const stationId = values.station ?? fail('需要 --station 站点编号（在册对象所属的工作站）');
    const file =
      values.file ??
      fail(
        '需要 --file 在册对象文件（JSON 数组，每户一项：type、subtype、applicant、members、amountFen、monthly、sinceMonth、nextReviewOn、lastCertifiedOn）',
      );
    let households: unknown;
    try {
      households = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      fail(`读不了在册对象文件 ${file}：${e instanceof Error ? e.message : String(e)}`);
    }
    const out = await withAdmin((a) => a.loadRoster({ stationId, households: households as unknown[] })).catch((e: unknown) =>
      fail(`在册对象未载入：${e instanceof Error ? e.message : String(e)}`, 1),
    );
    print(out, () => {
      console.log(`roster: ${out.loaded} household(s) loaded for station ${stationId}, ${out.refused.length} refused`);
      for (const r of out.refused) console.log(`  #${r.index} ${r.head ?? ''} ${r.reason}`);
    });
    if (out.loaded === 0) process.exitCode = 1;
    break;
  }
  case 'publish-reference': {
    const table = values.table ?? fail('需要 --table 参照表名（standards、materials、policy-texts、working-days …）');
    const versionText = values.version ?? fail('需要 --version 版本号（非负整数，每次发布加一）');
    if (!/^\d{1,9}$/.test(versionText)) fail(`--version 应为非负整数（收到 ${versionText}）`);
    const data = readJson(values.file ?? fail('需要 --file 参照表数据文件（JSON）'), '参照表数据');
    const bad = referenceDataProblem(table, data);
    if (bad) fail(`参照表 ${table} 未发布：${bad}`);
    const out = await withAdmin((a) => a.publishReference({ table, version: Number(versionText), data, ...regionAndPublisher() })).catch(
      (e: unknown) => fail(`参照表未发布：${e instanceof Error ? e.message : String(e)}`, 1),
    );
    print(out, () => console.log(`reference ${table} version ${versionText} (feed ${out.feedSeq})`));
    break;
  }
  case 'publish-policy': {
    const key = values.key ?? fail(`需要 --key 参数名称（${COUNTY_POLICY_KEYS.join('、')}）`);
    const value =
      values.value !== undefined
        ? jsonOrText(values.value)
        : values.file
          ? readJson(values.file, '参数值')
          : fail('需要 --value 参数值（如 5、true、null），或 --file 参数值文件（JSON）');
    const effectiveFrom = values['effective-from'];
    const bad = countyPolicyProblem(key, value, effectiveFrom);
    if (bad) fail(`参数 ${key} 未发布：${bad.field === 'effectiveFrom' ? '--effective-from' : `--${bad.field}`} ${bad.message}`);
    const out = await withAdmin((a) =>
      a.setPolicy({ key, value, ...(effectiveFrom ? { effectiveFrom } : {}), ...regionAndPublisher() }),
    ).catch((e: unknown) => fail(`政策未发布：${e instanceof Error ? e.message : String(e)}`, 1));
    print(out, () => console.log(`policy ${key} = ${JSON.stringify(value)} (feed ${out.feedSeq})`));
    break;
  }
  default:
    fail(USAGE);
}
