// Two figures of one article for the same quantity and time that cannot both be true, when the article does not
// frame one of them as an earlier value, a change or a projection ("up from 130,000", "rose by 5%").
import { clusterIdOf } from '../core/figures/clusters';
import { conflicting, describeClaim, figureData, subjectLabel } from '../core/figures/claims';
import { articleLabel, figuresOf } from '../core/figures/corpusFigures';
import { CONFLICT_MAX_RATIO, isIdentifiable, sameQuantity } from '../core/figures/identity';
import type { Figure } from '../core/figures/types';
import type { Finding, Rule } from './types';

/** Figures per quantity compared pairwise; an article with more of one quantity is a table, not prose. */
const MAX_PER_QUANTITY = 60;

/** Within one article the story is one; the evidence of the two figures decides (identity.ts). */
function sameQuantityHere(a: Figure, b: Figure): boolean {
  return sameQuantity(a, b, { sameArticle: true, story: 1 }, { undated: false, maxRatio: CONFLICT_MAX_RATIO });
}

export const conflictWithinArticle: Rule = {
  id: 'conflict-within-article',
  summary: 'Two figures in one article for the same quantity and time that disagree, with neither framed as a change.',
  defaultSeverity: 'hint',
  crossArticle: false,
  check({ article }) {
    const figures = figuresOf(article);
    const label = articleLabel(article.id);
    const byQuantity = new Map<string, Figure[]>();
    for (const f of figures) {
      if (f.framing !== 'current' || f.kind === 'vague' || !isIdentifiable(f)) continue;
      let list = byQuantity.get(f.quantityKey);
      if (!list) byQuantity.set(f.quantityKey, (list = []));
      if (list.length < MAX_PER_QUANTITY) list.push(f);
    }
    const findings: Finding[] = [];
    for (const list of byQuantity.values()) {
      for (let b = 1; b < list.length; b++) {
        const later = list[b]!;
        const earlier = list.slice(0, b).filter((f) => conflicting(f, later) && sameQuantityHere(f, later));
        if (earlier.length === 0) continue;
        const first = earlier[0]!;
        findings.push({
          ruleId: 'conflict-within-article',
          start: later.start,
          end: later.end,
          message: `Conflicting figures in this article for ${subjectLabel(later)}: ${describeClaim(label, later)}, but earlier ${describeClaim(label, first)}. If one is an earlier value or a change, say so ("up from …").`,
          related: earlier.map((f) => ({ articleId: article.id, start: f.start, end: f.end, message: describeClaim(label, f) })),
          data: {
            figure: figureData(later),
            clusterId: clusterIdOf(article.id, later),
            conflicts: earlier.map((f) => ({ articleId: article.id, start: f.start, end: f.end, ...figureData(f) })),
          },
        });
      }
    }
    return findings.sort((x, y) => x.start - y.start);
  },
};
