import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;
/** Build output folder; JIUZHU_OUT lets parallel builds (e.g. several e2e runs) keep apart. Default out/. */
const out = process.env.JIUZHU_OUT ?? 'out';

/**
 * One build for the three processes, into out/:
 *  - out/main: the Electron shell, the browser shell, the admin CLI and the core worker (ESM, Node);
 *  - out/preload/index.cjs: the sandboxed preload (sandboxed preloads must be CommonJS);
 *  - out/renderer: the React app.
 */
export default defineConfig({
  main: {
    build: {
      outDir: `${out}/main`,
      rollupOptions: {
        input: {
          electron: resolve(root, 'main/electron/main.ts'),
          browser: resolve(root, 'main/browser/main.ts'),
          cli: resolve(root, 'main/cli/index.ts'),
          coreWorker: resolve(root, 'main/core/kernel/host/coreWorker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: `${out}/preload`,
      rollupOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, out, 'renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 2500,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
