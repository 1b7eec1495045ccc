// The hover of a figure: its value or interval and unit, what it counts, who says so and when, the annotator's
// decision if any, and a table of every value of the same quantity across the corpus, sorted by date, with links.
import { attributeValue } from '../core/annotations';
import type { AnalyzedArticle, CorpusView } from '../core/corpusIndex';
import { sameQuantityRows, type Figure } from '../core/figures';
import { articleLink } from './entityHover';
import { escapeMarkdown } from './markdown';

const MAX_ROWS = 12;

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '∞';
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${(n / 1e9).toLocaleString('en-US', { maximumFractionDigits: 2 })} billion`;
  if (abs >= 1e6 && Number.isInteger(n / 1e5)) return `${(n / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2 })} million`;
  return n.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** "(130,000, ∞)" or "[145,000, 155,000)": the interval the figure asserts, bounds marked open or closed. */
export function formatInterval(f: Figure): string {
  if (f.min === f.max) return formatNumber(f.min);
  return `${f.minInclusive ? '[' : '('}${formatNumber(f.min)}, ${formatNumber(f.max)}${f.maxInclusive ? ']' : ')'}`;
}

export function figureAt(article: AnalyzedArticle, offset: number): { figure: Figure; index: number } | undefined {
  const index = article.figures.findIndex((f) => f.start <= offset && offset < f.end);
  return index >= 0 ? { figure: article.figures[index]!, index } : undefined;
}

/** `chartLink`: a command link to the comparison chart, shown with the table (see figureSeries.ts). */
export function figureHoverMarkdown(corpus: CorpusView, article: AnalyzedArticle, figure: Figure, index: number, chartLink?: string): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(figure.text)}** · ${escapeMarkdown(figure.unit)} · ${escapeMarkdown(formatInterval(figure))}`);
  const facts: string[] = [];
  if (figure.subject) facts.push(`Counts: ${escapeMarkdown(figure.subject.text)}`);
  facts.push(`Source: ${figure.source ? escapeMarkdown(figure.source.name) : '*not attributed*'}`);
  facts.push(`Date: ${figure.date.date ? `${figure.date.date.year}-${String(figure.date.date.month).padStart(2, '0')}-${String(figure.date.date.day).padStart(2, '0')}` : 'undated'}`);
  if (figure.framing !== 'current') facts.push(`Framed as: ${escapeMarkdown(figure.framing)} value`);
  lines.push(facts.join(' · '));
  const annotation = article.annotations.annotations.find((a) => a.type === 'figure' && a.clean.start <= figure.start && figure.end <= a.clean.end);
  if (annotation) {
    const status = attributeValue(annotation, 'status');
    const parts = [
      status ? `**${escapeMarkdown(status)}**` : 'annotated',
      attributeValue(annotation, 'ref') ? `against ${escapeMarkdown(attributeValue(annotation, 'ref')!)}` : '',
      attributeValue(annotation, 'by') ? `by ${escapeMarkdown(attributeValue(annotation, 'by')!)}` : '',
      attributeValue(annotation, 'note') ? `— ${escapeMarkdown(attributeValue(annotation, 'note')!)}` : '',
    ].filter(Boolean);
    lines.push(`Annotator's decision: ${parts.join(' ')}`);
  }
  const rows = sameQuantityRows(corpus.figures, article.id, index).sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.label.localeCompare(b.label));
  if (rows.length > 1) {
    const table = ['| value | source | article | date |', '|---|---|---|---|'];
    for (const row of rows.slice(0, MAX_ROWS)) {
      const other = corpus.get(row.articleId);
      const here = row.articleId === article.id && row.figure.start === figure.start;
      const value = `${escapeMarkdown(row.figure.text)}${row.figure.framing === 'previous' ? ' *(earlier)*' : ''}${here ? ' ◀' : ''}`;
      const link = other ? articleLink(other, row.figure.start, row.label) : escapeMarkdown(row.label);
      table.push(`| ${value} | ${escapeMarkdown(row.source ?? '—')} | ${link} | ${row.date ?? 'undated'} |`);
    }
    lines.push(`Same quantity across the corpus (${rows.length})${chartLink ? ` · ${chartLink}` : ''}:\n\n${table.join('\n')}`);
  }
  return lines.join('\n\n');
}
