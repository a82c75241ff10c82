import type { LabelSchema } from '../../model/label-schema';
import { BRAT } from './vocabulary';

// A type name brat's configuration parser reads as itself: no spaces, and none of the characters its syntax uses.
const CONF_SAFE = /^[^\s#!<>|,:=-][^\s|,:=<>]*$/;

/** The entity, relation and attribute types of an export, so that brat opens the corpus as it is. */
export function bratAnnotationConf(schema: LabelSchema): string {
  const { listed, left } = entityTypes(schema);
  const stances = schema.claimStances.map((s) => s.id).join('|');
  return [
    '# Written by Hamish: entity types (by tag), sources (Source-<type>), claims and their cues.',
    ...(left ? [`# ${left} entity type tag(s) cannot be spelled in a brat configuration and are not listed.`] : []),
    '[entities]',
    ...listed,
    '',
    '[relations]',
    `${BRAT.claimant} Arg1:${BRAT.claim}, Arg2:<ENTITY>`,
    `${BRAT.cueRelation} Arg1:${BRAT.claim}, Arg2:${BRAT.cue}`,
    `${BRAT.reportedBy} Arg1:${BRAT.claim}, Arg2:<ENTITY>`,
    '# Claims contain their mentions and cues: allow every overlap.',
    '<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    '',
    '[attributes]',
    `${BRAT.stance} Arg:${BRAT.claim}, Value:${stances}`,
    '',
  ].join('\n');
}

/** Display names and colours from the label schema. */
export function bratVisualConf(schema: LabelSchema): string {
  const label = (type: string, name: string) => `${type} | ${name.replace(/[|\t\n]/g, ' ')}`;
  const draw = (type: string, color: string) => `${type}\tbgColor:${color}`;
  const sources = schema.sourceTypes.map((s) => ({ type: `${BRAT.sourcePrefix}${s.id}`, name: `Source: ${s.nameEn}`, color: s.color }));
  const entities = schema.entityTypes.filter((t) => CONF_SAFE.test(t.tag)).map((t) => ({ type: t.tag, name: t.nameEn, color: t.color }));
  const all = [...entities, ...sources, { type: BRAT.claim, name: 'Claim', color: '#d9c2ec' }, { type: BRAT.cue, name: 'Cue', color: '#e0e0e0' }];
  return [
    '[labels]',
    ...all.map((t) => label(t.type, t.name)),
    ...schema.claimStances.map((s) => label(s.id, s.nameEn)),
    '',
    '[drawing]',
    ...all.map((t) => draw(t.type, t.color)),
    `${BRAT.stance}\tposition:left, glyph:${schema.claimStances.map((s) => `[${s.id}]`).join('|')}`,
    '',
  ].join('\n');
}

function entityTypes(schema: LabelSchema): { listed: string[]; left: number } {
  const names = [...schema.entityTypes.map((t) => t.tag), ...schema.sourceTypes.map((s) => `${BRAT.sourcePrefix}${s.id}`), BRAT.claim, BRAT.cue];
  const listed = [...new Set(names.filter((n) => CONF_SAFE.test(n)))];
  return { listed, left: new Set(names).size - listed.length };
}
