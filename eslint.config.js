import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const UI_PACKAGES = ['electron', 'react', 'react-dom'];
// Import paths (relative, any depth) of each layer, for the boundary rules below.
const CORE = ['**/core', '**/core/**'];
const APP = ['**/app', '**/app/**'];
const CONTRACT = ['**/contract', '**/contract/**'];
const DOORS = ['**/main/**', '**/preload/**', '**/server', '**/server/**', '**/cli/**'];
const RENDERER = ['**/renderer/**'];

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
    // The stand-in electron module and its host run under plain Node.
    files: ['tests/desktop/standIn/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is the domain: no Electron, no DOM, no React; it knows no contract, app or door.
    files: ['electron/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...UI_PACKAGES].map((name) => ({
            name,
            message: 'electron/core must not depend on Electron or React.',
          })),
          patterns: [
            {
              group: ['electron/*', 'react-dom/*'],
              message: 'electron/core must not depend on Electron or React.',
            },
            { group: RENDERER, message: 'electron/core must not import the renderer.' },
            {
              group: [...DOORS, ...APP, ...CONTRACT],
              message: 'electron/core is used by the app layer, never the reverse.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    // The contract: operations, events, errors, transport. It builds on the model and zod alone.
    files: ['electron/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...UI_PACKAGES].map((name) => ({ name, message: 'The contract is shared by every door.' })),
          patterns: [
            {
              regex: '^(\\.\\./)+core/(?!model($|/))',
              message: 'The contract may import only core/model (or one of its modules) from the core.',
            },
            { group: [...DOORS, ...APP, ...RENDERER], message: 'The contract imports no app, door or page.' },
          ],
        },
      ],
    },
  },
  {
    // The application layer: use cases over the core, speaking the contract; no door, no Electron.
    files: ['electron/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...UI_PACKAGES].map((name) => ({
            name,
            message: 'The app layer runs behind every door, not only Electron.',
          })),
          patterns: [
            {
              group: [...DOORS, ...RENDERER],
              message: 'The app layer is used by the doors, never the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    // The doors translate transport (IPC, HTTP, argv); they reach the library only through app/ and the contract.
    files: ['electron/{main,preload,server,cli}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: CORE, message: 'A door reaches the core only through electron/app.' },
            { group: RENDERER, message: 'A door does not import the renderer.' },
          ],
        },
      ],
    },
  },
  {
    // The renderer talks to the app only through the contract: its types, and the values of contract/shared.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Advice for the React Compiler, which this project does not use.
      'react-hooks/incompatible-library': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches the app only through the api client.' }],
          patterns: [
            {
              regex: '^(\\.\\./)+electron/(?!contract(/shared)?$)',
              message:
                'The renderer may import only electron/contract (types) and electron/contract/shared (values).',
            },
            {
              regex: '^(\\.\\./)+electron/contract$',
              allowTypeImports: true,
              message:
                'Import values from electron/contract/shared; electron/contract gives the renderer types only.',
            },
          ],
        },
      ],
    },
  },
);
