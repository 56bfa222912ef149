import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const DATE_READER_MODULES =
  /node_modules[\\/]lunar-typescript|core[\\/]model[\\/]dates[\\/](parse|single|lunar|eras|ganzhi|reading)\./;
const DATE_READER_CHUNK = /date-reader-/;

// The project keeps electron/ and renderer/ at the top level, not electron-vite's default src/.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The search index runs in a worker thread, started from its own file.
          searchWorker: resolve(__dirname, 'electron/core/search/searchWorker.ts'),
          // OCR reads pages in a worker thread of its own (electron/core/ocr/workerClient.ts).
          ocrWorker: resolve(__dirname, 'electron/core/ocr/ocrWorker.ts'),
        },
      },
      // lowdb and steno are ESM-only; bundling them keeps the main bundle loadable.
      externalizeDeps: { exclude: ['lowdb', 'steno'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; minified, the page parses in half the time,
      // which is most of the wait for the first rows (the browser door serves the same bundle).
      minify: true,
      // The date reader and its lunar calendar (300 kB, a third of the script) load with the form,
      // not before the first rows: they get a chunk of their own, and the page does not preload it.
      modulePreload: { resolveDependencies: (_file, deps) => deps.filter((d) => !DATE_READER_CHUNK.test(d)) },
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        // The calendar package declares no side effects but has none: unused, it is dropped.
        treeshake: { moduleSideEffects: (id) => !DATE_READER_MODULES.test(id) },
        output: {
          codeSplitting: {
            includeDependenciesRecursively: false,
            groups: [{ name: 'date-reader', test: DATE_READER_MODULES }],
          },
        },
      },
    },
    plugins: [react()],
  },
});
