import { describe, expect, it } from 'vitest';
import { importBrat } from '../../shared/formats/brat/import-brat';
import type { ExportFile } from '../../shared/formats/corpus';
import type { AnnotationRecord } from '../../shared/model/annotation';
import { ANNOTATIONS, CORPUS, d2, EMOJI, find, newId, NOW, ok, SCHEMA, UN } from '../support/news-corpus';
import { roundTripShape as shape } from '../support/news-corpus';
import { bratFileList } from '../support/export';

// ---- reading what was written ---------------------------------------------------------------------------------

const FILES = ok(await bratFileList(CORPUS));
const file = (path: string) => FILES.find((f) => f.path === path)!;
const annFiles = FILES.filter((f) => f.path.endsWith('.ann'));
const lines = (f: ExportFile) => f.content.split('\n').filter(Boolean);
const tLines = (f: ExportFile) =>
  lines(f)
    .filter((l) => l.startsWith('T'))
    .map((l) => {
      const [id, data, text] = l.split('\t') as [string, string, string];
      const [type, ...rest] = data.split(' ');
      const frags = rest
        .join(' ')
        .split(';')
        .map((p) => p.split(' ').map(Number) as [number, number]);
      return { id, type: type!, frags, text };
    });
const txtOf = (ann: ExportFile) => file(ann.path.replace(/\.ann$/, '.txt')).content;

