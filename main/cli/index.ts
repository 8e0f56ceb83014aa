import { processIo } from './io';
import { runCli } from './run';

/** Entry of `jiuzhu-admin` (out/main/cli.js) and `npm run admin`. */
runCli(process.argv.slice(2), { io: processIo }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`命令执行失败：${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
