// A vague quantity ("tens of thousands of troops", "more than 100,000 soldiers") where the corpus has a precise
// figure for the same quantity at the same time.
import { clusterIdOf, dayOf } from '../core/figures/clusters';
import {
  describeClaim, figureData, isCurrent, isPreciseFigure, labelOf, listSome, otherFigureData, ownersCompatible, sameTime,
  sameUnit, subjectLabel, isSuperseded, onePerArticle,
} from '../core/figures/claims';
import { figureContextOf } from '../core/figures/corpusFigures';
import type { Figure } from '../core/figures/types';
import type { Finding, Rule } from './types';

const MAX_RELATED = 5;
/** A one-sided bound is stale or vague when the precise value lies this far beyond it ("more than 100,000" vs 150,000). */
const BOUND_SLACK = 0.25;

function base(f: Figure): number {
  return f.value * f.unitScale;
}

/** Is `figure` vague in the light of the precise `other`? */
export function vagueAgainst(figure: Figure, other: Figure): boolean {
  if (figure.kind === 'vague') return true;
  const bound = base(figure);
  if (figure.qualifier === 'more-than' || figure.qualifier === 'at-least') return base(other) >= bound * (1 + BOUND_SLACK);
  if (figure.qualifier === 'less-than' || figure.qualifier === 'at-most') return base(other) <= bound * (1 - BOUND_SLACK);
  return false;
}

export const vagueQuantity: Rule = {
  id: 'vague-quantity',
  summary: 'A vague or one-sided quantity where the corpus has a precise figure for the same quantity and time.',
  defaultSeverity: 'information',
  crossArticle: true,
  check({ article, corpus }) {
    const { view, figures } = figureContextOf(article, corpus);
    const findings: Finding[] = [];
    figures.forEach((figure, index) => {
      if (!isCurrent(figure)) return;
      if (figure.kind !== 'vague' && !['more-than', 'at-least', 'less-than', 'at-most'].includes(figure.qualifier)) return;
      const cluster = view.clusters.clusterOf(article.id, index);
      if (!cluster || cluster.size < 2) return;
      const precise = onePerArticle(cluster.around(dayOf(figure)).filter((m) =>
        m.figure !== figure && isCurrent(m.figure) && isPreciseFigure(m.figure) && sameUnit(figure, m.figure) &&
        sameTime(figure, m.figure) && ownersCompatible(figure, m.figure) && vagueAgainst(figure, m.figure)));
      if (precise.length === 0) return;
      if (isSuperseded(view, article.id, index)) return; // the superseded-figure rule says more
      const claims = precise.map((m) => describeClaim(labelOf(view, m.articleId), m.figure));
      const what = figure.kind === 'vague' ? 'Vague quantity' : 'Vague or stale bound';
      findings.push({
        ruleId: 'vague-quantity',
        start: figure.start,
        end: figure.end,
        message: `${what}: "${figure.text}" (${subjectLabel(figure)}), while the corpus has a precise figure for the same quantity: ${listSome(claims)}.`,
        related: precise.slice(0, MAX_RELATED).map((m) => ({
          articleId: m.articleId, start: m.figure.start, end: m.figure.end, message: describeClaim(labelOf(view, m.articleId), m.figure),
        })),
        data: {
          figure: figureData(figure),
          clusterId: clusterIdOf(article.id, figure),
          precise: precise.slice(0, MAX_RELATED).map((m) => otherFigureData(view, m)),
        },
      });
    });
    return findings;
  },
};
