import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * One-way layers (STYLE.md habit 1): shared/ imports nothing outward; renderer/ and electron/ import shared/ but
 * never each other (the renderer sees only the types of shared/ipc).
 */
const layer = (patterns, paths = []) => ({ 'no-restricted-imports': ['error', { patterns, paths }] });

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
        { group: ['**/renderer/**', '**/electron/**', '**/tests/**'], message: 'Bad layering: shared/ is pure domain code.' },
        { group: ['react', 'react-dom', 'dexie', 'electron', 'node:*', 'fs', 'path'], message: 'Bad layering: shared/ uses no host APIs.' },
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
      ...layer([
        { regex: '^(\\.\\./)+electron/', message: 'Bad layering: the renderer reaches Electron only through renderer/platform and shared/ipc.' },
        { group: ['node:*'], message: 'The renderer runs in a browser page.' },
      ], [{ name: 'electron', message: 'Bad layering: the renderer reaches Electron only through renderer/platform and shared/ipc.' }]),
    },
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
