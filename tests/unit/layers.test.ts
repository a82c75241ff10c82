import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Every layering rule of eslint.config.js bites: a probe file that breaks it, at the path it concerns, is reported
// with the rule's message; the same import where it is allowed passes.
const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

// Linting loads the whole TypeScript-aware config: seconds on a busy 2-core machine, so no 5 s default timeout.
describe('layers enforced by lint', { timeout: 60_000 }, () => {
  it.each([
    ['renderer/features/annotate/probe.ts', "import { App } from '../../app/App';\nexport const x = App;", /features\/ never import the app shell/],
    ['renderer/features/annotate/probe.ts', "import Dexie from 'dexie';\nexport const x = Dexie;", /only renderer\/db\/ touches Dexie/],
    [
      'renderer/features/annotate/probe.ts',
      "import { openDatabase } from '../../db/database';\nexport const x = openDatabase;",
      /only renderer\/db\/ touches Dexie/,
    ],
    [
      'renderer/ui/probe.ts',
      "import { Workspace } from '../features/annotate/Workspace';\nexport const x = Workspace;",
      /never import features\/ or the app shell/,
    ],
    ['renderer/db/probe.ts', "import { compose } from '../app/compose';\nexport const x = compose;", /never import features\/ or the app shell/],
    [
      'renderer/platform/probe.ts',
      "import { Legend } from '../features/annotate/Legend';\nexport const x = Legend;",
      /never import features\/ or the app shell/,
    ],
    ['renderer/platform/probe.ts', "import Dexie from 'dexie';\nexport const x = Dexie;", /only renderer\/db\/ touches Dexie/],
    ['renderer/features/annotate/probe.ts', 'export const bridge = window.hamish;', /window\.hamish is read only at the composition point/],
    ['renderer/features/annotate/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;", /reaches Electron only through/],
    ['shared/model/probe.ts', "import { z } from 'zod';\nexport const x = z;", /npm packages listed in SHARED_PACKAGES/],
    ['shared/model/probe.ts', "import { main } from '../../cli/convert';\nexport const x = main;", /shared\/ is pure domain code/],
    ['shared/model/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", /shared\/ uses no host APIs/],
  ])('%s: %s is refused', async (file, code, message) => {
    expect((await messages(file, code)).join('\n')).toMatch(message);
  });

  it.each([
    ['renderer/app/probe.ts', "import Dexie from 'dexie';\nexport const x = Dexie;"],
    ['renderer/db/probe.ts', "import Dexie from 'dexie';\nexport const x = Dexie;"],
    [
      'renderer/features/annotate/probe.ts',
      "import { useI18n } from '../../ui/i18n';\nimport type { Platform } from '../../platform/platform';\nexport const x: Platform | null = null;\nexport const y = useI18n;",
    ],
    ['renderer/app/compose.ts', 'export const bridge = window.hamish;'],
    ['shared/model/probe.ts', "import { ok } from '../result';\nexport const x = ok;"],
  ])('%s: allowed imports pass', async (file, code) => {
    expect(await messages(file, code)).toEqual([]);
  });
});
