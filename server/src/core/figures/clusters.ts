// Claim clusters: figures about the same quantity across the corpus, kept incrementally.
//
// A cluster is a bucket: the quantity key (dimension + class of what is counted, e.g. "count|military personnel")
// plus the name the quantity belongs to (its owner, else the first name of its scope, e.g. "russia"). A figure with
// no name at all forms a cluster of its own article. Buckets make every operation proportional to the figures of
// the edited article and the clusters they touch, never to the corpus.
import { toDayNumber } from '../dates';
import type { Figure } from './types';

/** Figures within this many days of each other hold for "the same time". Undated figures match any date. */
export const SAME_TIME_DAYS = 2;

export interface ClusterMember {
  articleId: string;
  /** Index of the figure in its article's figure list. */
  index: number;
  figure: Figure;
  /** Day number of the figure's date, when known. */
  day?: number;
}

export class FigureCluster {
  private readonly byArticle = new Map<string, ClusterMember[]>();
  /** Dated members by day number: a window of days is a handful of look-ups, whatever the cluster's size. */
  private readonly byDay = new Map<number, ClusterMember[]>();
  private undated: ClusterMember[] = [];
  /** Earlier values by the logarithmic bucket of their value, then by day: supersession checks look up, not scan. */
  private readonly previousByAnchor = new Map<number, Map<number, ClusterMember[]>>();
  private previousChanges = 0;
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
    for (const day of [...this.byDay.keys()].sort((a, b) => a - b)) for (const m of this.byDay.get(day)!) out.push(m);
    for (const m of this.undated) out.push(m);
    return out;
  }

  /**
   * Members whose date is within `days` of `day`, nearest first, then undated ones (for an undated `day`: the most
   * recent dated members, then undated ones). At most `limit`: a check stays bounded however big the cluster grows.
   */
  around(day: number | undefined, days = SAME_TIME_DAYS, limit = MAX_COMPARED): ClusterMember[] {
    const out: ClusterMember[] = [];
    const take = (list: readonly ClusterMember[] | undefined) => {
      if (!list) return;
      for (const m of list) {
        if (out.length >= limit) return;
        out.push(m);
      }
    };
    if (day === undefined) {
      for (const d of this.daysNewestFirst()) {
        if (out.length >= limit) break;
        take(this.byDay.get(d));
      }
    } else {
      take(this.byDay.get(day));
      for (let k = 1; k <= days && out.length < limit; k++) {
        take(this.byDay.get(day - k));
        take(this.byDay.get(day + k));
      }
    }
    for (let i = this.undated.length - 1; i >= 0 && out.length < limit; i--) out.push(this.undated[i]!);
    return out;
  }

  private sortedDays: number[] | undefined;

  private daysNewestFirst(): number[] {
    this.sortedDays ??= [...this.byDay.keys()].sort((a, b) => b - a);
    return this.sortedDays;
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

  add(member: ClusterMember): void {
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
      const rest = day.filter((x) => x.articleId !== articleId);
      if (rest.length === 0) {
        this.byDay.delete(m.day);
        this.sortedDays = undefined;
      } else {
        this.byDay.set(m.day, rest);
      }
    }
    if (undated) this.undated = this.undated.filter((x) => x.articleId !== articleId);
  }
}

/** The most members one figure is compared with, nearest in time first (see `FigureCluster.around`). */
export const MAX_COMPARED = 200;

/** Day key of undated earlier values. */
const UNDATED = Number.MIN_SAFE_INTEGER;

/** Values 2 % apart fall in neighbouring buckets. */
function anchorBucket(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return 0;
  return Math.sign(value) * Math.round(Math.log(Math.abs(value)) / Math.log(1.02));
}

/** What other articles can see of a figure: everything but its offsets. */
function figureSignature(f: Figure): string {
  return `${f.text}\u0001${f.min}\u0001${f.max}\u0001${f.unit}\u0001${f.framing}\u0001${f.kind}\u0001${f.source?.name ?? ''}\u0001${f.subject?.text ?? ''}\u0001${f.date.dayNumber ?? ''}\u0001${f.owner ?? ''}`;
}

