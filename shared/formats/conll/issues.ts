import type { ImportIssue } from '../corpus';

/** At most this many issues of one kind are listed; the rest are counted in one closing line. */
export const MAX_ISSUES_PER_KIND = 100;

/**
 * Collects an import's issues. A file in another convention (IOB1, a foreign tag set) would otherwise produce one
 * warning per line: the first `MAX_ISSUES_PER_KIND` of each kind are kept with their line, then one summary.
 */
export interface IssueSink {
  add(kind: string, issue: ImportIssue): void;
  /** How many issues of a kind were reported, listed or not. */
  count(kind: string): number;
  list(): ImportIssue[];
}

export function makeIssueSink(limit = MAX_ISSUES_PER_KIND): IssueSink {
  const listed: ImportIssue[] = [];
  const counts = new Map<string, number>();
  const severity = new Map<string, ImportIssue['severity']>();
  return {
    add(kind, issue) {
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      severity.set(kind, issue.severity);
      if (n <= limit) listed.push(issue);
    },
    count: (kind) => counts.get(kind) ?? 0,
    list() {
      const more: ImportIssue[] = [];
      for (const [kind, n] of counts) {
        if (n > limit)
          more.push({ severity: severity.get(kind)!, message: `…and ${n - limit} more issues like the above (${kind}); only the first ${limit} are listed.` });
      }
      return [...listed, ...more];
    },
  };
}