describe('brat export of the news corpus', () => {
  it('writes the configuration and a .txt and .ann per document, the .txt being the canonical text', async () => {
    expect(FILES.map((f) => f.path).slice(0, 2)).toEqual(['annotation.conf', 'visual.conf']);
    expect(annFiles).toHaveLength(6);
    for (const d of CORPUS.documents) expect(FILES.filter((f) => f.content === d.text && f.path.endsWith('.txt'))).toHaveLength(1);
  });

  it('writes one T line per mention, source, claim and cue', async () => {
    const cues = ANNOTATIONS.filter((a) => a.kind === 'claim' && a.cue).length;
    expect(annFiles.flatMap(tLines)).toHaveLength(ANNOTATIONS.length + cues);
    expect(cues).toBe(4);
  });

  it.each(annFiles.map((f) => [f.path, f] as const))("%s: every T line's code-point offsets slice the .txt to exactly its text", (_p, f) => {
    const points = Array.from(txtOf(f));
    const ts = tLines(f);
    expect(ts.length).toBeGreaterThan(1);
    for (const t of ts) {
      expect(t.text).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
      expect(t.frags.map(([s, e]) => points.slice(s, e).join('')).join(' ')).toBe(t.text);
    }
  });

  it('counts code points, not UTF-16 units, after the emoji', async () => {
    const f = annFiles.find((a) => txtOf(a) === EMOJI.text)!;
    const t = tLines(f).find((x) => x.text === 'جنيف')!;
    const start = Array.from(EMOJI.text.slice(0, find(EMOJI, 'جنيف').start)).length;
    expect(t.frags).toEqual([[start, start + 4]]);
    expect(start).toBe(find(EMOJI, 'جنيف').start - 6); // 🇱🇾 (two pairs), 😀, 𝔸, 😀 and 𝔸 before it
  });

  it('splits a span across lines into a discontinuous span, one fragment per line', async () => {
    const multi = tLines(annFiles.find((a) => txtOf(a) === d2.text)!).find((t) => t.type === 'Claim' && t.frags.length > 1)!;
    expect(multi.frags).toHaveLength(2);
    const emojiClaim = tLines(annFiles.find((a) => txtOf(a) === EMOJI.text)!).find((t) => t.type === 'Claim')!;
    expect(emojiClaim.text).toBe('😀العسكرية 5+5 ستجتمع. 𝔸 غدا');
  });

  it.each(annFiles.map((f) => [f.path, f] as const))('%s: relations, attributes, normalisations and notes point to T lines of the file', (_p, f) => {
    const ids = new Set(tLines(f).map((t) => t.id));
    for (const l of lines(f).filter((x) => !x.startsWith('T'))) {
      const [id, data] = l.split('\t') as [string, string];
      expect(id).toMatch(/^[RAN#]\d+$/);
      const targets = id.startsWith('R') ? [...data.matchAll(/Arg\d:(\S+)/g)].map((m) => m[1]!) : [data.split(' ')[1]!];
      expect(targets.length).toBeGreaterThan(0);
      for (const t of targets) expect(ids).toContain(t);
    }
  });

  it('writes the links: claimant, cue, source, stance, KB references, claim date', async () => {
    const all = annFiles.flatMap(lines);
    expect(all.filter((l) => /^R\d+\tClaimant /.test(l))).toHaveLength(4);
    expect(all.filter((l) => /^R\d+\tCue /.test(l))).toHaveLength(4);
    expect(all.filter((l) => /^R\d+\tReportedBy /.test(l))).toHaveLength(2);
    expect(all.filter((l) => /^A\d+\tStance T\d+ (asserted|reported|hedged)$/.test(l))).toHaveLength(5);
    expect(all).toContainEqual(expect.stringMatching(/^N\d+\tReference T\d+ Wikidata:Q19878\tخليفة حفتر$/));
    expect(all).toContainEqual(expect.stringMatching(/^N\d+\tReference T\d+ URL:https:\/\/www\.reuters\.com\/\tرويترز$/));
    expect(all).toContainEqual(expect.stringMatching(new RegExp(`^N\\d+\\tClaimant T\\d+ Hamish:${UN.id}\\tالأمم المتحدة$`)));
    expect(all).toContainEqual(expect.stringMatching(/^#\d+\tAnnotatorNotes T\d+\tclaimDate=2020-01-16$/));
  });

  it('types mentions by tag and sources by source type; annotation.conf declares every type used', async () => {
    const types = new Set(annFiles.flatMap(tLines).map((t) => t.type));
    expect([...types].sort()).toEqual(['Claim', 'Cue', 'DATE', 'LOC', 'MISC', 'ORG', 'PER', 'Population-Center', 'Source-news-agency']);
    const conf = file('annotation.conf').content;
    const entities = conf.split('[entities]\n')[1]!.split('\n\n')[0]!.split('\n');
    for (const t of types) expect(entities).toContain(t);
    expect(conf).toContain('Stance Arg:Claim, Value:asserted|reported|denied|hedged|question');
    expect(conf).toContain('<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>');
    expect(file('visual.conf').content).toContain('Population-Center\tbgColor:#123456');
  });

  it('gives safe, unique file names', async () => {
    const names = FILES.map((f) => f.path);
    for (const n of names) expect(n).toMatch(/^[A-Za-z0-9_-]+\.(txt|ann|conf)$/);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).toContain(`002_1243eb3aa8ecf769-${d2.id.replace(/-/g, '').slice(0, 8)}.txt`);
  });

  it('exports identical bytes twice, whatever the input order', async () => {
    const shuffled = { ...CORPUS, documents: [...CORPUS.documents].reverse(), annotations: [...ANNOTATIONS].reverse() };
    expect(ok(await bratFileList(shuffled))).toEqual(FILES);
  });

  it('stops at an annotation whose quote is not at its offsets, or a broken link or label', async () => {
    const stale = { ...ANNOTATIONS[0]!, quote: 'جامعة الدول الغربية' };
    expect(await bratFileList({ ...CORPUS, annotations: [stale] })).toMatchObject({ ok: false, error: { code: 'unanchored' } });
    expect(await bratFileList({ ...CORPUS, annotations: [{ ...ANNOTATIONS[1]!, entityType: 'weapon' } as AnnotationRecord] })).toMatchObject({
      ok: false,
      error: { code: 'unknown-label' },
    });
    expect(await bratFileList({ ...CORPUS, entities: [] })).toMatchObject({ ok: false, error: { code: 'dangling-link' } });
  });
});

// ---- and back -------------------------------------------------------------------------------------------------

describe('brat export → import', () => {
  const bytes = FILES.map((f) => ({ path: f.path, bytes: new TextEncoder().encode(f.content) }));
  const back = importBrat(bytes, { fileName: 'export', newId, now: NOW }, SCHEMA);

  it('gives back the same documents, spans, types and links, without a single issue', async () => {
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.issues).toEqual([]);
    expect(shape(back.corpus)).toEqual(shape(CORPUS));
    expect(back.corpus.entities).toHaveLength(4);
    expect(back.corpus.schema).toEqual(SCHEMA);
  });

  it('re-exports to the same .ann files', async () => {
    if (!back.ok) throw new Error('import failed');
    const again = ok(await bratFileList(back.corpus));
    expect(again.filter((f) => f.path.endsWith('.ann')).map((f) => f.content)).toEqual(annFiles.map((f) => f.content));
  });

  it('adds the tags the schema lacks as entity types, tag kept exactly', async () => {
    const r = importBrat(bytes, { fileName: 'export', newId, now: NOW });
    if (!r.ok) throw new Error('import failed');
    expect(r.corpus.schema.entityTypes.find((t) => t.tag === 'Population-Center')).toMatchObject({ id: 'population-center', schemaType: 'schema:Thing' });
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'warning', message: 'New entity types added to the schema: Population-Center.' })]);
    expect(shape(r.corpus)).toEqual(shape(CORPUS));
  });
});
