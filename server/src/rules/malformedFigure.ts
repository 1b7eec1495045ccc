// Figures written in a way that hides or garbles their value: "$ 1 billion" (a space after the currency symbol),
// "1,50,000" (broken digit groups), a decimal comma among decimal points, thousands separators that change within
// an article, and a unit clash (two currencies for one quantity).
import { clusterIdOf, dayOf } from '../core/figures/clusters';
import { describeClaim, figureData, isCurrent, labelOf, otherFigureData, subjectLabel } from '../core/figures/claims';
import { figureContextOf } from '../core/figures/corpusFigures';
import { PerFigureMemo } from '../core/figures/figureMemo';
import type { Figure } from '../core/figures/types';
import { sameFinding } from './findings';
import type { Finding, Rule } from './types';

const MAX_RELATED = 5;

export const malformedFigure: Rule = {
  id: 'malformed-figure',
  summary: 'A figure written badly: space after a currency symbol, broken digit groups, mixed separators, or a unit clash.',
  defaultSeverity: 'warning',
  crossArticle: true,
  check({ article, corpus }) {
    const { view, figures } = figureContextOf(article, corpus);
    let written = writtenProblems.get(figures);
    if (!written) writtenProblems.set(figures, (written = writingFindings(article.text, figures)));
    const clashes = clashMemo.all(view, article.id, figures, (f, index) => unitClash(view, article.id, index, f));
    // The same array while neither part changed, so the article's check reuses it.
    const last = combined.get(figures);
    if (last && last.clashes === clashes) return last.findings;
    const findings = clashes.length ? [...written, ...clashes] : written;
    combined.set(figures, { clashes, findings });
    return findings;
  },
};

/** How the article writes its figures: read once per analysed version. */
const writtenProblems = new WeakMap<readonly Figure[], Finding[]>();
const combined = new WeakMap<readonly Figure[], { clashes: Finding[]; findings: Finding[] }>();

function writingFindings(text: string, figures: readonly Figure[]): Finding[] {
  const findings: Finding[] = [];

  // The article's own habit for thousands separators and decimal marks, by majority.
  const thousands = new Map<string, number>();
  let decimalPoints = 0;
  for (const f of figures) {
    const sep = f.writing.thousandsSeparator;
    if (sep) thousands.set(sep, (thousands.get(sep) ?? 0) + 1);
    if (f.writing.decimalMark === '.') decimalPoints++;
  }
  const usual = [...thousands].sort((a, b) => b[1] - a[1])[0]?.[0];
  const commaThousands = thousands.get(',') ?? 0;

  for (const f of figures) {
    const w = f.writing;
    if (w.spaceAfterCurrency) {
      const fixed = text.slice(f.start, w.spaceAfterCurrency.start) + text.slice(w.spaceAfterCurrency.end, f.end);
      findings.push({
        ruleId: 'malformed-figure',
        start: f.start,
        end: f.end,
        message: `Malformed figure: a space after the currency symbol in "${f.text}"; write "${fixed}".`,
        data: {
          problem: 'space-after-currency',
          figure: figureData(f),
          replacementText: fixed,
          edit: { start: w.spaceAfterCurrency.start, end: w.spaceAfterCurrency.end, newText: '' },
        },
      });
    }
    if (w.separatorProblem && w.digits) {
      findings.push({
        ruleId: 'malformed-figure',
        start: w.digits.start,
        end: w.digits.end,
        message: `Malformed figure: "${w.digits.text}" has inconsistent separators (${w.separatorProblem}).`,
        data: { problem: 'separators', figure: figureData(f), detail: w.separatorProblem },
      });
    } else if (w.decimalMark === ',' && w.digits && (decimalPoints > 0 || commaThousands > 0)) {
      const fixed = w.digits.text.replace(',', '.');
      findings.push({
        ruleId: 'malformed-figure',
        start: w.digits.start,
        end: w.digits.end,
        message: `Malformed figure: "${w.digits.text}" uses a decimal comma where the article uses commas for thousands or points for decimals; did you mean "${fixed}"?`,
        data: { problem: 'decimal-mark', figure: figureData(f), replacementText: fixed, edit: { start: w.digits.start, end: w.digits.end, newText: fixed } },
      });
    } else if (w.thousandsSeparator && usual && w.thousandsSeparator !== usual && w.digits && (thousands.get(usual) ?? 0) > (thousands.get(w.thousandsSeparator) ?? 0)) {
      const fixed = w.digits.text.split(w.thousandsSeparator).join(usual);
      findings.push({
        ruleId: 'malformed-figure',
        start: w.digits.start,
        end: w.digits.end,
        message: `Malformed figure: "${w.digits.text}" groups thousands with "${w.thousandsSeparator}" while the article uses "${usual}".`,
        data: { problem: 'thousands-separator', figure: figureData(f), replacementText: fixed, edit: { start: w.digits.start, end: w.digits.end, newText: fixed } },
      });
    }
    if (f.kind === 'count' && !Number.isInteger(f.value) && w.digits && w.decimalMark === '.') {
      // "3.400 contractors": a count cannot have decimals; three of them are a thousands group written with a point.
      const decimals = w.digits.text.length - w.digits.text.indexOf('.') - 1;
      const fixed = decimals === 3 ? w.digits.text.replace('.', usual === '.' ? '.' : ',') : undefined;
      findings.push({
        ruleId: 'malformed-figure',
        start: w.digits.start,
        end: w.digits.end,
        message: `Malformed figure: "${w.digits.text}" ${subjectLabel(f)} is a count with decimals${fixed ? `; did you mean "${fixed}"?` : '.'}`,
        data: {
          problem: 'fractional-count',
          figure: figureData(f),
          ...(fixed ? { replacementText: fixed, edit: { start: w.digits.start, end: w.digits.end, newText: fixed } } : {}),
        },
      });
    }
  }
  return findings;
}

