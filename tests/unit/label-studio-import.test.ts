import { describe, expect, it } from 'vitest';
import type { Corpus, ImportResult } from '../../shared/formats/corpus';
import { importLabelStudio } from '../../shared/formats/label-studio/import-label-studio';
import { UTF16_WARNING } from '../../shared/formats/label-studio/vocabulary';
import type { ClaimRecord } from '../../shared/model/annotation';

const NOW = '2026-11-23T12:00:00Z';
// UTF-16: 😀 0–2, قال 3–6, حفتر 7–11, إن 12–14, اللجنة 15–21 …; code points one less after the emoji (32 in all).
const TEXT = '😀 قال حفتر إن اللجنة ستجتمع غدا.';

function run(json: unknown): ImportResult {
  let n = 0;
  return importLabelStudio(typeof json === 'string' ? json : JSON.stringify(json), { fileName: 'ls.json', newId: () => `id-${++n}`, now: NOW });
}
function corpus(r: ImportResult): Corpus {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.corpus;
}
const quotes = (r: ImportResult) => corpus(r).annotations.map((a) => `${a.kind}:${a.quote}@${a.start}`);
const span = (start: number, end: number, text: string | undefined, labels: unknown = ['PER'], id = 'r1') => ({
  id,
  from_name: 'label',
  to_name: 'text',
  type: 'labels',
  value: { start, end, ...(text === undefined ? {} : { text }), labels },
});
const task = (result: unknown[], text: unknown = TEXT) => [{ id: 1, data: { text }, annotations: [{ id: 9, result }] }];
const GOOD = span(6, 10, 'حفتر', ['PER'], 'good'); // code points

describe('Label Studio import: which unit the offsets count', () => {
  it('code points (Label Studio ≥ 1.0) are taken as they are, without a warning', () => {
    const r = run(task([GOOD]));
    expect(r.issues).toEqual([]);
    expect(quotes(r)).toEqual(['mention:حفتر@7']);
  });

  it('UTF-16 offsets with an emoji before the span are detected, converted, and said', () => {
    const r = run(task([span(7, 11, 'حفتر'), span(15, 21, 'اللجنة', ['ORG'], 'r2')]));
    expect(quotes(r)).toEqual(['mention:حفتر@7', 'mention:اللجنة@15']);
    expect(r.issues).toEqual([
      { severity: 'warning', pointer: '/0/annotations/0/result', message: `${UTF16_WARNING}: 2 span(s) counted in UTF-16 units, converted.` },
    ]);
  });

  it('a quote whose double space Label Studio collapsed (label-studio #3078) is imported at its offsets', () => {
    const r = run(task([span(6, 22, 'Berlin, Germany', ['LOC'])], 'Text: Berlin,  Germany.'));
    expect(quotes(r)).toEqual(['mention:Berlin,  Germany@6']);
    expect(r.issues).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('runs of spaces collapsed (label-studio #3078)') }),
    ]);
  });

  it('a span matching in neither unit is reported with its pointer and skipped', () => {
    const r = run(task([GOOD, span(8, 12, 'حفتر', ['PER'], 'bad')]));
    expect(r.issues).toEqual([
      {
        severity: 'error',
        pointer: '/0/annotations/0/result/1/value',
        message: '"حفتر" is not the text at 8–12 (in code points «تر إ», in UTF-16 units «فتر »); skipped.',
      },
    ]);
    expect(quotes(r)).toEqual(['mention:حفتر@7']);
  });

  it('offsets over a CRLF text and a BOM land on the canonical text', () => {
    const r = run(task([span(9, 13, 'حفتر', ['PER'])], '\ufeffقال\r\nعن حفتر'));
    expect(corpus(r).documents[0]!.text).toBe('قال\nعن حفتر');
    expect(quotes(r)).toEqual(['mention:حفتر@7']);
  });
});

