// Per-figure results of a cross-article check, kept until the figure's claim cluster changes in substance.
//
// A figure's cross-article findings read only its own cluster (its members, their earlier values and the values
// that replaced them, all in articles that are members). So a result stays true while the cluster's version is
// unchanged: after an edit, an affected article recomputes only its figures in the clusters that moved. A figure
// whose claim survived an edit of its own article (same claim, new offsets) takes over its predecessor's result,
// moved to its new span.
import type { FigureCluster } from './clusters';
import type { FigureCorpusView } from './corpusFigures';
import type { Span } from '../types';
import type { Figure } from './types';

interface Memo<T> {
  cluster: FigureCluster | undefined;
  version: number;
  value: T;
}

interface ArticleMemo<T> {
  /** The view's clusters of the article's figures when computed (a new array once the article is replaced). */
  held: readonly FigureCluster[];
  /** Per figure: its cluster's version and its result when computed. */
  versions: number[];
  values: T[];
  results: Array<NonNullable<T>>;
}

export class PerFigureMemo<T extends Span | undefined> {
  private readonly results = new WeakMap<Figure, Memo<T>>();
  private readonly articles = new WeakMap<readonly Figure[], ArticleMemo<T>>();
  /** Each article's figures of the last call: a new version takes over the results of figures that only moved. */
  private readonly latest = new Map<string, readonly Figure[]>();

  /**
   * `same`: when a result computed again equals the old one, the old object is kept (callers compare identity).
   * `othersOnly`: the results read only other articles' members, so changes a figure's own article made to the
   * cluster do not invalidate them.
   */
  constructor(private readonly same: (a: T, b: T) => boolean = (a, b) => a === b, private readonly othersOnly = false) {}

  private versionOf(cluster: FigureCluster | undefined, articleId: string): number {
    if (!cluster) return -1;
    // Earlier values anywhere (the article's own included) decide what is superseded, which other results read.
    return this.othersOnly ? cluster.versionExcept(articleId) + cluster.previousVersion * 2 ** 32 : cluster.version;
  }

  /**
   * The defined results for every figure of an article (`compute` per figure, through `get`). Figures whose
   * cluster did not change keep their result; while none changed, the list of the last call comes back as it is.
   */
  all(view: FigureCorpusView, articleId: string, figures: readonly Figure[], compute: (figure: Figure, index: number) => T): Array<NonNullable<T>> {
    const held = view.clusters.clustersOfArticle(articleId);
    if (!held || held.length !== figures.length) {
      return figures.flatMap((f, i) => this.get(view, articleId, i, f, () => compute(f, i)) ?? []) as Array<NonNullable<T>>;
    }
    const cached = this.articles.get(figures);
    const same = cached?.held === held ? cached : undefined;
    if (same && held.every((c, i) => this.versionOf(c, articleId) === same.versions[i])) return same.results;
    // A new version of the article (typing prose): its figures whose claims only moved keep their results, findings
    // or none, so a keystroke recomputes only the figures it changed.
    const previousFigures = cached ? undefined : this.latest.get(articleId);
    const previous = previousFigures ? this.articles.get(previousFigures) : undefined;
    const previousIndex = previous ? new Map(previousFigures!.map((f, i) => [f, i])) : undefined;
    this.latest.set(articleId, figures);
    const versions: number[] = [];
    const values: T[] = [];
    const results: Array<NonNullable<T>> = [];
    figures.forEach((figure, index) => {
      const version = this.versionOf(held[index], articleId);
      const before = previousIndex ? view.clusters.predecessor(figure) : undefined;
      const at = before ? previousIndex!.get(before) : undefined;
      const value = same && same.versions[index] === version
        ? same.values[index]!
        : at !== undefined && previous!.held[at] === held[index] && previous!.versions[at] === version
          ? moved(previous!.values[at]!, before!, figure)
          : this.get(view, articleId, index, figure, () => compute(figure, index));
      versions.push(version);
      values.push(value);
      if (value) results.push(value as NonNullable<T>);
    });
    // Nothing came out different: the same list, so the article's check can tell nothing changed.
    const unchanged = same && same.results.length === results.length && same.results.every((r, i) => r === results[i]);
    this.articles.set(figures, { held, versions, values, results: unchanged ? same.results : results });
    return unchanged ? same.results : results;
  }

  /**
   * `compute()`'s result for the figure at `index` of the article, reused while its cluster is unchanged. Only
   * results that are findings are kept per figure (most figures have none, and `all` keeps those in its arrays).
   */
  get(view: FigureCorpusView, articleId: string, index: number, figure: Figure, compute: () => T): T {
    const cluster = view.clusters.clusterOf(articleId, index);
    const version = this.versionOf(cluster, articleId);
    const memo = this.results.get(figure);
    if (memo && memo.cluster === cluster && memo.version === version) return memo.value;
    const before = memo ? undefined : view.clusters.predecessor(figure);
    const inherited = before ? this.results.get(before) : undefined;
    let value = inherited && inherited.cluster === cluster && inherited.version === version
      ? moved(inherited.value, before!, figure)
      : compute();
    if (memo && this.same(memo.value, value)) value = memo.value;
    if (value) this.results.set(figure, { cluster, version, value });
    else if (memo) this.results.delete(figure);
    return value;
  }
}

/** A result on the old figure's span, put on the new one's. */
function moved<T extends Span | undefined>(value: T, before: Figure, after: Figure): T {
  if (!value || (value.start === after.start && value.end === after.end)) return value;
  const shift = after.start - before.start;
  return { ...value, start: value.start + shift, end: value.end + shift };
}
