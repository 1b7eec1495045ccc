// A precise figure with no source in its sentence or the one before: who says so?
import { figureData, isCurrent, isPreciseFigure, subjectLabel } from '../core/figures/claims';
import { figuresOf } from '../core/figures/corpusFigures';
import type { Figure } from '../core/figures/types';
import type { Finding, Rule } from './types';

/** Counts below this are too small to need a source ("two people"). */
const MIN_COUNT = 10;

export function needsSource(f: Figure): boolean {
  if (f.source || f.inHeading || !isCurrent(f) || !isPreciseFigure(f)) return false;
  if (f.kind === 'count') return f.value >= MIN_COUNT;
  return f.kind === 'money' || f.kind === 'percent' || f.kind === 'ratio';
}

export const unattributedFigure: Rule = {
  id: 'unattributed-figure',
  summary: 'A precise figure with no source in its sentence or the one before.',
  defaultSeverity: 'hint',
  crossArticle: false,
  check({ article }) {
    const findings: Finding[] = [];
    for (const f of figuresOf(article)) {
      if (!needsSource(f)) continue;
      findings.push({
        ruleId: 'unattributed-figure',
        start: f.start,
        end: f.end,
        message: `Unattributed figure: "${f.text}" (${subjectLabel(f)}) has no source in its sentence or the one before. Who says so?`,
        data: { figure: figureData(f) },
      });
    }
    return findings;
  },
};
