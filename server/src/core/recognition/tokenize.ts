// A fast tokenizer for recognition: words keep internal hyphens and apostrophes ("Min-Woo", "O'Brien"),
// initialisms and known abbreviations keep their periods ("U.S.", "Dr."), and a possessive "'s" is its own
// token so that a name span never includes it. Offsets are UTF-16 code units into the given text.

export interface RecognitionTokens {
  /** Number of tokens. */
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  texts: string[];
  /** Bit flags per token, see TOKEN_FLAG_*. */
  flags: Uint8Array;
}

/** The token is the first one on its line. */
export const TOKEN_FLAG_LINE_START = 1;
/** A blank line (or more) separates this token from the previous one. */
export const TOKEN_FLAG_PARAGRAPH_START = 2;
/** Whitespace precedes the token. */
export const TOKEN_FLAG_SPACE_BEFORE = 4;
/** The token is a word (letters or digits). */
export const TOKEN_FLAG_WORD = 8;

/** Abbreviations that keep their final period as part of the token. Compared case-sensitively. */
const PERIOD_ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Jr', 'Sr', 'Gen', 'Lt', 'Col', 'Capt', 'Cpt', 'Sgt', 'Maj', 'Adm', 'Cmdr', 'Rep',
  'Sen', 'Gov', 'Prof', 'Rev', 'Fr', 'Hon', 'Pres', 'Supt', 'Insp', 'Inc', 'Corp', 'Ltd', 'Co', 'Bros', 'Mt', 'Ft',
  'Ave', 'Blvd', 'Rd', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'vs',
  'etc', 'Messrs', 'Mme', 'Mlle', 'Univ', 'Dept', 'Gov', 'Sr', 'Sta', 'Ste', 'Pt', 'No', 'Nos', 'Vol', 'approx',
]);

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(ch);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff ||
    c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x202f || c === 0x205f ||
    c === 0x1680 || c === 0x85;
}

const HYPHENS = '-\u2010\u2011';
/** Lower-case words that follow a name after a hyphen without being part of it. */
const HYPHEN_SUFFIXES = new Set([
  'related', 'based', 'born', 'led', 'backed', 'owned', 'held', 'run', 'style', 'like', 'inspired', 'made', 'funded',
  'controlled', 'occupied', 'speaking', 'era', 'free', 'friendly', 'sponsored', 'bound', 'wide', 'linked', 'allied',
  'affiliated', 'aligned', 'centric', 'critic', 'critical', 'specific', 'only', 'area', 'level', 'class', 'type',
  'based', 'area', 'bashing', 'watchers', 'watcher', 'fan', 'fans', 'themed', 'rated', 'listed', 'registered',
  'certified', 'approved', 'brokered', 'imposed', 'annexed', 'installed', 'appointed', 'supported', 'trained',
  'educated', 'raised', 'native', 'american', 'week', 'day', 'year', 'month', 'time', 'wise', 'ward', 'wards',
]);
const APOSTROPHES = "'\u2019";

/** Code point at `i` as a string (a whole surrogate pair when there is one). */
function charAt(text: string, i: number): string {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return text.slice(i, i + 2);
  }
  return text[i] ?? '';
}

/** End of the run of word characters starting at `i`. */
function wordRunEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const ch = charAt(text, i);
    if (!isWordChar(ch)) break;
    i += ch.length;
  }
  return i;
}

