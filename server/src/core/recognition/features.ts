// Hashed features per token. Training and recognition share this code, so a model always sees the features it was
// trained with. Each feature is a template id mixed with a value hash, masked into a table of 2^bits buckets.

import { hashRange as hashRangeImported, hashString as hashStringImported, mix as mixImported } from './hash';
import { Lexicon, lexiconKey as lexiconKeyImported, PHRASE_KINDS, WORD_CLASS_NAMES, WordClass } from './lexicon';
import * as tokenizeModule from './tokenize';
import type { RecognitionTokens } from './tokenize';

const TOKEN_FLAG_LINE_START = tokenizeModule.TOKEN_FLAG_LINE_START;
const TOKEN_FLAG_PARAGRAPH_START = tokenizeModule.TOKEN_FLAG_PARAGRAPH_START;
const TOKEN_FLAG_SPACE_BEFORE = tokenizeModule.TOKEN_FLAG_SPACE_BEFORE;
const TOKEN_FLAG_WORD = tokenizeModule.TOKEN_FLAG_WORD;

/** Per-token facts computed once and shared by the features and the post-processing rules. */
export interface TokenFacts {
  lower: string[];
  /** First letter is upper case (or the token is an initialism). */
  capitalized: Uint8Array;
  /** Two or more letters, all upper case. */
  allCaps: Uint8Array;
  sentenceStart: Uint8Array;
  /** The token's line is mostly in capitals (a shouted headline). */
  capsLine: Uint8Array;
  /** The token's line is a short title-case line without final punctuation (a headline or heading). */
  titleLine: Uint8Array;
  /** Index of the line (or sentence) sequence the token belongs to; decoding runs per sequence. */
  sequence: Int32Array;
}

export interface TokenFeatureTable {
  /** Features of token i are ids[offsets[i]] … ids[offsets[i + 1] - 1]. */
  offsets: Int32Array;
  ids: Int32Array;
  /**
   * 1 for tokens that are certainly outside any name: no capital letter or digit in them or their neighbours.
   * They get no features; decoding gives them the label O.
   */
  outside: Uint8Array;
}

// Module-level aliases keep the hot loops free of imported-binding look-ups.
const hashString = hashStringImported;
const hashRange = hashRangeImported;
const mix = mixImported;
const lexiconKey = lexiconKeyImported;
const KIND_COUNT = PHRASE_KINDS.length;
const CLASS_COUNT = WORD_CLASS_NAMES.length;
const TITLE_BIT = WordClass.title;
const FIRST_NAME_BIT = WordClass.firstName;
const HEAD_BITS = WordClass.organizationWord | WordClass.placeWord | WordClass.firstName | WordClass.lastName | WordClass.title | WordClass.demonym;

const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '—', '–', '-', '*', '•', '·']);
const SENTENCE_ENDERS = new Set(['.', '!', '?', ':', ';', '…', '...']);
/** Small words that may sit inside a capitalized name ("University of Texas", "Bank of the West"). */
const NAME_CONNECTORS = new Set(['of', 'the', 'and', 'de', 'for', 'on', 'du', 'la', 'le', 'von', 'van', 'der', 'den', 'del', 'da', 'di', 'bin', 'al', '&']);

function isUpperCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c > 127 && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase());
}
function isLowerCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c > 127 && String.fromCharCode(c) !== String.fromCharCode(c).toUpperCase());
}
function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function hasCapitalOrDigit(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
    if (c > 127 && (isUpperCode(c) || /\p{N}/u.test(text[k]!))) return true;
  }
  return false;
}

/** "Kyiv" → "Xxxx", "U.S." → "X.X.", "Min-Woo" → "Xxx-Xxx"; runs longer than 4 are cut to 4. */
export function wordShape(word: string, collapse: boolean): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < word.length && out.length < 24; i++) {
    const c = word.charCodeAt(i);
    const s = isUpperCode(c) ? 'X' : isLowerCode(c) ? 'x' : isDigitCode(c) ? 'd' : word[i]!;
    if (s === last) {
      run++;
      if (collapse || run > 4) continue;
    } else {
      run = 1;
      last = s;
    }
    out += s;
  }
  return out;
}

