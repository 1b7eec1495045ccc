// The figure grammar: one left-to-right pass over the tokens that finds every number that is a quantity,
// with its qualifier, currency, scale and unit, and skips what is not (dates, years, times, codes, labels, URLs).
// Every look-around is bounded (a few tokens), and the scan never revisits a token it has consumed: linear time.
import { parseDigits, type ParsedDigits } from './digits';
import { markConversions } from './conversions';
import {
  CAPITALIZED_NON_NAMES, CHANGE_VERBS, COMPARISON_AFTER_TIMES, FILE_EXTENSIONS, FURNITURE_AFTER, HEAD_CLASSES, LABEL_WORDS,
  MONTHS, NAME_TAILS, NOT_NOUNS, NUMBERED_NAMES, QUALIFIERS_BEFORE, RANGE_CUES, SCORE_AFTER, SCORE_BEFORE, TIME_WORDS,
  WEEKDAYS,
} from './lexicon';
import { parseWordNumber, SCALE_WORDS, SMALL_NUMBERS, startsWordNumber, TENS, type WordNumber } from './numberWords';
import { intervalFor, roundingUnit, roundingUnitOfValue, type Interval } from './qualifiers';
import { Tk, type FigToken } from './scanner';
import type { Dimension, FigureKind, FigureWriting, QualifierKind } from './types';
import {
  CURRENCY_ADJECTIVES, CURRENCY_CODES, CURRENCY_PREFIXES, CURRENCY_SYMBOLS, CURRENCY_WORDS, CURRENCY_WORDS_BEFORE,
  DOLLAR_PREFIXES, GLUED_ONLY_UNITS, MEASURE_UNITS, PERCENT_WORDS, SCALE_ABBREVIATIONS, TEMPERATURE, type MeasureUnit,
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
  /** Index (in the cores list) of the amount this one restates in another currency or unit: "€6.53 (⟨$8.06⟩)". */
  conversionOf?: number;
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
  /** The scale word each core was written with (1 for none), parallel to `cores`: "5 to 7 million" shares it. */
  scales: number[];
  /** Index of the last number read as the day of a date, to catch "February 16 or 17". */
  lastDateDay: number;
  /** Index of the last number read as part of a name or label, to catch "the Boeing 737 and 747". */
  lastNameNumber: number;
}

/** An article with more figures than this is a table or junk: the rest is not read (keeps bad input cheap). */
export const MAX_FIGURES = 5000;

/** Finds the figures in `tokens`. `skip(i)` says a token lies in page furniture. */
export function scanFigureCores(text: string, tokens: FigToken[], skip?: (tokenIndex: number) => boolean): FigureCore[] {
  const scan: Scan = { text, tokens, cores: [], scales: [], lastDateDay: -10, lastNameNumber: -10 };
  const n = tokens.length;
  let i = 0;
  while (i < n && scan.cores.length < MAX_FIGURES) {
    if (skip && skip(i)) {
      i++;
      continue;
    }
    const t = tokens[i]!;
    if (t.lineBefore) {
      const tableEnd = tableLineEnd(tokens, i);
      if (tableEnd > i) {
        i = tableEnd;
        continue;
      }
    }
    let next = i + 1;
    if (t.kind === Tk.Number) next = matchNumeric(scan, i);
    else if (t.kind === Tk.Word && startsWordNumber(tokens, i)) next = matchWritten(scan, i);
    i = Math.max(next, i + 1);
  }
  markConversions(tokens, scan.cores);
  return scan.cores;
}

/** A line with at least this many numbers, and no more words than numbers, is a table row, not prose. */
const TABLE_MIN_NUMBERS = 6;