describe('Label Studio import: shapes of the file', () => {
  it('reads one task, the old "completions" and "predictions"; cancelled annotations are passed over', () => {
    expect(quotes(run({ data: { text: TEXT }, completions: [{ result: [GOOD] }] }))).toEqual(['mention:حفتر@7']);
    expect(quotes(run([{ data: { text: TEXT }, predictions: [{ result: [GOOD], score: 0.9 }] }]))).toEqual(['mention:حفتر@7']);
    const r = run([{ data: { text: TEXT }, annotations: [{ was_cancelled: true, result: [] }, { result: [GOOD] }] }]);
    expect(quotes(r)).toEqual(['mention:حفتر@7']);
    expect(r.issues).toEqual([]);
  });

  it('reads relations, per-region stance, claim date and KB entities', () => {
    const claim = span(11, 27, 'إن اللجنة ستجتمع', ['Claim'], 'c');
    const r = run(
      task([
        GOOD,
        claim,
        span(2, 5, 'قال', ['Cue'], 'q'),
        { id: 'c', from_name: 'stance', to_name: 'text', type: 'choices', value: { choices: ['hedged'] } },
        { id: 'c', from_name: 'claimDate', to_name: 'text', type: 'textarea', value: { text: ['2020-01-16'] } },
        { id: 'good', from_name: 'entity', to_name: 'text', type: 'textarea', value: { text: ['خليفة حفتر', 'Q19878'] } },
        { from_id: 'c', to_id: 'good', type: 'relation', direction: 'right', labels: ['claimant'] },
        { from_id: 'q', to_id: 'c', type: 'relation', direction: 'left', labels: [] },
      ]),
    );
    expect(r.issues).toEqual([]);
    const c = corpus(r);
    const cl = c.annotations.find((a): a is ClaimRecord => a.kind === 'claim')!;
    expect(cl).toMatchObject({ quote: 'إن اللجنة ستجتمع', stance: 'hedged', claimDate: '2020-01-16', cue: { quote: 'قال', start: 3, end: 6 } });
    expect(c.annotations.find((a) => a.id === cl.claimantId)).toMatchObject({ quote: 'حفتر', entityId: c.entities[0]!.id });
    expect(c.entities).toEqual([expect.objectContaining({ name: 'خليفة حفتر', externalId: 'Q19878', entityType: 'person' })]);
  });

  it('labels outside the schema become entity types; labels from an unknown from_name too, with a warning', () => {
    const r = run(task([span(6, 10, 'حفتر', ['Population-Center']), { ...span(14, 20, 'اللجنة', ['ORG'], 'r2'), from_name: 'ner' }]));
    const c = corpus(r);
    expect(c.schema.entityTypes.at(-1)).toMatchObject({ tag: 'Population-Center', id: 'population-center' });
    expect(c.annotations).toHaveLength(2);
    expect(r.issues).toEqual([
      {
        severity: 'warning',
        pointer: '/0/annotations/0/result/1/from_name',
        message: expect.stringContaining('from_name "ner" is not in Hamish\'s labeling config'),
      },
      { severity: 'warning', pointer: '', message: 'New entity types added to the schema: Population-Center.' },
    ]);
  });
});

