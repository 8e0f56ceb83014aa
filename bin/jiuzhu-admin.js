#!/usr/bin/env node
// The installed admin CLI: the built entry beside the app (npm run build makes it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('jiuzhu-admin 尚未构建：请先运行 npm run build（开发时可用 npm run admin -- …）\n');
  process.exit(1);
}
await import(built);
