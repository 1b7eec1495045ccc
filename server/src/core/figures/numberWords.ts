// Numbers written in words: "one hundred and fifty thousand", "twenty-five", "a dozen", "half a million",
// and the vague plurals "tens of thousands", "hundreds", "several thousand", "a few dozen".
import { Tk, type FigToken } from './scanner';

export const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);

export const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);

/** Multipliers written as words, after digits or number words. */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12], ['lakh', 1e5], ['crore', 1e7],
]);

/** Plural scale words that make a vague quantity: "thousands of", "tens of millions". */
const VAGUE_PLURALS: ReadonlyMap<string, number> = new Map([
  ['dozens', 12], ['scores', 20], ['hundreds', 100], ['thousands', 1e3], ['millions', 1e6], ['billions', 1e9], ['trillions', 1e12],
]);

export interface WordNumber {
  value: number;
  /** Index of the last token of the number. */
  last: number;
  /** Present for vague quantities: the interval the words allow (documented in docs/rules/vague-quantity.md). */
  band?: { min: number; max: number; maxInclusive: boolean };
  /** "a dozen", "a couple": approximate by nature. */
  approximate?: boolean;
  /** The number words used a noun-like "of" to reach their noun ("thousands of troops"): index of "of". */
  ofIndex?: number;
}

function word(tokens: FigToken[], i: number): string | undefined {
  const t = tokens[i];
  return t && t.kind === Tk.Word ? t.lower : undefined;
}

function isHyphen(t: FigToken | undefined): boolean {
  return !!t && t.kind === Tk.Punct && (t.text === '-' || t.text === '‐');
}

/** Could a written number start at token i? Cheap test used by the grammar before trying `parseWordNumber`. */
export function startsWordNumber(tokens: FigToken[], i: number): boolean {
  const w = word(tokens, i);
  if (!w) return false;
  if (SMALL_NUMBERS.has(w) || TENS.has(w) || VAGUE_PLURALS.has(w) || w === 'tens') return true;
  if (w === 'a' || w === 'an') {
    const n = word(tokens, i + 1);
    return n === 'dozen' || n === 'few' || (n !== undefined && SCALE_WORDS.has(n) && n !== 'lakh' && n !== 'crore');
  }
  if (w === 'half') return word(tokens, i + 1) === 'a' && SCALE_WORDS.has(word(tokens, i + 2) ?? '');
  if (w === 'several') {
    const n = word(tokens, i + 1);
    return n === 'dozen' || (n !== undefined && SCALE_WORDS.has(n));
  }
  return false;
}

/**
 * Parses a written number starting at token i. Returns undefined when the words are not a number
 * ("one" alone is a pronoun far more often than a count, so it needs a scale or a ratio after it).
 */
