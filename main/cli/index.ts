import { processIo } from './io';
import { runCli } from './run';

/**
 * Entry of `jiuzhu-admin` (out/main/cli.js), `npm run admin`, and `<app> --admin …` (the desktop
 * shell imports this bundle and exits with `done`'s code once it settles).
 */
export const done: Promise<number> = runCli(process.argv.slice(2), { io: processIo }).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`命令执行失败：${error instanceof Error ? error.message : String(error)}\n`);
    return (process.exitCode = 1);
  },
);