describe('Label Studio import: hostile input gives a specific issue with its pointer, and the rest imports', () => {
  const P = '/0/annotations/0/result/1';
  it.each([
    [
      'a huge number (1e309)',
      '{"id":"x","from_name":"label","type":"labels","value":{"start":1e309,"end":3,"text":"x","labels":["PER"]}}',
      `${P}/value/start`,
      /start must be a whole number ≥ 0, not Infinity/,
    ],
    ['a fractional offset', span(3.5, 6, 'قال'), `${P}/value/start`, /not 3\.5/],
    ['a string offset', span('5' as unknown as number, 9, 'حفتر'), `${P}/value/start`, /not "5"/],
    ['a null offset', span(null as unknown as number, 9, 'حفتر'), `${P}/value/start`, /not null/],
    ['a negative offset', span(-1, 9, 'حفتر'), `${P}/value/start`, /not -1/],
    ['end before start', span(9, 6, 'حفتر'), `${P}/value/end`, /the span 9–6 is empty or ends before it starts/],
    ['offsets past the end', span(6, 900, undefined), `${P}/value`, /6–900 is past the end of the text \(32 code points\)/],
    ['labels that are not a list', span(6, 10, 'حفتر', 'PER'), `${P}/value/labels`, /labels must be a list/],
    ['a label with a bidi override', span(6, 10, 'حفتر', ['PER\u202e']), `${P}/value/labels/0`, /"PER\\u202e" cannot be an entity type/],
    ['a result that is not an object', 42, P, /a result must be an object, not 42/],
    [
      'a relation to a missing region',
      { from_id: 'good', to_id: 'nowhere', type: 'relation', labels: ['claimant'] },
      `${P}/to_id`,
      /region "nowhere", which is not a \(readable\) region/,
    ],
    [
      'a per-region result of an unknown control',
      { id: 'good', from_name: 'sentiment', type: 'choices', value: { choices: ['x'] } },
      `${P}/from_name`,
      /from_name "sentiment" is not in Hamish's labeling config/,
    ],
    ['a duplicate region id', span(14, 20, 'اللجنة', ['ORG'], 'good'), `${P}/id`, /region id "good" is used twice/],
    ['an image result', { id: 'i', type: 'rectanglelabels', value: {} }, `${P}/type`, /results of type "rectanglelabels" are not imported/],
  ])('%s', (_what, bad, pointer, message) => {
    // A string is spliced in as JSON text, so that 1e309 reaches the parser as written.
    const r = typeof bad === 'string' ? run(JSON.stringify(task([GOOD, null])).replace(/null(\]\}\]\}\])$/, `${bad}$1`)) : run(task([GOOD, bad]));
    expect(r.issues).toEqual([expect.objectContaining({ pointer, message: expect.stringMatching(message) })]);
    expect(quotes(r)).toEqual(['mention:حفتر@7']);
  });

  it('__proto__ and constructor keys stay data: nothing is polluted, a label "__proto__" is just a tag', () => {
    const json = `[{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"data":{"__proto__":{"polluted":3},"text":${JSON.stringify(TEXT)}},
      "annotations":[{"result":[{"id":"__proto__","from_name":"label","to_name":"text","type":"labels","value":{"__proto__":{"start":0},"start":6,"end":10,"text":"حفتر","labels":["__proto__"]}}]}]}]`;
    const r = run(json);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(corpus(r).schema.entityTypes.at(-1)).toMatchObject({ tag: '__proto__', id: 'proto' });
    expect(quotes(r)).toEqual(['mention:حفتر@7']);
  });

  it('HTML in data.text stays literal text', () => {
    const html = '<img src=x onerror=alert(1)><script>alert(2)</script> حفتر';
    const r = run(task([span(54, 58, 'حفتر', ['PER'], 'h')], html));
    expect(corpus(r).documents[0]!.text).toBe(html);
    expect(corpus(r).documents[0]!.title).toBe(html);
    expect(quotes(r)).toEqual(['mention:حفتر@54']);
  });

  it.each([
    ['missing text', [{ data: { title: 'x' } }, task([GOOD])[0]], '/0/data/text', /missing text: data.text must be a string, not nothing; task skipped/],
    ['a number as text', [{ data: { text: 5 } }, task([GOOD])[0]], '/0/data/text', /not 5; task skipped/],
    ['no data', [{ text: TEXT }, task([GOOD])[0]], '/0/data', /the task has no "data" object/],
    ['a lone surrogate', [{ data: { text: 'a\ud800b' } }, task([GOOD])[0]], '/0/data/text', /lone surrogate \\ud800 at index 1/],
    ['an empty text', [{ data: { text: ' \u200f ' } }, task([GOOD])[0]], '/0/data/text', /the text is empty/],
  ])('a task with %s is skipped; the next task imports', (_what, tasks, pointer, message) => {
    const r = run(tasks);
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'error', pointer, message: expect.stringMatching(message) })]);
    expect(corpus(r).documents).toHaveLength(1);
    expect(quotes(r)).toEqual(['mention:حفتر@7']);
  });

  it.each([
    ['not JSON', '{"data": NaN}', /^Not JSON: /],
    ['JSON with a comment', '// x\n[]', /^Not JSON: /],
    ['an empty file', '', /^The file is empty\.$/],
    ['a BOM-only file', '\ufeff', /^The file is empty\.$/],
    ['whitespace only', ' \n\t ', /^The file is empty\.$/],
    ['a number', '42', /^Not a Label Studio file/],
    ['an object without data', '{"tasks": []}', /^Not a Label Studio file/],
    ['100,000 nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /^No task with a text could be read\.$/],
    ['an empty list', '[]', /^No task with a text could be read\.$/],
  ])('refuses %s as a whole', (_what, json, message) => {
    const r = run(json);
    expect(r.ok).toBe(false);
    expect(r.issues.at(-1)).toEqual(expect.objectContaining({ severity: 'error', pointer: '', message: expect.stringMatching(message) }));
  });
});