/** Figures in one version and not the other (compared as multisets of signatures). */
function changedFigures(before: readonly Figure[], after: readonly Figure[]): { removed: Figure[]; added: Figure[] } {
  const counts = new Map<string, number>();
  for (const f of after) {
    const key = figureSignature(f);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const removed: Figure[] = [];
  for (const f of before) {
    const key = figureSignature(f);
    const n = counts.get(key) ?? 0;
    if (n > 0) counts.set(key, n - 1);
    else removed.push(f);
  }
  const added = after.filter((f) => {
    const key = figureSignature(f);
    const n = counts.get(key) ?? 0;
    if (n > 0) {
      counts.set(key, n - 1);
      return true;
    }
    return false;
  });
  return { removed, added };
}

/** The two intervals share a value, in the dimension's base unit. */
function overlapping(a: Figure, b: Figure): boolean {
  const aMin = a.min * a.unitScale;
  const aMax = a.max * a.unitScale;
  const bMin = b.min * b.unitScale;
  const bMax = b.max * b.unitScale;
  return aMin <= bMax && bMin <= aMax;
}

/** The cluster id of a figure: its quantity key and the name it belongs to (or its article, when it has none). */
export function clusterIdOf(articleId: string, figure: Figure): string {
  const name = figure.owner ?? figure.scope[0];
  return `${figure.quantityKey}|${name ?? `@${articleId}`}`;
}

export function dayOf(figure: Figure): number | undefined {
  if (figure.date.dayNumber !== undefined) return figure.date.dayNumber;
  return figure.date.date ? toDayNumber(figure.date.date) : undefined;
}

export class FigureClusterIndex {
  private readonly clusters = new Map<string, FigureCluster>();
  private readonly articles = new Map<string, { figures: readonly Figure[]; clusterIds: string[] }>();
  private readonly figureCluster = new WeakMap<Figure, string>();

  get clusterCount(): number {
    return this.clusters.size;
  }

  get articleCount(): number {
    return this.articles.size;
  }

  /**
   * Replaces an article's figures. Returns the other articles whose cross-article findings may change: those with
   * figures of the same clusters, before or after the change, at the same time.
   */
  upsertArticle(articleId: string, figures: readonly Figure[], computeAffected = true): Set<string> {
    const previous = this.articles.get(articleId)?.figures ?? [];
    // Only figures that changed in substance can change other articles' findings (typing prose moves offsets only),
    // and only through members they relate to.
    const { removed, added } = computeAffected ? changedFigures(previous, figures) : { removed: [], added: [] };
    const affected = new Set<string>();
    for (const f of removed) this.collectRelated(articleId, f, affected);
    this.detach(articleId);
    const clusterIds: string[] = [];
    figures.forEach((figure, index) => {
      const id = clusterIdOf(articleId, figure);
      clusterIds.push(id);
      this.figureCluster.set(figure, id);
      let cluster = this.clusters.get(id);
      if (!cluster) this.clusters.set(id, (cluster = new FigureCluster(id, figure.quantityKey)));
      const member: ClusterMember = { articleId, index, figure };
      const day = dayOf(figure);
      if (day !== undefined) member.day = day;
      cluster.add(member);
    });
    this.articles.set(articleId, { figures, clusterIds });
    for (const f of added) this.collectRelated(articleId, f, affected);
    affected.delete(articleId);
    return affected;
  }

  /**
   * Articles whose findings about `figure`'s quantity may involve it: members of its cluster at the same time that
   * are vague, earlier values, or not compatible with it (and any member when it is itself vague or an earlier value).
   */
  private collectRelated(articleId: string, figure: Figure, out: Set<string>): void {
    const cluster = this.clusters.get(clusterIdOf(articleId, figure));
    if (!cluster || cluster.size <= 1) return;
    const broad = figure.kind === 'vague' || figure.framing !== 'current';
    for (const m of cluster.around(dayOf(figure))) {
      if (m.articleId === articleId || out.has(m.articleId)) continue;
      const o = m.figure;
      if (broad || o.kind === 'vague' || o.framing !== 'current' || !overlapping(figure, o)) out.add(m.articleId);
    }
  }

  /** Forgets an article. Returns the articles whose cross-article findings may change. */
  removeArticle(articleId: string, computeAffected = true): Set<string> {
    const affected = new Set<string>();
    if (computeAffected) for (const f of this.articles.get(articleId)?.figures ?? []) this.collectRelated(articleId, f, affected);
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

  clusterById(id: string): FigureCluster | undefined {
    return this.clusters.get(id);
  }

  /** The cluster of a figure held by the index (by identity), or of the figure at `index` of an article. */
  clusterOf(figure: Figure): FigureCluster | undefined;
  clusterOf(articleId: string, index: number): FigureCluster | undefined;
  clusterOf(a: Figure | string, index?: number): FigureCluster | undefined {
    const id = typeof a === 'string' ? this.articles.get(a)?.clusterIds[index!] : this.figureCluster.get(a);
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
    for (const id of new Set(entry.clusterIds)) {
      const cluster = this.clusters.get(id);
      if (!cluster) continue;
      cluster.removeArticle(articleId);
      if (cluster.size === 0) this.clusters.delete(id);
    }
  }
}