export function parseWordNumber(tokens: FigToken[], i: number): WordNumber | undefined {
  const w = word(tokens, i);
  if (!w) return undefined;

  // Vague plurals: "tens of thousands", "hundreds of thousands", "thousands", "dozens".
  if (w === 'tens' || VAGUE_PLURALS.has(w)) return parseVague(tokens, i);

  if (w === 'several' || ((w === 'a' || w === 'an') && word(tokens, i + 1) === 'few')) {
    const at = w === 'several' ? i + 1 : i + 2;
    const scaleWord = word(tokens, at);
    const scale = scaleWord === 'dozen' ? 12 : scaleWord ? SCALE_WORDS.get(scaleWord) : undefined;
    if (!scale) return undefined;
    const band = w === 'several'
      ? { min: 3 * scale, max: 10 * scale, maxInclusive: false }
      : { min: 2 * scale, max: 6 * scale, maxInclusive: false };
    return { value: band.min, last: at, band };
  }

  if (w === 'half') {
    const scale = SCALE_WORDS.get(word(tokens, i + 2) ?? '');
    if (word(tokens, i + 1) === 'a' && scale && scale >= 1e3) return { value: scale / 2, last: i + 2 };
    return undefined;
  }

  let k = i;
  if (w === 'a' || w === 'an') {
    const next = word(tokens, i + 1);
    if (next === 'dozen') return { value: 12, last: i + 1, approximate: true };
    if (!next || !SCALE_WORDS.has(next)) return undefined;
  }

  // Standard accumulation: total of completed thousands groups plus the current group below a thousand.
  let total = 0;
  let current = 0;
  let last = -1;
  let sawAny = false;
  let sawScale = false;
  let previousWasScaleOrHundred = false;
  while (k < tokens.length) {
    const t = tokens[k]!;
    if (t.kind !== Tk.Word) break;
    if (k > i && t.lineBefore) break;
    const lw = t.lower;
    if ((lw === 'a' || lw === 'an') && k === i) {
      current = 1;
      k++;
      continue;
    }
    const small = SMALL_NUMBERS.get(lw);
    const tens = TENS.get(lw);
    if (small !== undefined || tens !== undefined) {
      if (sawAny && !previousWasScaleOrHundred && !(tens === undefined && lastWasTens(tokens, k))) break;
      let v = small ?? tens!;
      let end = k;
      // "twenty-five"
      if (tens !== undefined && isHyphen(tokens[k + 1]) && tokens[k + 1]!.glued && tokens[k + 2]?.glued) {
        const unit = SMALL_NUMBERS.get(word(tokens, k + 2) ?? '');
        if (unit !== undefined && unit < 10) {
          v += unit;
          end = k + 2;
        }
      }
      current += v;
      last = end;
      sawAny = true;
      previousWasScaleOrHundred = false;
      k = end + 1;
      continue;
    }
    if (lw === 'dozen' && sawAny && current > 0 && current < 100) {
      current *= 12;
      last = k;
      k++;
      previousWasScaleOrHundred = true;
      continue;
    }
    const scale = SCALE_WORDS.get(lw);
    if (scale !== undefined && (sawAny || current === 1)) {
      if (scale === 100) {
        current = (current || 1) * 100;
      } else {
        total += (current || 1) * scale;
        current = 0;
      }
      last = k;
      sawAny = true;
      sawScale = true;
      previousWasScaleOrHundred = true;
      k++;
      continue;
    }
    // "one hundred and fifty": "and" only after a scale word and before a number word.
    if (lw === 'and' && previousWasScaleOrHundred) {
      const next = word(tokens, k + 1);
      if (next && (SMALL_NUMBERS.has(next) || TENS.has(next))) {
        k++;
        previousWasScaleOrHundred = true;
        continue;
      }
    }
    break;
  }
  if (!sawAny || last < 0) return undefined;
  const value = total + current;
  if (value === 1 && !sawScale) return undefined;
  return { value, last };
}

function lastWasTens(tokens: FigToken[], k: number): boolean {
  // "twenty five" written without a hyphen
  const prev = tokens[k - 1];
  return !!prev && prev.kind === Tk.Word && TENS.has(prev.lower);
}

function parseVague(tokens: FigToken[], i: number): WordNumber | undefined {
  const w = word(tokens, i)!;
  let scale: number;
  let last = i;
  if (w === 'tens') {
    // "tens of thousands", "tens of millions"
    if (word(tokens, i + 1) !== 'of') return undefined;
    const inner = VAGUE_PLURALS.get(word(tokens, i + 2) ?? '');
    if (!inner || inner < 1e3) return undefined;
    scale = inner * 10;
    last = i + 2;
  } else {
    scale = VAGUE_PLURALS.get(w)!;
    // "hundreds of thousands", "thousands of millions"
    if (word(tokens, i + 1) === 'of') {
      const inner = VAGUE_PLURALS.get(word(tokens, i + 2) ?? '');
      if (inner && inner >= 1e3 && scale < 1e3) {
        scale *= inner;
        last = i + 2;
      }
    }
  }
  const band = { min: 2 * scale, max: 10 * scale, maxInclusive: false };
  if (w === 'dozens') band.max = 100;
  if (w === 'scores') band.max = 200;
  const result: WordNumber = { value: band.min, last, band };
  if (word(tokens, last + 1) === 'of') result.ofIndex = last + 1;
  return result;
}
