// What the editor's corpus views show, computed from the corpus index: entities by type with where they are
// mentioned, quantities (figure clusters) with their figures, and how far each article's annotation has come.
// Plain data with clean-text spans; the server turns spans into editor ranges.
import type { AnalyzedArticle, CorpusView } from './corpusIndex';
import { entityIdentity } from './entityIndex';
import type { EntityMentionInText } from './entities';
import { articleLabel } from './figures/corpusFigures';
import type { FigureCluster } from './figures/clusters';
import type { Figure } from './figures/types';
import { normalizeName } from './knowledge/names';
import { formatIso } from './dates';
import type { Severity, Span } from './types';

export interface EntityRow {
  identity: string;
  name: string;
  type: string;
  articles: number;
  mentions: number;
  key?: string;
}

/** A short piece of one line of the clean text around a span, with the span's place inside it. */
export interface TextSnippet {
  text: string;
  highlight: [number, number];
}

/** Less before the span than after it: views are narrow, and the span should stay in sight. */
const SNIPPET_BEFORE = 16;
const SNIPPET_AFTER = 48;

/** The span with some context either side, within its line, whitespace runs collapsed. */
export function snippetAround(text: string, span: Span, before = SNIPPET_BEFORE, after = SNIPPET_AFTER): TextSnippet {
  let lineStart = span.start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let lineEnd = span.end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  let from = Math.max(lineStart, span.start - before);
  let to = Math.min(lineEnd, span.end + after);
  // Cut at word boundaries so the snippet does not start or end mid-word.
  if (from > lineStart) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < span.start) from = space + 1;
  }
  if (to < lineEnd) {
    const space = text.lastIndexOf(' ', to);
    if (space > span.end) to = space;
  }
  const clean = (s: string) => s.replace(/\s+/g, ' ');
  const prefix = (from > lineStart ? '…' : '') + clean(text.slice(from, span.start)).trimStart();
  const middle = clean(text.slice(span.start, span.end));
  const suffix = clean(text.slice(span.end, to)).trimEnd() + (to < lineEnd ? '…' : '');
  return { text: prefix + middle + suffix, highlight: [prefix.length, prefix.length + middle.length] };
}

function headlineOf(article: AnalyzedArticle): string | undefined {
  return article.article.header.headline?.text.trim() || undefined;
}

/** The canonical name most of the mentions carry (the longer one on a tie). */
function commonCanonical(mentions: readonly EntityMentionInText[]): string {
  const counts = new Map<string, number>();
  let best = mentions[0]?.canonical ?? '';
  for (const m of mentions) {
    const n = (counts.get(m.canonical) ?? 0) + 1;
    counts.set(m.canonical, n);
    if (n > (counts.get(best) ?? 0) || (n === counts.get(best) && m.canonical.length > best.length)) best = m.canonical;
  }
  return best;
}

/**
 * Every entity of the corpus, grouped by type, most widely mentioned first (articles, then mentions, then name).
 * `filter` keeps entities whose name or a written form contains it, compared as normalised names. A linked entity
 * is named by its knowledge-base entry, so only unlinked ones (and filtering) read every mention.
 */
export function entityRows(corpus: CorpusView, filter?: string): Map<string, EntityRow[]> {
  const wanted = filter ? normalizeName(filter) : '';
  const byType = new Map<string, EntityRow[]>();
  const kb = corpus.environment.knowledgeBase;
  for (const identity of corpus.entityIndex.identities()) {
    const occurrences = corpus.entityIndex.occurrences(identity);
    if (!occurrences) continue;
    let first: EntityMentionInText | undefined;
    for (const [id, indexes] of occurrences.byArticle) {
      first = corpus.get(id)?.entities[indexes[0] ?? -1];
      if (first) break;
    }
    if (!first) continue;
    const entry = first.entityKey ? kb.entry(first.entityKey) : undefined;
    let mentions: EntityMentionInText[] | undefined;
    const allMentions = () => {
      if (mentions) return mentions;
      mentions = [];
      for (const [id, indexes] of occurrences.byArticle) {
        const article = corpus.get(id);
        if (!article) continue;
        for (const i of indexes) {
          const m = article.entities[i];
          if (m) mentions.push(m);
        }
      }
      return mentions;
    };
    const name = entry ? entry.name : commonCanonical(allMentions());
    if (wanted && !normalizeName(name).includes(wanted) && !allMentions().some((m) => normalizeName(m.text).includes(wanted))) continue;
    const row: EntityRow = { identity, name, type: first.type, articles: occurrences.byArticle.size, mentions: occurrences.mentionCount };
    if (first.entityKey) row.key = first.entityKey;
    let list = byType.get(first.type);
    if (!list) byType.set(first.type, (list = []));
    list.push(row);
  }
  for (const list of byType.values()) list.sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.name.localeCompare(b.name));
  return byType;
}

