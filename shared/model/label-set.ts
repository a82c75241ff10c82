/** An entity label the annotator can apply. `id` is stable and ASCII; names are what people read. */
export interface EntityLabel {
  id: string;
  nameEn: string;
  nameAr: string;
  /** `#rrggbb`; checked, because it reaches CSS. */
  color: string;
  /** The digit key that applies it (matched on the physical key, so it works on Arabic keyboard layouts too). */
  key: string;
  /** schema.org class the W3C export types the body with. */
  schemaType: string;
}

export const DEFAULT_ENTITY_LABELS: readonly EntityLabel[] = [
  { id: 'person', nameEn: 'Person', nameAr: 'شخص', color: '#f2a65a', key: '1', schemaType: 'schema:Person' },
  { id: 'organisation', nameEn: 'Organisation', nameAr: 'منظمة', color: '#6cb4ee', key: '2', schemaType: 'schema:Organization' },
  { id: 'location', nameEn: 'Location', nameAr: 'مكان', color: '#7bc47f', key: '3', schemaType: 'schema:Place' },
  { id: 'event', nameEn: 'Event', nameAr: 'حدث', color: '#c792ea', key: '4', schemaType: 'schema:Event' },
  { id: 'other', nameEn: 'Other', nameAr: 'أخرى', color: '#b0b0b0', key: '5', schemaType: 'schema:Thing' },
];

export function labelById(id: string, labels: readonly EntityLabel[] = DEFAULT_ENTITY_LABELS): EntityLabel | undefined {
  return labels.find((l) => l.id === id);
}

export function isSafeColor(color: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(color);
}
