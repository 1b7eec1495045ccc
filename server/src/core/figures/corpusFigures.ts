// The figures of the whole corpus, as the figure rules need them: each article's figures with a short label for
// messages, and the claim clusters across articles. The corpus index keeps one `FigureCorpus` up to date
// (`upsertArticle` on every analysed text, `removeArticle` when an article goes) and exposes it as `figures`.
import type { AnalyzedArticle } from '../analysis';
import type { CorpusIndexer, CorpusView } from '../corpusIndex';
import { figuresOfArticle, storyTermsOfArticle } from './articleFigures';
import { FigureClusterIndex } from './clusters';
import type { Figure } from './types';

export interface ArticleFigures {
  articleId: string;
  /** Short name for messages: "001" for ".../001_978851898b15b31b.txt". */
  label: string;
  figures: readonly Figure[];
  /** What the article's story is (see evidence.ts); empty when unknown. */
  storyTerms: Uint32Array;
}

/** What figure rules read across the corpus. */
export interface FigureCorpusView {
  readonly clusters: FigureClusterIndex;
  article(articleId: string): ArticleFigures | undefined;
}

/** An analysed article that may carry its figures (computed once per text version). */
export interface WithFigures {
  figures?: readonly Figure[];
  storyTerms?: Uint32Array;
}

/** A corpus view that may carry the figure index. */
export interface CorpusWithFigures {
  figures?: FigureCorpusView;
}

/**
 * The corpus's figures and claim clusters. Plugs into the corpus index as an indexer (`add` / `remove` on every
 * analysed version of an article) and collects the articles whose cross-article findings may have changed, for
 * the server to republish (`takeAffected`).
 */
export class FigureCorpus implements FigureCorpusView, CorpusIndexer {
  readonly clusters = new FigureClusterIndex();
  private readonly entries = new Map<string, ArticleFigures>();
  private affected = new Set<string>();
  /** Off while a whole corpus is (re)indexed: everything is published afterwards, so nothing needs tracking. */
  trackAffected = true;

  /** CorpusIndexer: an analysed article came or changed. */
  add(article: AnalyzedArticle & WithFigures): void {
    this.noteAffected(article.id, this.upsertAnalyzed(article));
  }

  /** CorpusIndexer: a new version of an article; figures moved by typing prose affect no other article. */
  replace(_previous: AnalyzedArticle, next: AnalyzedArticle & WithFigures): void {
    this.noteAffected(next.id, this.upsertAnalyzed(next));
  }

  /** CorpusIndexer: an analysed version of an article went away (replaced or deleted). */
  remove(article: AnalyzedArticle): void {
    this.noteAffected(article.id, this.removeArticle(article.id));
  }

  /**
   * The articles, other than those changed, whose cross-article findings may differ since the last call (plus the
   * changed ones themselves): republish their diagnostics. Clears the set.
   */
  takeAffected(): Set<string> {
    const out = this.affected;
    this.affected = new Set();
    return out;
  }

  private noteAffected(changed: string, others: Set<string>): void {
    if (!this.trackAffected) return;
    this.affected.add(changed);
    for (const id of others) this.affected.add(id);
  }

  get size(): number {
    return this.entries.size;
  }

  article(articleId: string): ArticleFigures | undefined {
    return this.entries.get(articleId);
  }

  /** Records an article's figures; returns the other articles whose cross-article findings may change. */
  upsertArticle(articleId: string, figures: readonly Figure[], storyTerms: Uint32Array = NO_TERMS): Set<string> {
    this.entries.set(articleId, { articleId, label: articleLabel(articleId), figures, storyTerms });
    return this.clusters.upsertArticle(articleId, figures, this.trackAffected, storyTerms);
  }

  /** Records an analysed article, reading its figures when it does not carry them yet. */
  upsertAnalyzed(analyzed: AnalyzedArticle & WithFigures): Set<string> {
    return this.upsertArticle(analyzed.id, analyzed.figures ?? figuresOf(analyzed), analyzed.storyTerms ?? storyTermsOfArticle(analyzed));
  }

  removeArticle(articleId: string): Set<string> {
    if (!this.entries.delete(articleId)) return new Set();
    return this.clusters.removeArticle(articleId, this.trackAffected);
  }

  articlesAffectedBy(articleId: string): Set<string> {
    return this.clusters.articlesAffectedBy(articleId);
  }
}

/** "file:///…/corpus/001_978851898b15b31b.txt" → "001"; other names lose their folder and extension. */
export function articleLabel(articleId: string): string {
  let name = articleId;
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  if (slash >= 0) name = name.slice(slash + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep it encoded
  }
  const numbered = /^(\d+)_[0-9a-f]{6,}/i.exec(name);
  if (numbered) return numbered[1]!;
  return name.replace(/\.txt$/i, '');
}

const NO_TERMS = new Uint32Array(0);

const computed = new WeakMap<object, readonly Figure[]>();

/** An article's figures: carried by the analysis when wired, else computed once per analysed object. */
export function figuresOf(analyzed: AnalyzedArticle & WithFigures): readonly Figure[] {
  if (analyzed.figures) return analyzed.figures;
  let figures = computed.get(analyzed);
  if (!figures) {
    figures = figuresOfArticle(analyzed);
    computed.set(analyzed, figures);
  }
  return figures;
}

const fallbackIndexes = new WeakMap<object, { size: number; corpus: FigureCorpus }>();

/**
 * The figure index of a corpus view. The server's corpus index carries one (`figures`); for views that do not
 * (a CLI run, a test), one is built on first use and rebuilt when the number of articles changes.
 */
export function figureCorpusOf(corpus: CorpusView & CorpusWithFigures): FigureCorpusView {
  if (corpus.figures) return corpus.figures;
  const cached = fallbackIndexes.get(corpus);
  if (cached && cached.size === corpus.size) return cached.corpus;
  const built = new FigureCorpus();
  for (const analyzed of corpus.articles()) built.upsertAnalyzed(analyzed);
  fallbackIndexes.set(corpus, { size: corpus.size, corpus: built });
  return built;
}

/**
 * The figures of the article being checked and the corpus view to compare them with. Makes sure the view holds
 * this very version of the article (a view built before an edit is brought up to date for it).
 */
export function figureContextOf(article: AnalyzedArticle & WithFigures, corpus: CorpusView & CorpusWithFigures): {
  view: FigureCorpusView;
  figures: readonly Figure[];
} {
  const figures = figuresOf(article);
  const view = figureCorpusOf(corpus);
  if (view.article(article.id)?.figures !== figures && view instanceof FigureCorpus) view.upsertAnalyzed(article);
  return { view, figures };
}
