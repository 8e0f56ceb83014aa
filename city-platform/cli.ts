import { parseArgs } from 'node:util';
import { startPlatform } from './platform';

const USAGE = `tsx city-platform/cli.ts --port N --data DIR [--platform-id ID] [--admin-token TOKEN] [--quiet]
Starts the reference city platform on 127.0.0.1 and prints its URL, public keys and admin token.
  --enrol STATION:REGION   also print a one-time enrolment code for that station (repeatable)`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    data: { type: 'string' },
    'platform-id': { type: 'string' },
    'admin-token': { type: 'string' },
    enrol: { type: 'string', multiple: true },
    quiet: { type: 'boolean' },
    help: { type: 'boolean' },
  },
});
if (values.help || !values.data) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

const platform = await startPlatform({
  dataDir: values.data,
  port: Number(values.port),
  ...(values['platform-id'] ? { platformId: values['platform-id'] } : {}),
  ...(values['admin-token'] ? { adminToken: values['admin-token'] } : {}),
  log: values.quiet ? () => {} : (line) => console.log(`${new Date().toISOString()} ${line}`),
});
const info = platform.info();
console.log(`city-platform ${platform.url}`);
console.log(`platform-id   ${info.platformId}`);
console.log(`signing-key   ${info.signingKey}`);
console.log(`encrypt-key   ${info.encryptionKey}`);
console.log(`fingerprint   ${info.fingerprint}`);
console.log(`admin-token   ${platform.adminToken}`);
for (const spec of values.enrol ?? []) {
  const [stationId, regionCode] = spec.split(':');
  const slip = await platform.admin.createEnrolmentCode({ stationId: stationId!, regionCode: regionCode ?? '500110' });
  console.log(`enrolment     ${slip.code} station=${slip.stationId} region=${slip.regionCode}`);
}
const stop = () => void platform.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
