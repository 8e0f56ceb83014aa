import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { photographPage, textPage } from '../../common/capture/image/synthetic';
import type { Quad } from '../../common/capture/image/types';

/**
 * Camera fixtures made at test time (nothing binary is committed): .y4m files Chromium plays as
 * its fake camera, and reference photos. Faces come from the sample images @vladmandic/human
 * ships in its npm package (assets/); pages from the seeded generator in common/capture/image.
 */
const root = join(import.meta.dirname, '../..');
export const fixtureDir = join(root, 'test-results/capture-fixtures');
const assets = join(root, 'node_modules/@vladmandic/human/assets');
const facematch = join(assets, 'screenshot-facematch.jpg');
const faceid = join(assets, 'screenshot-faceid.jpg');

/** Build `name` once per machine; atomic rename so parallel workers never see half a file. */
function once(name: string, build: (tmp: string) => void): string {
  mkdirSync(fixtureDir, { recursive: true });
  const target = join(fixtureDir, name);
  if (existsSync(target)) return target;
  const tmp = join(fixtureDir, `.${process.pid}.${name}`);
  build(tmp);
  renameSync(tmp, target);
  return target;
}

const ffmpeg = (args: string[]) => execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
/** One still frame as a y4m clip: Chromium loops it, so every frame is the same to the byte — a frozen feed. */
const y4m = (tmp: string, input: string[], filter: string) =>
  ffmpeg([...input, '-filter_complex', filter, '-frames:v', '1', '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', tmp]);

/**
 * A live camera filming a still scene: `frames` frames at `fps` (Chromium plays the clip in a loop),
 * each with its own sensor noise (ffmpeg's temporal noise: σ ≈ 1.1 grey levels on a flat area, a
 * well-lit webcam after its ISP). That is what tells a live feed from a frozen one. It is kept low
 * enough that the blurred face stays blurred to the gate (noise adds to a Laplacian variance).
 */
export const SENSOR_NOISE = 'noise=alls=2:allf=t';
/** Two seconds of a small scene: 20 distinct frames at 10 fps. */
const LIVE_FRAMES = 20;
const LIVE_FPS = 10;
const live = (tmp: string, input: string[], filter: string, frames = LIVE_FRAMES, fps = LIVE_FPS) =>
  ffmpeg([
    ...input,
    '-filter_complex',
    `${filter},${SENSOR_NOISE}`,
    '-r',
    String(fps),
    '-frames:v',
    String(frames),
    '-pix_fmt',
    'yuv420p',
    '-f',
    'yuv4mpegpipe',
    tmp,
  ]);
/** An image file as an endless input at the clip's rate. */
const still = (file: string, fps = LIVE_FPS) => ['-loop', '1', '-framerate', String(fps), '-i', file];
/** ffmpeg's colour source at the clip's rate. */
const colour = (spec: string, fps = LIVE_FPS) => ['-f', 'lavfi', '-i', `color=${spec}:r=${fps}`];

// Cells of the face grid in screenshot-facematch.jpg (1920×954): row 1 holds photos of one man.
const SAME_MAN = 'crop=104:104:109:282';
const WOMAN = 'crop=104:104:642:396';
const OTHER_MAN = 'crop=150:150:10:138'; // from screenshot-faceid.jpg
const frame = (label: string) => `scale=150:150,pad=320:240:85:45:color=0x6a7078[${label}]`;

export const faceScenes = {
  // Live cameras filming still scenes (sensor noise on every frame); `.live` in the names keeps them apart from older noiseless builds.
  one: () => once('face-one.live.y4m', (t) => live(t, still(facematch), `[0]${SAME_MAN},${frame('o')}`.replace('[o]', ''))),
  dark: () =>
    once('face-dark.live.y4m', (t) =>
      live(t, still(facematch), `[0]${SAME_MAN},${frame('o')}`.replace('[o]', ',eq=brightness=-0.38:contrast=0.6')),
    ),
  blurred: () =>
    once('face-blurred.live.y4m', (t) => live(t, still(facematch), `[0]${SAME_MAN},${frame('o')}`.replace('[o]', ',gblur=sigma=3.5'))),
  three: () =>
    once('face-three.live.y4m', (t) =>
      live(
        t,
        [...still(facematch), ...still(faceid)],
        `[0]split[a][b];[a]${SAME_MAN}[f1];[b]${WOMAN}[f2];[1]${OTHER_MAN},scale=104:104[f3];[f1][f2][f3]hstack=3,pad=320:240:4:68:color=0x6a7078`,
      ),
    ),
  none: () =>
    once('face-none.live.y4m', (t) => live(t, colour('c=0x5a5f66:s=320x240'), '[0]drawbox=x=60:y=50:w=200:h=140:color=white@0.9:t=fill')),
  /** A camera with its lens cap on: ffmpeg's black source. */
  black: () => once('feed-black.y4m', (t) => y4m(t, ['-f', 'lavfi', '-i', 'color=c=black:s=320x240'], '[0]null')),
  // Frozen feeds: one frame repeated exactly, as a stuck driver does.
  /** An empty desk with its grain, frozen: neither a face nor a page in it. */
  emptyDesk: () =>
    once('feed-empty-desk.y4m', (t) => y4m(t, ['-f', 'lavfi', '-i', 'color=c=0x3a3d40:s=320x240'], '[0]noise=alls=24:allf=u')),
  /** The clear face of `one`, frozen: a stale picture of the applicant that the quality gate alone would accept. */
  frozenFace: () => once('face-one.frozen.y4m', (t) => y4m(t, ['-i', facematch], `[0]${SAME_MAN},${frame('o')}`.replace('[o]', ''))),
};

