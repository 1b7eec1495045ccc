// A vague quantity ("tens of thousands of troops", "more than 100,000 soldiers") where the corpus has a precise
// figure for the same quantity at the same time.
import { claimOf, ownersCompatibleClaims, SAME_TIME_DAYS, sameTimeClaims, sameUnitClaims, type Claim } from '../core/figures/claim';
import { clusterIdOf, MAX_WEIGHED } from '../core/figures/clusters';
import { isIdentifiable } from '../core/figures/identity';
import {
  acceptedUntil, describeClaim, figureData, isCurrent, isSuperseded, labelOf, leadingArticles, listSome, otherFigureData, QuantityProbe, subjectLabel,
} from '../core/figures/claims';
import { figureContextOf, type FigureCorpusView } from '../core/figures/corpusFigures';
import { PerFigureMemo } from '../core/figures/figureMemo';
import type { Figure } from '../core/figures/types';
import { sameFinding } from './findings';
import type { Finding, Rule } from './types';

const MAX_RELATED = 3;
/** A one-sided bound is stale or vague when the precise value lies this far beyond it ("more than 100,000" vs 150,000). */
const BOUND_SLACK = 0.25;

/** Is `figure` vague in the light of the precise `other`? */
export function vagueAgainst(figure: Figure, other: Figure): boolean {
  return vagueAgainstClaim(figure, claimOf(figure), claimOf(other));
}

function vagueAgainstClaim(figure: Figure, claim: Claim, other: Claim): boolean {
  if (figure.kind === 'vague') return true;
  if (figure.qualifier === 'more-than' || figure.qualifier === 'at-least') return other.base >= claim.base * (1 + BOUND_SLACK);
  if (figure.qualifier === 'less-than' || figure.qualifier === 'at-most') return other.base <= claim.base * (1 - BOUND_SLACK);
  return false;
}

export const vagueQuantity: Rule = {
  id: 'vague-quantity',
  summary: 'A vague or one-sided quantity where the corpus has a precise figure for the same quantity and time.',
  defaultSeverity: 'hint',
  crossArticle: true,
  check({ article, corpus }) {
    const { view, figures } = figureContextOf(article, corpus);
    return memo.all(view, article.id, figures, (figure, index) => vaguenessOf(view, article.id, index, figure));
  },
};

const ONE_SIDED: ReadonlySet<string> = new Set(['more-than', 'at-least', 'less-than', 'at-most']);

const memo = new PerFigureMemo<Finding | undefined>(sameFinding);

function vaguenessOf(view: FigureCorpusView, articleId: string, index: number, figure: Figure): Finding | undefined {
  if (!isCurrent(figure) || (figure.kind !== 'vague' && !ONE_SIDED.has(figure.qualifier))) return undefined;
  const cluster = view.clusters.clusterOf(articleId, index);
  if (!cluster || cluster.size < 2) return undefined;
  const claim = claimOf(figure);
  if (!isIdentifiable(figure)) return undefined;
  const probe = new QuantityProbe(view, articleId, figure);
  const { shown: precise, more } = leadingArticles(acceptedUntil(cluster.around(claim.day, SAME_TIME_DAYS, MAX_WEIGHED), (m) => {
    const { claim: other, figure: f } = m;
    return f !== figure && other.current && other.precise && sameUnitClaims(claim, other) && sameTimeClaims(claim, other, SAME_TIME_DAYS) &&
    ownersCompatibleClaims(claim, other) && vagueAgainstClaim(figure, claim, other) && probe.matches(m);
  }, MAX_RELATED), MAX_RELATED);
  if (precise.length === 0) return undefined;
  if (isSuperseded(view, articleId, index)) return undefined; // the superseded-figure rule says more
  const claims = precise.map((m) => describeClaim(labelOf(view, m.articleId), m.figure));
  const what = figure.kind === 'vague' ? 'Vague quantity' : 'Vague or stale bound';
  return {
    ruleId: 'vague-quantity',
    start: figure.start,
    end: figure.end,
    message: `${what}: "${figure.text}" (${subjectLabel(figure)}), while the corpus has a precise figure for the same quantity: ${listSome(claims, MAX_RELATED, more ? MAX_RELATED + 1 : precise.length)}.`,
    related: precise.slice(0, MAX_RELATED).map((m) => ({
      articleId: m.articleId, start: m.figure.start, end: m.figure.end, figure: m.figure, message: describeClaim(labelOf(view, m.articleId), m.figure),
    })),
    data: {
      figure: figureData(figure),
      clusterId: clusterIdOf(articleId, figure),
      precise: precise.slice(0, 3).map((m) => otherFigureData(view, m)),
    },
  };
}
