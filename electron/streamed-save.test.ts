import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStreamedSaves } from './streamed-save';

const dir = () => mkdtempSync(path.join(tmpdir(), 'hamish-save-'));

describe('streamed saves', () => {
  it('writes the chunks in order and replaces the target only on commit', async () => {
    const d = dir();
    const target = path.join(d, 'corpus.jsonld');
    writeFileSync(target, 'old');
    const saves = createStreamedSaves();
    const token = await saves.begin(target, 1);
    await saves.chunk(token, '{"a":', 1);
    await saves.chunk(token, '"حفتر"}\n', 1);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(await saves.end(token, true, 1)).toEqual({ saved: true, path: target });
    expect(readFileSync(target, 'utf8')).toBe('{"a":"حفتر"}\n');
    expect(readdirSync(d)).toEqual(['corpus.jsonld']);
  });

  it('leaves the old file and no temp file when cancelled', async () => {
    const d = dir();
    const target = path.join(d, 'corpus.conll');
    writeFileSync(target, 'old');
    const saves = createStreamedSaves();
    const token = await saves.begin(target, 1);
    await saves.chunk(token, 'partial', 1);
    expect(await saves.end(token, false, 1)).toEqual({ saved: false });
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['corpus.conll']);
  });

  it('refuses a token from another window and an unknown token', async () => {
    const saves = createStreamedSaves();
    const token = await saves.begin(path.join(dir(), 'x.jsonl'), 1);
    await expect(saves.chunk(token, 'x', 2)).rejects.toThrow('unknown save');
    await expect(saves.end('00000000-0000-0000-0000-000000000000', true, 1)).rejects.toThrow('unknown save');
    await saves.end(token, false, 1);
  });
});
