// A figure that later reports of the same story give another value for: "63 killed" on Tuesday, "96 killed" on
// Wednesday. The figure may have been right at its time; the annotator should know it was revised, and by whom.
import { claimOf } from '../core/figures/claim';
import { describeClaim, figureData, labelOf, laterReportsOf, leadingArticles, listSome, otherFigureData, subjectLabel } from '../core/figures/claims';
import { clusterIdOf, type ClusterMember } from '../core/figures/clusters';
import { figureContextOf, type FigureCorpusView } from '../core/figures/corpusFigures';
import { PerFigureMemo } from '../core/figures/figureMemo';
import type { Figure } from '../core/figures/types';
import { sameFinding } from './findings';
import type { Finding, Rule } from './types';

/** Later reports named in the message, closest first; related information lists a few more. */
const MAX_NAMED = 3;
const MAX_RELATED = 6;

export const revisedFigure: Rule = {
  id: 'revised-figure',
  summary: 'A figure that later reports of the same story give another value for.',
  defaultSeverity: 'hint',
  crossArticle: true,
  check({ article, corpus }) {
    const { view, figures } = figureContextOf(article, corpus);
    return memo.all(view, article.id, figures, (figure, index) => revisionOf(view, article.id, index, figure));
  },
};

// Reads only other articles' figures: an edit of this article's own figures leaves the others' results valid.
const memo = new PerFigureMemo<Finding | undefined>(sameFinding, true);

function revisionOf(view: FigureCorpusView, articleId: string, index: number, figure: Figure): Finding | undefined {
  if (claimOf(figure).day === undefined) return undefined;
  const later: ClusterMember[] = laterReportsOf(view, articleId, index, MAX_RELATED);
  const { shown, more } = leadingArticles(later, MAX_RELATED);
  if (shown.length === 0) return undefined;
  const claims = shown.slice(0, MAX_NAMED).map((m) => describeClaim(labelOf(view, m.articleId), m.figure));
  return {
    ruleId: 'revised-figure',
    start: figure.start,
    end: figure.end,
    message: `Revised by later reports: "${figure.text}" (${subjectLabel(figure)}) is given later as ${listSome(claims, MAX_NAMED, more || shown.length > MAX_NAMED ? MAX_NAMED + 1 : shown.length)}.`,
    related: shown.map((m) => ({
      articleId: m.articleId,
      start: m.figure.start,
      end: m.figure.end,
      figure: m.figure,
      message: `Later report: ${describeClaim(labelOf(view, m.articleId), m.figure)}`,
    })),
    data: {
      figure: figureData(figure),
      clusterId: clusterIdOf(articleId, figure),
      later: shown.map((m) => otherFigureData(view, m)),
    },
  };
}
