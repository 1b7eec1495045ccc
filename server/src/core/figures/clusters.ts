// Claim clusters: figures that may state the same quantity across the corpus, kept incrementally.
//
// A cluster is a bucket of candidates: the quantity key (dimension + class of what is counted + event, e.g.
// "count|people/deaths"). The bucket only proposes pairs; whether two members state one quantity is decided by the
// evidence (identity.ts: owners, names, context words, the articles' stories, time). A figure whose quantity cannot
// be told (nothing counted, a generic noun) forms a cluster of its own article and is compared with nothing.
// Buckets make every operation proportional to the figures of the edited article and the clusters they touch.
import { toDayNumber } from '../dates';
import { claimOf, numbersConflict, PackedClaims, SAME_TIME_DAYS, type Claim, type ClaimProbe } from './claim';
import { isIdentifiable, sameQuantity, storySimilarity } from './identity';
import type { Figure } from './types';

export { SAME_TIME_DAYS };

export interface ClusterMember {
  articleId: string;
  /** Index of the figure in its article's figure list. */
  index: number;
  figure: Figure;
  /** Day number of the figure's date, when known. */
  day: number | undefined;
  /** The figure's comparable facts, flattened (see claim.ts). */
  claim: Claim;
}

/**
 * The members of one day (or the undated ones), with a flat layout of their claims when there are enough of them
 * to be worth it (rebuilt on first use after that day changed).
 */
interface DayLayout {
  members: readonly ClusterMember[];
  claims: PackedClaims | undefined;
  /** Numbered article of each member, so scans skip an article without reading the member. */
  article: Int32Array | undefined;
}

/** Below this many members a day's scan reads the members themselves: flat arrays would cost more than they save. */
const FLAT_LAYOUT_MIN = 24;

export class FigureCluster {
  private readonly dayLayouts = new Map<number, DayLayout>();
  private undatedLayout: DayLayout | undefined;
  private readonly articleNumbers = new Map<string, number>();
  private sortedDays: number[] | undefined;
  /** Days (undefined: the undated members) with members added since they were last put in article order. */
  private readonly unsorted = new Set<number | undefined>();

  private readonly byArticle = new Map<string, ClusterMember[]>();
  /** Dated members by day number: a window of days is a handful of look-ups, whatever the cluster's size. */
  private readonly byDay = new Map<number, ClusterMember[]>();
  private undated: ClusterMember[] = [];
  /** Earlier values by the logarithmic bucket of their value, then by day: supersession checks look up, not scan. */
  private readonly previousByAnchor = new Map<number, Map<number, ClusterMember[]>>();
  private previousChanges = 0;
  private changes = 0;
  private count = 0;

  constructor(readonly id: string, readonly quantityKey: string) {}

  get size(): number {
    return this.count;
  }

  articleIds(): IterableIterator<string> {
    return this.byArticle.keys();
  }

  membersOf(articleId: string): readonly ClusterMember[] {
    return this.byArticle.get(articleId) ?? [];
  }

  /** Every member: dated ones by day, then undated ones. */
  members(): ClusterMember[] {
    const out: ClusterMember[] = [];
    for (const day of [...this.byDay.keys()].sort((a, b) => a - b)) for (const m of this.membersOfDay(day)!) out.push(m);
    for (const m of this.membersOfDay(undefined)!) out.push(m);
    return out;
  }

  private articleNumber(articleId: string): number {
    let n = this.articleNumbers.get(articleId);
    if (n === undefined) this.articleNumbers.set(articleId, (n = this.articleNumbers.size));
    return n;
  }

  /** A day's members in article order; sorted when first read after additions (nearly sorted: one pass). */
  private membersOfDay(day: number | undefined): ClusterMember[] | undefined {
    const members = day === undefined ? this.undated : this.byDay.get(day);
    if (members && this.unsorted.delete(day)) members.sort(byArticleOrder);
    return members;
  }

  private layoutOf(day: number | undefined): DayLayout | undefined {
    const cached = day === undefined ? this.undatedLayout : this.dayLayouts.get(day);
    if (cached) return cached;
    const members = this.membersOfDay(day);
    if (!members?.length) return undefined;
    let layout: DayLayout = { members, claims: undefined, article: undefined };
    if (members.length >= FLAT_LAYOUT_MIN) {
      const article = new Int32Array(members.length);
      members.forEach((m, i) => (article[i] = this.articleNumber(m.articleId)));
      layout = { members, claims: new PackedClaims(members.map((m) => m.claim)), article };
    }
    if (day === undefined) this.undatedLayout = layout;
    else this.dayLayouts.set(day, layout);
    return layout;
  }

