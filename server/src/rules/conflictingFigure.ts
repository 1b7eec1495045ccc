// A figure whose value cannot be true together with the same quantity, at the same time, in another article:
// "more than 130,000" here and "100,000" there. Reported on each side, with the other side as related information.
import { claimOf, subjectsShareWord } from '../core/figures/claim';
import { clusterIdOf, MAX_WEIGHED } from '../core/figures/clusters';
import { CONFLICT_MAX_RATIO, isIdentifiable } from '../core/figures/identity';
import {
  acceptedUntil, describeClaim, isSuperseded, leadingArticles, figureData, labelOf, listSome, otherFigureData, QuantityProbe, subjectLabel,
} from '../core/figures/claims';
import { figureContextOf, type FigureCorpusView } from '../core/figures/corpusFigures';
import { PerFigureMemo } from '../core/figures/figureMemo';
import type { Figure } from '../core/figures/types';
import { sameFinding } from './findings';
import type { Finding, Rule } from './types';

/** Related entries per finding: the ones the message names (the figure's hover lists every value of the quantity). */
const MAX_RELATED = 3;
/** "Mark as disputed" quick fixes offered: one per other figure, for the first few. */
const MAX_DISPUTE_FIXES = 3;

export const conflictingFigure: Rule = {
  id: 'conflicting-figure',
  summary: 'A figure that disagrees with the same quantity, at the same time, in another article.',
  defaultSeverity: 'hint',
  crossArticle: true,
  check({ article, corpus }) {
    const { view, figures } = figureContextOf(article, corpus);
    return memo.all(view, article.id, figures, (figure, index) => conflictOf(view, article.id, index, figure));
  },
};

// Reads only other articles' figures: an edit of this article's own figures leaves the others' results valid.
const memo = new PerFigureMemo<Finding | undefined>(sameFinding, true);

function conflictOf(view: FigureCorpusView, articleId: string, index: number, figure: Figure): Finding | undefined {
  const cluster = view.clusters.clusterOf(articleId, index);
  if (!cluster || cluster.size < 2) return undefined;
  const claim = claimOf(figure);
  // Numbers first, on the cluster's flat layout; subjects only for the few whose numbers disagree.
  if (!isIdentifiable(figure)) return undefined;
  const probe = new QuantityProbe(view, articleId, figure, CONFLICT_MAX_RATIO);
  // An earlier value cited as current is the superseded-figure rule's finding, on its side only. Only a cluster
  // with earlier values has superseded members (they are all of this cluster).
  const revised = cluster.hasPreviousValues;
  if (revised && isSuperseded(view, articleId, index)) return undefined;
  const others = acceptedUntil(cluster.numberConflictsAround(claim, articleId, MAX_WEIGHED), (m) =>
    (claim.dimension === 'count' || subjectsShareWord(claim, m.claim)) && probe.matches(m) && !(revised && isSuperseded(view, m.articleId, m.index)), MAX_RELATED);
  if (others.length === 0) return undefined;
  const { shown, more } = leadingArticles(others, MAX_RELATED);
  if (shown.length === 0) return undefined;
  const claims = shown.map((m) => describeClaim(labelOf(view, m.articleId), m.figure));
  return {
    ruleId: 'conflicting-figure',
    start: figure.start,
    end: figure.end,
    message: `Conflicting figure for ${subjectLabel(figure)}: ${describeClaim(labelOf(view, articleId), figure)}, but ${listSome(claims, MAX_RELATED, more ? MAX_RELATED + 1 : shown.length)}.`,
    related: shown.map((m) => ({
      articleId: m.articleId,
      start: m.figure.start,
      end: m.figure.end,
      figure: m.figure,
      message: describeClaim(labelOf(view, m.articleId), m.figure),
    })),
    data: {
      figure: figureData(figure),
      clusterId: clusterIdOf(articleId, figure),
      conflicts: shown.slice(0, MAX_DISPUTE_FIXES).map((m) => otherFigureData(view, m)),
    },
  };
}
