import { converter, differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, wcagContrast, type Color } from 'culori';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABEL_SCHEMA, LABEL_LAYERS, type LabelDef, type LabelSchema } from './label-schema';

const deltaE = differenceCiede2000();
const INK = '#1f2328';
const PAGE = '#ffffff';
/** Issue 10: labels of one layer must be told apart at a glance. */
const MIN_DELTA_E = 20;
/**
 * Under full dichromacy (Machado 2009 at severity 1, as culori simulates it) a ΔE2000 of about 10 is still a
 * difference seen at a glance, side by side; under ~5 colours pass for the same. 12 keeps a margin over that, and
 * the shipped palette measures ≥ 13.2 (stances, tritanopia). The old palette fell to 1.2 (sources, protanopia).
 */
const MIN_DELTA_E_CVD = 12;
const toRgb = converter('rgb');
const rgb = (hex: string): Color => {
  const c = toRgb(hex);
  if (!c) throw new Error(`not a colour: ${hex}`);
  return c;
};
type See = (hex: string) => Color | string;
const VISION: Record<'deuteranopia' | 'protanopia' | 'tritanopia', See> = {
  deuteranopia: (hex) => filterDeficiencyDeuter(1)(rgb(hex)),
  protanopia: (hex) => filterDeficiencyProt(1)(rgb(hex)),
  tritanopia: (hex) => filterDeficiencyTrit(1)(rgb(hex)),
};

function pairs(defs: readonly LabelDef[]): [LabelDef, LabelDef][] {
  return defs.flatMap((a, i) => defs.slice(i + 1).map((b): [LabelDef, LabelDef] => [a, b]));
}

/** The closest pair of a layer, as seen through `see`. */
function closest(defs: readonly LabelDef[], see: See = (c) => c): { distance: number; pair: string } {
  let best = { distance: Infinity, pair: '' };
  for (const [a, b] of pairs(defs)) {
    const distance = deltaE(see(a.color), see(b.color));
    if (distance < best.distance) best = { distance, pair: `${a.id}/${b.id}` };
  }
  return best;
}

/** Every failed check of a schema's colours, empty when it passes (so the old palette can be shown to fail). */
function colourProblems(schema: LabelSchema): string[] {
  const problems: string[] = [];
  for (const layer of LABEL_LAYERS) {
    const defs = schema[layer];
    const normal = closest(defs);
    if (normal.distance < MIN_DELTA_E) problems.push(`${layer}: ${normal.pair} ΔE ${normal.distance.toFixed(1)}`);
    for (const [vision, see] of Object.entries(VISION)) {
      const seen = closest(defs, see);
      if (seen.distance < MIN_DELTA_E_CVD) problems.push(`${layer} (${vision}): ${seen.pair} ΔE ${seen.distance.toFixed(1)}`);
    }
  }
  // Entity colours fill the background under the text; stances and sources are lines on the page.
  for (const d of schema.entityTypes) if (wcagContrast(d.color, INK) < 4.5) problems.push(`${d.id}: ink contrast ${wcagContrast(d.color, INK).toFixed(2)}`);
  for (const d of [...schema.claimStances, ...schema.sourceTypes]) {
    if (wcagContrast(d.color, PAGE) < 3) problems.push(`${d.id}: page contrast ${wcagContrast(d.color, PAGE).toFixed(2)}`);
  }
  return problems;
}

const OLD_DEFAULT_COLOURS: LabelSchema = {
  entityTypes: ['#f2a65a', '#6cb4ee', '#7bc47f', '#4fb0a5', '#c792ea', '#e6c84f', '#b0b0b0'].map((color, i) => ({
    ...DEFAULT_LABEL_SCHEMA.entityTypes[i]!,
    color,
  })),
  claimStances: ['#7a3ea1', '#4a5fc1', '#c1443a', '#c28a2c', '#3a8f8f'].map((color, i) => ({ ...DEFAULT_LABEL_SCHEMA.claimStances[i]!, color })),
  sourceTypes: ['#0f7b6c', '#2f6fb0', '#8a5a2b', '#a8447d', '#5d6bd1', '#6b6b6b'].map((color, i) => ({ ...DEFAULT_LABEL_SCHEMA.sourceTypes[i]!, color })),
};

describe('the default palette', () => {
  it.each(LABEL_LAYERS)('keeps every pair of %s at least ΔE2000 20 apart', (layer) => {
    expect(closest(DEFAULT_LABEL_SCHEMA[layer]).distance).toBeGreaterThanOrEqual(MIN_DELTA_E);
  });

  it.each(LABEL_LAYERS.flatMap((layer) => (Object.keys(VISION) as (keyof typeof VISION)[]).map((vision) => [layer, vision] as const)))(
    'keeps %s apart under %s',
    (layer, vision) => {
      expect(closest(DEFAULT_LABEL_SCHEMA[layer], VISION[vision]).distance).toBeGreaterThanOrEqual(MIN_DELTA_E_CVD);
    },
  );

  it('keeps dark ink readable on every entity fill (WCAG 4.5:1)', () => {
    for (const d of DEFAULT_LABEL_SCHEMA.entityTypes) expect(wcagContrast(d.color, INK), d.id).toBeGreaterThanOrEqual(4.5);
  });

  it('draws stance and source lines that stand out on the page (WCAG 3:1 for graphics)', () => {
    for (const d of [...DEFAULT_LABEL_SCHEMA.claimStances, ...DEFAULT_LABEL_SCHEMA.sourceTypes])
      expect(wcagContrast(d.color, PAGE), d.id).toBeGreaterThanOrEqual(3);
  });

  it('passes every check, where the old palette failed them', () => {
    expect(colourProblems(DEFAULT_LABEL_SCHEMA)).toEqual([]);
    const old = colourProblems(OLD_DEFAULT_COLOURS);
    expect(old).toContain('entityTypes: person/datetime ΔE 17.6');
    expect(old.some((p) => p.startsWith('sourceTypes (protanopia)'))).toBe(true);
  });

  it('keeps entity fills away from the pending selection (ink) and the search flash (teal)', () => {
    for (const d of DEFAULT_LABEL_SCHEMA.entityTypes) {
      expect(deltaE(d.color, INK), d.id).toBeGreaterThanOrEqual(MIN_DELTA_E);
      expect(deltaE(d.color, '#0b7285'), d.id).toBeGreaterThanOrEqual(MIN_DELTA_E);
    }
  });
});
