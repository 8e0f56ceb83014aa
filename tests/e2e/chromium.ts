import { existsSync } from 'node:fs';

/** Debian's Chromium, or CHROME_PATH; null when neither exists (npm test then stops with an instruction). */
export function chromiumPath(): string | null {
  const candidate = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : null;
}
