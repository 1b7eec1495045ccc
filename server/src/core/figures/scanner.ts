// The figure grammar's tokens: one left-to-right pass over the text, letters and digits kept apart so that the
// grammar sees "G" "7", "7.4" "bn", "48" "-" "hour", and whether whitespace or a line break separates tokens.
import type { Span } from '../types';

export const enum Tk {
  Word = 0,
  Number = 1,
  Symbol = 2,
  Punct = 3,
  /** A URL, e-mail address or domain name: never read for figures. */
  Url = 4,
}

export interface FigToken {
  start: number;
  end: number;
  kind: Tk;
  text: string;
  /** Lower-case text, for lexicon look-ups. */
  lower: string;
  /** No whitespace between the previous token and this one. */
  glued: boolean;
  /** A line break in the whitespace before this token (or the token starts the text). */
  lineBefore: boolean;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpaceCode(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0x2009 || c === 0x202f ||
    c === 0x2007 || c === 0x3000 || c === 0xfeff || c === 0x2028 || c === 0x2029 || c === 0x200b || (c >= 0x2000 && c <= 0x200a)
  );
}

const LETTER = /[\p{L}\p{M}]/u;

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (isSpaceCode(c)) return false;
  if (c >= 0xd800 && c <= 0xdbff) return LETTER.test(text.slice(i, i + 2));
  return LETTER.test(text[i]!);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

const SYMBOLS = new Set(['$', '£', '€', '¥', '₹', '₽', '₴', '₩', '₺', '%', '‰', '°', '+', '~', '≈', '−', '#', '@', '&', '/', '\\', '*', '=', '<', '>', '^', '|']);

/** Longest chunk examined for URL shape; longer chunks are read as ordinary tokens. */
const MAX_URL_CHUNK = 4096;

const DOMAIN = /^(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|int|mil|info|news|io|uk|ru|ua|eu|pl|ca|au|cn|jp|tv)(?:[/?#:]\S*)?$/;

/** Trailing characters that end a sentence rather than a URL. */
function trimUrlEnd(text: string, start: number, end: number): number {
  while (end > start && '.,;:!?)]}"\'”’»'.includes(text[end - 1]!)) end--;
  return end;
}

function looksLikeUrl(chunk: string): boolean {
  if (chunk.length < 4 || chunk.length > MAX_URL_CHUNK) return false;
  if (chunk.includes('://')) return true;
  const lower = chunk.slice(0, 4).toLowerCase();
  if (lower === 'www.') return true;
  const at = chunk.indexOf('@');
  if (at > 0 && chunk.indexOf('.', at) > at + 1) return true;
  return chunk.includes('.') && DOMAIN.test(chunk.replace(/[.,;:!?)\]}"'”’»]+$/, ''));
}

/**
 * Splits `text[start, end)` into tokens. Linear: every character is looked at a bounded number of times
 * (once by the chunk look-ahead for URLs, once by the token scanner).
 */
export function scanTokens(text: string, start = 0, end = text.length): FigToken[] {
  const tokens: FigToken[] = [];
  let i = start;
  let glued = false;
  let lineBefore = true;
  let chunkChecked = -1;
  const push = (s: number, e: number, kind: Tk) => {
    const t = text.slice(s, e);
    tokens.push({ start: s, end: e, kind, text: t, lower: kind === Tk.Word || kind === Tk.Url ? t.toLowerCase() : t, glued, lineBefore });
    glued = true;
    lineBefore = false;
  };
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) lineBefore = true;
      glued = false;
      i++;
      continue;
    }
    // A chunk (run of non-space) starts here: check once whether it is a URL, e-mail or domain.
    if (!glued && i > chunkChecked) {
      let j = i;
      while (j < end && j - i <= MAX_URL_CHUNK && !isSpaceCode(text.charCodeAt(j))) j++;
      chunkChecked = j;
      if (j - i <= MAX_URL_CHUNK && looksLikeUrl(text.slice(i, j))) {
        const e = trimUrlEnd(text, i, j);
        push(i, e, Tk.Url);
        i = e;
        continue;
      }
    }
    if (isDigit(c)) {
      const j = scanDigits(text, i, end);
      push(i, j, Tk.Number);
      i = j;
      continue;
    }
    if (isLetterAt(text, i)) {
      const j = isAbbreviationStart(text, i, end) ? scanAbbreviation(text, i, end) : scanWord(text, i, end);
      push(i, j, Tk.Word);
      i = j;
      continue;
    }
    if (isApostrophe(c) && isPossessiveAt(text, i, end)) {
      push(i, i + 2, Tk.Word);
      i += 2;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff && i + 1 < end ? 2 : 1;
    const ch = text.slice(i, i + width);
    push(i, i + width, SYMBOLS.has(ch) ? Tk.Symbol : Tk.Punct);
    i += width;
  }
  return tokens;
}

