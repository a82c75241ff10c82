import { describe, expect, it } from 'vitest';
import { labelStudioConfig } from '../../shared/formats/label-studio/config';
import { importLabelStudio } from '../../shared/formats/label-studio/import-label-studio';
import type { AnnotationRecord } from '../../shared/model/annotation';
import { ANNOTATIONS, CORPUS, DOCS, EMOJI, find, newId, NOW, ok, SCHEMA } from '../support/news-corpus';
import { roundTripShape as shape } from '../support/news-corpus';
import { exportChunks, exportText } from '../support/export';

// ---- the export ------------------------------------------------------------------------------------------------

interface Result {
  id?: string;
  from_name?: string;
  to_name?: string;
  type: string;
  value?: { start: number; end: number; text?: unknown; labels?: string[]; choices?: string[] };
  from_id?: string;
  to_id?: string;
  labels?: string[];
}
interface Task {
  id: number;
  data: { text: string; title: string; hamish_id: string; sha256: string };
  annotations: Array<{ result: Result[] }>;
}

const JSON_TEXT = ok(await exportText('label-studio', CORPUS));
const TASKS = JSON.parse(JSON_TEXT) as Task[];
const results = (t: Task) => t.annotations[0]!.result;

describe('Label Studio export of the news corpus', () => {
  it('writes one task per document with its text, title, Hamish id and sha256', async () => {
    expect(TASKS.map((t) => t.data)).toEqual([...DOCS, EMOJI].map((d) => ({ text: d.text, title: d.title, hamish_id: d.id, sha256: d.sha256 })));
    expect(TASKS.map((t) => t.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it.each(TASKS.map((t) => [t.data.title, t] as const))("%s: every region's code-point offsets slice data.text to its text", (_t, task) => {
    const points = Array.from(task.data.text);
    const regions = results(task).filter((r) => r.type === 'labels');
    expect(regions.length).toBeGreaterThan(1);
    for (const r of regions) expect(points.slice(r.value!.start, r.value!.end).join('')).toBe(r.value!.text);
  });

  it('relations and per-region results point to regions of the same annotation', async () => {
    for (const task of TASKS) {
      const ids = new Set(
        results(task)
          .filter((r) => r.type === 'labels')
          .map((r) => r.id),
      );
      for (const r of results(task).filter((x) => x.type !== 'labels')) {
        if (r.type === 'relation') expect([r.from_id, r.to_id].every((id) => ids.has(id))).toBe(true);
        else expect(ids).toContain(r.id);
      }
    }
    const all = TASKS.flatMap(results);
    expect(
      all
        .filter((r) => r.type === 'relation')
        .map((r) => r.labels![0])
        .sort(),
    ).toEqual([...Array(4).fill('claimant'), ...Array(4).fill('cue'), 'reportedBy', 'reportedBy']);
    expect(all.filter((r) => r.from_name === 'stance').map((r) => r.value!.choices![0])).toEqual(['reported', 'asserted', 'reported', 'asserted', 'hedged']);
  });

  it('counts code points after the emoji, where UTF-16 offsets would be 6 more', async () => {
    const task = TASKS.find((t) => t.data.text === EMOJI.text)!;
    const geneva = results(task).find((r) => r.value?.text === 'جنيف')!;
    expect(geneva.value!.start).toBe(find(EMOJI, 'جنيف').start - 6);
  });

  it('the labeling config declares every label, control and relation the tasks use', async () => {
    const config = labelStudioConfig(SCHEMA);
    const all = TASKS.flatMap(results);
    for (const label of new Set(all.flatMap((r) => (r.type === 'labels' ? r.value!.labels! : [])))) expect(config).toContain(`<Label value="${label}"`);
    for (const name of new Set(all.map((r) => r.from_name).filter(Boolean)))
      expect(config).toMatch(new RegExp(`<(Labels|Choices|TextArea) name="${name}" toName="text"`));
    for (const rel of new Set(all.flatMap((r) => (r.type === 'relation' ? r.labels! : [])))) expect(config).toContain(`<Relation value="${rel}"/>`);
    for (const s of SCHEMA.claimStances) expect(config).toContain(`<Choice value="${s.id}"`);
    expect(config).toContain('<Text name="text" value="$text"/>');
  });

  it('escapes labels in the config', async () => {
    const hostile = { ...SCHEMA, entityTypes: [{ ...SCHEMA.entityTypes[0]!, tag: '"/><script>x</script>', nameEn: 'a&b' }] };
    const config = labelStudioConfig(hostile);
    expect(config).toContain(`<Label value="&quot;/&gt;&lt;script&gt;x&lt;/script&gt;" background="${SCHEMA.entityTypes[0]!.color}" hint="a&amp;b"/>`);
    expect(config).not.toContain('<script>');
  });

  it('exports identical bytes twice, whatever the input order', async () => {
    const shuffled = { ...CORPUS, documents: [...CORPUS.documents].reverse(), annotations: [...ANNOTATIONS].reverse() };
    expect(ok(await exportText('label-studio', shuffled))).toBe(JSON_TEXT);
    expect(JSON_TEXT.endsWith(']\n')).toBe(true);
  });

  it('stops at an annotation whose quote is not at its offsets, or a broken link or label', async () => {
    expect(await exportText('label-studio', { ...CORPUS, annotations: [{ ...ANNOTATIONS[0]!, start: ANNOTATIONS[0]!.start + 1 }] })).toMatchObject({
      ok: false,
      error: { code: 'unanchored' },
    });
    expect(await exportText('label-studio', { ...CORPUS, annotations: [{ ...ANNOTATIONS[1]!, entityType: 'weapon' } as AnnotationRecord] })).toMatchObject({
      ok: false,
      error: { code: 'unknown-label' },
    });
    expect(await exportText('label-studio', { ...CORPUS, entities: [] })).toMatchObject({ ok: false, error: { code: 'dangling-link' } });
  });
});

describe('Label Studio export → import', () => {
  const back = importLabelStudio(JSON_TEXT, { fileName: 'tasks.json', newId, now: NOW }, SCHEMA);

  it('gives back the same documents, spans, labels and links, without a single issue', async () => {
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.issues).toEqual([]);
    expect(shape(back.corpus)).toEqual(shape(CORPUS));
    expect(back.corpus.schema).toEqual(SCHEMA);
  });

  it('re-exports to the same tasks but for the new annotation ids', async () => {
    if (!back.ok) throw new Error('import failed');
    const again = JSON.parse(
      ok(
        await exportText('label-studio', {
          ...back.corpus,
          documents: back.corpus.documents.map((d, i) => ({ ...d, importedAt: CORPUS.documents[i]!.importedAt })),
        }),
      ),
    ) as Task[];
    const strip = (ts: Task[]) =>
      ts.map((t) => ({
        ...t,
        data: { ...t.data, hamish_id: '' },
        annotations: t.annotations.map((a) => ({ result: a.result.map((r) => ({ ...r, id: '', from_id: '', to_id: '' })) })),
      }));
    expect(strip(again)).toEqual(strip(TASKS));
  });

  it('an export whose offsets an old Label Studio rewrote in UTF-16 units imports to the same corpus, with the warning', async () => {
    const utf16 = TASKS.map((t) => ({
      ...t,
      annotations: t.annotations.map((a) => ({
        result: a.result.map((r) => {
          if (r.type !== 'labels') return r;
          const prefix = (n: number) => Array.from(t.data.text).slice(0, n).join('').length;
          return { ...r, value: { ...r.value!, start: prefix(r.value!.start), end: prefix(r.value!.end) } };
        }),
      })),
    }));
    const r = importLabelStudio(JSON.stringify(utf16), { fileName: 'old.json', newId, now: NOW }, SCHEMA);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(shape(r.corpus)).toEqual(shape(CORPUS));
    expect(r.issues).toEqual([
      {
        severity: 'warning',
        pointer: '/5/annotations/0/result',
        message: 'UTF-16 offsets detected (Label Studio < 1.0): 6 span(s) counted in UTF-16 units, converted.',
      },
    ]);
  });
});

describe('Label Studio written one task at a time', () => {
  it('gives, one chunk per task, the bytes of JSON.stringify of the whole tasks array', async () => {
    const chunks = ok(await exportChunks('label-studio', CORPUS));
    expect(chunks).toHaveLength(CORPUS.documents.length + 1);
    expect(chunks.join('')).toBe(`${JSON.stringify(TASKS, null, 2)}\n`);
    expect(ok(await exportText('label-studio', { ...CORPUS, documents: [], annotations: [] }))).toBe(`${JSON.stringify([], null, 2)}\n`);
  });
});
