import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportFormat } from '../../../shared/formats/registry';
import { createTestPlatform } from '../../platform/test-platform';
import type { ExportMessage, ExportRequest } from './export-protocol';
import { startExport } from './run-export';

/** Stands in for the export worker (Vitest runs in Node, which has no Web Worker): replies with a script of messages. */
class ScriptedWorker {
  static script: ExportMessage[] = [];
  static last: ScriptedWorker | null = null;
  onmessage: ((e: MessageEvent<ExportMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  requests: ExportRequest[] = [];
  terminated = false;
  constructor() {
    ScriptedWorker.last = this;
  }
  postMessage(request: ExportRequest) {
    this.requests.push(request);
    void (async () => {
      for (const data of ScriptedWorker.script) {
        await Promise.resolve();
        if (this.terminated) return;
        this.onmessage?.({ data } as MessageEvent<ExportMessage>);
      }
    })();
  }
  terminate() {
    this.terminated = true;
  }
}

beforeEach(() => {
  ScriptedWorker.last = null;
  vi.stubGlobal('Worker', ScriptedWorker);
});
afterEach(() => vi.unstubAllGlobals());

const jsonld = exportFormat('w3c-jsonld')!;
const OPTIONS = { appVersion: '0.0.0' };

describe('startExport', () => {
  it("saves the worker's chunks as one file, in order, under the format's name and type", async () => {
    ScriptedWorker.script = [
      { type: 'chunk', text: '{"a":' },
      { type: 'progress', fraction: 0.5 },
      { type: 'chunk', text: '1}' },
      { type: 'done', documents: 2, annotations: 7 },
    ];
    const platform = createTestPlatform();
    const progress: number[] = [];
    const outcome = await startExport(platform, jsonld, OPTIONS, (f) => progress.push(f)).done;
    expect(outcome).toEqual({ status: 'saved', documents: 2, annotations: 7 });
    expect(platform.saved).toHaveLength(1);
    expect(platform.saved[0]!.text).toBe('{"a":1}');
    expect(platform.saved[0]!.options).toMatchObject({ mimeType: jsonld.mimeType, extensions: [jsonld.extension] });
    expect(platform.saved[0]!.options.suggestedName).toMatch(/^hamish-corpus-\d{4}-\d\d-\d\d\.jsonld$/);
    expect(progress).toEqual([0.5]);
    expect(ScriptedWorker.last!.requests).toEqual([{ formatId: 'w3c-jsonld', options: OPTIONS }]);
    expect(ScriptedWorker.last!.terminated).toBe(true);
  });

  it('saves nothing when the worker reports an error, and says why', async () => {
    ScriptedWorker.script = [
      { type: 'chunk', text: 'half' },
      { type: 'error', message: 'claim c1: its claimant is not a mention' },
    ];
    const platform = createTestPlatform();
    expect(await startExport(platform, jsonld, OPTIONS, () => {}).done).toEqual({ status: 'failed', message: 'claim c1: its claimant is not a mention' });
    expect(platform.saved).toEqual([]);
  });

  it('saves nothing when cancelled halfway, and stops the worker', async () => {
    ScriptedWorker.script = [
      { type: 'chunk', text: 'part' },
      { type: 'progress', fraction: 0.5 },
      { type: 'chunk', text: 'rest' },
      { type: 'done', documents: 1, annotations: 0 },
    ];
    const platform = createTestPlatform();
    const run = startExport(platform, jsonld, OPTIONS, () => run.cancel());
    expect(await run.done).toEqual({ status: 'cancelled' });
    expect(platform.saved).toEqual([]);
    expect(ScriptedWorker.last!.terminated).toBe(true);
  });

  it('starts no worker when the save dialog is cancelled', async () => {
    const platform = createTestPlatform();
    platform.willCancelSave();
    expect(await startExport(platform, jsonld, OPTIONS, () => {}).done).toEqual({ status: 'cancelled' });
    expect(ScriptedWorker.last).toBeNull();
    expect(platform.saved).toEqual([]);
  });
});
