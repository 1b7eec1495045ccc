// Comparing figures as claims: same quantity, same time, compatible values; and describing them in messages
// ("Biden (001, 15 Feb): over 150,000") and in diagnostic data.
import { MONTH_NAMES } from '../dates';
import type { CalendarDate } from '../types';
import { clusterIdOf, dayOf, SAME_TIME_DAYS, type ClusterMember } from './clusters';
import type { FigureCorpusView } from './corpusFigures';
import { isPrecise, scaleInterval, type Interval } from './qualifiers';
import type { Figure } from './types';

/** Figures whose value is a claim about the quantity now: not an earlier value, a change or a projection. */
export function isCurrent(f: Figure): boolean {
  return f.framing === 'current';
}

/** A definite figure says how much: not "thousands of". */
export function isDefinite(f: Figure): boolean {
  return f.kind !== 'vague';
}

/** Figures whose values can be compared: one dimension, and for money one currency. */
export function sameUnit(a: Figure, b: Figure): boolean {
  if (a.dimension !== b.dimension) return false;
  if (a.dimension === 'money') return a.unit === b.unit;
  if (a.dimension === 'count') return a.unit === b.unit;
  return true;
}

/**
 * Do two figures hold for the same time? Undated figures match any date. Two dates written in the text must be the
 * same day; a date in the text and a dateline match when the article appeared that day or the day after; two
 * datelines match within `days` (reports lag the events they count).
 */
export function sameTime(a: Figure, b: Figure, days = SAME_TIME_DAYS): boolean {
  const da = dayOf(a);
  const db = dayOf(b);
  if (da === undefined || db === undefined) return true;
  const aWritten = a.date.basis === 'explicit' || a.date.basis === 'relative';
  const bWritten = b.date.basis === 'explicit' || b.date.basis === 'relative';
  if (aWritten && bWritten) return da === db;
  if (aWritten) return db - da >= 0 && db - da <= 1;
  if (bWritten) return da - db >= 0 && da - db <= 1;
  return Math.abs(da - db) <= days;
}

/** Two owners named and different ("Russian troops", "Ukrainian troops"): not the same quantity. */
export function ownersCompatible(a: Figure, b: Figure): boolean {
  return !(a.owner && b.owner && a.owner !== b.owner);
}

export function baseInterval(f: Figure): Interval {
  return scaleInterval(f, f.unitScale);
}

export function isPreciseFigure(f: Figure): boolean {
  return isDefinite(f) && isPrecise(baseInterval(f));
}

/** Two current, definite figures of the same quantity and time whose intervals share no value. */
export function conflicting(a: Figure, b: Figure): boolean {
  return a.framing === 'current' && b.framing === 'current' && a.kind !== 'vague' && b.kind !== 'vague' &&
    disjointInBase(a, b) && sameUnit(a, b) && ownersCompatible(a, b) && sameTime(a, b) && sameSubject(a, b);
}

/**
 * Counts name what they count in their unit class ("military personnel"), so that is enough. Amounts of money,
 * percentages and measures say nothing of what they measure by themselves: two of them are one quantity only when
 * their subjects share a word ("net profit" and "quarterly profit"), never "$16" against "$25" about anything.
 */
export function sameSubject(a: Figure, b: Figure): boolean {
  if (a.dimension === 'count') return true;
  if (!a.subject || !b.subject) return false;
  const words = (f: Figure) => new Set([f.subject!.head, ...f.subject!.modifiers].map(stem).filter((w) => w.length >= 3 && !GENERIC_SUBJECT_WORDS.has(w)));
  const wa = words(a);
  for (const w of words(b)) if (wa.has(w)) return true;
  return false;
}

const GENERIC_SUBJECT_WORDS = new Set(['the', 'its', 'their', 'this', 'that', 'last', 'next', 'new', 'total', 'about', 'some', 'more', 'than']);

function stem(word: string): string {
  return word.toLowerCase().replace(/(?:ies)$/, 'y').replace(/(?<=[^s])s$/, '');
}

