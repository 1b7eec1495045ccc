// The values of one quantity across the corpus, as a series over time: what the figure comparison chart draws.
// The figure's claim cluster, filtered by the evidence (`sameQuantityRows`), with each value brought into the
// charted figure's unit and marked as earlier, superseded or decided by the annotator.
import { attributeValue } from '../annotations';
import type { AnalyzedArticle, CorpusView } from '../corpusIndex';
import type { CalendarDate } from '../types';
import { isoDate, isSuperseded, sameQuantityRows } from './claims';
import { clusterIdOf } from './clusters';
import { figureContextOf, type CorpusWithFigures } from './corpusFigures';
import type { Figure, Framing } from './types';

/** One value of the quantity. Offsets are into the clean text of its article. */
export interface SeriesPoint {
  articleId: string;
  /** Index of the figure in its article's figure list. */
  index: number;
  start: number;
  end: number;
  label: string;
  headline: string | null;
  text: string;
  /** The sentence holding the figure, on one line, at most `SENTENCE_MAX` characters. */
  sentence: string;
  /** In the charted figure's unit; an open bound is null. */
  value: number;
  min: number | null;
  max: number | null;
  minInclusive: boolean;
  maxInclusive: boolean;
  unit: string;
  date: string | null;
  dateFrom: 'figure' | 'dateline' | null;
  source: string | null;
  framing: Framing;
  earlier: boolean;
  superseded: boolean;
  status: string | null;
  selected: boolean;
}

export interface Series {
  cluster: string;
  text: string;
  unit: string;
  subject: string | null;
  points: SeriesPoint[];
}

/** A chart of more values than this would be unreadable; the nearest in time are kept (see `sameQuantityRows`). */
export const MAX_SERIES_POINTS = 200;
export const SENTENCE_MAX = 240;

/**
 * The series of the figure `index` of `article`: every value of its quantity in the corpus, sorted by date (the
 * figure's, else its article's dateline; undated last), then article, then position. Undefined for a figure the
 * article does not have.
 */
export function figureSeries(article: AnalyzedArticle, corpus: CorpusView & CorpusWithFigures, index: number, max = MAX_SERIES_POINTS): Series | undefined {
  const { view, figures } = figureContextOf(article, corpus);
  const figure = figures[index];
  if (!figure) return undefined;
  const rows = sameQuantityRows(view, article.id, index, max);
  // A figure alone in its cluster (or one the index has not taken in) is still its own series.
  const members = rows.length > 0 ? rows : [{ articleId: article.id, index, figure, label: view.article(article.id)?.label ?? article.id }];
  const points: SeriesPoint[] = [];
  for (const m of members) {
    const other = m.articleId === article.id ? article : corpus.get(m.articleId);
    if (!other) continue;
    points.push(pointOf(other, m.index, m.figure, m.label, figure, m.articleId === article.id && m.index === index, isSuperseded(view, m.articleId, m.index)));
  }
  points.sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || a.label.localeCompare(b.label) || a.articleId.localeCompare(b.articleId) || a.start - b.start);
  return { cluster: clusterIdOf(article.id, figure), text: figure.text, unit: figure.unit, subject: figure.subject?.text ?? null, points };
}

/** The figure covering `offset` (clean text), with its index. */
export function figureIndexAt(article: AnalyzedArticle, offset: number): number | undefined {
  const index = article.figures.findIndex((f) => f.start <= offset && offset < f.end);
  return index >= 0 ? index : undefined;
}

function pointOf(article: AnalyzedArticle, index: number, f: Figure, label: string, charted: Figure, selected: boolean, superseded: boolean): SeriesPoint {
  // Values of one dimension convert through the base unit (km and miles); currencies keep a scale of 1.
  const scale = charted.unitScale > 0 ? f.unitScale / charted.unitScale : 1;
  const bound = (v: number) => (Number.isFinite(v) ? v * scale : null);
  const own: CalendarDate | undefined = f.date.date;
  const date = own ?? article.dateline;
  const annotation = article.annotations.annotations.find((a) => a.type === 'figure' && a.clean.start <= f.start && f.end <= a.clean.end);
  return {
    articleId: article.id,
    index,
    start: f.start,
    end: f.end,
    label,
    headline: article.article.header.headline?.text ?? null,
    text: f.text,
    sentence: sentenceAround(article, f),
    value: f.value * scale,
    min: bound(f.min),
    max: bound(f.max),
    minInclusive: f.minInclusive,
    maxInclusive: f.maxInclusive,
    unit: f.unit,
    date: isoDate(date),
    dateFrom: own ? (f.date.basis === 'dateline' ? 'dateline' : 'figure') : date ? 'dateline' : null,
    source: f.source?.name ?? null,
    framing: f.framing,
    earlier: f.framing === 'previous',
    superseded,
    status: (annotation && attributeValue(annotation, 'status')) || null,
    selected,
  };
}

/** The sentence holding the figure, whitespace folded; a long one is cut around the figure. */
export function sentenceAround(article: AnalyzedArticle, f: Figure): string {
  const sentences = article.article.sentences;
  let low = 0;
  let high = sentences.length - 1;
  let found: { start: number; end: number } | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = sentences[mid]!;
    if (f.start < s.start) high = mid - 1;
    else if (f.start >= s.end) low = mid + 1;
    else {
      found = s;
      break;
    }
  }
  const span = found ?? f;
  let start = span.start;
  let end = Math.max(span.end, f.end);
  if (end - start > SENTENCE_MAX) {
    const half = Math.floor((SENTENCE_MAX - (f.end - f.start)) / 2);
    start = Math.max(start, f.start - half);
    end = Math.min(end, start + SENTENCE_MAX);
  }
  const text = article.text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > span.start ? '…' : ''}${text}${end < span.end ? '…' : ''}`;
}