/** Reference photos: another photo of the same man (the grid's "selected face") and a different man. */
export const references = {
  same: () => once('ref-same.jpg', (t) => ffmpeg(['-i', facematch, '-vf', 'crop=180:180:0:24', '-frames:v', '1', '-f', 'mjpeg', t])),
  different: () => once('ref-different.jpg', (t) => ffmpeg(['-i', faceid, '-vf', OTHER_MAN, '-frames:v', '1', '-f', 'mjpeg', t])),
};

/** The size of the counter camera's frame in `cameraCapture` (core takes a face capture of 160–4096 px a side). */
export const CAMERA_FRAME = { width: 640, height: 480 };

/** `photo` as the counter camera frames the person in it: the photo at its own scale, centred in a 640×480 JPEG on a wall-grey ground. */
export function cameraCapture(photo: string): string {
  const name = `framed-${basename(photo, extname(photo))}.jpg`;
  return once(name, (t) =>
    ffmpeg(['-i', photo, '-vf', 'pad=640:480:(ow-iw)/2:(oh-ih)/2:color=0x6a7078', '-frames:v', '1', '-q:v', '2', '-f', 'mjpeg', t]),
  );
}

/**
 * An official letter's layout (GB/T 9704: 三号仿宋, 22 lines of 28 characters): 16 pt glyphs are
 * 33 px at 150 dpi, on a ~1.8 line pitch. 收入证明 and notices look like this.
 */
export const GBT9704 = { glyph: 33, lineSpacing: 1.8 };

/** A dense page (10.5 pt, ~1800 characters, like a printed 病历) as a flatbed scan: PNG bytes. */
export function denseScanPng(): string {
  return once('dense-scan.png', (t) => {
    const page = textPage({ width: PAGE.width, height: PAGE.height, seed: 77 });
    const pgm = `${t}.pgm`;
    writeFileSync(
      pgm,
      Buffer.concat([
        Buffer.from(`P5\n${page.width} ${page.height}\n255\n`),
        Buffer.from(page.data.buffer, page.data.byteOffset, page.data.byteLength),
      ]),
    );
    ffmpeg(['-i', pgm, '-frames:v', '1', '-f', 'image2', '-c:v', 'png', t]);
    unlinkSync(pgm);
  });
}

/** The generated A4 page at 150 dpi, and where its corners land in the 1920×1440 document-camera frame. */
export const PAGE = { width: 1240, height: 1754 };
export const PAGE_QUAD: Quad = pinholePage(210, 297, {
  spinDeg: 9,
  tiltDeg: 18,
  distanceMm: 600,
  focalPx: 2100,
  frame: { width: 1920, height: 1440 },
});

/** Where a w×h mm page lands when turned `spinDeg` on the desk and tilted `tiltDeg` away from a pinhole camera. */
function pinholePage(
  w: number,
  h: number,
  o: { spinDeg: number; tiltDeg: number; distanceMm: number; focalPx: number; frame: { width: number; height: number } },
): Quad {
  const spin = (o.spinDeg * Math.PI) / 180;
  const tilt = (o.tiltDeg * Math.PI) / 180;
  const project = (mx: number, my: number) => {
    const x = mx * Math.cos(spin) - my * Math.sin(spin);
    const y0 = mx * Math.sin(spin) + my * Math.cos(spin);
    const y = y0 * Math.cos(tilt);
    const z = y0 * Math.sin(tilt) + o.distanceMm;
    return { x: o.frame.width / 2 + (o.focalPx * x) / z, y: o.frame.height / 2 + (o.focalPx * y) / z };
  };
  return [project(-w / 2, -h / 2), project(w / 2, -h / 2), project(w / 2, h / 2), project(-w / 2, h / 2)];
}

/** The generated page in perspective on the desk, as a grey 1920×1440 PGM file at `pgm`. */
function writeDocumentPgm(pgm: string): void {
  const page = textPage({ width: PAGE.width, height: PAGE.height, ...GBT9704, seed: 2024 });
  const scene = photographPage(page, { width: 1920, height: 1440, quad: PAGE_QUAD, desk: 40, noise: 10 });
  writeFileSync(
    pgm,
    Buffer.concat([
      Buffer.from(`P5\n${scene.width} ${scene.height}\n255\n`),
      Buffer.from(scene.data.buffer, scene.data.byteOffset, scene.data.byteLength),
    ]),
  );
}

/** The document camera filming the page: 8 frames with their own noise at 5 fps (a 1.6 s loop; 4 MB a frame at 1920×1440). */
export function documentScene(): string {
  return once('document-page.live.y4m', (t) => {
    const pgm = `${t}.pgm`;
    writeDocumentPgm(pgm);
    live(t, still(pgm, 5), '[0]null', 8, 5);
    unlinkSync(pgm);
  });
}

/** The same page, frozen: one frame repeated exactly. */
export function frozenDocumentScene(): string {
  return once('document-page.frozen.y4m', (t) => {
    const pgm = `${t}.pgm`;
    writeDocumentPgm(pgm);
    ffmpeg(['-i', pgm, '-frames:v', '1', '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', t]);
    unlinkSync(pgm);
  });
}

/** Chromium's base arguments (as in playwright.config.ts) plus a fake camera playing `file`. */
export function fakeCameraArgs(file: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${file}`,
  ];
}
