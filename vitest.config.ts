import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    // Generous: CLI tests start processes, and a loaded 2-core machine slows them a lot.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'tests/core/**/*.test.ts',
            'tests/cli/**/*.test.ts',
            'tests/app/**/*.test.ts',
            'tests/server/**/*.test.ts',
            'tests/electron/**/*.test.ts',
            'tests/app/**/*.test.ts',
            'tests/lint/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
        },
      },
      {
        // Runs the built bundles in out/: after `npm run build` (npm test runs it in that order).
        extends: true,
        test: { name: 'desktop', include: ['tests/desktop/**/*.test.ts'] },
      },
    ],
  },
});
