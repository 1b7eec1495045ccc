// The figure grammar: one left-to-right pass over the tokens that finds every number that is a quantity,
// with its qualifier, currency, scale and unit, and skips what is not (dates, years, times, codes, labels, URLs).
// Every look-around is bounded (a few tokens), and the scan never revisits a token it has consumed: linear time.
import { parseDigits, type ParsedDigits } from './digits';
import {
  FURNITURE_AFTER, HEAD_CLASSES, LABEL_WORDS, MONTHS, NOT_NOUNS, QUALIFIERS_BEFORE, TIME_WORDS, CAPITALIZED_NON_NAMES,
} from './lexicon';
import { parseWordNumber, SCALE_WORDS, SMALL_NUMBERS, startsWordNumber, TENS, type WordNumber } from './numberWords';
import { intervalFor, roundingUnit, roundingUnitOfValue, type Interval } from './qualifiers';
import { Tk, type FigToken } from './scanner';
import type { Dimension, FigureKind, FigureWriting, QualifierKind } from './types';
import {
  CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, DOLLAR_PREFIXES, GLUED_ONLY_UNITS, MEASURE_UNITS, PERCENT_WORDS,
  SCALE_ABBREVIATIONS, TEMPERATURE, type MeasureUnit,
} from './units';

/** A figure as the grammar sees it, before its subject, source, date and framing are read. */
export interface FigureCore extends Interval {
  /** First and last token of the figure, qualifier and unit included. */
  first: number;
  last: number;
  /** Last token of the number itself with its scale and unit: the counted noun is looked for after it. */
  nounFrom: number;
  kind: FigureKind;
  dimension: Dimension;
  /** ISO code, "percent", measure unit, or "" for a count whose noun is not read yet. */
  unit: string;
  unitScale: number;
  value: number;
  qualifier: QualifierKind;
  qualifierText?: string;
  writing: FigureWriting;
}

const DASHES = new Set(['-', '–', '‐', '‑']);
const YEAR_BEFORE = new Set([
  'in', 'since', 'of', 'by', 'until', 'till', 'from', 'to', 'before', 'after', 'during', 'between', 'and', 'or', 'the',
  'copyright', 'mid', 'early', 'late', 'fiscal', 'fy', 'year', 'summer', 'winter', 'spring', 'autumn', 'fall', 'through',
  'circa', 'c', 'around', 'about', 'season', 'class', 'this', 'that', 'its', 'their', 'his', 'her',
]);
const CONJUNCTIONS_OF_DAYS = new Set(['or', 'and', 'to', 'through', '-', '–', '&']);
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

interface Scan {
  text: string;
  tokens: FigToken[];
  cores: FigureCore[];
  /** Index of the last number read as the day of a date, to catch "February 16 or 17". */
  lastDateDay: number;
}

/** An article with more figures than this is a table or junk: the rest is not read (keeps bad input cheap). */
export const MAX_FIGURES = 5000;

/** Finds the figures in `tokens`. `skip(i)` says a token lies in page furniture. */
export function scanFigureCores(text: string, tokens: FigToken[], skip?: (tokenIndex: number) => boolean): FigureCore[] {
  const scan: Scan = { text, tokens, cores: [], lastDateDay: -10 };
  const n = tokens.length;
  let i = 0;
  while (i < n && scan.cores.length < MAX_FIGURES) {
    if (skip && skip(i)) {
      i++;
      continue;
    }
    const t = tokens[i]!;
    let next = i + 1;
    if (t.kind === Tk.Number) next = matchNumeric(scan, i);
    else if (t.kind === Tk.Word && startsWordNumber(tokens, i)) next = matchWritten(scan, i);
    i = Math.max(next, i + 1);
  }
  return scan.cores;
}

// ── Helpers over tokens ──────────────────────────────────────────────────────────────────

function word(tokens: FigToken[], i: number): string | undefined {
  const t = tokens[i];
  return t && t.kind === Tk.Word ? t.lower : undefined;
}

/** Token i follows token i-1 on the same line (glued or not). */
function sameLine(tokens: FigToken[], i: number): boolean {
  const t = tokens[i];
  return !!t && !t.lineBefore;
}

function isDash(t: FigToken | undefined): boolean {
  return !!t && t.kind === Tk.Punct && DASHES.has(t.text);
}

function isMonthWord(tokens: FigToken[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.kind !== Tk.Word) return false;
  const m = MONTHS.get(t.lower);
  if (m === undefined) return false;
  // "may" and "march" are verbs too: only capitalized.
  return t.text.charCodeAt(0) <= 90;
}

