import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_ONLY = ['electron', 'electron/*', 'react', 'react-dom', 'react-dom/*'];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['bin/**/*.js', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is the domain: no Electron, no DOM, no React, nothing from the renderer.
    files: ['electron/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_ONLY.filter((p) => !p.includes('*')).map((name) => ({
            name,
            message: 'electron/core must not depend on Electron or React.',
          })),
          patterns: [
            {
              group: ['electron/*', 'react-dom/*'],
              message: 'electron/core must not depend on Electron or React.',
            },
            { group: ['**/renderer/**'], message: 'electron/core must not import the renderer.' },
            {
              group: ['**/app/**', '**/api/**', '**/main/**', '**/preload/**', '**/server/**', '**/cli/**'],
              message: 'electron/core is imported by the doors, never the reverse.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    // The renderer talks to the app only through the contract.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Advice for the React Compiler, which this project does not use.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches the app only through the api client.' }],
          patterns: [
            {
              regex: '^(\\.\\./)+electron/(?!api/contract$)',
              message: 'The renderer may import only electron/api/contract from electron/.',
            },
          ],
        },
      ],
    },
  },
);
