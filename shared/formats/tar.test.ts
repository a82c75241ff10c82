import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tarChunks } from './tar';

describe('tarChunks', () => {
  it('makes an archive that tar extracts byte for byte, Arabic and multi-block files included', () => {
    const files = [
      { path: 'annotation.conf', content: '[entities]\nPER\n' },
      { path: 'doc-1a2b3c4d.txt', content: 'قال المشير خليفة حفتر 😀\n'.repeat(40) },
      { path: 'doc-1a2b3c4d.ann', content: 'T1\tPER 11 21\tخليفة حفتر\n' },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'hamish-tar-'));
    const archive = join(dir, 'out.tar');
    writeFileSync(archive, [...tarChunks(files)].join(''), 'utf8');
    expect(readFileSync(archive).length % 512).toBe(0);
    execFileSync('tar', ['-xf', archive, '-C', dir]);
    for (const f of files) expect(readFileSync(join(dir, f.path), 'utf8')).toBe(f.content);
    expect(execFileSync('tar', ['-tf', archive], { encoding: 'utf8' }).trim().split('\n')).toEqual(files.map((f) => f.path));
  });
});