  private daysNewestFirst(): number[] {
    this.sortedDays ??= [...this.byDay.keys()].sort((a, b) => b - a);
    return this.sortedDays;
  }

  /**
   * Visits the members whose date is within `days` of `day`, nearest first, then undated ones (for an undated
   * `day`: the most recent dated members, then undated ones), as (layout, position). At most `limit`: a check stays
   * bounded however big the cluster grows.
   */
  private visitAround(day: number | undefined, days: number, limit: number, visit: (layout: DayLayout, position: number) => void): void {
    let n = 0;
    const group = (d: number) => {
      const layout = this.layoutOf(d);
      if (!layout) return;
      for (let i = 0; i < layout.members.length && n < limit; i++, n++) visit(layout, i);
    };
    if (day === undefined) {
      for (const d of this.daysNewestFirst()) {
        if (n >= limit) break;
        group(d);
      }
    } else {
      group(day);
      for (let k = 1; k <= days && n < limit; k++) {
        group(day - k);
        group(day + k);
      }
    }
    const undated = this.layoutOf(undefined);
    if (undated) for (let i = undated.members.length - 1; i >= 0 && n < limit; i--, n++) visit(undated, i);
  }

  /**
   * Dated members from `fromDay` to `toDay` (inclusive), nearest to `fromDay` first when `fromDay <= toDay`, at most
   * `limit`: the later (or earlier) reports of a quantity, for revisions.
   */
  inDays(fromDay: number, toDay: number, limit = MAX_COMPARED): ClusterMember[] {
    return this.inDaysWhere(fromDay, toDay, undefined, limit, Infinity);
  }

