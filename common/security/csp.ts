/**
 * The renderer's Content-Security-Policy, the same in both shells: scripts only from the app
 * itself, no eval, no plugins, no framing, and network only back to the app's own origin
 * (the browser shell's loopback server, or nothing at all under Electron's app protocol).
 * antd injects its styles at run time, so styles allow inline.
 *
 * 'wasm-unsafe-eval' lets the face worker compile WebAssembly (tfjs's WASM backend, the .wasm
 * files served from the app's own origin under wasm/): without it Chromium refuses
 * WebAssembly.instantiate under a CSP, and the face checks fall back to the CPU backend at a tenth
 * of the speed. It allows compiling WebAssembly only; JavaScript eval and new Function stay refused.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self' data:",
    `connect-src 'self'${connectSources.map((s) => ` ${s}`).join('')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