export function tokenize(text: string): RecognitionTokens {
  const n = text.length;
  let capacity = Math.max(16, Math.ceil(n / 4));
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let flags = new Uint8Array(capacity);
  const texts: string[] = [];
  let count = 0;
  let lineStart = true;
  let newlines = 0;
  let spaceBefore = true;

  const push = (s: number, e: number, isWord: boolean) => {
    if (count === capacity) {
      capacity *= 2;
      const ns = new Int32Array(capacity); ns.set(starts); starts = ns;
      const ne = new Int32Array(capacity); ne.set(ends); ends = ne;
      const nf = new Uint8Array(capacity); nf.set(flags); flags = nf;
    }
    starts[count] = s;
    ends[count] = e;
    let f = 0;
    if (lineStart) f |= TOKEN_FLAG_LINE_START;
    if (newlines >= 2 || count === 0) f |= TOKEN_FLAG_PARAGRAPH_START;
    if (spaceBefore) f |= TOKEN_FLAG_SPACE_BEFORE;
    if (isWord) f |= TOKEN_FLAG_WORD;
    flags[count] = f;
    texts.push(text.slice(s, e));
    count++;
    lineStart = false;
    newlines = 0;
    spaceBefore = false;
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10 || c === 0x2028 || c === 0x2029 || c === 0x85) {
        newlines++;
        lineStart = true;
      } else if (c === 13) {
        if (text.charCodeAt(i + 1) !== 10) newlines++;
        lineStart = true;
      }
      spaceBefore = true;
      i++;
      continue;
    }
    const ch = charAt(text, i);
    if (isWordChar(ch)) {
      let end = wordRunEnd(text, i);
      // Initialisms such as U.S. or U.N.: single letters joined by periods.
      if (end - i === 1 && LETTER.test(ch) && text[end] === '.' && end + 1 < n && LETTER.test(charAt(text, end + 1)) &&
        !isWordChar(charAt(text, end + 2) || ' ')) {
        let j = end;
        while (text[j] === '.' && j + 1 < n && LETTER.test(charAt(text, j + 1)) && !isWordChar(charAt(text, j + 2) || ' ')) j += 2;
        if (text[j] === '.') j++;
        push(i, j, true);
        i = j;
        continue;
      }
      // Join hyphenated and apostrophe-internal parts; stop before a possessive 's.
      for (;;) {
        const sep = text[end];
        if (sep === undefined) break;
        if (HYPHENS.includes(sep)) {
          const next = charAt(text, end + 1);
          if (!next || !isWordChar(next)) break;
          const partEnd = wordRunEnd(text, end + 1);
          // "Scientology-related", "New York-born": a capitalized word before a common suffix word stays apart.
          if (UPPER.test(ch) && LOWER.test(next) && HYPHEN_SUFFIXES.has(text.slice(end + 1, partEnd))) break;
          end = partEnd;
          continue;
        }
        if (APOSTROPHES.includes(sep)) {
          const next = charAt(text, end + 1);
          if (!next || !isWordChar(next)) break;
          const partEnd = wordRunEnd(text, end + 1);
          const part = text.slice(end + 1, partEnd);
          if (part === 's' || part === 'S') break;
          end = partEnd;
          continue;
        }
        break;
      }
      // Keep the period of a known abbreviation or of a single capital initial ("J.").
      if (text[end] === '.') {
        const word = text.slice(i, end);
        if (PERIOD_ABBREVIATIONS.has(word) || (word.length === 1 && UPPER.test(word))) end++;
      }
      push(i, end, true);
      i = end;
      continue;
    }
    if (APOSTROPHES.includes(ch) && (text[i + 1] === 's' || text[i + 1] === 'S') && !isWordChar(charAt(text, i + 2) || ' ') &&
      count > 0 && ends[count - 1] === i && (flags[count - 1]! & TOKEN_FLAG_WORD) !== 0) {
      push(i, i + 2, false);
      i += 2;
      continue;
    }
    // Punctuation or symbol: runs of the same character form one token ("...", "--").
    let end = i + ch.length;
    while (end < n && text.startsWith(ch, end) && ch.length === 1 && !APOSTROPHES.includes(ch) && ch !== '"') end++;
    push(i, end, false);
    i = end;
  }
  return {
    count,
    starts: starts.subarray(0, count),
    ends: ends.subarray(0, count),
    texts,
    flags: flags.subarray(0, count),
  };
}
