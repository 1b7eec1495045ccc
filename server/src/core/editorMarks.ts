// What an editor paints over an article: spans by kind (people, places, organizations, figures, annotation markup)
// for semantic highlighting, and short notes after dates and figures (inlay hints). Offsets are into the document
// text (annotations included), UTF-16 code units.
import type { AnalyzedArticle } from './analysis';
import { formatIso } from './dates';
import { normalizedFigure } from './corpusViews';
import type { Span } from './types';

export type MarkKind = 'person' | 'place' | 'organization' | 'figure' | 'annotation';

export interface MarkSpan extends Span {
  kind: MarkKind;
  /** An annotation confirms it (entities and figures only). */
  annotated: boolean;
}

/** Removes the parts of `span` that `cuts` (sorted, not overlapping) cover. */
function subtract(span: Span, cuts: readonly Span[]): Span[] {
  const out: Span[] = [];
  let from = span.start;
  for (const c of cuts) {
    if (c.end <= from) continue;
    if (c.start >= span.end) break;
    if (c.start > from) out.push({ start: from, end: c.start });
    from = Math.max(from, c.end);
  }
  if (from < span.end) out.push({ start: from, end: span.end });
  return out;
}

/**
 * The article's marks in document order, never overlapping: annotation markup ("[[" and "|type …]]") as written,
 * then entity mentions and figures around it. Where an entity and a figure overlap, the one starting first keeps
 * the overlap.
 */
export function markSpans(article: AnalyzedArticle): MarkSpan[] {
  const markup: MarkSpan[] = article.annotations.map
    .deletedRanges()
    .filter((r) => r.syntax)
    .map((r) => ({ start: r.start, end: r.end, kind: 'annotation', annotated: false }));
  const figureAnnotations = article.annotations.annotations.filter((a) => a.type === 'figure');
  const content: MarkSpan[] = [];
  for (const m of article.entities) {
    const span = article.positions.toDocumentSpan(m);
    for (const piece of subtract(span, markup)) content.push({ ...piece, kind: m.type, annotated: m.via === 'annotation' });
  }
  for (const f of article.figures) {
    const annotated = figureAnnotations.some((a) => a.clean.start <= f.start && f.end <= a.clean.end);
    const span = article.positions.toDocumentSpan(f);
    for (const piece of subtract(span, markup)) content.push({ ...piece, kind: 'figure', annotated });
  }
  content.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: MarkSpan[] = [];
  let reached = 0;
  for (const m of content) {
    const start = Math.max(m.start, reached);
    if (start >= m.end) continue;
    kept.push({ ...m, start });
    reached = m.end;
  }
  return [...markup, ...kept].sort((a, b) => a.start - b.start);
}

export interface ArticleNote {
  /** Document offset the note goes after. */
  offset: number;
  label: string;
  kind: 'date' | 'figure';
  /** One line saying where the note comes from. */
  tooltip: string;
}

/** The document offset after a clean span: past its annotation's "|type …]]" when the span ends where one does. */
function endAfterMarkup(article: AnalyzedArticle, span: Span): number {
  const around = article.annotations.annotations.find((a) => a.clean.end === span.end && a.clean.start <= span.start);
  return around ? around.end : article.positions.toDocumentOffset(span.end, 'end');
}

/**
 * Notes after resolved dates ("→ 2022-02-15") and figures (their value normalised, "→ > 130,000 military
 * personnel"), in document order. A note that would only repeat the text is left out.
 */
export function articleNotes(article: AnalyzedArticle, want: { dates: boolean; figures: boolean }): ArticleNote[] {
  const notes: ArticleNote[] = [];
  if (want.dates) {
    for (const d of article.dates) {
      if (!d.resolved) continue;
      const iso = formatIso(d.resolved.date);
      if (d.text.trim() === iso) continue;
      notes.push({ offset: endAfterMarkup(article, d), label: `→ ${iso}`, kind: 'date', tooltip: d.resolved.explanation });
    }
  }
  if (want.figures) {
    for (const f of article.figures) {
      const normalized = normalizedFigure(f);
      if (normalized === f.text.trim()) continue;
      notes.push({ offset: endAfterMarkup(article, f), label: `→ ${normalized}`, kind: 'figure', tooltip: `${f.text}: ${f.kind}, ${f.qualifier}${f.subject ? `, counts ${f.subject.text}` : ''}` });
    }
  }
  return notes.sort((a, b) => a.offset - b.offset);
}