/** "Republicans 49 55 -3 Democrats 46 44 +3", "Arsenal 38 26 9 3 73 26 87": the end of a table line starting at i, or -1. */
function tableLineEnd(tokens: FigToken[], i: number): number {
  let numbers = 0;
  let words = 0;
  let k = i;
  do {
    const kind = tokens[k]!.kind;
    if (kind === Tk.Number) numbers++;
    else if (kind === Tk.Word) words++;
    k++;
  } while (k < tokens.length && !tokens[k]!.lineBefore);
  return numbers >= TABLE_MIN_NUMBERS && numbers >= words ? k : -1;
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

const SENTENCE_ENDS = new Set(['.', '!', '?', '…']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«']);

/** Token k begins a sentence or a line (after an opening quote or bracket, too). */
function startsSentence(tokens: FigToken[], k: number): boolean {
  const t = tokens[k];
  if (!t || t.lineBefore || k === 0) return true;
  let p = tokens[k - 1]!;
  if (p.kind === Tk.Punct && OPENERS.has(p.text)) {
    if (p.lineBefore || k === 1) return true;
    p = tokens[k - 2]!;
  }
  // "… at 9 a.m. Two police officers …": an abbreviation's final period may end the sentence too.
  return (p.kind === Tk.Punct && SENTENCE_ENDS.has(p.text)) || (p.kind === Tk.Word && p.text.length > 2 && p.text.endsWith('.'));
}

/** Written like a name: "Boeing", "FTSE", "iPad". */
function isNameLike(t: FigToken | undefined): boolean {
  if (!t || t.kind !== Tk.Word) return false;
  const c = t.text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 97 && c <= 122) return t.text.length > 1 && t.text.charCodeAt(1) >= 65 && t.text.charCodeAt(1) <= 90; // "iPad", "eBay"
  return c > 127 && t.text[0] !== t.text[0]!.toLowerCase();
}

/** A name that is a name wherever it stands: all capitals ("FTSE"), a capital inside ("PlayStation"), or a numbered name. */
function isStrongName(t: FigToken): boolean {
  if (NUMBERED_NAMES.has(t.lower)) return true;
  for (let k = 1; k < t.text.length; k++) {
    const c = t.text.charCodeAt(k);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
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
    // "OS/2"; "6+5"; "section 373(4)", "rgb(0.9,0.9,0.9)", "increment:1": references, formulas and markup glued to
    // what precedes.
    const before = tokens[i - 2];
    if (prev.glued && before && (prev.text === '/' || prev.text === '+' || prev.text === '(' || (prev.text === ':' && before.kind === Tk.Word)) &&
      (before.kind === Tk.Word || before.kind === Tk.Number || (prev.text === '(' && before.text === ')'))) return true;
  }
  return false;
}

/**
 * Numbers in markup, phone numbers and file names, never prose figures: "count=10", "| DAX = 5,831", "+44 800 789321",
 * "(800) 222-5381", "0800 789321", "photo 2.jpg". Returns where to continue, or -1.
 */
function skipNotProse(tokens: FigToken[], i: number, digits: ParsedDigits, raw: string): number {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev && prev.text === '=' && sameLine(tokens, i)) return i + 1;
  // Phone numbers: a "+" country code, a bracketed area code, or a zero-led code followed by more digits.
  const phoneStart = (prev && prev.text === '+' && t.glued && !(tokens[i - 2] && prev.glued && tokens[i - 2]!.kind !== Tk.Punct)) ||
    (prev && prev.text === '(' && next?.text === ')' && next.glued && raw.length === 3 && tokens[i + 2]?.kind === Tk.Number) ||
    (digits.code === true && raw[0] === '0' && raw.length >= 3);
  if (phoneStart && next && (next.kind === Tk.Number || next.text === ')') && sameLine(tokens, i + 1)) {
    let k = i + 1;
    while (k < tokens.length && sameLine(tokens, k) && (tokens[k]!.kind === Tk.Number || isDash(tokens[k]) || tokens[k]!.text === ')')) k++;
    return k;
  }
  // "2.jpg", "(2).jpg"
  let k = i + 1;
  if (tokens[k]?.text === ')' && tokens[k]!.glued) k++;
  if (tokens[k]?.text === '.' && tokens[k]!.glued && tokens[k + 1]?.glued && FILE_EXTENSIONS.has(tokens[k + 1]!.lower)) return k + 2;
  return -1;
}

/** Is a bracket open a few tokens before i on the same line? */
function openedBefore(tokens: FigToken[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 12; k--) {
    const t = tokens[k]!;
    if (t.text === '(') return true;
    if (t.text === ')' || t.lineBefore) return false;
  }
  return false;
}

/**
 * Enumeration markers and bracketed restatements: "(1) the President", "and (2) the Secretary", "1) first", "Saturday (9)",
 * "twenty six (26) days". A number in brackets after a name ("Bossi (42)", "Chirac (74)") stays a figure.
 */
