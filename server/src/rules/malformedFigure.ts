// Figures written in a way that hides or garbles their value: "$ 1 billion" (a space after the currency symbol),
// "1,50,000" (broken digit groups), a decimal comma among decimal points, thousands separators that change within
// an article, a count of whole things with decimals ("3.400 contractors"), and a unit clash (one amount of the
// article written with two currencies, neither a conversion of the other).
import { describeClaim, figureData, subjectLabel } from '../core/figures/claims';
import { articleLabel, figuresOf } from '../core/figures/corpusFigures';
import { AVERAGE_WORDS, WHOLE_CLASSES, WHOLE_HEADS } from '../core/figures/lexicon';
import { DOLLAR_PREFIXES } from '../core/figures/units';
import type { Figure } from '../core/figures/types';
import type { Finding, Rule } from './types';

export const malformedFigure: Rule = {
  id: 'malformed-figure',
  summary: 'A figure written badly: space after a currency symbol, broken digit groups, mixed separators, or a unit clash.',
  defaultSeverity: 'warning',
  crossArticle: false,
  check({ article }) {
    const figures = figuresOf(article);
    const findings = writingFindings(article.text, figures);
    for (const clash of unitClashes(articleLabel(article.id), article.id, figures)) findings.push(clash);
    return findings.sort((a, b) => a.start - b.start);
  },
};

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
    const fractional = usual === '.' ? undefined : fractionalCount(text, f);
    if (fractional) findings.push(fractional);
  }
  return findings;
}

/**
 * "3.400 contractors": a count of things that only come whole, written with decimals, and not an average or a rate
 * ("an average of 2.4 children", "1.5 cars per household"). Index points, exchange rates, ratios and measures can be
 * fractional and are never flagged; nor is a count whose noun the sentence does not name right after it. In an article
 * that groups thousands with points throughout, "3.400" is its habit, not a slip.
 */
function fractionalCount(text: string, f: Figure): Finding | undefined {
  const w = f.writing;
  if (f.kind !== 'count' || f.framing === 'conversion' || Number.isInteger(f.value) || !w.digits || w.decimalMark !== '.' || w.thousandsSeparator) return undefined;
  const subject = f.subject;
  if (!subject || subject.start < f.end || subject.start - f.end > 24) return undefined;
  if (!WHOLE_CLASSES.has(subject.headClass) && !WHOLE_HEADS.has(subject.head)) return undefined;
  if (isAverageOrRate(text, f, subject.end)) return undefined;
  const digits = w.digits.text;
  const decimals = digits.length - digits.indexOf('.') - 1;
  const fixed = decimals === 3 && digits[0] !== '0' ? digits.replace('.', ',') : undefined;
  return {
    ruleId: 'malformed-figure',
    start: w.digits.start,
    end: w.digits.end,
    message: `Malformed figure: "${digits}" ${subjectLabel(f)} is a count with decimals${fixed ? `; did you mean "${fixed}"?` : '.'}`,
    data: {
      problem: 'fractional-count',
      figure: figureData(f),
      ...(fixed ? { replacementText: fixed, edit: { start: w.digits.start, end: w.digits.end, newText: fixed } } : {}),
    },
  };
}

const WORDS = /[\p{L}]+/gu;
const TIME_UNITS = new Set(['day', 'week', 'month', 'year', 'night', 'hour']);

/** A few words either side of the figure say it is an average or a rate. */
function isAverageOrRate(text: string, f: Figure, subjectEnd: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', f.start) + 1, f.start - 60);
  const before = text.slice(lineStart, f.start).toLowerCase().match(WORDS) ?? [];
  for (const w of before.slice(-6)) if (AVERAGE_WORDS.has(w)) return true;
  const after = text.slice(subjectEnd, subjectEnd + 30).toLowerCase().match(WORDS) ?? [];
  const [first, second] = after;
  if (first === undefined) return false;
  if (first === 'per' || first === 'each' || first === 'apiece' || (first === 'for' && second === 'every') || (first === 'on' && second === 'average')) return true;
  return (first === 'a' || first === 'an') && second !== undefined && TIME_UNITS.has(second);
}

/**
 * One amount of the article written with two currencies: the same value for the same thing ("a fine of £3.9bn" …
 * "the €3.9bn fine"), both current. Different values in two currencies are a conversion or two amounts, not a slip;
 * conversions in brackets ("€6.53 ($8.06)") are not current and never clash; figures of other articles may report in
 * their own currency. A bare "$" after "CA$1 million" is the article's dollar, as house styles allow.
 */
function unitClashes(label: string, articleId: string, figures: readonly Figure[]): Finding[] {
  const byHead = new Map<string, Figure[]>();
  const findings: Finding[] = [];
  for (const f of figures) {
    if (f.dimension !== 'money' || f.framing !== 'current' || !f.subject) continue;
    let seen = byHead.get(f.subject.head);
    if (!seen) byHead.set(f.subject.head, (seen = []));
    const first = seen.find((g) => !sameCurrency(g, f) && (g.owner ?? f.owner) === (f.owner ?? g.owner) && sameAmount(g.value, f.value));
    seen.push(f);
    if (!first) continue;
    findings.push({
      ruleId: 'malformed-figure',
      start: f.start,
      end: f.end,
      severity: 'information',
      message: `Unit clash for ${subjectLabel(f)}: "${f.text}" is in ${f.unit}, while the article gives the same amount in ${first.unit} (${describeClaim(label, first)}). Write one currency for it.`,
      related: [{ articleId, start: first.start, end: first.end, message: describeClaim(label, first) }],
      data: {
        problem: 'unit-clash',
        figure: figureData(f),
        others: [{ articleId, label, start: first.start, end: first.end, text: first.text, value: first.value, unit: first.unit }],
      },
    });
  }
  return findings;
}

/** Currencies written with a "$": a bare "$" may be any of them. */
const DOLLARS: ReadonlySet<string> = new Set([...DOLLAR_PREFIXES.values(), 'USD']);
const BARE_DOLLAR = /(?:^|[^\p{L}])\$/u;

function sameCurrency(a: Figure, b: Figure): boolean {
  if (a.unit === b.unit) return true;
  const bare = (f: Figure) => BARE_DOLLAR.test(f.text);
  return DOLLARS.has(a.unit) && DOLLARS.has(b.unit) && (bare(a) || bare(b));
}

function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 0.005;
}
