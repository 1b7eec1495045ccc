// A figure whose value cannot be true together with the same quantity, at the same time, in another article:
// "more than 130,000" here and "100,000" there. Reported on each side, with the other side as related information.
import { clusterIdOf, dayOf } from '../core/figures/clusters';
import {
  conflicting, describeClaim, isSuperseded, onePerArticle, figureData, labelOf, listSome, otherFigureData, subjectLabel,
} from '../core/figures/claims';
import { figureContextOf } from '../core/figures/corpusFigures';
import type { Finding, Rule } from './types';

/** Related entries per finding: enough to see the disagreement, few enough to read. */
const MAX_RELATED = 8;

export const conflictingFigure: Rule = {
  id: 'conflicting-figure',
  summary: 'A figure that disagrees with the same quantity, at the same time, in another article.',
  defaultSeverity: 'warning',
  crossArticle: true,
  check({ article, corpus }) {
    const { view, figures } = figureContextOf(article, corpus);
    const findings: Finding[] = [];
    const here = labelOf(view, article.id);
    figures.forEach((figure, index) => {
      const cluster = view.clusters.clusterOf(article.id, index);
      if (!cluster || cluster.size < 2) return;
      const others = cluster
        .around(dayOf(figure))
        .filter((m) => m.articleId !== article.id && conflicting(figure, m.figure));
      if (others.length === 0) return;
      // An earlier value cited as current is the superseded-figure rule's finding, on its side only.
      if (isSuperseded(view, article.id, index)) return;
      const current = others.filter((m) => !isSuperseded(view, m.articleId, m.index));
      if (current.length === 0) return;
      others.length = 0;
      others.push(...current);
      const claims = onePerArticle(others).map((m) => describeClaim(labelOf(view, m.articleId), m.figure));
      findings.push({
        ruleId: 'conflicting-figure',
        start: figure.start,
        end: figure.end,
        message: `Conflicting figure for ${subjectLabel(figure)}: ${describeClaim(here, figure)}, but ${listSome(claims)}.`,
        related: others.slice(0, MAX_RELATED).map((m) => ({
          articleId: m.articleId,
          start: m.figure.start,
          end: m.figure.end,
          message: describeClaim(labelOf(view, m.articleId), m.figure),
        })),
        data: {
          figure: figureData(figure),
          clusterId: clusterIdOf(article.id, figure),
          conflicts: others.slice(0, MAX_RELATED).map((m) => otherFigureData(view, m)),
        },
      });
    });
    return findings;
  },
};