function isMarker(scan: Scan, i: number, raw: string): boolean {
  const { tokens } = scan;
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (raw.length > 2 || !next || !next.glued) return false;
  // "1. The first point" at the start of a line
  if (next.text === '.' && t.lineBefore) return tokens[i + 2]?.kind === Tk.Word && !tokens[i + 2]!.glued && sameLine(tokens, i + 2);
  if (next.text !== ')') return false;
  if (!prev || t.lineBefore) return true;
  // "1) the budget 2) the staff": no bracket opened before it on the line
  if (prev.text !== '(') return !openedBefore(tokens, i) && !!tokens[i + 2] && sameLine(tokens, i + 2) && tokens[i + 2]!.kind === Tk.Word;
  if (!t.glued) return false;
  const before = tokens[i - 2];
  if (!before || prev.lineBefore) return true;
  if (before.kind === Tk.Word && WEEKDAYS.has(before.lower)) return true;
  const last = scan.cores[scan.cores.length - 1];
  if (last && last.last === i - 2 && last.value === Number(raw)) return true;
  if (isNameLike(before) || (before.kind === Tk.Word && (before.lower === "'s" || before.lower === '’s'))) return false;
  const after = tokens[i + 2];
  return !!after && sameLine(tokens, i + 2) && (after.kind === Tk.Word || (OPENERS.has(after.text) && after.text !== '('));
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
  // "April 2004 members", "Comicon 2019 welcomes fans": a month or an event's name before the year.
  if (before && before.index === i - 1 && (isMonthWord(tokens, before.index) ||
    (isNameLike(before.token) && !CAPITALIZED_NON_NAMES.has(before.token.lower) && !startsSentence(tokens, before.index)))) return true;
  if (nextWord && looksPluralNoun(nextWord) && !isMonthWord(tokens, i + 1)) return false;
  return true;
}

function isTimeWordAt(tokens: FigToken[], k: number): boolean {
  const t = tokens[k];
  if (!t || !sameLine(tokens, k) || t.kind !== Tk.Word) return false;
  return TIME_WORDS.has(t.lower) || (t.lower === 'o' && tokens[k + 1]?.lower === "'clock");
}

const TIME_SPAN_WORDS = new Set(['to', 'until', 'till', 'and', '-', '–', 'through']);

