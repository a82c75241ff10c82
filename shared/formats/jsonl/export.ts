import { findDef } from '../../model/label-schema';
import { makeCodePointIndex } from '../../text/offsets';
import type { Corpus } from '../corpus';
import { writeEachDocument, type ExportOutcome, type ExportSink } from '../exportable';
import type { CorpusSource } from '../source';
import { mentionIndex, tagDocument, type ConllExportIssue, type ConllExportOptions } from '../conll/serialize';

/**
 * JSONL for training: one document per line, loadable as it is with Hugging Face `datasets`
 * (`load_dataset("json", data_files=…)`) and convertible by spaCy:
 *
 *   {"id", "title", "text", "spans": [{"start", "end", "label", "text"}], "spans_utf16": [{"start", "end", "label"}],
 *    "sentences": [[token, …], …], "tokens": […], "tags": […], "token_spans": [[start, end], …]}
 *
 * `spans` count Unicode code points (Python string indices, what `datasets` and spaCy use); `spans_utf16` count
 * UTF-16 units (JavaScript). Every mention is a span, nested and overlapping ones included; `tokens`/`tags` are
 * the same tokenisation and IOB2 tags as the CoNLL export (one layer: the outermost mention wins there).
 */
export function* exportJsonl(corpus: Corpus, opts: Pick<ConllExportOptions, 'splitClitics' | 'tokenizer' | 'onIssue'> = {}): Generator<string> {
  const { tagOf, byDoc } = mentionIndex(corpus);
  const report = (issue: ConllExportIssue) => opts.onIssue?.(issue);
  for (const doc of corpus.documents) {
    const mentions = [...(byDoc.get(doc.id) ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
    const cp = makeCodePointIndex(doc.text);
    const tagged = tagDocument(doc, mentions, tagOf, { tokenizer: opts.tokenizer ?? 'auto', splitClitics: opts.splitClitics ?? false }, report);
    const label = (entityType: string) => findDef(corpus.schema.entityTypes, entityType)?.tag ?? entityType;
    const line = {
      id: doc.id,
      title: doc.title,
      text: doc.text,
      spans: mentions.map((m) => ({ start: cp(m.start), end: cp(m.end), label: label(m.entityType), text: m.quote })),
      spans_utf16: mentions.map((m) => ({ start: m.start, end: m.end, label: label(m.entityType) })),
      sentences: tagged ? tagged.sentences.map((s) => s.tokens.map((t) => t.text)) : [],
      tokens: tagged ? tagged.tokens.map((t) => t.text) : [],
      tags: tagged ? tagged.tags : [],
      token_spans: tagged ? tagged.tokens.map((t) => [cp(t.start), cp(t.end)]) : [],
    };
    yield `${JSON.stringify(line)}\n`;
  }
}

/** The JSONL export of a source: each document checked as every export checks it, one line each. */
export const writeJsonl = (source: CorpusSource, opts: Pick<ConllExportOptions, 'splitClitics' | 'tokenizer'>, sink: ExportSink): Promise<ExportOutcome> =>
  writeEachDocument(source, sink, (one) => exportJsonl(one, opts));