/** `disjoint(baseInterval(a), baseInterval(b))` without allocating (it runs for every pair in a window). */
function disjointInBase(a: Figure, b: Figure): boolean {
  const aMax = a.max * a.unitScale;
  const bMin = b.min * b.unitScale;
  if (aMax < bMin || (aMax === bMin && !(a.maxInclusive && b.minInclusive))) return true;
  const bMax = b.max * b.unitScale;
  const aMin = a.min * a.unitScale;
  return bMax < aMin || (bMax === aMin && !(b.maxInclusive && a.minInclusive));
}

/** The same number written ("more than 130,000" and "roughly 130,000" both rest on 130,000). */
export function sameAnchor(a: Figure, b: Figure): boolean {
  if (!sameUnit(a, b)) return false;
  const x = a.value * a.unitScale;
  const y = b.value * b.unitScale;
  const scale = Math.max(Math.abs(x), Math.abs(y));
  return scale === 0 ? true : Math.abs(x - y) <= scale * 0.02;
}

/** An earlier value marked more than this many days before a figure is too old to say the figure is stale. */
export const SUPERSEDED_WITHIN_DAYS = 30;

export interface Supersession {
  /** The figure another article marks as the earlier value. */
  previous: ClusterMember;
  /** The value that replaced it there, when the sentence names one. */
  current?: ClusterMember;
}

/**
 * Where the corpus marks this figure's value as an earlier estimate ("up from a previous estimate of 130,000")
 * while this article cites it as current. Only other articles count, and only when this figure is dated no
 * earlier than the newer value (an undated figure is compared with every date): a figure from before the update
 * was right at its time.
 */
export function supersessionsOf(view: FigureCorpusView, articleId: string, index: number): Supersession[] {
  const entry = view.article(articleId);
  const figure = entry?.figures[index];
  if (!figure || !isCurrent(figure)) return [];
  const cluster = view.clusters.clusterOf(articleId, index);
  if (!cluster) return [];
  const day = dayOf(figure);
  const out: Supersession[] = [];
  const near = day === undefined
    ? cluster.previousNear(figure.value * figure.unitScale)
    : cluster.previousNear(figure.value * figure.unitScale, day - SUPERSEDED_WITHIN_DAYS, day + 1);
  for (const m of near) {
    if (m.articleId === articleId) continue;
    if (!sameAnchor(figure, m.figure) || !ownersCompatible(figure, m.figure)) continue;
    const result: Supersession = { previous: m };
    const replacedBy = m.figure.replacedBy;
    if (replacedBy !== undefined) {
      const replacement = view.article(m.articleId)?.figures[replacedBy];
      if (replacement && !sameAnchor(replacement, figure)) {
        const member: ClusterMember = { articleId: m.articleId, index: replacedBy, figure: replacement };
        const rday = dayOf(replacement);
        if (rday !== undefined) member.day = rday;
        result.current = member;
      } else if (replacement) {
        continue;
      }
    }
    const since = result.current?.day ?? m.day;
    if (day !== undefined && since !== undefined && day < since) continue; // cited before the value was revised
    out.push(result);
  }
  // Most recent revisions first.
  return out.sort((a, b) => (b.current?.day ?? b.previous.day ?? 0) - (a.current?.day ?? a.previous.day ?? 0));
}

const SHORT_MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3));

export function shortDate(d: CalendarDate | undefined): string {
  return d ? `${d.day} ${SHORT_MONTHS[d.month - 1]}` : 'undated';
}