  /**
   * `inDays` keeping only the members `accept` takes: at most `limit` of them, among at most `scanned` members looked
   * at (a cheap test over many members, without building the list of all of them).
   */
  inDaysWhere(fromDay: number, toDay: number, accept: ((m: ClusterMember) => boolean) | undefined, limit: number, scanned: number): ClusterMember[] {
    const days = this.daysNewestFirst();
    const out: ClusterMember[] = [];
    let seen = 0;
    const lo = Math.min(fromDay, toDay);
    const hi = Math.max(fromDay, toDay);
    // days are sorted newest first: the first index at or below `hi`, then walk while at or above `lo`
    let a = 0;
    let b = days.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (days[mid]! > hi) a = mid + 1;
      else b = mid;
    }
    let end = a;
    while (end < days.length && days[end]! >= lo) end++;
    const ascending = fromDay <= toDay;
    for (let n = 0; n < end - a; n++) {
      const d = days[ascending ? end - 1 - n : a + n]!;
      for (const m of this.membersOfDay(d) ?? []) {
        if (out.length >= limit || seen++ >= scanned) return out;
        if (!accept || accept(m)) out.push(m);
      }
    }
    return out;
  }

  /** The members `visitAround` visits, in its order. */
  around(day: number | undefined, days = SAME_TIME_DAYS, limit = MAX_COMPARED): ClusterMember[] {
    const out: ClusterMember[] = [];
    this.visitAround(day, days, limit, (layout, i) => out.push(layout.members[i]!));
    return out;
  }

  /**
   * Members around the claim's day, outside `exceptArticle`, whose numbers conflict with it (`numbersConflictAt`):
   * the scan behind conflict checks, on the flat layouts.
   */
  numberConflictsAround(claim: Claim, exceptArticle: string, limit = MAX_COMPARED): ClusterMember[] {
    const except = this.articleNumbers.get(exceptArticle) ?? -1;
    const out: ClusterMember[] = [];
    let probed: DayLayout | undefined;
    let probe: ClaimProbe | undefined;
    this.visitAround(claim.day, SAME_TIME_DAYS, limit, (layout, i) => {
      if (!layout.claims) {
        const m = layout.members[i]!;
        if (m.articleId !== exceptArticle && numbersConflict(claim, m.claim)) out.push(m);
        return;
      }
      if (layout.article![i] === except) return;
      if (probed !== layout) {
        probed = layout;
        probe = layout.claims.probe(claim);
      }
      if (layout.claims.numbersConflictAt(probe!, i)) out.push(layout.members[i]!);
    });
    return out;
  }

  /**
   * Members framed as earlier values ("up from 130,000") whose value is within 2 % of `baseValue`, dated within
   * [fromDay, toDay] or undated (every date when no range is given).
   */
  previousNear(baseValue: number, fromDay?: number, toDay?: number): ClusterMember[] {
    const bucket = anchorBucket(baseValue);
    const out: ClusterMember[] = [];
    for (let b = bucket - 1; b <= bucket + 1; b++) {
      const byDay = this.previousByAnchor.get(b);
      if (!byDay) continue;
      if (fromDay === undefined || toDay === undefined || toDay - fromDay > byDay.size) {
        for (const [day, list] of byDay) {
          if (fromDay !== undefined && toDay !== undefined && day !== UNDATED && (day < fromDay || day > toDay)) continue;
          for (const m of list) out.push(m);
        }
      } else {
        for (let d = fromDay; d <= toDay; d++) {
          const list = byDay.get(d);
          if (list) for (const m of list) out.push(m);
        }
        const undated = byDay.get(UNDATED);
        if (undated) for (const m of undated) out.push(m);
      }
    }
    return out;
  }

  /** Changes whenever an earlier value joins or leaves the cluster (for caches of supersession). */
  get previousVersion(): number {
    return this.previousChanges;
  }

  /** Some member is framed as an earlier value: only then can a figure of this cluster be superseded. */
  get hasPreviousValues(): boolean {
    return this.previousByAnchor.size > 0;
  }

  /**
   * Changes whenever a member joins or leaves in substance (for caches of per-figure findings). A member that comes
   * back unchanged after an edit elsewhere in its article (new offsets, same claim) does not change it.
   */
  get version(): number {
    return this.changes;
  }

  /** Marks a change in substance (see `version`), made by an article's figures. */
  bump(articleId: string): void {
    this.changes++;
    this.bumpsByArticle.set(articleId, (this.bumpsByArticle.get(articleId) ?? 0) + 1);
  }

  /**
   * `version` without the changes the article made itself: for results that read only other articles' members
   * (conflicts, revisions), an edit of an article's own figures leaves its other figures' results as they were.
   */
  versionExcept(articleId: string): number {
    return this.changes - (this.bumpsByArticle.get(articleId) ?? 0);
  }

  private readonly bumpsByArticle = new Map<string, number>();

  add(member: ClusterMember): void {
    if (member.day === undefined) this.undatedLayout = undefined;
    else this.dayLayouts.delete(member.day);
    let list = this.byArticle.get(member.articleId);
    if (!list) this.byArticle.set(member.articleId, (list = []));
    list.push(member);
    this.count++;
    if (member.day === undefined) {
      this.undated.push(member);
    } else {
      let day = this.byDay.get(member.day);
      if (!day) {
        this.byDay.set(member.day, (day = []));
        this.sortedDays = undefined;
      }
      day.push(member);
    }
    this.unsorted.add(member.day);
    if (member.figure.framing === 'previous') {
      const bucket = anchorBucket(member.figure.value * member.figure.unitScale);
      let byDay = this.previousByAnchor.get(bucket);
      if (!byDay) this.previousByAnchor.set(bucket, (byDay = new Map()));
      const day = member.day ?? UNDATED;
      let list = byDay.get(day);
      if (!list) byDay.set(day, (list = []));
      list.push(member);
      this.previousChanges++;
    }
  }

  removeArticle(articleId: string): void {
    const list = this.byArticle.get(articleId);
    if (!list) return;
    this.count -= list.length;
    this.byArticle.delete(articleId);
    let undated = false;
    for (const m of list) {
      if (m.figure.framing === 'previous') {
        const bucket = anchorBucket(m.figure.value * m.figure.unitScale);
        const byDay = this.previousByAnchor.get(bucket);
        const day = m.day ?? UNDATED;
        const rest = (byDay?.get(day) ?? []).filter((x) => x.articleId !== articleId);
        if (rest.length > 0) byDay!.set(day, rest);
        else if (byDay) {
          byDay.delete(day);
          if (byDay.size === 0) this.previousByAnchor.delete(bucket);
        }
        this.previousChanges++;
      }
      if (m.day === undefined) {
        undated = true;
        continue;
      }
      const day = this.byDay.get(m.day);
      if (!day) continue;
      this.dayLayouts.delete(m.day);
      const rest = day.filter((x) => x.articleId !== articleId);
      if (rest.length === 0) {
        this.byDay.delete(m.day);
        this.sortedDays = undefined;
      } else {
        this.byDay.set(m.day, rest);
      }
    }
    if (undated) {
      this.undated = this.undated.filter((x) => x.articleId !== articleId);
      this.undatedLayout = undefined;
    }
  }
}

