import type { AnnotationKind, AnnotationRecord, TextSpan } from '../../model/annotation';
import type { DocumentRecord } from '../../model/document';
import { findDef, type LabelDef, type LabelSchema } from '../../model/label-schema';
import type { ImportContext } from '../corpus';
import { anchorSelectors, type CodePointText } from './anchor';
import { clip, IdMap, reportUnknownTerms, shown, invisibleIn, isObj, ISO_DATE, Issues, listOf, own, str, timestamp, typesOf, type Obj } from './read';

/** At most this many bodies on one annotation (ours have three). */
const MAX_BODIES = 16;
const KINDS: readonly AnnotationKind[] = ['mention', 'claim', 'source'];
const LAYER_OF = { mention: 'entityTypes', claim: 'claimStances', source: 'sourceTypes' } as const;

/** A link of an annotation that can only be resolved once every node of the file is read. */
export interface PendingLink {
  role: 'entity' | 'claimant' | 'source';
  iri: string;
  pointer: string;
}

export interface ReadAnnotation {
  record: AnnotationRecord;
  links: PendingLink[];
}

export interface AnnotationEnv {
  ctx: ImportContext;
  schema: LabelSchema;
  ids: IdMap;
  /** The document a target's source IRI names (in the file or the workspace), with its code-point index. */
  documentFor(iri: string): { doc: DocumentRecord; text: CodePointText } | undefined;
}

interface Bodies {
  tag?: [Obj, string];
  claim?: [Obj, string];
  classifying?: [Obj, string];
  identifying?: [Obj, string];
}

function readBodies(value: unknown, at: string, issues: Issues): Bodies | null {
  if (Array.isArray(value) && value.length > MAX_BODIES) return (issues.error(at, `${value.length} bodies on one annotation (at most ${MAX_BODIES}).`), null);
  const out: Bodies = {};
  for (const [body, p] of listOf(value, at)) {
    if (!isObj(body)) {
      issues.warn(p, 'a body that is not an object is not used by Hamish; ignored.');
      continue;
    }
    const types = typesOf(body);
    const purpose = own(body, 'purpose');
    // A TextualBody is the label when it says so (labelId) or is a tag; a comment is not a label.
    const isTag = types.includes('TextualBody') && (own(body, 'labelId') !== undefined || purpose === 'tagging' || purpose === undefined);
    const slot = types.includes('schema:Claim')
      ? 'claim'
      : isTag
        ? 'tag'
        : types.includes('SpecificResource') && (purpose === 'classifying' || purpose === 'identifying')
          ? purpose
          : null;
    if (!slot) issues.warn(p, `a ${typeof purpose === 'string' ? `${purpose} ` : ''}body is not used by Hamish; ignored.`);
    else if (out[slot]) return (issues.error(p, `a second ${slot} body; which one is meant is unclear.`), null);
    else {
      out[slot] = [body, p];
      reportUnknownTerms(body, slot === 'classifying' || slot === 'identifying' ? 'resource' : slot, p, issues);
    }
  }
  for (const [body, p] of [out.tag, out.claim].filter((x): x is [Obj, string] => !!x)) {
    for (const key of ['labelId', 'value', 'layer', 'stance']) {
      const v = own(body, key);
      const bad = typeof v === 'string' ? invisibleIn(v) : null;
      if (bad) return (issues.error(`${p}/${key}`, `the label ${bad}.`), null);
    }
  }
  return out;
}

/** The label: our `labelId`, else (files from other tools) the schema.org class or the tag's name. */
function labelOf(kind: AnnotationKind, b: Bodies, schema: LabelSchema, issues: Issues, at: string): LabelDef | null {
  const defs: readonly (LabelDef & { schemaType?: string })[] = schema[LAYER_OF[kind]];
  const tagId = b.tag && own(b.tag[0], 'labelId');
  const stance = b.claim && own(b.claim[0], 'stance');
  if (tagId !== undefined && stance !== undefined && tagId !== stance)
    return (issues.error(`${b.claim![1]}/stance`, `the stance ${shown(stance)} disagrees with the label ${shown(tagId)}.`), null);
  const id = tagId ?? stance;
  if (id !== undefined) {
    const where = tagId !== undefined ? `${b.tag![1]}/labelId` : `${b.claim![1]}/stance`;
    if (typeof id !== 'string') return (issues.error(where, 'a label id must be a string.'), null);
    return findDef(defs, id) ?? (issues.error(where, `the label ${shown(id)} is not in the ${LAYER_OF[kind]} of the label schema.`), null);
  }
  const cls = b.classifying && str(b.classifying[0], 'source');
  const value = b.tag && str(b.tag[0], 'value');
  const byClass = cls ? defs.find((d) => d.schemaType && cls === d.schemaType.replace(/^schema:/, 'http://schema.org/')) : undefined;
  const def = byClass ?? (value !== undefined ? defs.find((d) => [d.id, d.nameEn.toLowerCase(), d.nameAr].includes(value.toLowerCase())) : undefined);
  return def ?? (issues.error(b.tag?.[1] ?? at, `no label of the ${LAYER_OF[kind]} matches this annotation (give a TextualBody with a labelId).`), null);
}

