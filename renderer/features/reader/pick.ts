import type { AnnotationRecord } from '../../../shared/model/annotation';

/**
 * The annotations that hold this offset, innermost first (shorter spans first; ties in text order then by id), so
 * that repeated clicks on one spot walk from the innermost span to the outermost.
 */
export function annotationsAt(annotations: readonly AnnotationRecord[], offset: number): AnnotationRecord[] {
  return annotations
    .filter((a) => a.start <= offset && offset < a.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Identifies a set of annotations under a click, to tell a second click on the same nest from a click elsewhere. */
export function cycleKey(here: readonly AnnotationRecord[]): string {
  return here.map((a) => a.id).join(' ');
}