/**
 * Members of a day are read in article order (then figure order), so what a bounded scan sees, and the order of
 * related places, depend on the corpus, not on the order in which articles were read or edited.
 */
function byArticleOrder(a: ClusterMember, b: ClusterMember): number {
  return a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.index - b.index;
}

/**
 * A later report of a quantity revises an earlier one within this many days (see superseded-figure). Calibrated on the
 * labelled real-news pairs: beyond a month, a report with the same noun was another quantity far more often than not.
 */
export const REVISION_DAYS = 30;

const NO_TERMS = new Uint32Array(0);
/** Running totals of one named thing revise each other up to this many days apart (see `runningTotalsOfOne`). */
export const LONG_REVISION_DAYS = 400;

/** The most members one figure is compared with, nearest in time first (see `FigureCluster.around`). */
export const MAX_COMPARED = 200;
/**
 * The most candidates whose evidence is weighed for one figure (conflicts, vagueness, revisions), nearest in time
 * first: weighing evidence costs more than comparing numbers, and the nearest reports are the telling ones.
 */
export const MAX_WEIGHED = 60;

/** Day key of undated earlier values. */
const UNDATED = Number.MIN_SAFE_INTEGER;

/** Values 2 % apart fall in neighbouring buckets. */
function anchorBucket(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return 0;
  return Math.sign(value) * Math.round(Math.log(Math.abs(value)) / Math.log(1.02));
}

/**
 * What other articles can see of a figure: everything but its offsets (its claim, its cluster, how it ranks among
 * its article's figures, and the value that replaced it when it is an earlier one).
 */
function figureSignature(articleId: string, f: Figure, list: readonly Figure[], story: string): string {
  const replacement = f.replacedBy === undefined ? '' : list[f.replacedBy]?.text ?? '';
  return `${story}\u0001${f.evidence.context.join(',')}\u0001${f.evidence.entities.join(',')}\u0001${clusterIdOf(articleId, f)}\u0001${f.text}\u0001${f.min}\u0001${f.max}\u0001${f.unit}\u0001${f.framing}\u0001${f.kind}\u0001${f.source?.name ?? ''}\u0001${f.subject?.text ?? ''}\u0001${f.date.dayNumber ?? ''}\u0001${f.date.basis}\u0001${f.owner ?? ''}\u0001${f.inHeading ? 1 : 0}\u0001${replacement}`;
}

interface FigureChanges {
  removed: Figure[];
  added: Figure[];
  /** Figures of the old version matched with the same claim in the new one (moved by an edit, nothing else). */
  kept: Array<[before: Figure, after: Figure]>;
}

/** Figures in one version and not the other (compared as multisets of signatures, in text order). */
function changedFigures(articleId: string, before: readonly Figure[], beforeStory: string, after: readonly Figure[], afterStory: string): FigureChanges {
  const unmatched = new Map<string, Figure[]>();
  for (const f of before) {
    const key = figureSignature(articleId, f, before, beforeStory);
    const list = unmatched.get(key);
    if (list) list.push(f);
    else unmatched.set(key, [f]);
  }
  const added: Figure[] = [];
  const kept: Array<[Figure, Figure]> = [];
  for (const f of after) {
    const old = unmatched.get(figureSignature(articleId, f, after, afterStory))?.shift();
    if (old) kept.push([old, f]);
    else added.push(f);
  }
  const removed: Figure[] = [];
  for (const list of unmatched.values()) for (const f of list) removed.push(f);
  return { removed, added, kept };
}

/** The two intervals share a value, in the dimension's base unit. */
function overlapping(a: Figure, b: Figure): boolean {
  const aMin = a.min * a.unitScale;
  const aMax = a.max * a.unitScale;
  const bMin = b.min * b.unitScale;
  const bMax = b.max * b.unitScale;
  return aMin <= bMax && bMin <= aMax;
}

/** The cluster id of a figure: its quantity key, or its article's own cluster when its quantity cannot be told. */
export function clusterIdOf(articleId: string, figure: Figure): string {
  return isIdentifiable(figure) ? figure.quantityKey : `${figure.quantityKey}|@${articleId}`;
}

