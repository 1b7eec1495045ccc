// A linear-time tokenizer for news text. Offsets are UTF-16 code units; astral characters stay whole.
import type { Token, TokenKind } from './types';

const LETTER = /[\p{L}\p{M}]/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x3000 || c === 0xfeff;
}

export function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c);
  if (c >= 0xd800 && c <= 0xdbff) return LETTER.test(text.slice(i, i + 2));
  return LETTER.test(text[i]!);
}

/** Apostrophes inside words: ' and ’, plus the mojibake form of ’ ("â€™"). Returns its length, or 0. */
function apostropheLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 39 || c === 0x2019) return 1;
  if (c === 0xe2 && text.charCodeAt(i + 1) === 0x20ac && text.charCodeAt(i + 2) === 0x2122) return 3;
  return 0;
}

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let i = start;
  const push = (s: number, e: number, kind: TokenKind) => tokens.push({ start: s, end: e, text: text.slice(s, e), kind });
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    // URLs
    if ((c === 104 || c === 119) && /^(?:https?:\/\/|www\.)/i.test(text.slice(i, i + 8))) {
      let j = i;
      while (j < end && !isSpace(text.charCodeAt(j))) j++;
      while (j > i && /[.,;:!?)\]"'”’]/.test(text[j - 1]!)) j--;
      push(i, j, 'url');
      i = j;
      continue;
    }
    if (isDigit(c)) {
      let j = i + 1;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (isDigit(d)) j++;
        else if ((d === 44 || d === 46) && isDigit(text.charCodeAt(j + 1))) j += 2;
        else break;
      }
      // "T-72B3", "COVID-19", "G7", "48-hour": letters glued to digits make one word-like code
      if (j < end && isLetterAt(text, j)) {
        while (j < end && (isLetterAt(text, j) || isDigit(text.charCodeAt(j)))) j++;
        push(i, j, 'word');
      } else {
        push(i, j, 'number');
      }
      i = j;
      continue;
    }
    if (isLetterAt(text, i)) {
      let j = i + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
      for (;;) {
        if (j >= end) break;
        const d = text.charCodeAt(j);
        const apos = apostropheLength(text, j);
        if (apos && j + apos < end && isLetterAt(text, j + apos)) {
          j += apos;
          continue;
        }
        if (isLetterAt(text, j) || isDigit(d)) {
          j += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
          continue;
        }
        // internal hyphen (de-escalation, Su-35) and abbreviation periods (U.S., U.K.)
        if ((d === 45 || d === 0x2010) && j + 1 < end && (isLetterAt(text, j + 1) || isDigit(text.charCodeAt(j + 1)))) {
          j++;
          continue;
        }
        if (d === 46 && j + 1 < end && isAsciiLetter(text.charCodeAt(j + 1)) && text.charCodeAt(j + 2) === 46 && j - i <= 2) {
          j += 3; // "U.S." style: letter . letter .
          continue;
        }
        break;
      }
      push(i, j, 'word');
      i = j;
      continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1;
    const ch = text.slice(i, i + width);
    push(i, i + width, /[.,;:!?"'“”‘’()[\]{}«»…—–\-/]/.test(ch) ? 'punct' : 'symbol');
    i += width;
  }
  return tokens;
}
