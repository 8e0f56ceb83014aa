// Record the applicant screen's read-out of the 授权书 for stations whose browser has no zh-CN
// voice: espeak-ng's Mandarin voice (Debian: apt-get install espeak-ng) speaks the fixed part of the
// statement, ffmpeg encodes it as Ogg Opus (mono, 24 kbit/s). Run after a change of the wording:
//   npx tsx scripts/makeAuthorizationClip.ts
// Writes resources/audio/authorization-zh.ogg and authorization-zh.json (the text's SHA-256, the
// tools' versions); tests/unit/applicantClip.test.ts checks the JSON against the current wording.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clipText } from '../renderer/src/applicant/signing/clipText';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'resources/audio');
const text = clipText();
const work = mkdtempSync(join(tmpdir(), 'jiuzhu-clip-'));
try {
  const wav = join(work, 'clip.wav');
  // cmn: Mandarin; -s 140 words a minute, slower than the default 175 for older listeners; -g 4: a pause between words.
  execFileSync('espeak-ng', ['-v', 'cmn', '-s', '140', '-g', '4', '-w', wav, text.replace(/\n/g, '。')]);
  const ogg = join(outDir, 'authorization-zh.ogg');
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', wav, '-ac', '1', '-c:a', 'libopus', '-b:a', '24k', ogg]);
  const version = (cmd: string, args: string[]) => execFileSync(cmd, args).toString().split('\n')[0]!.trim();
  const meta = {
    textSha256: createHash('sha256').update(text).digest('hex'),
    voice: 'espeak-ng cmn',
    espeak: version('espeak-ng', ['--version']),
    bytes: statSync(ogg).size,
  };
  writeFileSync(join(outDir, 'authorization-zh.json'), `${JSON.stringify(meta, null, 2)}\n`);
  console.log(`authorization-zh.ogg: ${meta.bytes} bytes`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
