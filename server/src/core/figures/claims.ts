// Comparing figures as claims: same quantity, same time, compatible values; and describing them in messages
// ("Biden (001, 15 Feb): over 150,000") and in diagnostic data.
import { MONTH_NAMES } from '../dates';
import type { CalendarDate } from '../types';
import {
  claimOf, DATELINE_SAME_TIME_DAYS, disjointClaims, numbersConflict, ownersCompatibleClaims, sameTimeClaims, sameUnitClaims,
  subjectsShareWord, type Claim,
} from './claim';
import { clusterIdOf, dayOf, LONG_REVISION_DAYS, MAX_WEIGHED, REVISION_DAYS, SAME_TIME_DAYS, type ClusterMember } from './clusters';
import type { FigureCorpusView } from './corpusFigures';
import { scaleInterval, type Interval } from './qualifiers';
import { CONFLICT_MAX_RATIO, isIdentifiable, runningTotalsOfOne, sameQuantity, storySimilarity } from './identity';
import { sharedCount } from './evidence';
import type { Figure } from './types';

/** A figure in an article: what the evidence compares. */
export interface PlacedFigure {
  articleId: string;
  figure: Figure;
}

/**
 * Do two figures (from one cluster) state one quantity, by the evidence (identity.ts)? Across articles the two
 * articles must tell one story; when either figure has no date, a closer story is needed.
 */
export function sameQuantityIn(view: FigureCorpusView, a: PlacedFigure, b: PlacedFigure, maxRatio?: number): boolean {
  return new QuantityProbe(view, a.articleId, a.figure, maxRatio).matches(b);
}

/**
 * One figure compared with many candidates (a cluster scan): its story terms, date and options are read once, the
 * story similarity once per other article.
 */
export class QuantityProbe {
  private readonly terms: Uint32Array;
  private readonly day: number | undefined;
  private readonly stories = new Map<string, number>();
  private readonly pair = { sameArticle: false, story: 0 };
  private readonly options: { undated: boolean; maxRatio?: number };

  constructor(private readonly view: FigureCorpusView, readonly articleId: string, readonly figure: Figure, maxRatio?: number) {
    this.terms = view.article(articleId)?.storyTerms ?? NO_TERMS;
    this.day = claimOf(figure).day;
    this.options = maxRatio === undefined ? { undated: false } : { undated: false, maxRatio };
  }

  /** Story overlap of the probe's article with another (1 for its own). */
  storyWith(articleId: string): number {
    if (articleId === this.articleId) return 1;
    let story = this.stories.get(articleId);
    if (story === undefined) {
      story = storySimilarity(this.terms, this.view.article(articleId)?.storyTerms ?? NO_TERMS);
      this.stories.set(articleId, story);
    }
    return story;
  }

  matches(other: PlacedFigure & { day?: number | undefined }): boolean {
    const sameArticle = other.articleId === this.articleId;
    const story = this.storyWith(other.articleId);
    this.pair.sameArticle = sameArticle;
    this.pair.story = story;
    const otherDay = 'day' in other ? other.day : claimOf(other.figure).day;
    this.options.undated = this.day === undefined || otherDay === undefined;
    return sameQuantity(this.figure, other.figure, this.pair, this.options);
  }
}

const NO_TERMS = new Uint32Array(0);

/** Figures whose value is a claim about the quantity now: not an earlier value, a change or a projection. */
export function isCurrent(f: Figure): boolean {
  return f.framing === 'current';
}

/** A definite figure says how much: not "thousands of". */
export function isDefinite(f: Figure): boolean {
  return f.kind !== 'vague';
}

/** Figures whose values can be compared: one dimension, and for money and counts one unit. */
export function sameUnit(a: Figure, b: Figure): boolean {
  return sameUnitClaims(claimOf(a), claimOf(b));
}

/**
 * Do two figures hold for the same time? Undated figures match any date. Two dates written in the text must be the
 * same day; a date in the text and a dateline match when the article appeared that day or the day after; two
 * datelines match within `days` (reports lag the events they count).
 */
