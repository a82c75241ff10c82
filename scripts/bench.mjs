// `npm run bench` (../shared/BENCH.md): build the production web bundle, bundle the bench (tests/bench/main.ts)
// and its pages with esbuild into tests/bench/.tmp, run it in Node with --expose-gc, and remove the temp folder.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = `${root}tests/bench/.tmp`;
const started = performance.now();

function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, ...opts });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), out }));
  });
}

// The bench child cleans up itself on SIGINT/SIGTERM; this process only waits for it.
let child = null;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child?.kill(signal));

let code;
try {
  process.stderr.write('building the web app (npm run build:web)…\n');
  const web = await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:web'], { stdio: ['ignore', 'pipe', 'pipe'] });
  if (web.code !== 0) throw new Error(`npm run build:web failed:\n${web.out}`);

  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(`${tmp}/.gitignore`, '*\n');
  const common = { bundle: true, logLevel: 'warning', absWorkingDir: root, target: 'es2022' };
  await build({ ...common, entryPoints: ['tests/bench/main.ts'], outfile: `${tmp}/main.mjs`, platform: 'node', format: 'esm', packages: 'external' });
  await build({
    ...common,
    entryPoints: { recogito: 'tests/bench/pages/recogito.ts', store: 'tests/bench/pages/store.ts' },
    outdir: tmp,
    platform: 'browser',
    format: 'iife',
  });

  code = await new Promise((resolve, reject) => {
    child = spawn(process.execPath, ['--expose-gc', `${tmp}/main.mjs`], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, BENCH_ROOT: root, BENCH_TMP: tmp },
    });
    child.on('error', reject);
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
  });
} catch (err) {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  code = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`Total with the build: ${((performance.now() - started) / 1000).toFixed(0)} s.`);
process.exit(code);