export function dayOf(figure: Figure): number | undefined {
  if (figure.date.dayNumber !== undefined) return figure.date.dayNumber;
  return figure.date.date ? toDayNumber(figure.date.date) : undefined;
}

export class FigureClusterIndex {
  private readonly clusters = new Map<string, FigureCluster>();
  private readonly articles = new Map<string, { figures: readonly Figure[]; story: string; terms: Uint32Array; clusterIds: string[]; clusters: FigureCluster[] }>();
  /** Cluster id of every figure the index holds now (a figure leaves it when its article is re-analysed). */
  private readonly figureCluster = new WeakMap<Figure, string>();
  /** A figure replaced by an unchanged claim in a newer version of its article → that claim's figure. */
  private readonly successor = new WeakMap<Figure, Figure>();
  private readonly predecessors = new WeakMap<Figure, Figure>();

  get clusterCount(): number {
    return this.clusters.size;
  }

  get articleCount(): number {
    return this.articles.size;
  }

  /** Every cluster, in no particular order (for views over the whole corpus). */
  all(): IterableIterator<FigureCluster> {
    return this.clusters.values();
  }

  cluster(id: string): FigureCluster | undefined {
    return this.clusters.get(id);
  }

  /**
   * Replaces an article's figures. Returns the other articles whose cross-article findings may change: those with
   * figures of the same clusters, before or after the change, at the same time.
   */
  upsertArticle(articleId: string, figures: readonly Figure[], computeAffected = true, storyTerms?: Uint32Array): Set<string> {
    const before = this.articles.get(articleId);
    const previous = before?.figures ?? [];
    // A changed story changes what every figure of the article may be compared with: all of them count as changed.
    const story = storyTerms ? storyTerms.join(',') : '';
    // Only figures that changed in substance can change other articles' findings (typing prose moves offsets only),
    // and only through members they relate to. A figure that only moved gets a successor, so spans that other
    // articles' findings hold on it follow it (`currentFigure`).
    const { removed, added, kept } = previous.length ? changedFigures(articleId, previous, before!.story, figures, story) : { removed: [], added: figures, kept: [] };
    for (const [before, after] of kept) {
      if (before === after) continue; // the same analysis again (knowledge-base relink)
      this.successor.set(before, after);
      this.predecessors.set(after, before);
    }
    const affected = new Set<string>();
    const oldTerms = before?.terms ?? NO_TERMS;
    const newTerms = storyTerms ?? NO_TERMS;
    for (const f of removed) {
      if (computeAffected) this.collectRelated(articleId, f, affected, oldTerms);
      const cluster = this.clusters.get(this.figureCluster.get(f) ?? clusterIdOf(articleId, f));
      cluster?.bump(articleId);
    }
    this.detach(articleId);
    const clusterIds: string[] = [];
    const clusters: FigureCluster[] = [];
    figures.forEach((figure, index) => {
      const id = clusterIdOf(articleId, figure);
      clusterIds.push(id);
      this.figureCluster.set(figure, id);
      let cluster = this.clusters.get(id);
      if (!cluster) this.clusters.set(id, (cluster = new FigureCluster(id, figure.quantityKey)));
      const member: ClusterMember = { articleId, index, figure, day: dayOf(figure), claim: claimOf(figure) };
      cluster.add(member);
      clusters.push(cluster);
    });
    // The article's clusters stay the same objects while it is a member (a cluster goes only when it is empty).
    this.articles.set(articleId, { figures, story, terms: newTerms, clusterIds, clusters });
    for (const f of added) {
      this.clusters.get(this.figureCluster.get(f)!)?.bump(articleId);
      if (computeAffected) this.collectRelated(articleId, f, affected, newTerms);
    }
    affected.delete(articleId);
    return affected;
  }

  /**
   * The figure's current version: itself while its article holds it, else the figure with the same claim in the
   * article's newer version (undefined when the claim is gone). Spans in cached findings follow it.
   */
  currentFigure(figure: Figure): Figure | undefined {
    let f: Figure | undefined = figure;
    for (let steps = 0; f && !this.figureCluster.has(f) && steps < 10_000; steps++) f = this.successor.get(f);
    if (f && f !== figure) this.successor.set(figure, f); // shorten the chain for the next look-up
    return f && this.figureCluster.has(f) ? f : undefined;
  }

  /** The older version of a figure whose claim did not change (for reusing what was computed for it). */
  predecessor(figure: Figure): Figure | undefined {
    return this.predecessors.get(figure);
  }