const clashMemo = new PerFigureMemo<Finding | undefined>(sameFinding);

/** A money figure whose currency differs from the one most figures of its cluster use. */
function unitClash(view: ReturnType<typeof figureContextOf>['view'], articleId: string, index: number, f: Figure): Finding | undefined {
  if (f.dimension !== 'money' || !isCurrent(f)) return undefined;
  const cluster = view.clusters.clusterOf(articleId, index);
  if (!cluster || cluster.size < 2) return undefined;
  const members = cluster.around(dayOf(f)).filter((m) => isCurrent(m.figure) && m.figure.dimension === 'money');
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.figure.unit, (counts.get(m.figure.unit) ?? 0) + 1);
  if (counts.size < 2) return undefined;
  const mine = counts.get(f.unit) ?? 0;
  const top = Math.max(...counts.values());
  const tied = [...counts.values()].filter((c) => c === top).length > 1;
  if (mine === top && !tied) return undefined;
  const others = members.filter((m) => m.figure.unit !== f.unit);
  return {
    ruleId: 'malformed-figure',
    start: f.start,
    end: f.end,
    severity: 'information',
    message: `Unit clash for ${subjectLabel(f)}: "${f.text}" is in ${f.unit}, while the same quantity appears in ${[...counts.keys()].filter((u) => u !== f.unit).join(', ')} (${others.slice(0, 3).map((m) => describeClaim(labelOf(view, m.articleId), m.figure)).join('; ')}).`,
    related: others.slice(0, MAX_RELATED).map((m) => ({
      articleId: m.articleId, start: m.figure.start, end: m.figure.end, figure: m.figure, message: describeClaim(labelOf(view, m.articleId), m.figure),
    })),
    data: {
      problem: 'unit-clash',
      figure: figureData(f),
      clusterId: clusterIdOf(articleId, f),
      others: others.slice(0, 3).map((m) => otherFigureData(view, m)),
    },
  };
}