function looksPluralNoun(w: string | undefined): boolean {
  if (!w || NOT_NOUNS.has(w)) return false;
  return (w.length > 2 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) || HEAD_CLASSES.has(w) || w === 'people';
}

// ── Exclusions: what a number is when it is not a quantity ───────────────────────────────

/** Skips the rest of a glued run of numbers and separators ("16/02/2022", "10:30", "2022-02-16"). */
function skipGluedRun(tokens: FigToken[], i: number): number {
  let k = i + 1;
  while (k < tokens.length && tokens[k]!.glued && (tokens[k]!.kind === Tk.Number || tokens[k]!.kind === Tk.Word ||
    (tokens[k]!.kind !== Tk.Url && /^[/:.\-–]$/.test(tokens[k]!.text) && tokens[k + 1]?.glued && tokens[k + 1]!.kind === Tk.Number))) {
    k++;
  }
  return k;
}

/** The number at i is part of a name or code: "G7", "Su-35", "T-72B3", "COVID-19", "#12", "F-16s". */
function isCode(tokens: FigToken[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  if (t.glued && prev) {
    if (prev.kind === Tk.Word) return !(CURRENCY_CODES.has(prev.text) || prev.lower === 'us');
    if (prev.kind === Tk.Symbol && (prev.text === '#' || prev.text === '@')) return true;
    if (prev.kind === Tk.Punct && prev.text === '№') return true;
    if (isDash(prev) && prev.glued) {
      const before = tokens[i - 2];
      // "Su-35", "COVID-19" are codes; a number after "3-" is the end of a score, date or range read at its start.
      if (before && (before.kind === Tk.Word || before.kind === Tk.Number) && before.end === prev.start) return true;
    }
  }
  return false;
}

/** The word before the number (skipping an abbreviation's period): "No. 10", "Feb. 16". */
function wordBefore(tokens: FigToken[], i: number): { index: number; token: FigToken } | undefined {
  let k = i - 1;
  if (k >= 0 && tokens[k]!.kind === Tk.Punct && tokens[k]!.text === '.' && tokens[k]!.glued && tokens[k - 1]?.kind === Tk.Word) k--;
  const t = tokens[k];
  if (!t || t.kind !== Tk.Word || !sameLine(tokens, k + 1)) return undefined;
  return { index: k, token: t };
}

/** "20220215" is a date; nine or more plain digits are an identifier (phone, order, article number). */
function isCompactDateOrId(tokens: FigToken[], i: number, digits: ParsedDigits, raw: string): boolean {
  if (digits.thousandsSeparator || digits.decimalMark || digits.problem) return false;
  const prev = tokens[i - 1];
  if (prev && prev.kind === Tk.Symbol && CURRENCY_SYMBOLS.has(prev.text)) return false;
  if (raw.length >= 9) return true;
  if (raw.length === 8) {
    const year = Number(raw.slice(0, 4));
    const month = Number(raw.slice(4, 6));
    const day = Number(raw.slice(6, 8));
    return year >= 1800 && year <= 2199 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }
  return false;
}

function isDateDay(scan: Scan, i: number, digits: ParsedDigits, raw: string): boolean {
  const { tokens } = scan;
  if (digits.decimals > 0 || digits.thousandsSeparator || raw.length > 2 || digits.value < 1 || digits.value > 31) return false;
  const before = wordBefore(tokens, i);
  if (before && isMonthWord(tokens, before.index) && (before.index === i - 1 || tokens[before.index]!.text.length <= 5)) return true;
  let k = i + 1;
  if (word(tokens, k) !== undefined && ORDINAL_SUFFIXES.has(word(tokens, k)!) && tokens[k]!.glued) k++;
  if (isMonthWord(tokens, k) || (word(tokens, k) === 'of' && isMonthWord(tokens, k + 1))) return true;
  // "February 16 or 17", "16 and 17 February", "Feb 16-17"
  const prev = tokens[i - 1];
  if (prev && CONJUNCTIONS_OF_DAYS.has(prev.lower) && scan.lastDateDay === i - 2) return true;
  const conj = tokens[i + 1];
  const other = tokens[i + 2];
  if (conj && CONJUNCTIONS_OF_DAYS.has(conj.lower) && other && other.kind === Tk.Number && other.text.length <= 2 &&
    isMonthWord(tokens, i + 3)) return true;
  return false;
}

function isYear(tokens: FigToken[], i: number, digits: ParsedDigits, raw: string, hasCurrency: boolean): boolean {
  if (raw.length !== 4 || digits.thousandsSeparator || digits.decimals > 0) return false;
  if (digits.value < 1000 || digits.value > 2199 || hasCurrency) return false;
  const next = tokens[i + 1];
  const nextWord = next && next.kind === Tk.Word && sameLine(tokens, i + 1) ? next.lower : undefined;
  // "2018 day five" and "the 2022 year" are years; "2000 years" is a duration.
  const singularDuration = nextWord !== undefined && MEASURE_UNITS.get(nextWord)?.dimension === 'duration' && !nextWord.endsWith('s');
  if (nextWord && !singularDuration && (SCALE_WORDS.has(nextWord) || PERCENT_WORDS.has(nextWord) || MEASURE_UNITS.has(nextWord) ||
    (next!.glued && SCALE_ABBREVIATIONS.has(nextWord)))) return false;
  if (next && next.text === '%') return false;
  const before = wordBefore(tokens, i);
  if (before && YEAR_BEFORE.has(before.token.lower)) return true;
  if (tokens[i - 1]?.text === '©' || tokens[i - 1]?.text === ',') return true;
  if (nextWord && looksPluralNoun(nextWord) && !isMonthWord(tokens, i + 1)) return false;
  return true;
}

function isTimeOfDay(tokens: FigToken[], i: number, end: number): boolean {
  const next = tokens[end + 1];
  if (!next || !sameLine(tokens, end + 1)) return false;
  if (next.kind === Tk.Word && (TIME_WORDS.has(next.lower) || (next.lower === 'o' && tokens[end + 2]?.lower === "'clock"))) {
    // "10 am" but not "10 a.m. to 5 p.m." only: both are times
    return true;
  }
  return false;
}

function isLabel(tokens: FigToken[], i: number, digits: ParsedDigits, raw: string): boolean {
  const before = wordBefore(tokens, i);
  if (!before) return false;
  const w = before.token.lower;
  if (LABEL_WORDS.has(w) && !tokens[i]!.glued) {
    // "three days", "a week": the label words that are also units need a capital or a following capital/stop.
    if ((w === 'week' || w === 'day' || w === 'line' || w === 'order' || w === 'bill' || w === 'number' || w === 'round' ||
      w === 'game' || w === 'match' || w === 'group' || w === 'unit' || w === 'level' || w === 'stage' || w === 'class') &&
      before.token.text.charCodeAt(0) > 90) {
      const after = word(tokens, i + 1);
      return after === undefined || !looksPluralNoun(after);
    }
    return true;
  }
  // "Windows 11.", "Formula 1 race": a capitalized name directly before a short plain number with no noun after.
  const t = before.token;
  const c = t.text.charCodeAt(0);
  if (c >= 65 && c <= 90 && before.index === i - 1 && !CAPITALIZED_NON_NAMES.has(w) && !t.lineBefore && !digits.thousandsSeparator &&
    digits.decimals === 0 && raw.length <= 3) {
    const after = tokens[i + 1];
    if (!after || after.kind !== Tk.Word || after.text.charCodeAt(0) <= 90 || !sameLine(tokens, i + 1)) {
      if (after && after.kind === Tk.Symbol) return false;
      return true;
    }
  }
  return false;
}

// ── Matching a figure ────────────────────────────────────────────────────────────────────

interface Building {
  first: number;
  last: number;
  value: number;
  upper?: number;
  /** One unit of the last written digit, before scaling. */
  precisionUnit: number;
  scale: number;
  currency?: string;
  percent?: 'percent' | 'points';
  ratio?: boolean;
  measure?: MeasureUnit;
  qualifier: QualifierKind;
  qualifierText?: string;
  band?: WordNumber['band'];
  nounFrom: number;
  writing: FigureWriting;
}

function matchNumeric(scan: Scan, i: number): number {
  const { tokens } = scan;
  const t = tokens[i]!;
  const digits = parseDigits(t.text);
  if (!digits) return i + 1;
  if (digits.code) return skipGluedRun(tokens, i);
  if (isCode(tokens, i)) return skipGluedRun(tokens, i);
  if (isCompactDateOrId(tokens, i, digits, t.text)) return skipGluedRun(tokens, i);

  const next = tokens[i + 1];
  const nextGlued = !!next && next.glued;
  // Glued runs that are dates, times, fractions or scores: "16/02/2022", "10:30", "2022-02-16", "3:1".
  if (nextGlued && next.kind !== Tk.Word && (next.text === '/' || next.text === ':' || next.text === '.') &&
    tokens[i + 2]?.kind === Tk.Number && tokens[i + 2]!.glued) return skipGluedRun(tokens, i);
  if (nextGlued && isDash(next) && tokens[i + 2]?.kind === Tk.Number && tokens[i + 2]!.glued && tokens[i + 3] &&
    isDash(tokens[i + 3]) && tokens[i + 3]!.glued) return skipGluedRun(tokens, i); // 2022-02-16
  if (nextGlued && next.kind === Tk.Word) {
    const w = next.lower;
    if (ORDINAL_SUFFIXES.has(w)) {
      if (isMonthWord(tokens, i + 2) || (word(tokens, i + 2) === 'of' && isMonthWord(tokens, i + 3))) scan.lastDateDay = i;
      return i + 2;
    }
    if (w === 's' || w === "'s" || w === '’s') return i + 2; // "1990s"
    if (TIME_WORDS.has(w)) return i + 2;
    const known = SCALE_ABBREVIATIONS.has(w) || SCALE_WORDS.has(w) || MEASURE_UNITS.has(w) || GLUED_ONLY_UNITS.has(w) ||
      PERCENT_WORDS.has(w) || w === 'pp' || w === 'x' || CURRENCY_CODES.has(next.text) || w === 'bps';
    if (!known) return skipGluedRun(tokens, i); // "72B3", "4G", "3D"
  }
  // "Sweden 1 – 0 Korea", "won 2 - 1": a score, whatever precedes it.
  if (next && !nextGlued && isDash(next) && sameLine(tokens, i + 1) && tokens[i + 2]?.kind === Tk.Number && sameLine(tokens, i + 2)) {
    const second = parseDigits(tokens[i + 2]!.text);
    if (second && digits.value <= 30 && second.value <= 30 && digits.decimals === 0 && second.decimals === 0 &&
      !looksPluralNoun(word(tokens, i + 3))) return i + 3;
  }
  if (isDateDay(scan, i, digits, t.text)) {
    scan.lastDateDay = i;
    return i + 1;
  }
  const currencyBefore = readCurrencyBefore(tokens, i);
  if (isYear(tokens, i, digits, t.text, !!currencyBefore)) return i + 1;
  if (isTimeOfDay(tokens, i, i)) return i + 2;
  if (!currencyBefore && isLabel(tokens, i, digits, t.text)) return i + 1;
  const after = word(tokens, i + 1);
  if (after && FURNITURE_AFTER.has(after)) return i + 2;
  if (isDash(tokens[i + 1]) && tokens[i + 1]!.glued && word(tokens, i + 2) === 'fold') return i + 3; // "18-fold": a ratio of change
  if (after === 'min' && word(tokens, i + 2) === 'read') return i + 3;

  const b: Building = {
    first: i,
    last: i,
    value: digits.value,
    precisionUnit: roundingUnit(digits.decimals, digits.trailingZeros, 1),
    scale: 1,
    qualifier: 'exact',
    nounFrom: i,
    writing: { digits: { start: t.start, end: t.end, text: t.text } },
  };
  if (digits.problem) b.writing.separatorProblem = digits.problem;
  if (digits.thousandsSeparator) b.writing.thousandsSeparator = digits.thousandsSeparator;
  if (digits.decimalMark) b.writing.decimalMark = digits.decimalMark;
  if (currencyBefore) {
    b.first = currencyBefore.first;
    b.currency = currencyBefore.code;
    if (currencyBefore.space) b.writing.spaceAfterCurrency = currencyBefore.space;
  }
  // Minus sign: "−5°C"
  const prev = tokens[b.first - 1];
  if (prev && prev.text === '−' && tokens[b.first]!.glued) {
    b.first--;
    b.value = -b.value;
  }
  // A dash range: "100-150", "1-2bn" (a smaller second number is a score or something else: not a figure).
  if (nextGlued && isDash(next) && tokens[i + 2]?.kind === Tk.Number && tokens[i + 2]!.glued) {
    const second = parseDigits(tokens[i + 2]!.text);
    if (!second || second.value <= digits.value || second.code) return skipGluedRun(tokens, i);
    b.upper = second.value;
    b.qualifier = 'range';
    b.last = i + 2;
  } else if (next && !nextGlued && isDash(next) && sameLine(tokens, i + 1) && tokens[i + 2]?.kind === Tk.Number &&
    sameLine(tokens, i + 2) && !tokens[i + 3]?.glued) {
    // Spaced: "100 – 150 troops" is a range (scores were skipped above).
    const second = parseDigits(tokens[i + 2]!.text);
    if (!second || second.code) return i + 1;
    if (second.value <= digits.value) return i + 3;
    b.upper = second.value;
    b.qualifier = 'range';
    b.last = i + 2;
  }
  return finishFigure(scan, b);
}

function matchWritten(scan: Scan, i: number): number {
  const { tokens } = scan;
  // "one in four", "nine out of ten"
  const ratio = readRatio(tokens, i, i);
  if (ratio) {
    const b: Building = {
      first: i, last: ratio.last, value: ratio.value, precisionUnit: 0, scale: 1, ratio: true, qualifier: 'exact',
      nounFrom: ratio.last, writing: {},
    };
    return finishFigure(scan, b, true);
  }
  const wn = parseWordNumber(tokens, i);
  if (!wn) return i + 1;
  // "day five", "Article Five", "round two": a label, unless a noun follows ("day five people …" is rare).
  const before = wordBefore(tokens, i);
  if (before && LABEL_WORDS.has(before.token.lower) && !wn.band && !looksPluralNoun(word(tokens, wn.last + 1))) return wn.last + 1;
  // "two-thirds", "one-off", "five-star": a hyphenated word that is not a unit
  const after = tokens[wn.last + 1];
  if (after && isDash(after) && after.glued && tokens[wn.last + 2]?.glued && tokens[wn.last + 2]!.kind === Tk.Word) {
    const w = tokens[wn.last + 2]!.lower;
    if (!MEASURE_UNITS.has(w)) return wn.last + 3;
  }
  const b: Building = {
    first: i,
    last: wn.last,
    value: wn.value,
    precisionUnit: roundingUnitOfValue(wn.value),
    scale: 1,
    qualifier: wn.band ? 'vague' : wn.approximate ? 'approximately' : 'exact',
    nounFrom: wn.ofIndex ?? wn.last,
    writing: {},
  };
  if (wn.band) {
    b.band = wn.band;
    b.qualifierText = scan.text.slice(tokens[i]!.start, tokens[wn.ofIndex ?? wn.last]!.end);
  }
  return finishFigure(scan, b, false, wn.ofIndex);
}

function readCurrencyBefore(tokens: FigToken[], i: number): { first: number; code: string; space?: { start: number; end: number } } | undefined {
  const prev = tokens[i - 1];
  if (!prev || !sameLine(tokens, i)) return undefined;
  if (prev.kind === Tk.Symbol && CURRENCY_SYMBOLS.has(prev.text)) {
    let first = i - 1;
    let code = CURRENCY_SYMBOLS.get(prev.text)!;
    const letters = tokens[i - 2];
    if (prev.text === '$' && letters && prev.glued && letters.kind === Tk.Word && DOLLAR_PREFIXES.has(letters.lower)) {
      code = DOLLAR_PREFIXES.get(letters.lower)!;
      first = i - 2;
    }
    const result: { first: number; code: string; space?: { start: number; end: number } } = { first, code };
    if (!tokens[i]!.glued) result.space = { start: prev.end, end: tokens[i]!.start };
    return result;
  }
  if (prev.kind === Tk.Word && CURRENCY_CODES.has(prev.text)) return { first: i - 1, code: prev.text === 'RMB' ? 'CNY' : prev.text };
  return undefined;
}

function readRatio(tokens: FigToken[], i: number, last: number): { value: number; last: number } | undefined {
  const numerator = numberAt(tokens, i, last);
  if (numerator === undefined || numerator <= 0) return undefined;
  let k = last + 1;
  const w = word(tokens, k);
  if (w === 'in') k++;
  else if (w === 'out' && word(tokens, k + 1) === 'of') k += 2;
  else return undefined;
  const dTok = tokens[k];
  if (!dTok || !sameLine(tokens, k)) return undefined;
  const denominator = numberAt(tokens, k, k);
  if (denominator === undefined || denominator <= numerator || denominator > 1000) return undefined;
  return { value: numerator / denominator, last: k };
}

/** A single-token number (digits or a number word) at i..last. */
function numberAt(tokens: FigToken[], i: number, last: number): number | undefined {
  if (i !== last) return undefined;
  const t = tokens[i];
  if (!t) return undefined;
  if (t.kind === Tk.Number) {
    const d = parseDigits(t.text);
    return d && !d.code && d.decimals === 0 ? d.value : undefined;
  }
  if (t.kind === Tk.Word) return SMALL_NUMBERS.get(t.lower) ?? TENS.get(t.lower);
  return undefined;
}

/** Reads scale, currency, percent, unit and qualifiers around a number, then records the figure. */
function finishFigure(scan: Scan, b: Building, isRatio = false, ofIndex?: number): number {
  const { tokens } = scan;
  let k = b.last + 1;
  const on = (j: number) => j < tokens.length && sameLine(tokens, j);

  if (!isRatio && ofIndex === undefined) {
    // Scale: "1 billion", "7.4bn", "$200m", "5k"
    const w = on(k) ? word(tokens, k) : undefined;
    if (w !== undefined) {
      const glued = tokens[k]!.glued;
      const wordScale = SCALE_WORDS.get(w);
      const abbreviation = SCALE_ABBREVIATIONS.get(w);
      const moneyish = !!b.currency || isMoneyAfter(tokens, k + 1);
      if (wordScale !== undefined && wordScale >= 1000 && !(b.writing.digits === undefined && b.value >= 1000)) {
        b.scale = wordScale;
        b.last = k++;
      } else if (abbreviation !== undefined) {
        const ok =
          w === 'm' ? (moneyish || (glued && looksPluralNoun(word(tokens, k + 1)) && b.writing.digits !== undefined && b.value < 1000)) :
          w === 'b' ? glued && moneyish :
          w === 'k' ? glued :
          true;
        if (ok) {
          b.scale = abbreviation;
          b.last = k++;
        }
      }
    }
    // Currency after: "5.65bn euros", "10 million dollars", "2bn yen", "300 rubles", "5m pounds"
    if (!b.currency && on(k)) {
      const t = tokens[k]!;
      if (t.kind === Tk.Word) {
        const code = CURRENCY_WORDS.get(t.lower) ?? (CURRENCY_CODES.has(t.text) ? t.text : undefined) ??
          ((t.lower === 'pounds' || t.lower === 'pound') && (b.scale > 1 || word(tokens, k + 1) === 'sterling') ? 'GBP' : undefined);
        if (code) {
          b.currency = code;
          b.last = k++;
          if (word(tokens, k) === 'sterling' && on(k)) b.last = k++;
        }
      } else if (t.kind === Tk.Symbol && CURRENCY_SYMBOLS.has(t.text) && t.text !== '$') {
        b.currency = CURRENCY_SYMBOLS.get(t.text)!;
        b.last = k++;
      }
    }
    // Percent: "67.7%", "5 per cent", "3 percentage points", "25 basis points"
    if (!b.currency && on(k)) {
      const t = tokens[k]!;
      const w2 = t.kind === Tk.Word ? t.lower : undefined;
      if (t.text === '%') {
        b.percent = 'percent';
        b.last = k++;
      } else if (w2 && PERCENT_WORDS.has(w2)) {
        b.percent = 'percent';
        b.last = k++;
      } else if (w2 === 'per' && word(tokens, k + 1) === 'cent' && on(k + 1)) {
        b.percent = 'percent';
        b.last = k + 1;
        k += 2;
      } else if (w2 === 'percentage' && /^points?$/.test(word(tokens, k + 1) ?? '') && on(k + 1)) {
        b.percent = 'points';
        b.last = k + 1;
        k += 2;
      } else if (w2 === 'pp') {
        b.percent = 'points';
        b.last = k++;
      } else if ((w2 === 'basis' && /^points?$/.test(word(tokens, k + 1) ?? '')) || w2 === 'bps') {
        b.percent = 'points';
        b.scale *= 0.01;
        b.last = w2 === 'bps' ? k : k + 1;
        k = b.last + 1;
      }
    }
    // Measure units: "30 km", "48-hour", "5°C", "10 square kilometres"
    if (!b.currency && !b.percent && on(k)) {
      const read = readMeasure(tokens, k, b);
      if (read) {
        if (read.relativeDate) return read.end + 1; // "two weeks ago": a date, not a figure
        b.measure = read.unit;
        b.last = read.end;
        k = read.end + 1;
      }
    }
    // Ratio with digits: "1 in 5"
    if (!b.currency && !b.percent && !b.measure && b.scale === 1 && b.qualifier === 'exact') {
      const ratio = readRatio(tokens, b.first === b.last ? b.first : -1, b.last);
      if (ratio) {
        b.value = ratio.value;
        b.ratio = true;
        b.last = ratio.last;
        k = ratio.last + 1;
      }
    }
  }
  if (b.ratio) k = b.last + 1;
  b.nounFrom = ofIndex ?? b.last;

  // Qualifiers after: "150,000-plus", "5,000 or more", "30 or so", "10+"
  if (b.qualifier === 'exact' && on(k)) {
    const t = tokens[k]!;
    if (t.text === '+' && t.glued) {
      b.qualifier = 'at-least';
      b.last = k;
    } else if (isDash(t) && t.glued && word(tokens, k + 1) === 'plus' && tokens[k + 1]!.glued) {
      b.qualifier = 'more-than';
      b.last = k + 1;
    } else if (isDash(t) && t.glued && word(tokens, k + 1) === 'odd' && tokens[k + 1]!.glued) {
      b.qualifier = 'approximately';
      b.last = k + 1;
    } else if (word(tokens, k) === 'or' && (word(tokens, k + 1) === 'more' || word(tokens, k + 1) === 'so') && on(k + 1)) {
      const more = word(tokens, k + 1) === 'more';
      const beyond = word(tokens, k + 2);
      // "5,000 or more troops" but not "5,000 or more than 6,000"
      if (!(more && beyond === 'than')) {
        b.qualifier = more ? 'at-least' : 'approximately';
        b.last = k + 1;
      }
    }
    if (b.qualifier !== 'exact') {
      b.qualifierText = scan.text.slice(tokens[b.nounFrom + 1]?.start ?? tokens[b.last]!.start, tokens[b.last]!.end).trim();
      b.nounFrom = b.last;
    }
  }

  // Qualifiers before: "more than", "about", "up to"; "between 100 and 150"
  if (b.qualifier === 'exact' || b.qualifier === 'range') readQualifierBefore(scan, b);

  recordFigure(scan, b);
  return b.last + 1;
}

function isMoneyAfter(tokens: FigToken[], k: number): boolean {
  const t = tokens[k];
  if (!t || t.lineBefore) return false;
  return (t.kind === Tk.Word && (CURRENCY_WORDS.has(t.lower) || CURRENCY_CODES.has(t.text) || t.lower === 'pounds')) ||
    (t.kind === Tk.Symbol && CURRENCY_SYMBOLS.has(t.text));
}

function readMeasure(tokens: FigToken[], k: number, b: Building): { unit: MeasureUnit; end: number; relativeDate?: boolean } | undefined {
  const t = tokens[k]!;
  // "48-hour", "30-km", "10-year-old"
  if (isDash(t) && t.glued && tokens[k + 1]?.glued && tokens[k + 1]!.kind === Tk.Word) {
    const unit = MEASURE_UNITS.get(tokens[k + 1]!.lower);
    if (!unit) return undefined;
    let end = k + 1;
    if (isDash(tokens[k + 2]) && tokens[k + 2]!.glued && word(tokens, k + 3) === 'old' && tokens[k + 3]!.glued) end = k + 3;
    return { unit, end };
  }
  if (t.kind === Tk.Symbol && t.text === '°') {
    const scale = tokens[k + 1]?.glued ? TEMPERATURE.get(word(tokens, k + 1) ?? '') : undefined;
    if (scale) return { unit: scale, end: k + 1 };
    return undefined;
  }
  if (t.kind !== Tk.Word) return undefined;
  const w = t.lower;
  if (w === 'square' || w === 'sq') {
    let j = k + 1;
    if (tokens[j]?.text === '.' && tokens[j]!.glued) j++;
    const inner = MEASURE_UNITS.get(word(tokens, j) ?? '');
    if (inner && inner.dimension === 'length') {
      return { unit: { unit: `sq ${inner.unit}`, dimension: 'area', scale: inner.scale * inner.scale }, end: j };
    }
    return undefined;
  }
  if (w === 'degrees') {
    const s = word(tokens, k + 1);
    if (s === 'celsius' || s === 'centigrade') return { unit: TEMPERATURE.get('c')!, end: k + 1 };
    if (s === 'fahrenheit') return { unit: TEMPERATURE.get('f')!, end: k + 1 };
    return undefined;
  }
  let unit = MEASURE_UNITS.get(w);
  if (!unit && t.glued) unit = GLUED_ONLY_UNITS.get(w);
  if (w === 'm' && b.scale === 1) unit = GLUED_ONLY_UNITS.get('m');
  if (!unit) return undefined;
  let end = k;
  // "km/h"
  if (unit.unit === 'km' && tokens[k + 1]?.text === '/' && tokens[k + 1]!.glued && word(tokens, k + 2) === 'h' && tokens[k + 2]!.glued) {
    return { unit: { unit: 'km/h', dimension: 'speed', scale: 1 }, end: k + 2 };
  }
  if (unit.dimension === 'duration' && word(tokens, k + 1) === 'ago') return { unit, end: k + 1, relativeDate: true };
  if (unit.dimension === 'duration' && word(tokens, k + 1) === 'old' && b.writing.digits) end = k + 1;
  return { unit, end };
}

function readQualifierBefore(scan: Scan, b: Building): void {
  const { tokens, text } = scan;
  const first = b.first;
  // "between 100 and 150 troops": the range is read at its first number.
  if (b.qualifier === 'exact' && word(tokens, first - 1) === 'between' && word(tokens, b.last + 1) === 'and' &&
    sameLine(tokens, b.last + 1)) {
    let k = b.last + 2;
    let currency = false;
    if (tokens[k]?.kind === Tk.Symbol && CURRENCY_SYMBOLS.has(tokens[k]!.text)) {
      currency = true;
      k++;
    }
    const second = tokens[k];
    if (second && second.kind === Tk.Number && sameLine(tokens, k)) {
      const digits = parseDigits(second.text);
      let scale = 1;
      let end = k;
      const sw = word(tokens, k + 1);
      if (sw && (SCALE_WORDS.has(sw) || SCALE_ABBREVIATIONS.has(sw)) && (sw !== 'm' || currency || !!b.currency)) {
        scale = SCALE_WORDS.get(sw) ?? SCALE_ABBREVIATIONS.get(sw)!;
        end = k + 1;
      }
      if (digits && !digits.code && digits.value * scale > b.value * b.scale) {
        b.upper = (digits.value * scale) / b.scale;
        b.qualifier = 'range';
        b.first = first - 1;
        b.last = end;
        b.nounFrom = end;
        // A unit after the second number belongs to both: "between 100 and 150 km"
        const after = tokens[end + 1];
        if (after && !b.measure && !b.percent && !b.currency && sameLine(tokens, end + 1)) {
          if (after.text === '%') {
            b.percent = 'percent';
            b.last = b.nounFrom = end + 1;
          } else if (after.kind === Tk.Word && MEASURE_UNITS.has(after.lower)) {
            b.measure = MEASURE_UNITS.get(after.lower)!;
            b.last = b.nounFrom = end + 1;
          }
        }
        b.qualifierText = 'between';
        return;
      }
    }
  }
  if (b.qualifier !== 'exact') return;
  for (const phrase of QUALIFIERS_BEFORE) {
    const len = phrase.words.length;
    if (first - len < 0) continue;
    let ok = true;
    for (let j = 0; j < len; j++) {
      const t = tokens[first - len + j]!;
      if (t.lower !== phrase.words[j] || (j > 0 || len === 1 ? t.lineBefore && j > 0 : false)) {
        ok = false;
        break;
      }
    }
    if (!ok || tokens[first]!.lineBefore) continue;
    const qStart = first - len;
    // "some" and "over" only when directly before the number (no "some of the 40")
    b.qualifier = phrase.kind;
    b.qualifierText = text.slice(tokens[qStart]!.start, tokens[first - 1]!.end);
    b.first = qStart;
    return;
  }
}

function recordFigure(scan: Scan, b: Building): void {
  let kind: FigureKind;
  let dimension: Dimension;
  let unit: string;
  let unitScale: number;
  if (b.currency) {
    kind = 'money';
    dimension = 'money';
    unit = b.currency;
    unitScale = 1;
  } else if (b.percent === 'percent') {
    kind = 'percent';
    dimension = 'proportion';
    unit = 'percent';
    unitScale = 0.01;
  } else if (b.percent === 'points') {
    kind = 'percent';
    dimension = 'percentage-points';
    unit = 'percentage points';
    unitScale = 1;
  } else if (b.ratio) {
    kind = 'ratio';
    dimension = 'proportion';
    unit = 'ratio';
    unitScale = 1;
  } else if (b.measure) {
    kind = 'measure';
    dimension = b.measure.dimension;
    unit = b.measure.unit;
    unitScale = b.measure.scale;
  } else {
    kind = 'count';
    dimension = 'count';
    unit = '';
    unitScale = 1;
  }
  if (b.qualifier === 'vague') kind = 'vague';
  const value = b.ratio ? b.value : scaleValue(b.value, b.scale);
  const upper = b.upper !== undefined ? scaleValue(b.upper, b.scale) : undefined;
  const interval = intervalFor({
    value,
    qualifier: b.qualifier,
    unit: b.ratio ? 0 : b.precisionUnit * b.scale,
    isPercent: b.percent !== undefined,
    ...(upper !== undefined ? { upper } : {}),
    ...(b.band ? { band: b.band } : {}),
  });
  const core: FigureCore = {
    first: b.first,
    last: b.last,
    nounFrom: b.nounFrom,
    kind,
    dimension,
    unit,
    unitScale,
    value,
    ...interval,
    qualifier: b.qualifier,
    writing: b.writing,
  };
  if (b.qualifierText) core.qualifierText = b.qualifierText;
  scan.cores.push(core);
}

/** value × scale without binary noise: 7.4 × 1e9 = 7,400,000,000 exactly. */
function scaleValue(value: number, scale: number): number {
  if (scale === 1) return value;
  const product = value * scale;
  const rounded = Number(product.toPrecision(12));
  return Number.isFinite(rounded) ? rounded : product;
}