  /**
   * Articles whose findings about `figure`'s quantity may involve it: members of its cluster at the same time that
   * are vague, earlier values, or not compatible with it (and any member when it is itself vague or an earlier value).
   */
  private collectRelated(articleId: string, figure: Figure, out: Set<string>, terms: Uint32Array): void {
    const cluster = this.clusters.get(clusterIdOf(articleId, figure));
    if (!cluster || cluster.size <= 1) return;
    if (!isIdentifiable(figure)) return;
    const broad = figure.kind === 'vague' || figure.framing !== 'current';
    const day = dayOf(figure);
    // Earlier reports of the quantity may now be revised by this one (see revised-figure): a month back, a year
    // back for running totals.
    const earlier = day === undefined || figure.framing !== 'current' || figure.kind === 'vague' ? []
      : cluster.inDays(day - 1, day - LONG_REVISION_DAYS, MAX_WEIGHED)
        .filter((m) => m.day! >= day - REVISION_DAYS || figure.evidence.cumulative || m.figure.evidence.cumulative);
    const stories = new Map<string, number>();
    for (const list of [cluster.around(day, SAME_TIME_DAYS, MAX_WEIGHED), earlier]) {
      for (const m of list) {
        if (m.articleId === articleId || out.has(m.articleId)) continue;
        const o = m.figure;
        if (!(broad || o.kind === 'vague' || o.framing !== 'current' || !overlapping(figure, o))) continue;
        // Only a member the evidence can take for this quantity has findings that involve this figure.
        let story = stories.get(m.articleId);
        if (story === undefined) stories.set(m.articleId, (story = storySimilarity(terms, this.articles.get(m.articleId)?.terms ?? NO_TERMS)));
        const undated = day === undefined || m.day === undefined;
        if (!sameQuantity(figure, o, { sameArticle: false, story }, { undated })) continue;
        out.add(m.articleId);
      }
    }
  }

  /** Forgets an article. Returns the articles whose cross-article findings may change. */
  removeArticle(articleId: string, computeAffected = true): Set<string> {
    const affected = new Set<string>();
    const entry = this.articles.get(articleId);
    if (computeAffected && entry) for (const f of entry.figures) this.collectRelated(articleId, f, affected, entry.terms);
    this.detach(articleId);
    this.articles.delete(articleId);
    affected.delete(articleId);
    return affected;
  }

  has(articleId: string): boolean {
    return this.articles.has(articleId);
  }

  figuresOf(articleId: string): readonly Figure[] | undefined {
    return this.articles.get(articleId)?.figures;
  }

  /** The cluster of each of an article's figures; a new array whenever the article's figures are replaced. */
  clustersOfArticle(articleId: string): readonly FigureCluster[] | undefined {
    return this.articles.get(articleId)?.clusters;
  }

  clusterById(id: string): FigureCluster | undefined {
    return this.clusters.get(id);
  }

  /** The cluster of a figure held by the index (by identity), or of the figure at `index` of an article. */
  clusterOf(figure: Figure): FigureCluster | undefined;
  clusterOf(articleId: string, index: number): FigureCluster | undefined;
  clusterOf(a: Figure | string, index?: number): FigureCluster | undefined {
    if (typeof a === 'string') return this.articles.get(a)?.clusters[index!];
    const id = this.figureCluster.get(a);
    return id === undefined ? undefined : this.clusters.get(id);
  }

  /** Articles with figures in the clusters of this article's figures, at the same time (the article itself excluded). */
  articlesAffectedBy(articleId: string): Set<string> {
    const out = new Set<string>();
    const entry = this.articles.get(articleId);
    if (!entry) return out;
    const seen = new Set<string>();
    entry.figures.forEach((figure, index) => {
      const id = entry.clusterIds[index]!;
      const day = dayOf(figure);
      const key = `${id}#${day ?? ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      const cluster = this.clusters.get(id);
      if (!cluster || cluster.size <= 1) return;
      for (const m of cluster.around(day)) if (m.articleId !== articleId) out.add(m.articleId);
    });
    return out;
  }

  private detach(articleId: string): void {
    const entry = this.articles.get(articleId);
    if (!entry) return;
    for (const f of entry.figures) this.figureCluster.delete(f);
    for (const id of new Set(entry.clusterIds)) {
      const cluster = this.clusters.get(id);
      if (!cluster) continue;
      cluster.removeArticle(articleId);
      if (cluster.size === 0) this.clusters.delete(id);
    }
  }
}