export function isoDate(d: CalendarDate | undefined): string | null {
  if (!d) return null;
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** "Biden (001, 15 Feb): over 150,000". */
export function describeClaim(label: string, f: Figure): string {
  const who = f.source?.name ?? 'unattributed';
  return `${who} (${label}, ${shortDate(f.date.date)}): ${f.text}`;
}

/** What a quick fix needs about a figure; open bounds are null. */
export function figureData(f: Figure): Record<string, unknown> {
  return {
    text: f.text,
    value: f.value,
    min: Number.isFinite(f.min) ? f.min : null,
    max: Number.isFinite(f.max) ? f.max : null,
    minInclusive: f.minInclusive,
    maxInclusive: f.maxInclusive,
    unit: f.unit,
    subject: f.subject?.text ?? null,
    source: f.source?.name ?? null,
    date: isoDate(f.date.date),
  };
}

export function otherFigureData(view: FigureCorpusView, m: ClusterMember): Record<string, unknown> {
  return {
    articleId: m.articleId,
    label: view.article(m.articleId)?.label ?? m.articleId,
    start: m.figure.start,
    end: m.figure.end,
    ...figureData(m.figure),
  };
}

export function labelOf(view: FigureCorpusView, articleId: string): string {
  return view.article(articleId)?.label ?? articleId;
}

/** "Russian troops near Ukraine" or, without a subject, the unit. */
export function subjectLabel(f: Figure): string {
  return f.subject?.text ?? f.unit;
}

/** One member per article, the most telling: attributed before unattributed, body before headline. */
export function onePerArticle(members: ClusterMember[]): ClusterMember[] {
  const best = new Map<string, ClusterMember>();
  const rank = (m: ClusterMember) => (m.figure.source ? 2 : 0) + (m.figure.inHeading ? 0 : 1);
  for (const m of members) {
    const current = best.get(m.articleId);
    if (!current || rank(m) > rank(current)) best.set(m.articleId, m);
  }
  return members.filter((m) => best.get(m.articleId) === m);
}

const supersededCache = new WeakMap<Figure, { cluster: string; version: number; superseded: boolean }>();

/** `supersessionsOf(…).length > 0`, remembered per figure until an earlier value joins or leaves its cluster. */
export function isSuperseded(view: FigureCorpusView, articleId: string, index: number): boolean {
  const figure = view.article(articleId)?.figures[index];
  const cluster = view.clusters.clusterOf(articleId, index);
  if (!figure || !cluster) return false;
  const cached = supersededCache.get(figure);
  if (cached && cached.cluster === cluster.id && cached.version === cluster.previousVersion) return cached.superseded;
  const superseded = supersessionsOf(view, articleId, index).length > 0;
  supersededCache.set(figure, { cluster: cluster.id, version: cluster.previousVersion, superseded });
  return superseded;
}

/** Lists at most `max` items, then "and N more". */
export function listSome(items: string[], max = 3): string {
  if (items.length <= max) return items.join('; ');
  return `${items.slice(0, max).join('; ')}; and ${items.length - max} more`;
}

/**
 * One figure as the CLI prints it (`figures --format jsonl`): open bounds are null, the date is ISO, `cluster` is
 * the claim cluster id.
 */
export function figureRecord(articleId: string, f: Figure): {
  start: number; end: number; text: string; min: number | null; max: number | null; unit: string;
  subject: string | null; source: string | null; date: string | null; cluster: string;
} {
  return {
    start: f.start,
    end: f.end,
    text: f.text,
    min: Number.isFinite(f.min) ? f.min : null,
    max: Number.isFinite(f.max) ? f.max : null,
    unit: f.unit,
    subject: f.subject?.text ?? null,
    source: f.source?.name ?? null,
    date: isoDate(f.date.date),
    cluster: clusterIdOf(articleId, f),
  };
}

export interface SameQuantityRow extends ClusterMember {
  label: string;
  /** ISO date, or null when undated. */
  date: string | null;
  source: string | null;
}

/**
 * Every value of the same quantity across the corpus (the figure's claim cluster), sorted by date then article:
 * the table of a figure's hover. Earlier values ("up from …") are included; `figure.framing` tells them apart.
 */
export function sameQuantityRows(view: FigureCorpusView, articleId: string, index: number, max = 50): SameQuantityRow[] {
  const cluster = view.clusters.clusterOf(articleId, index);
  if (!cluster) return [];
  return cluster.members().slice(0, max).map((m) => ({
    ...m,
    label: labelOf(view, m.articleId),
    date: isoDate(m.figure.date.date),
    source: m.figure.source?.name ?? null,
  }));
}