/** Digits with separators between digits: "150,000", "5.65", "1.234.567", "150\u00a0000". */
function scanDigits(text: string, i: number, end: number): number {
  let j = i + 1;
  while (j < end) {
    const d = text.charCodeAt(j);
    if (isDigit(d)) {
      j++;
    } else if ((d === 44 || d === 46) && j + 1 < end && isDigit(text.charCodeAt(j + 1))) {
      j += 2;
    } else if ((d === 0xa0 || d === 0x202f || d === 0x2009) && j + 3 < end && isDigit(text.charCodeAt(j + 1)) &&
      isDigit(text.charCodeAt(j + 2)) && isDigit(text.charCodeAt(j + 3)) && !(j + 4 < end && isDigit(text.charCodeAt(j + 4)))) {
      j += 4; // "150 000" grouped with a no-break or thin space: exactly three digits follow
    } else {
      break;
    }
  }
  return j;
}

function scanWord(text: string, i: number, end: number): number {
  let j = i;
  while (j < end) {
    const d = text.charCodeAt(j);
    if (d >= 0xd800 && d <= 0xdbff && isLetterAt(text, j)) j += 2;
    else if (isLetterAt(text, j)) j++;
    // "don't": an apostrophe between letters stays inside, except the possessive "'s", a token of its own.
    else if (isApostrophe(d) && j + 1 < end && isLetterAt(text, j + 1) && !isPossessiveAt(text, j, end)) j++;
    else break;
  }
  return j;
}

/** "U.S.", "a.m.": single letters each followed by a period, at least two of them. */
function isAbbreviationStart(text: string, i: number, end: number): boolean {
  return i + 3 < end && text.charCodeAt(i + 1) === 46 && isLetterAt(text, i + 2) && text.charCodeAt(i + 3) === 46;
}

function scanAbbreviation(text: string, i: number, end: number): number {
  let j = i;
  while (j + 1 < end && isLetterAt(text, j) && text.charCodeAt(j + 1) === 46 && !(j + 1 < end && isLetterAt(text, j + 1))) {
    j += 2;
  }
  return j;
}

function isPossessiveAt(text: string, i: number, end: number): boolean {
  if (i + 1 >= end) return false;
  const s = text.charCodeAt(i + 1);
  if (s !== 115 && s !== 83) return false;
  return i + 2 >= end || !isLetterAt(text, i + 2);
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep', 'rev', 'st', 'mt', 'jr', 'sr',
  'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'approx', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'vol', 'fig', 'p', 'pp', 'c',
]);

/**
 * Sentence spans from tokens, when the article model's sentences are not given: a line break ends a sentence,
 * and so does . ! ? (with closing quotes) before whitespace and a capital, a digit or a quote.
 */
export function splitSentenceSpans(tokens: FigToken[]): Span[] {
  const out: Span[] = [];
  let first = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (k > first && t.lineBefore) {
      out.push({ start: tokens[first]!.start, end: tokens[k - 1]!.end });
      first = k;
    }
    if (t.kind !== Tk.Punct || (t.text !== '.' && t.text !== '!' && t.text !== '?' && t.text !== '…')) continue;
    let last = k;
    while (last + 1 < tokens.length && tokens[last + 1]!.glued && /^["”’')\]»]$/.test(tokens[last + 1]!.text)) last++;
    const next = tokens[last + 1];
    if (next && !next.lineBefore) {
      if (next.glued) continue;
      if (!/^[\p{Lu}\d"“‘'(«]/u.test(next.text)) continue;
      const previous = tokens[k - 1];
      if (t.text === '.' && previous && previous.kind === Tk.Word && t.glued &&
        (ABBREVIATIONS.has(previous.lower) || /^\p{Lu}$/u.test(previous.text))) continue;
    }
    out.push({ start: tokens[first]!.start, end: tokens[last]!.end });
    first = last + 1;
    k = last;
  }
  if (first < tokens.length) out.push({ start: tokens[first]!.start, end: tokens[tokens.length - 1]!.end });
  return out;
}
