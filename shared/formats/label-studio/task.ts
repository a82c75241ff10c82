import type { AnnotationRecord, ClaimRecord } from '../../model/annotation';
import type { DocumentRecord } from '../../model/document';
import { findDef, type LabelSchema } from '../../model/label-schema';
import { titleOf } from '../../text/canonical';
import { sha256Text } from '../../text/sha256';
import type { EntityPool, EntityRef } from '../brat/entity-pool';
import type { SchemaGrowth } from '../brat/label-growth';
import { printable } from '../brat/label-growth';
import { makeRawText } from '../brat/raw-text';
import type { ImportIssue } from '../corpus';
import { MAX_TXT_BYTES } from '../txt/import-txt';
import { isObject, own, seg, shown, type JsonObject } from './json';
import { readRegion, readRelation, type Region, type RegionContext } from './regions';
import { LS, UTF16_WARNING } from './vocabulary';

export interface TaskInput {
  task: unknown;
  pointer: string;
  fileName: string;
  schema: LabelSchema;
  growth: SchemaGrowth;
  pool: EntityPool;
  newId(): string;
  now: string;
}

const ANNOTATION_KEYS = ['annotations', 'completions', 'predictions'] as const;
// eslint-disable-next-line no-control-regex -- a title with control or bidi-override characters is not shown as is
const BAD_TITLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** One Label Studio task as a document and its annotations; every problem is reported with its JSON pointer. */
export function importTask(input: TaskInput): { document?: DocumentRecord; annotations: AnnotationRecord[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const issue = (severity: ImportIssue['severity'], pointer: string, message: string) => void issues.push({ severity, pointer, message });
  const p = input.pointer;
  const skip = (pointer: string, message: string) => {
    issue('error', pointer, `${message}; task skipped.`);
    return { annotations: [], issues };
  };
  if (!isObject(input.task)) return skip(p, `a task must be an object, not ${shown(input.task)}`);
  const data = own(input.task, 'data');
  if (!isObject(data)) return skip(`${p}/data`, 'the task has no "data" object');
  const raw = own(data, 'text');
  if (typeof raw !== 'string') return skip(`${p}/data/text`, `missing text: data.text must be a string, not ${shown(raw)}`);
  if (raw.length > MAX_TXT_BYTES) return skip(`${p}/data/text`, `the text is longer than ${MAX_TXT_BYTES} characters`);
  const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(raw);
  if (lone)
    return skip(`${p}/data/text`, `the text holds a lone surrogate \\u${lone[0].charCodeAt(0).toString(16)} at index ${lone.index}, which is not a character`);
  const text = makeRawText(raw);
  if (!titleOf(text.canonical)) return skip(`${p}/data/text`, 'the text is empty');
  const sha256 = sha256Text(text.canonical);
  const given = own(data, 'sha256');
  if (typeof given === 'string' && given !== sha256)
    issue('warning', `${p}/data/sha256`, 'the text is not the one this sha256 was computed for (edited after export?); imported as it is now.');
  const title = own(data, 'title');
  const document: DocumentRecord = {
    id: input.newId(),
    title: typeof title === 'string' && title.trim() && title.length <= 500 && !BAD_TITLE.test(title) ? title.trim() : titleOf(text.canonical),
    text: text.canonical,
    sha256,
    fileName: input.fileName,
    importedAt: input.now,
    status: 'new',
    meta: {},
  };
  const picked = pickAnnotation(input.task, p, issue);
  if (!picked) return { document, annotations: [], issues };

  const units = { 'code-points': 0, 'utf-16': 0, collapsed: 0, unchecked: 0 };
  const ctx: RegionContext = { text, documentId: document.id, schema: input.schema, growth: input.growth, newId: input.newId, now: input.now, issue, units };
  const regions = new Map<string, Region>();
  const anonymous: Region[] = [];
  const later: Array<[JsonObject, string]> = [];
  const unknownNames = new Set<string>();
  picked.result.forEach((r, j) => {
    const rp = `${picked.pointer}${seg(j)}`;
    if (!isObject(r)) return issue('error', rp, `a result must be an object, not ${shown(r)}; skipped.`);
    const type = own(r, 'type');
    const fromName = own(r, 'from_name');
    if (type === 'relation' || type === 'choices' || type === 'textarea') return void later.push([r, rp]);
    if (type !== 'labels') return issue('warning', `${rp}/type`, `results of type ${shown(type)} are not imported; skipped.`);
    if (fromName !== LS.labels && !unknownNames.has(String(fromName))) {
      unknownNames.add(String(fromName));
      issue(
        'warning',
        `${rp}/from_name`,
        `from_name ${shown(fromName)} is not in Hamish's labeling config ("${LS.labels}"); its labels were imported as entity types.`,
      );
    }
    const id = own(r, 'id');
    const key = typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
    if (key !== undefined && regions.has(key)) return issue('error', `${rp}/id`, `region id ${shown(id)} is used twice; skipped.`);
    const region = readRegion(r, rp, ctx);
    if (region && key !== undefined) regions.set(key, region);
    else if (region) anonymous.push(region);
  });
  const stanced = new Set<ClaimRecord>();
  for (const [r, rp] of later.filter(([r]) => own(r, 'type') !== 'relation')) perRegion(r, rp, { regions, stanced, input, issue });
  for (const [r, rp] of later.filter(([r]) => own(r, 'type') === 'relation')) readRelation(r, rp, regions, issue);

  const annotations: AnnotationRecord[] = [];
  for (const region of [...regions.values(), ...anonymous]) {
    if (region.kind === 'record') annotations.push(region.record);
    else if (!region.used) issue('warning', region.pointer, 'a cue that no claim links to (a "cue" relation from the claim); skipped.');
  }
  for (const a of annotations) if (a.kind === 'claim' && a.claimantId) delete a.claimantEntityId;
  const noStance = annotations.filter((a) => a.kind === 'claim' && !stanced.has(a));
  if (noStance.length) issue('warning', picked.pointer, `${noStance.length} claim(s) have no stance; set to "${input.schema.claimStances[0]!.id}".`);
  if (units['utf-16'] && units['utf-16'] >= units['code-points'])
    issue('warning', picked.pointer, `${UTF16_WARNING}: ${units['utf-16']} span(s) counted in UTF-16 units, converted.`);
  else if (units['utf-16'])
    issue('warning', picked.pointer, `${units['utf-16']} span(s) matched their text only in UTF-16 units (${UTF16_WARNING}?); converted.`);
  if (units.collapsed)
    issue(
      'warning',
      picked.pointer,
      `${units.collapsed} span(s) matched their text only with runs of spaces collapsed (label-studio #3078); imported at their offsets.`,
    );
  if (units.unchecked) issue('warning', picked.pointer, `${units.unchecked} span(s) had no value.text to check; their offsets were taken as code points.`);
  return { document, annotations, issues };
}

function pickAnnotation(task: JsonObject, p: string, issue: RegionContext['issue']): { result: unknown[]; pointer: string } | null {
  for (const key of ANNOTATION_KEYS) {
    const list = own(task, key);
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      issue('warning', `${p}/${key}`, `"${key}" must be a list; ignored.`);
      continue;
    }
    const usable = list.flatMap((a, i) => (isObject(a) && Array.isArray(own(a, 'result')) && own(a, 'was_cancelled') !== true ? [i] : []));
    if (!usable.length) continue;
    if (usable.length > 1) issue('warning', `${p}/${key}`, `the task has ${usable.length} ${key}; imported the first (${key}/${usable[0]}).`);
    const i = usable[0]!;
    return { result: own(list[i] as JsonObject, 'result') as unknown[], pointer: `${p}/${key}/${i}/result` };
  }
  return null;
}

