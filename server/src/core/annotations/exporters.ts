// JSONL (Prodigy, doccano) and CoNLL (BIO per token) export of clean text with annotations.
import { parseArticle } from '../article';
import { tokenize } from '../tokenize';
import type { ExportResult } from './brat';
import { CodePointIndex } from './codePoints';
import { orderedAttributes } from './format';
import type { CleanAnnotation } from './types';

/**
 * One JSON line: `{"text", "spans": [{start, end, label, text, kb_id?, attributes?}], "label": [[start, end, label]], "meta"}`.
 * Offsets are code points (Python string indices), as Prodigy (`spans`) and doccano (`label`) read them.
 */
export function exportJsonl(clean: string, annotations: readonly CleanAnnotation[], meta: Record<string, unknown> = {}): ExportResult {
  const index = new CodePointIndex(clean);
  const spans: Array<Record<string, unknown>> = [];
  const labels: Array<[number, number, string]> = [];
  for (const a of [...annotations].sort((x, y) => x.start - y.start || x.end - y.end)) {
    const start = index.toCodePoint(a.start);
    const end = index.toCodePoint(a.end);
    const span: Record<string, unknown> = { start, end, label: a.type, text: clean.slice(a.start, a.end) };
    const attributes = orderedAttributes(a.attributes);
    const id = attributes.find((x) => x.key === 'id');
    if (id) span.kb_id = id.value;
    if (attributes.length) span.attributes = Object.fromEntries(attributes.map((x) => [x.key, x.value]));
    spans.push(span);
    labels.push([start, end, a.type]);
  }
  return { text: `${JSON.stringify({ text: clean, spans, label: labels, meta })}\n`, warnings: [] };
}

/**
 * CoNLL: `-DOCSTART-\tO`, then one `token\tlabel` line per token (B-type, I-type or O), a blank line after
 * each sentence and line. Tokens come from core/tokenize; an annotation that covers part of a token labels
 * the whole token (with a warning).
 */
export function exportConll(clean: string, annotations: readonly CleanAnnotation[]): ExportResult {
  const tokens = tokenize(clean);
  const sentenceEnds = new Set(parseArticle(clean).sentences.map((s) => s.end));
  const labels: string[] = tokens.map(() => 'O');
  const warnings: string[] = [];
  const sorted = [...annotations].sort((x, y) => x.start - y.start || x.end - y.end);
  let k = 0;
  for (const a of sorted) {
    while (k < tokens.length && tokens[k]!.end <= a.start) k++;
    let first = true;
    for (let j = k; j < tokens.length && tokens[j]!.start < a.end; j++) {
      const t = tokens[j]!;
      if (labels[j] !== 'O') {
        warnings.push(`token "${t.text}" is in two annotations; it keeps ${labels[j]}`);
        continue;
      }
      if (t.start < a.start || t.end > a.end) warnings.push(`"${clean.slice(a.start, a.end)}" covers part of the token "${t.text}"; the whole token is labelled`);
      labels[j] = `${first ? 'B' : 'I'}-${a.type}`;
      first = false;
    }
    if (first) warnings.push(`"${clean.slice(a.start, a.end)}" covers no token; not in the CoNLL output`);
  }
  const lines = ['-DOCSTART-\tO', ''];
  tokens.forEach((t, i) => {
    lines.push(`${t.text}\t${labels[i]}`);
    const next = tokens[i + 1];
    if (!next || sentenceEnds.has(t.end) || /[\r\n]/.test(clean.slice(t.end, next.start))) lines.push('');
  });
  return { text: `${lines.join('\n')}\n`, warnings };
}