export function computeTokenFacts(tokens: RecognitionTokens): TokenFacts {
  const n = tokens.count;
  const lower: string[] = new Array(n);
  const capitalized = new Uint8Array(n);
  const allCaps = new Uint8Array(n);
  const sentenceStart = new Uint8Array(n);
  const capsLine = new Uint8Array(n);
  const titleLine = new Uint8Array(n);
  const sequence = new Int32Array(n);
  const hasLetter = new Uint8Array(n);
  let seq = -1;
  let lineFirst = 0;
  const finishLine = (from: number, to: number) => {
    let words = 0, caps = 0, capitalizedWords = 0, longWords = 0;
    for (let k = from; k < to; k++) {
      if (!(tokens.flags[k]! & TOKEN_FLAG_WORD)) continue;
      const t = tokens.texts[k]!;
      if (!hasLetter[k]) continue;
      words++;
      if (allCaps[k] || (t.length === 1 && capitalized[k])) caps++;
      if (t.length > 3 || capitalized[k]) {
        longWords++;
        if (capitalized[k]) capitalizedWords++;
      }
    }
    const last = tokens.texts[to - 1];
    const isCapsLine = words >= 2 && caps / words >= 0.8;
    const isTitleLine = !isCapsLine && words >= 2 && words <= 20 && longWords > 0 && capitalizedWords / longWords >= 0.75 &&
      !(last !== undefined && SENTENCE_ENDERS.has(last));
    for (let k = from; k < to; k++) {
      capsLine[k] = isCapsLine ? 1 : 0;
      titleLine[k] = isTitleLine ? 1 : 0;
    }
  };
  for (let i = 0; i < n; i++) {
    const text = tokens.texts[i]!;
    lower[i] = lexiconKey(text);
    const c0 = text.charCodeAt(0);
    if (isUpperCode(c0)) capitalized[i] = 1;
    let letters = 0, upper = 0;
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (isUpperCode(c)) { letters++; upper++; } else if (isLowerCode(c)) letters++;
    }
    if (letters >= 2 && upper === letters) allCaps[i] = 1;
    if (letters > 0) hasLetter[i] = 1;
    const flags = tokens.flags[i]!;
    const lineStart = i === 0 || (flags & TOKEN_FLAG_LINE_START) !== 0;
    if (lineStart && i > 0) finishLine(lineFirst, i);
    if (lineStart) lineFirst = i;
    const prev = i > 0 ? tokens.texts[i - 1]! : '';
    if (lineStart || SENTENCE_ENDERS.has(prev)) {
      sentenceStart[i] = 1;
    } else if (OPENERS.has(prev) && (i < 2 || sentenceStart[i - 1])) {
      sentenceStart[i] = 1;
    }
    if (lineStart || (prev !== '' && (prev === '.' || prev === '!' || prev === '?') && capitalized[i])) seq++;
    sequence[i] = seq;
  }
  if (n > 0) finishLine(lineFirst, n);
  return { lower, capitalized, allCaps, sentenceStart, capsLine, titleLine, sequence };
}

// Template ids. Their values are part of the model format: append new ones, never renumber.
const enum T {
  Bias = 1, Word, WordCased, Shape, ShortShape, Prefix2, Prefix3, Prefix4, Suffix2, Suffix3, Suffix4,
  WordPrev1, WordPrev2, WordNext1, WordNext2, ShapePrev1, ShapeNext1, BigramPrev, BigramNext, Shape3,
  SentenceStart, WordClassBit, WordClassPrev, WordClassNext, Capitalization, Gazetteer, CapRun, DocLower,
  // RetiredA–C: part-of-speech templates that were tried and dropped; the ids stay reserved.
  DocCapitalizedInside, LineKind, RetiredA, RetiredB, RetiredC, SpaceBefore, ParagraphStart, WordClassPrev2, AllCapsWord,
  WordWithLine, GazetteerCased, Length, DocNamePart, RunLastWord, RunLastClass, RunFirstClass,
}

const BOUNDARY_HASH = hashString('<s>');

/** Hashes of a token's own forms; they depend on its text only, so they are cached across calls. */
interface WordInfo {
  word: number;
  cased: number;
  shape: number;
  shortShape: number;
  /** Prefixes 2 and 3, suffixes 2 and 3, prefix 4, suffix 4 of the lowercased word. */
  affixes: Uint32Array | undefined;
}

const WORD_CACHE_LIMIT = 50000;
const wordCache = new Map<string, WordInfo>();

function wordInfo(text: string, key: string): WordInfo {
  const cached = wordCache.get(text);
  if (cached) return cached;
  let affixes: Uint32Array | undefined;
  const len = key.length;
  if (len > 2) {
    affixes = new Uint32Array(6);
    affixes[0] = hashRange(key, 0, 2);
    affixes[1] = hashRange(key, 0, 3);
    affixes[2] = hashRange(key, len - 2, len);
    affixes[3] = hashRange(key, len - 3, len);
    if (len > 4) {
      affixes[4] = hashRange(key, 0, 4);
      affixes[5] = hashRange(key, len - 4, len);
    }
  }
  const info: WordInfo = {
    word: hashString(key),
    cased: hashString(text),
    shape: hashString(wordShape(text, false)),
    shortShape: hashString(wordShape(text, true)),
    affixes,
  };
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(text, info);
  return info;
}

