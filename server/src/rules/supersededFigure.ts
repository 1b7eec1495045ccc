// A value another article marks as an earlier estimate ("up from a previous estimate of 130,000"), cited here as
// current ("Russia has sent more than 130,000 troops").
import { clusterIdOf } from '../core/figures/clusters';
import {
  describeClaim, figureData, labelOf, listSome, otherFigureData, subjectLabel, supersessionsOf,
} from '../core/figures/claims';
import { figureContextOf, type FigureCorpusView } from '../core/figures/corpusFigures';
import { PerFigureMemo } from '../core/figures/figureMemo';
import type { Figure } from '../core/figures/types';
import { sameFinding } from './findings';
import type { Finding, RelatedFinding, Rule } from './types';

const MAX_RELATED = 8;

export const supersededFigure: Rule = {
  id: 'superseded-figure',
  summary: 'A figure the corpus reports elsewhere as an earlier estimate, cited here as current.',
  // A hint until real news shows enough findings to bound its precision (docs/evaluation.md).
  defaultSeverity: 'hint',
  crossArticle: true,
  check({ article, corpus }) {
    const { view, figures } = figureContextOf(article, corpus);
    return memo.all(view, article.id, figures, (figure, index) => supersededOf(view, article.id, index, figure));
  },
};

// Reads only other articles' figures: an edit of this article's own figures leaves the others' results valid.
const memo = new PerFigureMemo<Finding | undefined>(sameFinding, true);

function supersededOf(view: FigureCorpusView, articleId: string, index: number, figure: Figure): Finding | undefined {
  const all = supersessionsOf(view, articleId, index);
  if (all.length === 0) return undefined;
  const found = all.slice(0, MAX_RELATED); // the most recent revisions
  const newer: string[] = [];
  const related: RelatedFinding[] = [];
  for (const s of found) {
    const label = labelOf(view, s.previous.articleId);
    if (s.current) {
      newer.push(`${describeClaim(label, s.current.figure)}, up from ${s.previous.figure.text}`);
      related.push({
        articleId: s.current.articleId, start: s.current.figure.start, end: s.current.figure.end, figure: s.current.figure,
        message: `Newer value: ${describeClaim(label, s.current.figure)}`,
      });
    } else {
      newer.push(`${describeClaim(label, s.previous.figure)} is called an earlier value`);
    }
    related.push({
      articleId: s.previous.articleId, start: s.previous.figure.start, end: s.previous.figure.end, figure: s.previous.figure,
      message: `Marked as the earlier value: ${describeClaim(label, s.previous.figure)}`,
    });
  }
  const replacement = found.find((s) => s.current)?.current?.figure;
  return {
    ruleId: 'superseded-figure',
    start: figure.start,
    end: figure.end,
    message: `Superseded figure for ${subjectLabel(figure)}: "${figure.text}" is what other articles call the earlier estimate — ${listSome(newer)}.`,
    related: related.slice(0, MAX_RELATED),
    data: {
      figure: figureData(figure),
      clusterId: clusterIdOf(articleId, figure),
      ...(replacement ? { replacementText: replacement.text } : {}),
      current: found.filter((s) => s.current).map((s) => otherFigureData(view, s.current!)),
      previous: found.map((s) => otherFigureData(view, s.previous)),
      revisions: all.length,
    },
  };
}