export interface MentionRow extends Span {
  text: string;
  snippet: TextSnippet;
  annotated: boolean;
}

export interface ArticleRows<T> {
  articleId: string;
  label: string;
  headline?: string;
  rows: T[];
}

function byLabel<T>(a: ArticleRows<T>, b: ArticleRows<T>): number {
  return a.label.localeCompare(b.label, undefined, { numeric: true }) || a.articleId.localeCompare(b.articleId);
}

function articleRows<T>(article: AnalyzedArticle, rows: T[]): ArticleRows<T> {
  const out: ArticleRows<T> = { articleId: article.id, label: articleLabel(article.id), rows };
  const headline = headlineOf(article);
  if (headline) out.headline = headline;
  return out;
}

/** Where one entity is mentioned: per article (in article order), its mentions in text order. */
export function entityMentions(corpus: CorpusView, identity: string): ArticleRows<MentionRow>[] {
  const occurrences = corpus.entityIndex.occurrences(identity);
  const out: ArticleRows<MentionRow>[] = [];
  for (const [id, indexes] of occurrences?.byArticle ?? []) {
    const article = corpus.get(id);
    if (!article) continue;
    const rows: MentionRow[] = [];
    for (const i of indexes) {
      const m = article.entities[i];
      if (!m || entityIdentity(m) !== identity) continue;
      rows.push({ start: m.start, end: m.end, text: m.text, snippet: snippetAround(article.text, m), annotated: m.via === 'annotation' });
    }
    if (rows.length) out.push(articleRows(article, rows));
  }
  return out.sort(byLabel);
}

/** A finding on a figure, as the views need it. */
export interface FigureFinding {
  ruleId: string;
  severity: Severity;
}

/** The findings on an article's figure (by index in `article.figures`). */
export type FigureFindings = (article: AnalyzedArticle, index: number) => readonly FigureFinding[];

export interface QuantityRow {
  id: string;
  label: string;
  subject?: string;
  figures: number;
  articles: number;
  /** Findings shown in Problems (not hints) on the quantity's figures. */
  findings: number;
}

/** "count|military personnel" → "military personnel (count)"; "money|loans" → "loans (money)". */
export function quantityLabel(quantityKey: string): string {
  const [dimension = '', ...rest] = quantityKey.split('|').filter((p) => !p.startsWith('@'));
  const what = rest.join(' · ').replace(/\//g, ', ');
  if (!what || what === dimension) return dimension || quantityKey;
  return `${what} (${dimension})`;
}

function commonSubject(members: readonly { figure: Figure }[]): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  for (const { figure } of members) {
    const s = figure.subject?.text.trim();
    if (!s) continue;
    const n = (counts.get(s) ?? 0) + 1;
    counts.set(s, n);
    if (!best || n > counts.get(best)! || (n === counts.get(best) && s.length < best.length)) best = s;
  }
  return best;
}

function notHint(findings: readonly FigureFinding[]): number {
  let n = 0;
  for (const f of findings) if (f.severity !== 'hint') n++;
  return n;
}

/**
 * The corpus's quantities: figure clusters, those with findings first (most first), then by size (figures, then
 * articles), then by label. Clusters of one article's figures whose quantity cannot be told are left out unless
 * they carry a finding: they compare with nothing.
 */
export function quantityRows(corpus: CorpusView, findingsOf: FigureFindings): QuantityRow[] {
  const rows: QuantityRow[] = [];
  for (const cluster of corpus.figures.clusters.all()) {
    const members = cluster.members();
    if (!members.length) continue;
    let findings = 0;
    for (const m of members) {
      const article = corpus.get(m.articleId);
      if (article) findings += notHint(findingsOf(article, m.index));
    }
    const ownArticle = cluster.id !== cluster.quantityKey;
    if (ownArticle && findings === 0) continue;
    const row: QuantityRow = {
      id: cluster.id,
      label: quantityLabel(cluster.quantityKey),
      figures: members.length,
      articles: new Set(members.map((m) => m.articleId)).size,
      findings,
    };
    const subject = commonSubject(members);
    if (subject) row.subject = subject;
    rows.push(row);
  }
  return rows.sort((a, b) => Number(b.findings > 0) - Number(a.findings > 0) || b.findings - a.findings || b.figures - a.figures || b.articles - a.articles || a.label.localeCompare(b.label));
}

export interface FigureRow extends Span {
  text: string;
  normalized: string;
  date?: string;
  source?: string;
  findings: readonly FigureFinding[];
  snippet: TextSnippet;
}

