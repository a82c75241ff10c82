import { describe, expect, it } from 'vitest';
import type { AnnotationRecord, ClaimRecord } from '../model/annotation';
import { CORPUS } from '../../tests/support/news-corpus';
import { EXPORT_FORMATS, exportCorpus } from './registry';
import { corpusSource } from './source';

const OPTIONS = { appVersion: 't' };
const claimWith = (p: (c: ClaimRecord) => boolean) => CORPUS.annotations.find((a): a is ClaimRecord => a.kind === 'claim' && p(a))!;
const linked = claimWith((c) => !!c.claimantId && !!c.sourceId && !!c.cue);
const swap = (a: AnnotationRecord) => CORPUS.annotations.map((x) => (x.id === a.id ? a : x));

/** Broken corpora, each with the code every format must refuse it with. */
const BROKEN: Array<[string, string, AnnotationRecord[]]> = [
  ['a claimant that is a source annotation', 'dangling-link', swap({ ...linked, claimantId: linked.sourceId })],
  ['a source that is a mention', 'dangling-link', swap({ ...linked, sourceId: linked.claimantId })],
  [
    'a link to an annotation of another document',
    'dangling-link',
    swap({ ...linked, claimantId: CORPUS.annotations.find((a) => a.documentId !== linked.documentId)!.id }),
  ],
  ['a cue whose quote is not at its offsets', 'unanchored', swap({ ...linked, cue: { ...linked.cue!, quote: `${linked.cue!.quote}x` } })],
  ['a span whose quote is not at its offsets', 'unanchored', swap({ ...linked, start: linked.start + 1 })],
  ['an unknown stance', 'unknown-label', swap({ ...linked, stance: 'rumoured' })],
];

describe('every export format refuses the same corpora, with the same message', () => {
  it.each(BROKEN)('%s', async (_what, code, annotations) => {
    const outcomes = await Promise.all(EXPORT_FORMATS.map((f) => exportCorpus(f, { ...CORPUS, annotations }, OPTIONS)));
    const problems = outcomes.map((o) => (o.ok ? null : o.error));
    expect(problems.map((p) => p?.code)).toEqual(EXPORT_FORMATS.map(() => code));
    expect(new Set(problems.map((p) => p?.message)).size).toBe(1);
    expect(problems[0]!.message).toContain(linked.id);
    expect(problems[0]!.message).toMatch(/in ".+"/);
  });

  it('and exports the intact corpus in every format', async () => {
    for (const f of EXPORT_FORMATS) expect((await exportCorpus(f, CORPUS, OPTIONS)).ok).toBe(true);
  });
});

describe('a corpus that changes while it is exported', () => {
  it.each(EXPORT_FORMATS.map((f) => [f.id, f] as const))('%s: stops saying so, not blaming a missing document', async (_id, format) => {
    // The count is read first; an annotation made afterwards is then written too.
    const source = { ...corpusSource(CORPUS), annotationCount: async () => CORPUS.annotations.length - 1 };
    const outcome = await format.write(source, OPTIONS, { write: () => undefined });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'changed', message: expect.stringContaining('export again') } });
  });
});