interface PerRegionContext {
  regions: ReadonlyMap<string, Region>;
  stanced: Set<ClaimRecord>;
  input: TaskInput;
  issue: RegionContext['issue'];
}

/** A per-region result (stance, claim date, KB entity) applied to the region with its id. */
function perRegion(r: JsonObject, p: string, { regions, stanced, input, issue }: PerRegionContext): void {
  const fromName = own(r, 'from_name');
  const known = [LS.stance, LS.entity, LS.claimantEntity, LS.claimDate] as string[];
  if (typeof fromName !== 'string' || !known.includes(fromName))
    return issue('warning', `${p}/from_name`, `from_name ${shown(fromName)} is not in Hamish's labeling config; skipped.`);
  const id = own(r, 'id');
  const region = typeof id === 'string' || typeof id === 'number' ? regions.get(String(id)) : undefined;
  const rec = region?.kind === 'record' ? region.record : undefined;
  if (!rec) return issue('error', `${p}/id`, `${fromName} refers to region ${shown(id)}, which is not a (readable) region of this annotation; skipped.`);
  const value = own(r, 'value');
  const list = isObject(value) ? own(value, fromName === LS.stance ? 'choices' : 'text') : undefined;
  const strings = Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  const vp = `${p}/value/${fromName === LS.stance ? 'choices' : 'text'}`;
  if (!strings.length) return issue('error', vp, `${fromName} needs a list of strings; skipped.`);
  const wantClaim = fromName !== LS.entity;
  if (wantClaim !== (rec.kind === 'claim')) return issue('warning', p, `${fromName} does not apply to a ${rec.kind}; skipped.`);
  if (rec.kind === 'claim' && fromName === LS.stance) {
    if (!findDef(input.schema.claimStances, strings[0]!))
      return issue('warning', vp, `"${printable(strings[0]!)}" is not a stance of the schema; the claim keeps "${rec.stance}".`);
    rec.stance = strings[0]!;
    stanced.add(rec);
  } else if (rec.kind === 'claim' && fromName === LS.claimDate) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(strings[0]!.trim())) return issue('warning', vp, `"${printable(strings[0]!)}" is not a date YYYY-MM-DD; skipped.`);
    rec.claimDate = strings[0]!.trim();
  } else if (rec.kind === 'claim') {
    rec.claimantEntityId = input.pool.link(entityRefs(strings), strings[0]!, input.growth.typeTagged('PER'));
  } else {
    rec.entityId = input.pool.link(entityRefs(strings), rec.quote, rec.kind === 'mention' ? rec.entityType : input.growth.typeTagged('ORG'));
  }
}

/** `[name, urn:uuid:<id>, Q19878]` → references; a lone name or id is its own reference. */
function entityRefs(lines: readonly string[]): EntityRef[] {
  const ref = (s: string): EntityRef | undefined => {
    const v = s.trim();
    if (/^urn:uuid:\S+$/i.test(v)) return { db: 'hamish', ref: v.slice(9), name: lines[0]! };
    if (/^Q\d+$/i.test(v)) return { db: 'wikidata', ref: v, name: lines[0]! };
    if (/^https?:\/\/\S+$/i.test(v)) return { db: 'url', ref: v, name: lines[0]! };
    return undefined;
  };
  const refs = lines.slice(1).flatMap((s) => ref(s) ?? []);
  const first = ref(lines[0]!);
  if (first) return [{ ...first, name: '' }, ...refs];
  return refs.length ? refs : [{ db: 'name', ref: lines[0]!.trim(), name: lines[0]! }];
}
