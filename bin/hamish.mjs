#!/usr/bin/env node
// `hamish` — the command-line converter (cli/hamish.ts). The TypeScript sources are bundled with esbuild on each
// run (a few hundred milliseconds), so the command always runs the code of this checkout and needs no build step.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'node_modules', '.cache', 'hamish', `cli-${process.pid}.mjs`);
mkdirSync(dirname(out), { recursive: true });
await build({
  entryPoints: [join(root, 'cli', 'hamish.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
});
try {
  const { main } = await import(pathToFileURL(out).href);
  process.exitCode = await main(process.argv.slice(2));
} finally {
  const { rmSync } = await import('node:fs');
  rmSync(out, { force: true });
}