function isTimeOfDay(tokens: FigToken[], i: number, end: number, digits: ParsedDigits, raw: string): boolean {
  if (isTimeWordAt(tokens, end + 1)) return true; // "10 am", "1500 GMT"
  // "from 4 to 7pm", "between 9 and 11 a.m.": the first end of a span of times
  const joiner = tokens[end + 1];
  const other = tokens[end + 2];
  if (joiner && sameLine(tokens, end + 1) && TIME_SPAN_WORDS.has(joiner.lower) && other?.kind === Tk.Number && sameLine(tokens, end + 2) &&
    digits.decimals === 0 && digits.value <= 24 && isTimeWordAt(tokens, end + 3)) return true;
  // "at 07.20", "11.30 local time": hours and minutes written with a point
  if (digits.decimalMark === '.' && digits.decimals === 2 && !digits.thousandsSeparator && raw.length <= 5) {
    const hours = Math.trunc(digits.value);
    const minutes = Number(raw.slice(raw.indexOf('.') + 1));
    if (hours <= 23 && minutes <= 59) {
      const after = word(tokens, end + 1);
      if ((raw[0] === '0' && raw.length === 5) || after === 'local' || after === 'hours' || after === 'hrs') return true;
    }
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
  return isNumberInName(tokens, i, before, digits, raw);
}

/**
 * "Windows 11.", "Boeing 787 jet", "S&P 500 fell", "Nokia 3230", "Xbox 360 consoles", "Ubuntu 7.04": a name directly
 * before a short plain number. A plural noun or a unit after the number makes it a count again ("Labor 20 seats"),
 * except after names that always carry a number.
 */
function isNumberInName(tokens: FigToken[], i: number, before: { index: number; token: FigToken }, digits: ParsedDigits, raw: string): boolean {
  const t = before.token;
  if (before.index !== i - 1 || tokens[i]!.glued || !isNameLike(t) || CAPITALIZED_NON_NAMES.has(t.lower) || CURRENCY_CODES.has(t.text)) return false;
  if (digits.thousandsSeparator || raw.length > 5) return false;
  const numbered = NUMBERED_NAMES.has(t.lower);
  // Versions: "Web 2.0", "USB 1.1"; other decimals after a name are values ("Howard 45.95").
  if (digits.decimals > 0 && !(numbered || (digits.decimals === 1 && Number.isInteger(digits.value)))) return false;
  if (digits.decimals === 0 && raw.length > 4) return false;
  if (!isStrongName(t) && startsSentence(tokens, before.index)) return false;
  if (numbered) return true;
  const after = tokens[i + 1];
  if (!after || !sameLine(tokens, i + 1)) return true;
  if (after.kind === Tk.Symbol) return false; // "Labor 53%"
  if (after.kind !== Tk.Word) return !(isDash(after) && after.glued);
  if (isNameLike(after)) return true; // "Boeing 787 Dreamliner"
  const a = after.lower;
  if ((a === 'or' || a === 'to' || a === 'and') && tokens[i + 2]?.kind === Tk.Number) return false; // "Likud 11 or 12 seats"
  return !(looksPluralNoun(a) || SCALE_WORDS.has(a) || SCALE_ABBREVIATIONS.has(a) || MEASURE_UNITS.has(a) || PERCENT_WORDS.has(a) ||
    CURRENCY_WORDS.has(a) || a === 'per' || a === 'times');
}

/** "the Seven network", "on Five", "Formula One", "7-Eleven": a number word inside a name. */
function isNumberWordInName(tokens: FigToken[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  if (!prev) return false;
  const joined = tokens[i - 2];
  if (isDash(prev) && t.glued && prev.glued && joined && joined.end === prev.start && (joined.kind === Tk.Number ||
    (joined.kind === Tk.Word && !RANGE_JOINERS.has(joined.lower)))) return true;
  if (!isNameLike(t) || startsSentence(tokens, i) || prev.kind !== Tk.Word || !sameLine(tokens, i)) return false;
  if (isNameLike(prev)) return LABEL_WORDS.has(prev.lower) || NUMBERED_NAMES.has(prev.lower);
  // A lower-case word between two capitalized ones may be a title-case heading ("Toll Rises to Five"), unless the
  // word before is itself a capitalized number word ("the Seven and Nine networks").
  const prevPrev = tokens[i - 2];
  if (prevPrev && isNameLike(prevPrev) && !startsSentence(tokens, i - 2) && !CAPITALIZED_NON_NAMES.has(prevPrev.lower)) {
    return SMALL_NUMBERS.has(prevPrev.lower) || TENS.has(prevPrev.lower);
  }
  return true;
}

const STREET_WORDS = new Set(['street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'drive', 'place', 'square', 'terrace', 'court', 'way']);

/** "10 Downing Street", "130 Liberty Street", "1600 Pennsylvania Avenue": an address. */
function isStreetNumber(tokens: FigToken[], i: number): boolean {
  const name = tokens[i + 1];
  if (!name || name.glued || !isNameLike(name) || !sameLine(tokens, i + 1)) return false;
  const w = tokens[i + 2];
  if (isNameLike(w) && STREET_WORDS.has(w!.lower) && sameLine(tokens, i + 2)) return true;
  const w3 = tokens[i + 3];
  return isNameLike(w) && isNameLike(w3) && STREET_WORDS.has(w3!.lower) && sameLine(tokens, i + 3);
}

/** Longest list of bare numbers looked at; longer ones are read number by number. */
const MAX_LIST = 12;

/**
 * "the numbers drawn were 9, 19, 34, 44 & 51": four or more bare whole numbers in a list with nothing counted after
 * them are labels (lottery balls, ranks, codes), not quantities. Returns the index after the list, or -1.
 */
function bareNumberListEnd(tokens: FigToken[], i: number): number {
  if (!isPlainListNumber(tokens, i) || tokens[i - 1]?.text === ',') return -1;
  let count = 1;
  let k = i;
  while (count < MAX_LIST) {
    let j = k + 1;
    if (tokens[j]?.text === ',') j++;
    if (tokens[j]?.lower === 'and' || tokens[j]?.text === '&') j++;
    if (j === k + 1 || !isPlainListNumber(tokens, j)) break;
    k = j;
    count++;
  }
  if (count < 4) return -1;
  const after = tokens[k + 1];
  if (after && sameLine(tokens, k + 1) && after.kind === Tk.Word) {
    const w = after.lower;
    if (looksPluralNoun(w) || MEASURE_UNITS.has(w) || PERCENT_WORDS.has(w) || SCALE_WORDS.has(w) || CURRENCY_WORDS.has(w)) return -1;
  }
  if (after && (after.text === '%' || after.kind === Tk.Symbol)) return -1;
  return k + 1;
}

/** A whole number of up to three digits with nothing glued to it but list punctuation. */
function isPlainListNumber(tokens: FigToken[], k: number): boolean {
  const t = tokens[k];
  if (!t || t.kind !== Tk.Number || t.text.length > 3 || t.text.includes(',') || t.text.includes('.') || !sameLine(tokens, k)) return false;
  const n = tokens[k + 1];
  return !n || !n.glued || n.text === ',' || n.text === '.' || n.text === ')';
}

const MODEL_JOINERS = new Set(['and', 'or', ',', '&', '/']);

/** "the Boeing 737 and 747", "Nokia 3230 and 6630": a second number of the same length after a name's number. */
function isNextModelNumber(scan: Scan, i: number, raw: string): boolean {
  const { tokens } = scan;
  const joiner = tokens[i - 1];
  const previous = tokens[i - 2];
  return scan.lastNameNumber === i - 2 && !!joiner && !!previous && MODEL_JOINERS.has(joiner.lower) && sameLine(tokens, i) &&
    previous.text.length === raw.length && !raw.includes(',') && !raw.includes('.');
}

/**
 * "rated 9.4 out of ten", "on a scale of 1 to 10", "four deaths per 100,000": the scale of a rating or the base of a
 * rate, not a figure. Returns the index after it (both ends of a scale), or -1.
 */
function skipRatingScale(tokens: FigToken[], i: number): number {
  const before = word(tokens, i - 1);
  if (before === 'per' && tokens[i]!.kind === Tk.Number && sameLine(tokens, i)) return i + 1;
  if (before === 'of' && word(tokens, i - 2) === 'out' && tokens[i - 3]?.kind === Tk.Number && sameLine(tokens, i - 2)) return i + 1;
  if ((before === 'of' || before === 'from') && word(tokens, i - 2) === 'scale' && sameLine(tokens, i)) {
    const joiner = tokens[i + 1];
    const other = tokens[i + 2];
    if (joiner && (joiner.lower === 'to' || isDash(joiner)) && other && (other.kind === Tk.Number || startsWordNumber(tokens, i + 2))) return i + 3;
    return i + 1;
  }
  return -1;
}

/** "one-to-two hundred", "two-in-five": joined by a dash, still a number. */
const RANGE_JOINERS = new Set(['to', 'in', 'or', 'and', 'of']);

/** Words before "35 to 23": a tally of votes or a score, not an interval. */
const TALLY_WORDS = new Set(['vote', 'votes', 'voted', 'voting', 'tally', 'margin', 'majority', 'rejected', 'defeated', 'lost', 'trailing', 'trailed']);

/** "3-1", "a 1-2 defeat", "won 2-3 on penalties": the two numbers of a dash are a score. */
function isScore(tokens: FigToken[], i: number, end: number, first: ParsedDigits, second: ParsedDigits): boolean {
  if (first.decimals > 0 || second.decimals > 0 || first.value > 200 || second.value > 200) return false;
  const before = wordBefore(tokens, i);
  if (before && SCORE_BEFORE.has(before.token.lower)) return true;
  const after = word(tokens, end + 1);
  return after !== undefined && SCORE_AFTER.has(after) && sameLine(tokens, end + 1);
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
  const notProse = skipNotProse(tokens, i, digits, t.text);
  if (notProse >= 0) return notProse;
  if (digits.code) return skipGluedRun(tokens, i);
  if (isCode(tokens, i)) {
    scan.lastNameNumber = i; // "the A300 and 747"
    return skipGluedRun(tokens, i);
  }
  if (isCompactDateOrId(tokens, i, digits, t.text)) return skipGluedRun(tokens, i);
  if (isMarker(scan, i, t.text)) return i + 2;
  const scaleEnd = skipRatingScale(tokens, i);
  if (scaleEnd > 0) return scaleEnd;

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
    const known = SCALE_ABBREVIATIONS.has(w) || SCALE_WORDS.has(w) || MEASURE_UNITS.has(w) || (GLUED_ONLY_UNITS.has(w) && next.text !== 'G') ||
      PERCENT_WORDS.has(w) || w === 'pp' || w === 'x' || CURRENCY_CODES.has(next.text) || w === 'bps';
    if (!known) return skipGluedRun(tokens, i); // "72B3", "4G", "3D"
  }
  if (next && !nextGlued && next.kind === Tk.Word && NAME_TAILS.has(next.text)) return i + 2; // "50 Cent"
  // "7-Eleven", "3-Series": a dash and a capitalized word glued to the number make a name
  if (nextGlued && isDash(next) && tokens[i + 2]?.glued && isNameLike(tokens[i + 2]) && tokens[i + 2]!.text.length > 1) return skipGluedRun(tokens, i);
  if (isStreetNumber(tokens, i)) return i + 1;
  const listEnd = bareNumberListEnd(tokens, i);
  if (listEnd > 0) return listEnd;
  // "6+5": a formula or a rule's name, not "6 or more"
  if (nextGlued && next.text === '+' && tokens[i + 2]?.kind === Tk.Number && tokens[i + 2]!.glued) return skipGluedRun(tokens, i + 2);
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
  if (isTimeOfDay(tokens, i, i, digits, t.text)) return i + 2;
  if (!currencyBefore && (isLabel(tokens, i, digits, t.text) || isNextModelNumber(scan, i, t.text))) {
    scan.lastNameNumber = i;
    return i + 1;
  }
  const after = word(tokens, i + 1);
  if (after && FURNITURE_AFTER.has(after)) return i + 2;
  if (isDash(tokens[i + 1]) && tokens[i + 1]!.glued && word(tokens, i + 2) === 'fold') return i + 3; // "18-fold": a ratio of change
  if (after === 'min' && word(tokens, i + 2) === 'read') return i + 3;

  const grouped = readSpaceGroups(scan.text, tokens, i, digits, t.text);
  const read = grouped?.digits ?? digits;
  const end = grouped?.last ?? i;
  const b: Building = {
    first: i,
    last: end,
    value: read.value,
    precisionUnit: roundingUnit(read.decimals, read.trailingZeros, 1),
    scale: 1,
    qualifier: 'exact',
    nounFrom: end,
    writing: { digits: { start: t.start, end: tokens[end]!.end, text: scan.text.slice(t.start, tokens[end]!.end) } },
  };
  if (read.problem) b.writing.separatorProblem = read.problem;
  if (read.thousandsSeparator) b.writing.thousandsSeparator = read.thousandsSeparator;
  if (read.decimalMark) b.writing.decimalMark = read.decimalMark;
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
  if (grouped) return finishFigure(scan, b);
  // A dash range: "100-150", "1-2bn" (a smaller second number is a score or something else: not a figure).
  if (nextGlued && isDash(next) && tokens[i + 2]?.kind === Tk.Number && tokens[i + 2]!.glued) {
    const second = parseDigits(tokens[i + 2]!.text);
    if (!second || second.value <= digits.value || second.code || isScore(tokens, i, i + 2, digits, second)) return skipGluedRun(tokens, i);
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

/**
 * "220 000 people", "€ 185 000", "1 457 355": thousands grouped with ordinary spaces, one space each, groups of three.
 * Not when another number follows ("184 232 -24" is a table row) or the first group has a leading zero (a phone).
 */
function readSpaceGroups(text: string, tokens: FigToken[], i: number, digits: ParsedDigits, raw: string): { digits: ParsedDigits; last: number } | undefined {
  if (raw.length > 3 || raw[0] === '0' || digits.decimals > 0 || digits.thousandsSeparator || tokens[i - 1]?.text === '+') return undefined;
  let last = i;
  while (last - i < 6) {
    const g = tokens[last + 1];
    if (!g || g.kind !== Tk.Number || g.glued || g.text.length !== 3 || g.start !== tokens[last]!.end + 1 || text.charCodeAt(tokens[last]!.end) !== 32) break;
    const c0 = g.text.charCodeAt(0);
    const c2 = g.text.charCodeAt(2);
    if (!(c0 >= 48 && c0 <= 57 && c2 >= 48 && c2 <= 57) || g.text.includes(',') || g.text.includes('.')) break;
    last++;
  }
  if (last === i) return undefined;
  const after = tokens[last + 1];
  if (after && sameLine(tokens, last + 1) && (after.kind === Tk.Number || ((isDash(after) || after.text === '+') && tokens[last + 2]?.kind === Tk.Number && tokens[last + 2]!.glued))) return undefined;
  const joined = parseDigits(text.slice(tokens[i]!.start, tokens[last]!.end));
  return joined && !joined.problem ? { digits: joined, last } : undefined;
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
  if (!wn.band && (isNumberWordInName(tokens, i) || skipRatingScale(tokens, i) > 0)) return wn.last + 1;
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
    if (prev.text === '$' && letters && letters.kind === Tk.Word && DOLLAR_PREFIXES.has(letters.lower) && sameLine(tokens, i - 1) &&
      (prev.glued || letters.text === 'US')) {
      code = DOLLAR_PREFIXES.get(letters.lower)!; // "US$5m", "US $5m"
      first = i - 2;
    }
    const result: { first: number; code: string; space?: { start: number; end: number } } = { first, code };
    if (!tokens[i]!.glued) result.space = { start: prev.end, end: tokens[i]!.start };
    return result;
  }
  // "Rs. 206 crore": an abbreviation's period between the code and the digits.
  const code = prev.text === '.' && prev.glued && tokens[i - 2]?.kind === Tk.Word ? tokens[i - 2]! : prev;
  if (code.kind !== Tk.Word) return undefined;
  const first = code === prev ? i - 1 : i - 2;
  if (CURRENCY_CODES.has(code.text)) return { first, code: code.text === 'RMB' ? 'CNY' : code.text === 'NIS' ? 'ILS' : code.text };
  if (CURRENCY_PREFIXES.has(code.text)) return { first, code: CURRENCY_PREFIXES.get(code.text)! };
  // "(Euro 142 million)", but not the football tournament "Euro 2008"
  const named = CURRENCY_WORDS_BEFORE.get(code.lower);
  if (named && code === prev) {
    const scale = word(tokens, i + 1);
    const digits = parseDigits(tokens[i]!.text);
    if ((scale !== undefined && (SCALE_WORDS.has(scale) || SCALE_ABBREVIATIONS.has(scale))) || (digits && (digits.thousandsSeparator || digits.decimals > 0))) {
      return { first, code: named };
    }
  }
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
      // "£58 billions", "R$ 2.4 millions": a plural scale word after digits is still a scale
      const wordScale = SCALE_WORDS.get(w) ?? (b.writing.digits && w.endsWith('s') ? SCALE_WORDS.get(w.slice(0, -1)) : undefined);
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
        // "2.625bn Swiss francs", "44.6 million US$"
        let at = k;
        let adjective = CURRENCY_ADJECTIVES.get(t.lower);
        if (adjective !== undefined && on(k + 1) && tokens[k + 1]!.kind === Tk.Word && CURRENCY_WORDS.has(tokens[k + 1]!.lower)) at = k + 1;
        else adjective = undefined;
        const w = tokens[at]!;
        let code = CURRENCY_WORDS.get(w.lower) ?? (CURRENCY_CODES.has(w.text) ? w.text : undefined) ??
          ((w.lower === 'pounds' || w.lower === 'pound') && (b.scale > 1 || word(tokens, at + 1) === 'sterling') ? 'GBP' : undefined);
        if (adjective) code = adjective;
        if (!code && DOLLAR_PREFIXES.has(w.lower) && tokens[at + 1]?.text === '$' && tokens[at + 1]!.glued) {
          code = DOLLAR_PREFIXES.get(w.lower)!;
          at++;
        }
        if (code) {
          b.currency = code;
          b.last = at;
          k = at + 1;
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
        if (read.notFigure) return read.end + 1; // "two weeks ago" is a date, "67.5° north" a bearing
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
  // "three times more", "2.6 times the rate": a ratio of comparison, like "18-fold", not a count.
  if (!b.currency && !b.percent && !b.measure && !b.ratio && on(k) && word(tokens, k) === 'times' && on(k + 1)) {
    const w = word(tokens, k + 1);
    // "as many", "as likely"; but "four times as All-Star MVP" counts occasions
    const comparison = w === 'as' ? !isNameLike(tokens[k + 2]) : w !== undefined && (COMPARISON_AFTER_TIMES.has(w) || (w.length > 4 && w.endsWith('er')));
    if (comparison) return k + 1;
  }
  // "8.11 yuan to the US dollar", "76.25 to a dollar": an exchange rate, not an amount.
  if (!b.percent && !b.measure && isPerCurrency(tokens, k)) return k + 1;

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

const RATE_JOINERS = new Set(['to', 'against', 'per', 'for']);
const RATE_ARTICLES = new Set(['the', 'a', 'one', 'each', 'every', '1']);

/** "to the (US) dollar", "against the euro", "per dollar": what follows an exchange rate. */
function isPerCurrency(tokens: FigToken[], k: number): boolean {
  const joiner = tokens[k];
  if (!joiner || joiner.lineBefore || !RATE_JOINERS.has(joiner.lower)) return false;
  let j = k + 1;
  if (RATE_ARTICLES.has(tokens[j]?.lower ?? '')) j++;
  const w = tokens[j]?.lower;
  if (w === 'us' || w === 'u.s.' || w === 'american' || w === 'single') j++;
  const currency = tokens[j];
  if (!currency || currency.kind !== Tk.Word || currency.lineBefore) return false;
  const singular = currency.lower === 'dollar' || currency.lower === 'euro' || currency.lower === 'pound' || currency.lower === 'yen' ||
    currency.lower === 'yuan' || currency.lower === 'franc' || currency.lower === 'rouble' || currency.lower === 'ruble';
  const after = word(tokens, j + 1);
  return singular && after !== 'zone' && after !== 'area' && after !== 'bill' && after !== 'coin' && after !== 'note';
}

function isMoneyAfter(tokens: FigToken[], k: number): boolean {
  const t = tokens[k];
  if (!t || t.lineBefore) return false;
  return (t.kind === Tk.Word && (CURRENCY_WORDS.has(t.lower) || CURRENCY_CODES.has(t.text) || t.lower === 'pounds')) ||
    (t.kind === Tk.Symbol && CURRENCY_SYMBOLS.has(t.text));
}

/** A unit read after a number, or the sign that the number and its unit are not a figure at all. */
type MeasureRead = { unit: MeasureUnit; end: number; notFigure?: undefined } | { notFigure: true; end: number };

function readMeasure(tokens: FigToken[], k: number, b: Building): MeasureRead | undefined {
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
    return { notFigure: true, end: k }; // degrees without C or F: an angle, a bearing or a latitude
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
  // "90.1 cubic feet": a volume, in litres
  if (w === 'cubic') {
    const inner = MEASURE_UNITS.get(word(tokens, k + 1) ?? '');
    if (inner && inner.dimension === 'length') {
      return { unit: { unit: `cu ${inner.unit}`, dimension: 'volume', scale: inner.scale * inner.scale * inner.scale * 1000 }, end: k + 1 };
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
  if (unit.dimension === 'duration' && word(tokens, k + 1) === 'ago') return { notFigure: true, end: k + 1 };
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
  if (joinRange(scan, core, b.scale)) return;
  scan.cores.push(core);
  scan.scales.push(b.scale);
}

/**
 * "aged 18 to 26", "5 to 7 million people", "15 to 20 percent", "10 or 11 seats": the figure ends an interval that the
 * figure just before it begins, so the two are one range (the unit and scale written after the second belong to both).
 * Not joined: "from 100 to 150" without a range word before "from" (a change, read by the framing), a level after a
 * change ("climbed 28.94 to 1,547.70"), a falling pair ("won 35 to 23"), and enumerations ("4, 19 or 31").
 */
function joinRange(scan: Scan, c: FigureCore, cScale: number): boolean {
  const { tokens, cores } = scan;
  const p = cores[cores.length - 1];
  if (!p || p.last + 2 !== c.first) return false;
  const joiner = word(tokens, p.last + 1);
  if ((joiner !== 'to' && joiner !== 'or') || !sameLine(tokens, p.last + 1) || !sameLine(tokens, c.first)) return false;
  if (c.qualifier !== 'exact' || (p.qualifier !== 'exact' && p.qualifier !== 'approximately')) return false;
  if (p.kind === 'vague' || c.kind === 'vague' || p.kind === 'ratio' || c.kind === 'ratio') return false;
  // The range keeps the first number's writing: a badly written second one stays a figure of its own, to be flagged.
  if (c.writing.separatorProblem || c.writing.spaceAfterCurrency || c.writing.decimalMark === ',') return false;
  const pBare = p.kind === 'count' && p.unit === '';
  if (!pBare && (p.kind !== c.kind || p.unit !== c.unit || p.dimension !== c.dimension)) return false;
  const pScale = scan.scales[scan.scales.length - 1]!;
  let low = p.value;
  if (pScale === 1 && cScale > 1 && p.value < c.value / cScale) low = scaleValue(p.value, cScale); // "$700 to $800 million"
  if (!(c.value > low)) return false;
  if (joiner === 'or') {
    if (c.value > low * 2) return false;
    if (tokens[p.first - 1]?.text === ',' && tokens[p.first - 2]?.kind === Tk.Number) return false;
  } else {
    const before = word(tokens, p.first - 1);
    if (before === 'from' && !RANGE_CUES.has(word(tokens, p.first - 2) ?? '')) return false;
    const changed = before === 'by' || (before !== undefined && CHANGE_VERBS.has(before));
    if (changed && c.value > low * 3) return false;
    // "the motion was lost 55 to 79", "passed by a majority of 35 to 43"
    for (let k = p.first - 1; k >= Math.max(0, p.first - 4); k--) {
      const w = word(tokens, k);
      if (w !== undefined && TALLY_WORDS.has(w)) return false;
    }
  }
  const interval = intervalFor({ value: low, qualifier: 'range', unit: 0, upper: c.value });
  p.last = c.last;
  p.nounFrom = c.nounFrom;
  if (pBare) {
    p.kind = c.kind;
    p.dimension = c.dimension;
    p.unit = c.unit;
    p.unitScale = c.unitScale;
  }
  p.value = low;
  p.min = interval.min;
  p.max = interval.max;
  p.minInclusive = interval.minInclusive;
  p.maxInclusive = interval.maxInclusive;
  p.qualifier = 'range';
  p.qualifierText ??= joiner;
  scan.scales[scan.scales.length - 1] = cScale;
  return true;
}

/** value × scale without binary noise: 7.4 × 1e9 = 7,400,000,000 exactly. */
function scaleValue(value: number, scale: number): number {
  if (scale === 1) return value;
  const product = value * scale;
  const rounded = Number(product.toPrecision(12));
  return Number.isFinite(rounded) ? rounded : product;
}