export function sameTime(a: Figure, b: Figure, days = SAME_TIME_DAYS): boolean {
  return sameTimeClaims(claimOf(a), claimOf(b), days);
}

/** Two owners named and different ("Russian troops", "Ukrainian troops"): not the same quantity. */
export function ownersCompatible(a: Figure, b: Figure): boolean {
  return ownersCompatibleClaims(claimOf(a), claimOf(b));
}

export function baseInterval(f: Figure): Interval {
  return scaleInterval(f, f.unitScale);
}

export function isPreciseFigure(f: Figure): boolean {
  return claimOf(f).precise;
}

/** Two current, definite figures of the same quantity and time whose intervals share no value. */
export function conflicting(a: Figure, b: Figure): boolean {
  return claimsConflict(claimOf(a), claimOf(b));
}

/** `conflicting` on the flattened facts (the form cross-article checks run for every pair in a window). */
export function claimsConflict(a: Claim, b: Claim): boolean {
  return numbersConflict(a, b) && (a.dimension === 'count' || subjectsShareWord(a, b));
}

/** Could the two figures measure one quantity, by what they count or by a word their subjects share? */
export function sameSubject(a: Figure, b: Figure): boolean {
  if (a.dimension === 'count') return true;
  return subjectsShareWord(claimOf(a), claimOf(b));
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
  const probe = new QuantityProbe(view, articleId, figure);
  for (const m of near) {
    if (m.articleId === articleId) continue;
    if (!sameAnchor(figure, m.figure) || !ownersCompatible(figure, m.figure)) continue;
    if (!probe.matches(m)) continue;
    const result: Supersession = { previous: m };
    const replacedBy = m.figure.replacedBy;
    if (replacedBy !== undefined) {
      const replacement = view.article(m.articleId)?.figures[replacedBy];
      if (replacement && !sameAnchor(replacement, figure)) {
        result.current = { articleId: m.articleId, index: replacedBy, figure: replacement, day: dayOf(replacement), claim: claimOf(replacement) };
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

/**
 * Later reports of the same story that give another value for this figure's quantity ("63 killed" here, "96 killed"
 * the next day there), nearest in time first: the figure was revised by later reporting. Only dated figures can be
 * revised; a later report of the same day is a conflict, not a revision.
 */
export function laterReportsOf(view: FigureCorpusView, articleId: string, index: number, articles = Infinity): ClusterMember[] {
  const figure = view.article(articleId)?.figures[index];
  if (!figure || !isCurrent(figure) || !isDefinite(figure) || !isIdentifiable(figure)) return [];
  const cluster = view.clusters.clusterOf(articleId, index);
  if (!cluster || cluster.size < 2) return [];
  const claim = claimOf(figure);
  if (claim.day === undefined) return [];
  const out: ClusterMember[] = [];
  const ahead = LONG_REVISION_DAYS;
  // The value ratio is checked here (it depends on which report is later), not by the probe.
  const probe = new QuantityProbe(view, articleId, figure);
  const seen = new Set<string>();
  // Within a month, the nearest reports; beyond it only running totals of one named thing ("British troops killed
  // in Iraq since 2003") revise each other, looked for among many more reports (a cheap test comes first).
  const near = cluster.inDays(claim.day + 1, claim.day + REVISION_DAYS, MAX_WEIGHED);
  // A figure that names nothing and has no owner is a running total of no named thing: nothing far can revise it.
  const named = figure.evidence.entities.length > 0 || figure.owner !== undefined;
  const far = !named ? [] : cluster.inDaysWhere(claim.day + REVISION_DAYS + 1, claim.day + ahead, (m) => runningTotalsOfOne(figure, m.figure), MAX_WEIGHED, MAX_SCANNED_FAR);
  for (const m of near.concat(far)) {
    if (m.articleId === articleId) continue;
    const c = m.claim;
    // Another value: the numbers written differ beyond rounding ("at least 148", then "about 230"), not only the intervals.
    if (!c.comparable || !sameUnitClaims(claim, c) || sameAnchor(figure, m.figure) || sameTimeClaims(claim, c, DATELINE_SAME_TIME_DAYS)) continue;
    if (!disjointClaims(claim, c) && !(figure.qualifier !== 'exact' || m.figure.qualifier !== 'exact')) continue;
    if (Math.max(c.base, claim.base) > revisionRatio(figure, m.figure, claim.day, c, probe.storyWith(m.articleId)) * Math.min(c.base, claim.base)) continue;
    if (!probe.matches(m)) continue;
    out.push(m);
    seen.add(m.articleId);
  }
  // The reports that share most with the figure first (the same people, places, owner and words), then the nearest:
  // a message names only a few.
  // One report per article, the closest.
  if (out.length <= 1) return out;
  const score = new Map(out.map((m) => [m, closeness(figure, m.figure)]));
  out.sort((a, b) => score.get(b)! - score.get(a)! || a.claim.day! - b.claim.day!);
  const taken = new Set<string>();
  return out.filter((m) => !taken.has(m.articleId) && !!taken.add(m.articleId));
}

/**
 * How much two figures' evidence has in common: the names of the first, weighted by how near the second figure
 * they stand ("Biden … 1,124 delegates; Sanders … 815": Sanders is nearer 815), the same owner, shared words.
 */
function closeness(a: Figure, b: Figure): number {
  let n = 0;
  b.evidence.entities.forEach((e, i) => {
    if (a.evidence.entities.includes(e)) n += 1 / (1 + i);
  });
  if (a.owner !== undefined && a.owner === b.owner) n++;
  return n + sharedCount(a.evidence.context, b.evidence.context) / 4;
}

/** Reports scanned beyond a month for running totals of one named thing (see laterReportsOf). */
const MAX_SCANNED_FAR = 400;

/**
 * How far apart the values of a revision may be. A count that grows within a month may grow many times over (a
 * disaster's toll, "22,464" then "77,738"; cases "over 200" then "2,741"; a candidate's delegates); otherwise reports
 * of one quantity differ by a margin (see CONFLICT_MAX_RATIO).
 */
export const REVISION_GROWTH_MAX_RATIO = 30;

function revisionRatio(earlier: Figure, laterFigure: Figure, earlierDay: number, later: Claim, story: number): number {
  const grows = later.base > earlier.value * earlier.unitScale;
  // Growth many times over is told of running totals, or within one story told closely
  const total = earlier.evidence.cumulative || laterFigure.evidence.cumulative || story >= GROWTH_SAME_STORY;
  return grows && total && earlier.dimension === 'count' && later.day! - earlierDay <= REVISION_DAYS ? REVISION_GROWTH_MAX_RATIO : CONFLICT_MAX_RATIO;
}

/** Story overlap from which a count told many times over is taken for growth without a running-total word. */
const GROWTH_SAME_STORY = 0.3;

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

/** What a quick fix needs about another figure (a reference to it, and its value for the action title). */
export function otherFigureData(view: FigureCorpusView, m: ClusterMember): Record<string, unknown> {
  const data = {
    articleId: m.articleId,
    label: view.article(m.articleId)?.label ?? m.articleId,
    start: m.figure.start,
    end: m.figure.end,
    text: m.figure.text,
    value: m.figure.value,
    unit: m.figure.unit,
    source: m.figure.source?.name ?? null,
    date: isoDate(m.figure.date.date),
  };
  figureOfData.set(data, m.figure);
  return data;
}

/** The figure each `otherFigureData` object describes, so its offsets can follow the figure (`withCurrentOffsets`). */
const figureOfData = new WeakMap<object, Figure>();

/**
 * A finding's data with the offsets of the other figures it describes brought up to date: cached findings keep
 * their data while the other article is edited around an unchanged claim. Data that needs nothing comes back as is.
 */
export function withCurrentOffsets(data: Record<string, unknown>, current: (figure: Figure) => Figure | undefined): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(data)) {
    if (!Array.isArray(value)) continue;
    let list: unknown[] | undefined;
    value.forEach((item, i) => {
      const figure = typeof item === 'object' && item ? figureOfData.get(item) : undefined;
      const now = figure ? current(figure) : undefined;
      if (!now || (now.start === (item as { start: number }).start && now.end === (item as { end: number }).end)) return;
      list ??= value.slice();
      list[i] = { ...(item as object), start: now.start, end: now.end };
    });
    if (list) (out ??= { ...data })[key] = list;
  }
  return out ?? data;
}

export function labelOf(view: FigureCorpusView, articleId: string): string {
  return view.article(articleId)?.label ?? articleId;
}

/** "Russian troops near Ukraine" or, without a subject, the unit. */
export function subjectLabel(f: Figure): string {
  return f.subject?.text ?? f.unit;
}

/**
 * The first `count` articles among the members, in their order, each by its most telling member (as
 * `onePerArticle`), and whether more articles follow: what a message names, without ranking every article.
 */
export function leadingArticles(members: readonly ClusterMember[], count: number): { shown: ClusterMember[]; more: boolean } {
  const shown: ClusterMember[] = [];
  let more = false;
  for (const m of members) {
    const at = shown.findIndex((s) => s.articleId === m.articleId);
    if (at >= 0) {
      if (m.claim.rank > shown[at]!.claim.rank) shown[at] = m;
    } else if (shown.length < count) {
      shown.push(m);
    } else {
      more = true;
    }
  }
  return { shown, more };
}

/**
 * The members that `accept` takes, in order, until they span `articles + 1` articles: enough for a message naming
 * `articles` of them and saying whether there are more, without weighing every candidate of a large cluster.
 */
export function acceptedUntil(members: readonly ClusterMember[], accept: (m: ClusterMember) => boolean, articles: number): ClusterMember[] {
  const out: ClusterMember[] = [];
  const seen = new Set<string>();
  for (const m of members) {
    if (!seen.has(m.articleId) && seen.size > articles) break;
    if (!accept(m)) continue;
    out.push(m);
    seen.add(m.articleId);
  }
  return out;
}

/** One member per article, the most telling: attributed before unattributed, body before headline. */
export function onePerArticle(members: ClusterMember[]): ClusterMember[] {
  const best = new Map<string, ClusterMember>();
  for (const m of members) {
    const current = best.get(m.articleId);
    if (!current || m.claim.rank > current.claim.rank) best.set(m.articleId, m);
  }
  return best.size === members.length ? members : members.filter((m) => best.get(m.articleId) === m);
}

const supersededCache = new WeakMap<Figure, { cluster: string; version: number; superseded: boolean }>();

/** `supersessionsOf(…).length > 0`, remembered per figure until an earlier value joins or leaves its cluster. */
export function isSuperseded(view: FigureCorpusView, articleId: string, index: number): boolean {
  const cluster = view.clusters.clusterOf(articleId, index);
  if (!cluster?.hasPreviousValues) return false;
  const figure = view.article(articleId)?.figures[index];
  if (!figure) return false;
  const cached = supersededCache.get(figure);
  if (cached && cached.cluster === cluster.id && cached.version === cluster.previousVersion) return cached.superseded;
  const superseded = supersessionsOf(view, articleId, index).length > 0;
  supersededCache.set(figure, { cluster: cluster.id, version: cluster.previousVersion, superseded });
  return superseded;
}

/**
 * Lists at most `max` items, then "and others" when `total` says there are more. The rest is not counted: a count
 * would change with every edit anywhere in the cluster, and with it every member's message.
 */
export function listSome(items: string[], max = 3, total = items.length): string {
  if (total <= max) return items.slice(0, max).join('; ');
  return `${items.slice(0, max).join('; ')}; and others`;
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
  const figure = view.article(articleId)?.figures[index];
  if (!cluster || !figure) return [];
  const probe = new QuantityProbe(view, articleId, figure);
  // The cluster proposes; the evidence decides which members are this quantity.
  const same = cluster.members().filter((m) => m.figure === figure || probe.matches(m));
  return same.slice(0, max).map((m) => ({
    ...m,
    label: labelOf(view, m.articleId),
    date: isoDate(m.figure.date.date),
    source: m.figure.source?.name ?? null,
  }));
}