let featureScratch = new Int32Array(1 << 16);

export interface FeatureOptions {
  hashBits: number;
}

export function extractFeatures(tokens: RecognitionTokens, facts: TokenFacts, lexicon: Lexicon, options: FeatureOptions): TokenFeatureTable {
  const n = tokens.count;
  const mask = (1 << options.hashBits) - 1;
  const wordHash = new Uint32Array(n);
  const shapeHash = new Uint32Array(n);
  const shortShapeHash = new Uint32Array(n);
  const classBits = new Uint16Array(n);
  const { lower, capitalized, allCaps, sentenceStart, capsLine, titleLine } = facts;

  // Document statistics: is the word written in lower case elsewhere, or capitalized inside a sentence?
  const docLower = new Map<string, number>();
  const docCapInside = new Map<string, number>();
  const infos: WordInfo[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const key = lower[i]!;
    const text = tokens.texts[i]!;
    const info = wordInfo(text, key);
    infos[i] = info;
    wordHash[i] = info.word;
    shapeHash[i] = info.shape;
    shortShapeHash[i] = info.shortShape;
    classBits[i] = lexicon.wordClasses.get(key) ?? 0;
    if (!(tokens.flags[i]! & TOKEN_FLAG_WORD)) continue;
    const c0 = text.charCodeAt(0);
    if (isLowerCode(c0)) docLower.set(key, (docLower.get(key) ?? 0) + 1);
    else if (capitalized[i] && !sentenceStart[i] && !capsLine[i] && !titleLine[i] && !allCaps[i]) {
      docCapInside.set(key, (docCapInside.get(key) ?? 0) + 1);
    }
  }

  // Gazetteer matches: the longest match per kind starting at each token, non-overlapping, left to right.
  const gazetteer = new Uint8Array(n * KIND_COUNT); // 0 none, 1 B, 2 I, 3 L, 4 U
  const gazetteerCased = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const entries = lexicon.phrases.get(lower[i]!);
    if (!entries) continue;
    for (const entry of entries) {
      const len = entry.rest.length + 1;
      if (i + len > n) continue;
      const base = entry.kind;
      if (gazetteer[i * KIND_COUNT + base]) continue;
      let ok = true;
      for (let k = 0; k < entry.rest.length; k++) {
        if (lower[i + 1 + k] !== entry.rest[k] || (tokens.flags[i + 1 + k]! & TOKEN_FLAG_LINE_START)) { ok = false; break; }
      }
      if (!ok) continue;
      for (let k = 0; k < len; k++) {
        const slot = (i + k) * KIND_COUNT + base;
        if (gazetteer[slot]) continue;
        gazetteer[slot] = len === 1 ? 4 : k === 0 ? 1 : k === len - 1 ? 3 : 2;
      }
      if (capitalized[i] && capitalized[i + len - 1]) for (let k = 0; k < len; k++) gazetteerCased[i + k] = 1;
    }
  }

  // Runs of capitalized words (allowing small connectors inside), used for boundary features.
  const runPos = new Uint8Array(n); // 0 none, 1 B, 2 I, 3 L, 4 U
  const runLen = new Uint8Array(n);
  const runFirst = new Int32Array(n);
  const runLast = new Int32Array(n);
  // Words seen elsewhere in the text as the last word of a capitalized run (1), of one led by a first name (2),
  // or as that first name (4): "Montalvo" after "Daniel Montalvo".
  const docNameParts = new Map<string, number>();
  for (let i = 0; i < n;) {
    if (!capitalized[i] || !(tokens.flags[i]! & TOKEN_FLAG_WORD)) { i++; continue; }
    let j = i + 1;
    for (;;) {
      if (j < n && capitalized[j] && (tokens.flags[j]! & TOKEN_FLAG_WORD) && !(tokens.flags[j]! & TOKEN_FLAG_LINE_START)) { j++; continue; }
      if (j + 1 < n && NAME_CONNECTORS.has(lower[j]!) && !capitalized[j] && capitalized[j + 1] &&
        !(tokens.flags[j + 1]! & TOKEN_FLAG_LINE_START)) { j += 2; continue; }
      break;
    }
    const len = j - i;
    for (let k = i; k < j; k++) {
      runPos[k] = len === 1 ? 4 : k === i ? 1 : k === j - 1 ? 3 : 2;
      runLen[k] = Math.min(len, 5);
      runFirst[k] = i;
      runLast[k] = j - 1;
    }
    if (len >= 2 && !capsLine[i]) {
      const lastKey = lower[j - 1]!;
      const firstIsName = (classBits[i]! & FIRST_NAME_BIT) !== 0;
      docNameParts.set(lastKey, (docNameParts.get(lastKey) ?? 0) | (firstIsName ? 3 : 1));
      if (firstIsName) docNameParts.set(lower[i]!, (docNameParts.get(lower[i]!) ?? 0) | 4);
    }
    i = j;
  }

  const maxPerToken = 160;
  const offsets = new Int32Array(n + 1);
  // One scratch buffer for every article (most tokens get no features): the table keeps a copy of the part used.
  let ids = featureScratch;
  let count = 0;

  // Tokens with a capital or a digit, and their neighbours, are the only candidates for names.
  const outside = new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    if (!hasCapitalOrDigit(tokens.texts[i]!)) continue;
    outside[i] = 0;
    if (i > 0) outside[i - 1] = 0;
    if (i + 1 < n) outside[i + 1] = 0;
  }

  for (let i = 0; i < n; i++) {
    offsets[i] = count;
    if (outside[i]) continue;
    if (count + maxPerToken > ids.length) {
      const bigger = new Int32Array(ids.length * 2);
      bigger.set(ids);
      ids = featureScratch = bigger;
    }
    const key = lower[i]!;
    const w = wordHash[i]!;
    const cap = capitalized[i]!;
    const isWord = (tokens.flags[i]! & TOKEN_FLAG_WORD) !== 0;
    const lineKind = capsLine[i] ? 2 : titleLine[i] ? 1 : 0;
    const wPrev1 = i > 0 ? wordHash[i - 1]! : BOUNDARY_HASH;
    const wPrev2 = i > 1 ? wordHash[i - 2]! : BOUNDARY_HASH;
    const wNext1 = i + 1 < n ? wordHash[i + 1]! : BOUNDARY_HASH;
    const wNext2 = i + 2 < n ? wordHash[i + 2]! : BOUNDARY_HASH;
    ids[count++] = mask & mix(T.Bias, 0);
    ids[count++] = mask & mix(T.Word, w);
    const info = infos[i]!;
    ids[count++] = mask & mix(T.WordCased, info.cased);
    ids[count++] = mask & mix(T.WordWithLine, mix(w, lineKind * 2 + cap));
    ids[count++] = mask & mix(T.Shape, shapeHash[i]!);
    ids[count++] = mask & mix(T.ShortShape, mix(shortShapeHash[i]!, lineKind));
    if (isWord && key.length > 2) {
      const affixes = info.affixes!;
      ids[count++] = mask & mix(T.Prefix2, affixes[0]!);
      ids[count++] = mask & mix(T.Prefix3, affixes[1]!);
      ids[count++] = mask & mix(T.Suffix2, affixes[2]!);
      ids[count++] = mask & mix(T.Suffix3, affixes[3]!);
      if (key.length > 4) {
        ids[count++] = mask & mix(T.Prefix4, affixes[4]!);
        ids[count++] = mask & mix(T.Suffix4, affixes[5]!);
      }
    }
    ids[count++] = mask & mix(T.Length, Math.min(key.length, 12));
    ids[count++] = mask & mix(T.WordPrev1, wPrev1);
    ids[count++] = mask & mix(T.WordPrev2, wPrev2);
    ids[count++] = mask & mix(T.WordNext1, wNext1);
    ids[count++] = mask & mix(T.WordNext2, wNext2);
    ids[count++] = mask & mix(T.ShapePrev1, i > 0 ? shortShapeHash[i - 1]! : BOUNDARY_HASH);
    ids[count++] = mask & mix(T.ShapeNext1, i + 1 < n ? shortShapeHash[i + 1]! : BOUNDARY_HASH);
    ids[count++] = mask & mix(T.BigramPrev, mix(wPrev1, w));
    ids[count++] = mask & mix(T.BigramNext, mix(w, wNext1));
    ids[count++] = mask & mix(T.Shape3, mix(mix(i > 0 ? shortShapeHash[i - 1]! : BOUNDARY_HASH, shortShapeHash[i]!), i + 1 < n ? shortShapeHash[i + 1]! : BOUNDARY_HASH));
    ids[count++] = mask & mix(T.SentenceStart, sentenceStart[i]! * 4 + cap * 2 + (allCaps[i] ? 1 : 0));
    ids[count++] = mask & mix(T.LineKind, lineKind * 4 + cap * 2 + (allCaps[i] ? 1 : 0));
    if (tokens.flags[i]! & TOKEN_FLAG_PARAGRAPH_START) ids[count++] = mask & mix(T.ParagraphStart, cap);
    if (!(tokens.flags[i]! & TOKEN_FLAG_SPACE_BEFORE)) ids[count++] = mask & mix(T.SpaceBefore, i > 0 ? wordHash[i - 1]! : 0);
    const bits = classBits[i]!;
    for (let b = 0; b < CLASS_COUNT; b++) {
      if (bits & (1 << b)) ids[count++] = mask & mix(T.WordClassBit, b * 4 + cap * 2 + sentenceStart[i]!);
    }
    if (i > 0) {
      const prevBits = classBits[i - 1]!;
      for (let b = 0; b < CLASS_COUNT; b++) if (prevBits & (1 << b)) ids[count++] = mask & mix(T.WordClassPrev, b * 2 + cap);
    }
    if (i > 1) {
      const prevBits = classBits[i - 2]!;
      if (prevBits & TITLE_BIT) ids[count++] = mask & mix(T.WordClassPrev2, cap);
    }
    if (i + 1 < n) {
      const nextBits = classBits[i + 1]!;
      for (let b = 0; b < CLASS_COUNT; b++) if (nextBits & (1 << b)) ids[count++] = mask & mix(T.WordClassNext, b * 2 + cap);
    }
    const capLevel = lexicon.capitalization.get(key) ?? 0;
    ids[count++] = mask & mix(T.Capitalization, capLevel * 8 + cap * 4 + sentenceStart[i]! * 2 + (lineKind ? 1 : 0));
    let inGazetteer = false;
    for (let k = 0; k < KIND_COUNT; k++) {
      const g = gazetteer[i * KIND_COUNT + k]!;
      if (g) {
        inGazetteer = true;
        ids[count++] = mask & mix(T.Gazetteer, k * 8 + g);
        ids[count++] = mask & mix(T.GazetteerCased, (k * 8 + g) * 2 + gazetteerCased[i]!);
      }
    }
    if (!inGazetteer && cap) ids[count++] = mask & mix(T.Gazetteer, 255);
    if (runPos[i]) {
      ids[count++] = mask & mix(T.CapRun, runPos[i]! * 8 + runLen[i]!);
      if (runLen[i]! > 1) {
        // The head word of a capitalized run tells its type ("… Council", "… River"); each word sees it.
        const last = runLast[i]!;
        const first = runFirst[i]!;
        if (last !== i) ids[count++] = mask & mix(T.RunLastWord, wordHash[last]!);
        const lastBits = classBits[last]! & HEAD_BITS;
        for (let b = 0; b < CLASS_COUNT; b++) if (lastBits & (1 << b)) ids[count++] = mask & mix(T.RunLastClass, b * 4 + (last === i ? 2 : 0) + (runPos[i] === 1 ? 1 : 0));
        const firstBits = classBits[first]! & HEAD_BITS;
        if (first !== i) for (let b = 0; b < CLASS_COUNT; b++) if (firstBits & (1 << b)) ids[count++] = mask & mix(T.RunFirstClass, b);
      }
    } else ids[count++] = mask & mix(T.CapRun, 0);
    if (cap && isWord) {
      const lowerCount = docLower.get(key) ?? 0;
      ids[count++] = mask & mix(T.DocLower, lowerCount === 0 ? 0 : lowerCount === 1 ? 1 : 2);
      if (sentenceStart[i] || lineKind || allCaps[i]) {
        const inside = docCapInside.get(key) ?? 0;
        ids[count++] = mask & mix(T.DocCapitalizedInside, (inside === 0 ? 0 : inside === 1 ? 1 : 2) * 4 + (lowerCount ? 2 : 0) + (allCaps[i] ? 1 : 0));
      }
    }
    if (cap && isWord) {
      const parts = docNameParts.get(key);
      if (parts) ids[count++] = mask & mix(T.DocNamePart, parts * 2 + (runLen[i]! > 1 ? 1 : 0));
    }
    if (allCaps[i] && !capsLine[i]) ids[count++] = mask & mix(T.AllCapsWord, key.length > 4 ? 1 : 0);
  }
  offsets[n] = count;
  return { offsets, ids: ids.slice(0, count), outside };
}
