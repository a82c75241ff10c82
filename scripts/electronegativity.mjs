// Electronegativity (Doyensec's Electron security scanner) on the COMPILED main and preload bundles and the built
// page (TRUST.md: it parses with an old TypeScript, so it reads our JavaScript, not the sources). The global check
// of available security fixes fetches from the network and is excluded. Every finding must be justified below,
// with where the justification is proven; any other finding fails the run.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** rule id → the exact finding accepted (by its message) and why it is safe. */
const JUSTIFIED = {
  OPEN_EXTERNAL_JS_CHECK: {
    message: /./,
    why: 'electron/window.ts openExternal() passes only http: and https: URLs (isExternalUrlAllowed, tested in electron/guards.test.ts)',
  },
  // Only the "seems to be" (review) level: csp-evaluator marks script-src 'self' as possibly weak because an origin
  // that also serves JSONP or user uploads could be abused. Ours serves nothing but the built bundle. A weak or
  // missing CSP ("is vulnerable", "no CSP") is not accepted.
  CSP_GLOBAL_CHECK: {
    message: /seems to be vulnerable/,
    why: "script-src 'self' on an origin that serves only the app's own bundle (shared/security/csp.ts)",
  },
};
const justification = (r) => (JUSTIFIED[r.ruleId]?.message.test(r.message?.text ?? '') ? JUSTIFIED[r.ruleId].why : null);

const dir = mkdtempSync(join(tmpdir(), 'hamish-eneg-'));
try {
  copyFileSync(join(root, 'dist-electron/main.cjs'), join(dir, 'main.js'));
  copyFileSync(join(root, 'dist-electron/preload.cjs'), join(dir, 'preload.js'));
  copyFileSync(join(root, 'dist-web/index.html'), join(dir, 'index.html'));
  const electronVersion = JSON.parse(readFileSync(join(root, 'build/electron-builder.json'), 'utf8')).electronVersion;
  const sarif = join(dir, 'results.sarif');
  const bin = join(root, 'node_modules/.bin/electronegativity');
  const run = spawnSync(bin, ['-i', dir, '-x', 'AvailableSecurityFixesGlobalCheck', '-e', electronVersion, '-o', sarif, '-v', 'false'], { encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    process.exit(1);
  }
  const results = JSON.parse(readFileSync(sarif, 'utf8')).runs.flatMap((r) => r.results ?? []);
  const unjustified = results.filter((r) => !justification(r));
  for (const r of results) {
    const where = r.locations?.[0]?.physicalLocation;
    const at = where ? `${where.artifactLocation?.uri?.split('/').pop()}:${where.region?.startLine ?? 0}` : 'global';
    const why = justification(r);
    process.stdout.write(`${why ? 'justified' : 'FINDING  '} ${r.ruleId} at ${at}: ${why ?? r.message?.text ?? ''}\n`);
  }
  process.stdout.write(`electronegativity: ${results.length} finding(s), ${unjustified.length} unjustified\n`);
  process.exit(unjustified.length ? 1 : 0);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
