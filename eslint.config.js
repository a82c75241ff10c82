import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * One-way layers (STYLE.md habit 1): shared/ imports nothing outward; renderer/ and electron/ import shared/ but
 * never each other (the renderer sees only the types of shared/ipc). Inside the renderer (the small version of VS
 * Code's layering rule): app/ composes everything; features/ use the UI kit (ui/), storage (db/ repositories) and
 * platform/, never the app shell or Dexie; ui/, db/ and platform/ never reach up into features/ or app/; only db/
 * (and the composition point) touch Dexie. tests/unit/layers.test.ts feeds each rule a file that breaks it.
 * (ESLint replaces, not merges, a rule set by two blocks: each block lists the renderer's base patterns again.)
 */
const layer = (patterns, paths = []) => ({ 'no-restricted-imports': ['error', { patterns, paths }] });

/** npm packages shared/ may import (pure, no host APIs). None yet: add one here, with the reason, when needed. */
const SHARED_PACKAGES = [];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const ELECTRON_MSG = 'Bad layering: the renderer reaches Electron only through renderer/platform and shared/ipc.';
const rendererBase = [
  { regex: '^(\\.\\./)+electron/', message: ELECTRON_MSG },
  { group: ['node:*'], message: 'The renderer runs in a browser page.' },
];
const rendererPaths = [{ name: 'electron', message: ELECTRON_MSG }];
const noDexie = { group: ['dexie', '**/db/database'], message: 'Bad layering: only renderer/db/ touches Dexie and its tables; use a repository.' };
const noUpward = { regex: '^(\\.\\./)+(features|app)/', message: 'Bad layering: ui/, db/ and platform/ never import features/ or the app shell.' };

export default tseslint.config(
  { ignores: ['node_modules', 'dist-web', 'dist-electron', 'release', '.tsbuild', 'test-results', 'playwright-report', 'tests/bench/.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      ...layer([
        { group: ['**/renderer/**', '**/electron/**', '**/tests/**', '**/cli/**'], message: 'Bad layering: shared/ is pure domain code.' },
        { group: ['react', 'react-dom', 'dexie', 'electron', 'node:*', 'fs', 'path'], message: 'Bad layering: shared/ uses no host APIs.' },
        {
          regex: SHARED_PACKAGES.length ? `^(?!\\.|(${SHARED_PACKAGES.map(escape).join('|')})(/|$))` : '^(?!\\.)',
          message: 'Bad layering: shared/ imports only its own modules and the npm packages listed in SHARED_PACKAGES (eslint.config.js).',
        },
      ]),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'fetch', 'setTimeout', 'setInterval', 'navigator', 'process'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', 'renderer/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer([...rendererBase, noDexie], rendererPaths),
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='window'][property.name='hamish']",
          message: 'Bad layering: window.hamish is read only at the composition point (renderer/app/compose.ts).',
        },
      ],
    },
  },
  {
    files: ['renderer/features/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: layer(
      [
        ...rendererBase,
        noDexie,
        { regex: '^(\\.\\./)+app/', message: 'Bad layering: features/ never import the app shell (renderer/app/); shared widgets live in renderer/ui/.' },
      ],
      rendererPaths,
    ),
  },
  {
    files: ['renderer/{ui,platform}/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: layer([...rendererBase, noDexie, noUpward], rendererPaths),
  },
  {
    files: ['renderer/db/**/*.ts'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: layer([...rendererBase, noUpward], rendererPaths),
  },
  {
    // The composition point and the app shell wire storage together.
    files: ['renderer/app/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: layer(rendererBase, rendererPaths),
  },
  {
    files: ['renderer/app/compose.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['cli/**/*.ts'],
    rules: layer([{ group: ['**/renderer/**', '**/electron/**'], message: 'Bad layering: the CLI is a thin shell over shared/formats.' }]),
  },
  {
    files: ['electron/**/*.ts'],
    rules: layer([{ group: ['**/renderer/**'], message: 'Bad layering: electron/ never imports the renderer.' }]),
  },
  {
    // Tests beside renderer code run in Node (Vitest) and may read fixtures, but still never import electron/.
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: layer([{ regex: '^(\\.\\./)+electron/', message: 'Bad layering: renderer tests never import electron/.' }]),
  },
);