function kindOf(node: Obj, b: Bodies, issues: Issues): AnnotationKind | null {
  const layer = b.tag && own(b.tag[0], 'layer');
  if (layer !== undefined) {
    return (KINDS as readonly unknown[]).includes(layer)
      ? (layer as AnnotationKind)
      : (issues.error(`${b.tag![1]}/layer`, `unknown layer ${shown(layer)} (mention, claim or source).`), null);
  }
  if (b.claim) return 'claim';
  return own(node, 'motivation') === 'identifying' ? 'source' : 'mention';
}

/** One target: a SpecificResource on a document of the file or the workspace, anchored by its selectors. */
function readTarget(value: unknown, at: string, env: AnnotationEnv, issues: Issues): { doc: DocumentRecord; text: CodePointText; span: TextSpan } | null {
  if (Array.isArray(value)) {
    if (value.length !== 1) return (issues.error(at, `${value.length} targets; a Hamish annotation has exactly one.`), null);
    return readTarget(value[0], `${at}/0`, env, issues);
  }
  if (!isObj(value)) return (issues.error(at, 'the target must be a SpecificResource with selectors (a whole-document target has no span).'), null);
  reportUnknownTerms(value, 'target', at, issues);
  const source = own(value, 'source');
  if (typeof source !== 'string') return (issues.error(`${at}/source`, 'the target needs the IRI of its document as source.'), null);
  const found = env.documentFor(source);
  if (!found) return (issues.error(`${at}/source`, `the document ${clip(source)} is neither in the file nor in the workspace.`), null);
  const span = anchorSelectors(own(value, 'selector'), `${at}/selector`, found.text, issues);
  return span && { ...found, span };
}

function readClaimParts(claim: [Obj, string] | undefined, target: { doc: DocumentRecord; text: CodePointText }, env: AnnotationEnv, issues: Issues) {
  const parts: { cue?: TextSpan; claimDate?: string; links: PendingLink[] } = { links: [] };
  if (!claim) return parts;
  const [body, at] = claim;
  for (const [key, role] of [
    ['claimant', 'claimant'],
    ['reportedBy', 'source'],
  ] as const) {
    const iri = own(body, key);
    if (typeof iri === 'string') parts.links.push({ role, iri, pointer: `${at}/${key}` });
    else if (iri !== undefined) issues.warn(`${at}/${key}`, `${key} must be one IRI string; dropped.`);
  }
  const cue = own(body, 'cue');
  if (cue !== undefined) {
    const cueSource = isObj(cue) ? own(cue, 'source') : undefined;
    if (cueSource !== undefined && (typeof cueSource !== 'string' || env.documentFor(cueSource)?.doc !== target.doc)) {
      return (issues.error(`${at}/cue/source`, 'the cue must be a span of the same document as the claim.'), null);
    }
    const span = isObj(cue)
      ? anchorSelectors(own(cue, 'selector'), `${at}/cue/selector`, target.text, issues)
      : (issues.error(`${at}/cue`, 'the cue must be a SpecificResource with selectors.'), null);
    if (!span) return null;
    parts.cue = span;
  }
  const date = own(body, 'schema:dateCreated');
  if (typeof date === 'string' && ISO_DATE.test(date)) parts.claimDate = date;
  else if (date !== undefined) issues.warn(`${at}/schema:dateCreated`, 'the claim date must be YYYY-MM-DD; dropped.');
  return parts;
}

/**
 * One W3C Annotation as a Hamish record. Any error refuses the whole annotation (its issues say why, each at a
 * JSON pointer); links to other nodes are returned unresolved, for the caller to check once everything is read.
 */
export function readAnnotation(node: unknown, at: string, env: AnnotationEnv, issues: Issues): ReadAnnotation | null {
  if (!isObj(node)) return (issues.error(at, 'an annotation must be an object.'), null);
  if (!typesOf(node).includes('Annotation')) return (issues.error(`${at}/type`, 'not an Annotation.'), null);
  reportUnknownTerms(node, 'annotation', at, issues);
  const errors = issues.errorCount;
  const id = env.ids.idOf(own(node, 'id'), at, issues);
  const bodies = readBodies(own(node, 'body'), `${at}/body`, issues);
  const kind = bodies && kindOf(node, bodies, issues);
  const def = bodies && kind && labelOf(kind, bodies, env.schema, issues, at);
  const target = readTarget(own(node, 'target'), `${at}/target`, env, issues);
  const claim = kind === 'claim' && target && bodies ? readClaimParts(bodies.claim, target, env, issues) : { links: [] };
  if (id === null || !bodies || !kind || !def || !target || !claim || issues.errorCount > errors) return null;
  const base = {
    id,
    documentId: target.doc.id,
    ...target.span,
    created: timestamp(node, 'created', at, env.ctx, issues),
    modified: timestamp(node, 'modified', at, env.ctx, issues),
  };
  const links: PendingLink[] = [...claim.links];
  const entity = bodies.identifying && own(bodies.identifying[0], 'source');
  if (typeof entity === 'string') links.push({ role: 'entity', iri: entity, pointer: `${bodies.identifying![1]}/source` });
  if (kind === 'claim') {
    const c = claim as { cue?: TextSpan; claimDate?: string };
    return { record: { ...base, kind, stance: def.id, ...(c.cue ? { cue: c.cue } : {}), ...(c.claimDate ? { claimDate: c.claimDate } : {}) }, links };
  }
  return { record: kind === 'mention' ? { ...base, kind, entityType: def.id } : { ...base, kind, sourceType: def.id }, links };
}
