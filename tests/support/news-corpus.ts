/**
 * The annotated news corpus shared by the brat and Label Studio export tests: the real articles of `../shared`
 * (imported the way the app does it), an emoji document, a schema with an extra type, KB entities, and mentions,
 * sources and claims with every kind of link. Ids come from a counter, so each test file (its own module instance
 * under Vitest) sees the same ids; `newId` keeps counting for whatever a test imports afterwards.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Corpus } from '../../shared/formats/corpus';
import { importTxt } from '../../shared/formats/txt/import-txt';
import { createClaim, createMention, createSource, type AnnotationRecord, type ClaimRecord } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import type { KbEntity } from '../../shared/model/kb-entity';
import { DEFAULT_LABEL_SCHEMA, type LabelSchema } from '../../shared/model/label-schema';
import { NEWS_DIR } from './paths';

export const NOW = '2026-11-23T12:00:00Z';
let counter = 0;
export const newId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

function doc(fileName: string, bytes: Uint8Array, minute: number): DocumentRecord {
  const r = importTxt({ name: fileName, size: bytes.length, bytes });
  if (!r.ok) throw new Error(r.error.message);
  return { ...r.value, id: newId(), status: 'new', meta: {}, importedAt: new Date(Date.UTC(2026, 10, 23, 10, minute)).toISOString() };
}
export const DOCS = readdirSync(NEWS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f, i) => doc(f, new Uint8Array(readFileSync(`${NEWS_DIR}${f}`)), i));
export const EMOJI = doc('emoji.txt', new TextEncoder().encode('🇱🇾😀 قال المشير خليفة حفتر 𝔸 إن 😀العسكرية 5+5 ستجتمع.\n𝔸 غدا في جنيف 😀.\n'), 9);
const at = (prefix: string) => [...DOCS, EMOJI].find((d) => d.fileName.startsWith(prefix))!;

export const SCHEMA: LabelSchema = {
  ...DEFAULT_LABEL_SCHEMA,
  entityTypes: [
    ...DEFAULT_LABEL_SCHEMA.entityTypes,
    {
      id: 'population-center',
      nameEn: 'Population center',
      nameAr: 'تجمع سكاني',
      color: '#123456',
      key: '',
      schemaType: 'schema:Place',
      tag: 'Population-Center',
    },
  ],
};
const entity = (name: string, entityType: string, externalId?: string): KbEntity => ({
  id: newId(),
  name,
  entityType,
  aliases: [],
  created: NOW,
  modified: NOW,
  ...(externalId ? { externalId } : {}),
});
export const UN = entity('الأمم المتحدة', 'organisation', 'Q1065');
const DUJARRIC = entity('ستيفان دوجاريك', 'person');
const REUTERS = entity('رويترز', 'organisation', 'https://www.reuters.com/');
const HAFTAR = entity('خليفة حفتر', 'person', 'Q19878');

export function find(d: DocumentRecord, quote: string, occurrence = 0): { start: number; end: number } {
  let start = -1;
  for (let k = 0; k <= occurrence; k++) start = d.text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`«${quote}» not in ${d.fileName}`);
  return { start, end: start + quote.length };
}
export function ok<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const mention = (d: DocumentRecord, quote: string, entityType: string, e?: KbEntity, occurrence = 0) =>
  ok(createMention(d.text, { id: newId(), documentId: d.id, ...find(d, quote, occurrence), entityType, ...(e ? { entityId: e.id } : {}), now: NOW }));
const source = (d: DocumentRecord, quote: string, e?: KbEntity) => ({
  ...ok(createSource(d.text, { id: newId(), documentId: d.id, ...find(d, quote), sourceType: 'news-agency', now: NOW })),
  ...(e ? { entityId: e.id } : {}),
});
function claim(d: DocumentRecord, span: { start: number; end: number }, stance: string, links: Partial<ClaimRecord> & { cueQuote?: string } = {}): ClaimRecord {
  const { cueQuote, ...rest } = links;
  const c = ok(createClaim(d.text, { id: newId(), documentId: d.id, ...span, stance, now: NOW }));
  return { ...c, ...rest, ...(cueQuote ? { cue: { ...find(d, cueQuote), quote: cueQuote } } : {}) };
}

const d1 = at('001'),
  d4 = at('004');
export const d2 = at('002');
const dujarric = mention(d2, 'ستيفان دوجاريك', 'person', DUJARRIC);
const british = mention(d1, 'الخارجية البريطانية', 'organisation');
const reuters = source(d1, 'رويترز', REUTERS);
const iranian = source(d4, 'وكالة أنباء الطلبة الإيرانية');
const usState = mention(d4, 'وزارة الخارجية الأمريكية', 'organisation', undefined, 0);
const haftarEmoji = mention(EMOJI, 'خليفة حفتر', 'person', HAFTAR);
const multiLine = { start: find(d2, 'هناك حاجة إلى').start, end: find(d2, 'قال المتحدث باسم الأمم المتحدة ستيفان').start + 'قال المتحدث'.length };

export const ANNOTATIONS: AnnotationRecord[] = [
  mention(at('000'), 'جامعة الدول العربية', 'organisation'),
  mention(at('000'), 'ليبيا', 'location'),
  british,
  reuters,
  mention(d1, 'REUTERS', 'organisation', REUTERS),
  mention(d1, 'موسكو', 'location'),
  mention(d1, 'أحمد المسماري', 'person'),
  claim(d1, find(d1, 'فرصة لدعم جهود مبعوث الأمم المتحدة غسان سلامة لإحلال الاستقرار في ليبيا'), 'reported', {
    claimantId: british.id,
    sourceId: reuters.id,
    cueQuote: 'اعتبرت',
  }),
  dujarric,
  mention(d2, 'الأمم المتحدة', 'organisation', UN, 0),
  mention(d2, 'الأمم المتحدة', 'organisation', UN, 1),
  mention(d2, 'دوجاريك', 'person', DUJARRIC, 1),
  claim(d2, find(d2, 'إن مباحثات تجري الآن لإرسال بعثة لمراقبة وقف إطلاق نار محتمل في ليبيا'), 'reported', {
    claimantId: dujarric.id,
    cueQuote: 'قال المتحدث باسم الأمم المتحدة ستيفان',
    claimDate: '2020-01-16',
  }),
  claim(d2, multiLine, 'asserted', { claimantEntityId: UN.id }),
  mention(at('003'), 'خليفة حفتر', 'person', HAFTAR),
  mention(at('003'), 'اللجنة العسكرية 5+5', 'organisation'),
  mention(at('003'), '5+5', 'other'),
  mention(at('003'), 'أكتوبر 2020', 'datetime'),
  iranian,
  usState,
  mention(d4, 'ليبيا', 'population-center', undefined, 2),
  claim(d4, find(d4, 'ضرورة طرد جميع المرتزقة الأجانب من ليبيا'), 'asserted', { claimantId: usState.id, sourceId: iranian.id, cueQuote: 'شددت' }),
  haftarEmoji,
  mention(EMOJI, 'العسكرية', 'organisation'),
  mention(EMOJI, '😀', 'other', undefined, 1),
  mention(EMOJI, 'جنيف', 'location'),
  claim(EMOJI, { start: find(EMOJI, '😀العسكرية').start, end: find(EMOJI, 'غدا').end }, 'hedged', { claimantId: haftarEmoji.id, cueQuote: 'قال' }),
];
export const CORPUS: Corpus = { documents: [...DOCS, EMOJI], annotations: ANNOTATIONS, entities: [UN, DUJARRIC, REUTERS, HAFTAR], schema: SCHEMA };

/** What must survive a round trip, per document (by sha256): spans, labels, links, KB entities (ids kept). */
export function roundTripShape(c: Corpus) {
  const entities = new Map(c.entities.map((e) => [e.id, e]));
  const ent = (id?: string) => (id ? `${id}|${entities.get(id)!.name}|${entities.get(id)!.externalId ?? ''}|${entities.get(id)!.entityType}` : undefined);
  const pos = new Map(c.annotations.map((a) => [a.id, `${a.start}-${a.end}`]));
  const label = (a: AnnotationRecord) =>
    a.kind === 'mention' ? c.schema.entityTypes.find((t) => t.id === a.entityType)!.tag : a.kind === 'source' ? a.sourceType : a.stance;
  return [...c.documents]
    .sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1))
    .map((d) => ({
      sha256: d.sha256,
      title: d.title,
      text: d.text,
      annotations: c.annotations
        .filter((a) => a.documentId === d.id)
        .map((a) => ({
          kind: a.kind,
          start: a.start,
          end: a.end,
          quote: a.quote,
          label: label(a),
          entity: a.kind === 'claim' ? ent(a.claimantEntityId) : ent(a.entityId),
          ...(a.kind === 'claim'
            ? {
                claimant: a.claimantId && pos.get(a.claimantId),
                cue: a.cue && `${a.cue.start}-${a.cue.end}`,
                source: a.sourceId && pos.get(a.sourceId),
                date: a.claimDate,
              }
            : {}),
        }))
        .sort((x, y) => x.start - y.start || y.end - x.end || (x.kind < y.kind ? -1 : 1)),
    }));
}
