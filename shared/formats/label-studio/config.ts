import type { LabelSchema } from '../../model/label-schema';
import { LS } from './vocabulary';

const CLAIM_COLOR = '#511081'; // the default Asserted stance's colour
const CUE_COLOR = '#8c8c8c';

/**
 * The Label Studio labeling config (XML) that matches `writeLabelStudio`: paste it into the project's Labeling
 * Interface before importing the tasks. Every value is escaped, so a label cannot open a tag or an attribute.
 */
export function labelStudioConfig(schema: LabelSchema): string {
  const label = (value: string, color: string, hint: string) => `    <Label value="${xml(value)}" background="${xml(color)}" hint="${xml(hint)}"/>`;
  const claimOnly = `perRegion="true" visibleWhen="region-selected" whenLabelValue="${LS.claim}"`;
  return [
    '<View>',
    `  <Labels name="${LS.labels}" toName="${LS.text}">`,
    ...schema.entityTypes.map((t) => label(t.tag, t.color, t.nameEn)),
    ...schema.sourceTypes.map((s) => label(`${LS.sourcePrefix}${s.id}`, s.color, `Source: ${s.nameEn}`)),
    label(LS.claim, CLAIM_COLOR, 'Claim'),
    label(LS.cue, CUE_COLOR, 'Attribution cue of a claim'),
    '  </Labels>',
    `  <Text name="${LS.text}" value="$text"/>`,
    '  <Relations>',
    `    <Relation value="${LS.claimant}"/>`,
    `    <Relation value="${LS.cueRelation}"/>`,
    `    <Relation value="${LS.reportedBy}"/>`,
    '  </Relations>',
    `  <Choices name="${LS.stance}" toName="${LS.text}" choice="single" ${claimOnly}>`,
    ...schema.claimStances.map((s) => `    <Choice value="${xml(s.id)}" hint="${xml(s.nameEn)}"/>`),
    '  </Choices>',
    `  <TextArea name="${LS.claimDate}" toName="${LS.text}" maxSubmissions="1" placeholder="YYYY-MM-DD" ${claimOnly}/>`,
    `  <TextArea name="${LS.claimantEntity}" toName="${LS.text}" placeholder="claimant entity: name, then ids" ${claimOnly}/>`,
    `  <TextArea name="${LS.entity}" toName="${LS.text}" perRegion="true" visibleWhen="region-selected" placeholder="KB entity: name, then ids"/>`,
    '</View>',
    '',
  ].join('\n');
}

export function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