/** The figures of one quantity, per article in article order, in text order. */
export function quantityFigures(corpus: CorpusView, clusterId: string, findingsOf: FigureFindings): ArticleRows<FigureRow>[] {
  const cluster: FigureCluster | undefined = corpus.figures.clusters.cluster(clusterId);
  const out: ArticleRows<FigureRow>[] = [];
  for (const articleId of cluster?.articleIds() ?? []) {
    const article = corpus.get(articleId);
    if (!article) continue;
    const rows: FigureRow[] = [];
    for (const m of [...cluster!.membersOf(articleId)].sort((a, b) => a.index - b.index)) {
      const f = m.figure;
      const row: FigureRow = { start: f.start, end: f.end, text: f.text, normalized: normalizedFigure(f), findings: findingsOf(article, m.index), snippet: snippetAround(article.text, f) };
      if (f.date.date) row.date = formatIso(f.date.date);
      if (f.source) row.source = f.source.name;
      rows.push(row);
    }
    if (rows.length) out.push(articleRows(article, rows));
  }
  return out.sort(byLabel);
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** How a unit reads after a number: "USD", "%", "km", or what is counted. */
function unitText(f: Figure): string {
  if (f.unit === 'percent') return '%';
  return f.unit;
}

/**
 * A figure's value written out: the interval it asserts in plain digits, then its unit.
 * "more than 130,000 troops" → "> 130,000 military personnel"; "$7.4bn" → "7,400,000,000 USD"; "about 4,500" →
 * "4,275–4,725 site".
 */
export function normalizedFigure(f: Figure): string {
  const unit = unitText(f);
  const withUnit = (s: string) => (unit === '%' ? `${s}%` : unit ? `${s} ${unit}` : s);
  if (f.min === f.max) return withUnit(formatNumber(f.min));
  if (!Number.isFinite(f.max)) return `${f.minInclusive ? '≥' : '>'} ${withUnit(formatNumber(f.min))}`;
  if (!Number.isFinite(f.min) || (f.min === 0 && (f.qualifier === 'less-than' || f.qualifier === 'at-most'))) {
    return `${f.maxInclusive ? '≤' : '<'} ${withUnit(formatNumber(f.max))}`;
  }
  return withUnit(`${formatNumber(f.min)}–${formatNumber(f.max)}`);
}

export interface ProgressRow {
  articleId: string;
  label: string;
  headline?: string;
  entities: { annotated: number; recognized: number };
  figures: { annotated: number; recognized: number };
}

const ENTITY_TYPES = new Set(['person', 'place', 'organization']);

/** How much of an article is annotated: entity mentions and figures with an annotation, against those recognized. */
export function annotationProgressOf(article: AnalyzedArticle): ProgressRow {
  const entities = { annotated: 0, recognized: article.entities.length };
  for (const m of article.entities) if (m.via === 'annotation') entities.annotated++;
  // Entity annotations the analysis did not turn into a mention still count as done work.
  const entityAnnotations = article.annotations.annotations.filter((a) => ENTITY_TYPES.has(a.type) && !a.hasErrors).length;
  if (entityAnnotations > entities.annotated) {
    entities.recognized += entityAnnotations - entities.annotated;
    entities.annotated = entityAnnotations;
  }
  const figureAnnotations = article.annotations.annotations.filter((a) => a.type === 'figure');
  const figures = { annotated: 0, recognized: article.figures.length };
  const used = new Set<number>();
  for (const f of article.figures) {
    const at = figureAnnotations.findIndex((a) => a.clean.start <= f.start && f.end <= a.clean.end);
    if (at >= 0) {
      figures.annotated++;
      used.add(at);
    }
  }
  const unmatched = figureAnnotations.length - used.size;
  figures.annotated += unmatched;
  figures.recognized += unmatched;
  const row: ProgressRow = { articleId: article.id, label: articleLabel(article.id), entities, figures };
  const headline = headlineOf(article);
  if (headline) row.headline = headline;
  return row;
}

/** Share done, for sorting; an article with nothing to annotate counts as done. */
export function progressShare(row: ProgressRow): number {
  const recognized = row.entities.recognized + row.figures.recognized;
  return recognized === 0 ? 1 : (row.entities.annotated + row.figures.annotated) / recognized;
}

/** Every article's progress, least done first (then most left to do, then by name). */
export function annotationProgress(corpus: CorpusView): ProgressRow[] {
  const rows = [...corpus.articles()].map(annotationProgressOf);
  const left = (r: ProgressRow) => r.entities.recognized + r.figures.recognized - r.entities.annotated - r.figures.annotated;
  return rows.sort((a, b) => progressShare(a) - progressShare(b) || left(b) - left(a) || a.label.localeCompare(b.label, undefined, { numeric: true }));
}
