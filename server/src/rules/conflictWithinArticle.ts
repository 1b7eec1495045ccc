// Two figures of one article for the same quantity and time that cannot both be true, when the article does not
// frame one of them as an earlier value, a change or a projection ("up from 130,000", "rose by 5%").
import { clusterIdOf } from '../core/figures/clusters';
import { conflicting, describeClaim, figureData, labelOf, subjectLabel } from '../core/figures/claims';
import { figureContextOf } from '../core/figures/corpusFigures';
import type { Finding, Rule } from './types';

/** Figures per cluster compared pairwise; an article with more in one cluster is a table, not prose. */
const MAX_PER_CLUSTER = 60;

export const conflictWithinArticle: Rule = {
  id: 'conflict-within-article',
  summary: 'Two figures in one article for the same quantity and time that disagree, with neither framed as a change.',
  defaultSeverity: 'warning',
  crossArticle: false,
  check({ article, corpus }) {
    const { view, figures } = figureContextOf(article, corpus);
    const label = labelOf(view, article.id);
    const findings: Finding[] = [];
    const seen = new Set<string>();
    figures.forEach((_, index) => {
      const cluster = view.clusters.clusterOf(article.id, index);
      if (!cluster || seen.has(cluster.id)) return;
      seen.add(cluster.id);
      const members = cluster.membersOf(article.id).slice(0, MAX_PER_CLUSTER);
      for (let b = 1; b < members.length; b++) {
        const later = members[b]!.figure;
        const earlier = members.slice(0, b).filter((m) => conflicting(m.figure, later));
        if (earlier.length === 0) continue;
        const first = earlier[0]!.figure;
        findings.push({
          ruleId: 'conflict-within-article',
          start: later.start,
          end: later.end,
          message: `Conflicting figures in this article for ${subjectLabel(later)}: ${describeClaim(label, later)}, but earlier ${describeClaim(label, first)}. If one is an earlier value or a change, say so ("up from …").`,
          related: earlier.map((m) => ({
            articleId: article.id, start: m.figure.start, end: m.figure.end, message: describeClaim(label, m.figure),
          })),
          data: {
            figure: figureData(later),
            clusterId: clusterIdOf(article.id, later),
            conflicts: earlier.map((m) => ({ articleId: article.id, start: m.figure.start, end: m.figure.end, ...figureData(m.figure) })),
          },
        });
      }
    });
    return findings;
  },
};
