// How a sentence frames a figure: the current value, an earlier value ("up from a previous estimate of 130,000",
// "from 36,185 in 2003 to 28,041"), a change ("rose 5%", "an increase of 200", "up £40m on last year"), a projection
// ("expected to reach $10bn"), or a conversion of the amount before it ("€6.53 ($8.06)", marked by the grammar).
import { CHANGE_NOUNS, CHANGE_VERBS, ESTIMATE_NOUNS, PREVIOUS_WORDS, PROJECTION_WORDS, RANGE_CUES } from './lexicon';
import type { FigureCore } from './grammar';
import { Tk } from './scanner';
import { isCapitalized, type TokenContext } from './context';
import type { Framing } from './types';

export interface FramingReading {
  framing: Framing;
  /** Index (into the cores list) of the value that replaced a `previous` one. */
  replacedBy?: number;
}

const LOOK_BEHIND = 7;
const SUBSTITUTES = new Set(['compared', 'versus', 'vs', 'against']);
const AFTER_PREVIOUS = [['a', 'year', 'earlier'], ['a', 'year', 'ago'], ['last', 'year'], ['a', 'month', 'earlier'], ['a', 'week', 'earlier'], ['previously'], ['the', 'previous', 'year'], ['in', 'the', 'previous']];

/** Reads the framing of every figure; `cores` are in text order. */
export function readFramings(ctx: TokenContext, cores: FigureCore[]): FramingReading[] {
  const out: FramingReading[] = cores.map(() => ({ framing: 'current' as Framing }));
  for (let n = 0; n < cores.length; n++) {
    const core = cores[n]!;
    if (core.conversionOf !== undefined) {
      out[n]!.framing = 'conversion';
      continue;
    }
    const reading = frameOne(ctx, cores, n, subjectEnd(ctx, cores, n));
    // The value a "from … to" change reached is current, even when "last year" follows it.
    if (reading.framing === 'previous' && reading.byPhraseAfter && n > 0 && out[n - 1]!.replacedBy === n) reading.framing = 'current';
    out[n]!.framing = reading.framing;
    if (reading.framing === 'previous') {
      const target = reading.targetAfter ? findAfter(ctx, cores, n) : findBefore(ctx, cores, n) ?? findAfter(ctx, cores, n);
      if (target !== undefined) out[n]!.replacedBy = target;
    }
  }
  return out;
}

/** The core right after "to" a few words on: "from 36,185 in 2003 to 28,041". */
function toFollows(ctx: TokenContext, cores: FigureCore[], n: number): boolean {
  const core = cores[n]!;
  const next = cores[n + 1];
  if (!next) return false;
  const sEnd = ctx.sentenceEnd[ctx.sentenceOf[core.first]!]!;
  for (let k = core.last + 1; k < Math.min(sEnd, core.last + 8, next.first); k++) {
    const t = ctx.tokens[k]!;
    if (t.kind === Tk.Word && t.lower === 'to') return next.first === k + 1;
    if (t.kind === Tk.Punct && t.text !== ',') return false;
  }
  return false;
}

function subjectEnd(ctx: TokenContext, cores: FigureCore[], n: number): number {
  // The figure's noun follows within a few tokens; previous-markers after it ("$5bn a year earlier") are read from there.
  const core = cores[n]!;
  const sEnd = ctx.sentenceEnd[ctx.sentenceOf[core.first]!]!;
  let k = core.last + 1;
  for (let steps = 0; steps < 3 && k < sEnd && ctx.tokens[k]!.kind === Tk.Word; steps++) {
    const w = ctx.tokens[k]!.lower;
    if (w === 'a' || w === 'last' || w === 'previously' || w === 'in') break;
    k++;
  }
  return k;
}

interface FrameReading {
  framing: Framing;
  /** The earlier value is replaced by the figure after it. */
  targetAfter?: boolean;
  /** Only a phrase after the figure ("a year earlier", "last year") made it earlier. */
  byPhraseAfter?: boolean;
}

function frameOne(ctx: TokenContext, cores: FigureCore[], n: number, afterNoun: number): FrameReading {
  const { tokens } = ctx;
  const core = cores[n]!;
  const sentence = ctx.sentenceOf[core.first]!;
  const sFirst = ctx.sentenceFirst[sentence]!;
  const sEnd = ctx.sentenceEnd[sentence]!;
  const w = (k: number) => (k >= sFirst && k < sEnd && tokens[k]!.kind === Tk.Word ? tokens[k]!.lower : undefined);
  const f = core.first;

  // "rose from 130,000 to 150,000", "from 36,185 in 2003 to 28,041": the first is the earlier value, replaced by the
  // one after "to". Without a change word before "from", only when "to" and a figure follow (and no range word:
  // "ranging from 10 to 20" is an interval).
  if (w(f - 1) === 'from') {
    const cue = w(f - 2) ?? '';
    const to = toFollows(ctx, cores, n);
    if (CHANGE_VERBS.has(cue) || CHANGE_NOUNS.has(cue) || cue === 'up' || cue === 'down') return to ? { framing: 'previous', targetAfter: true } : { framing: 'previous' };
    if (to && !RANGE_CUES.has(cue)) return { framing: 'previous', targetAfter: true };
  }
  // "up from (the prior estimate of roughly) 130,000", "a previous US estimate of 130,000", "compared with $5bn"
  for (let k = f - 1; k >= Math.max(sFirst, f - LOOK_BEHIND); k--) {
    const t = tokens[k]!;
    if (t.kind === Tk.Number || (t.kind === Tk.Punct && t.text !== '-' && t.text !== '’' && t.text !== "'")) break;
    const lw = t.lower;
    if (lw === 'from' && (w(k - 1) === 'up' || w(k - 1) === 'down' || CHANGE_VERBS.has(w(k - 1) ?? '')) && onlyEstimateWords(ctx, k + 1, f)) {
      return { framing: 'previous' };
    }
    if (PREVIOUS_WORDS.has(lw) && (ESTIMATE_NOUNS.has(w(k + 1) ?? '') || (isCapitalized(tokens[k + 1]) && ESTIMATE_NOUNS.has(w(k + 2) ?? '')) ||
      (isCapitalized(tokens[k + 1]) && isCapitalized(tokens[k + 2]) && ESTIMATE_NOUNS.has(w(k + 3) ?? '')))) {
      return { framing: 'previous' };
    }
    if ((lw === 'previously' || lw === 'formerly' || lw === 'originally' || lw === 'initially') && k >= f - 3) return { framing: 'previous' };
    if (SUBSTITUTES.has(lw) && k >= f - 3 && (lw !== 'compared' || w(k + 1) === 'with' || w(k + 1) === 'to')) {
      return { framing: 'previous' };
    }
  }
  // Changes: "rose 5%", "up 3%", "cut by 200", "an increase of 12%", "a 5% rise"
  const before = w(f - 1);
  if (before === 'by' && [w(f - 2), w(f - 3), w(f - 4)].some((x) => x !== undefined && (CHANGE_VERBS.has(x) || CHANGE_NOUNS.has(x)))) {
    return { framing: 'change' };
  }
  if (before !== undefined && CHANGE_VERBS.has(before) && before !== 'up' && before !== 'down' && before !== 'higher' && before !== 'lower' &&
    core.kind !== 'vague' && (core.kind !== 'count' || before !== 'rose')) {
    return { framing: 'change' };
  }
  if ((before === 'up' || before === 'down') && (core.kind === 'percent' || core.kind === 'money') && w(f - 2) !== 'to') {
    return { framing: 'change' };
  }
  // "an increase of 12%"; but "a loss of £39m" and "the loss of 5 million lives" are amounts, not changes.
  if (before === 'of' && CHANGE_NOUNS.has(w(f - 2) ?? '') && (w(f - 2) !== 'loss' || core.kind === 'percent')) return { framing: 'change' };
  if (CHANGE_NOUNS.has(w(core.last + 1) ?? '') && (core.kind === 'percent' || core.kind === 'money')) return { framing: 'change' };
  // "… $5.1bn a year earlier", "… 3% last year" (after the changes: "up £40m on last year" is a change)
  for (const phrase of AFTER_PREVIOUS) {
    let ok = true;
    for (let j = 0; j < phrase.length; j++) {
      if (w(afterNoun + j) !== phrase[j]) {
        ok = false;
        break;
      }
    }
    if (ok) return { framing: 'previous', byPhraseAfter: true };
  }
  // Projections: "expected to reach $10bn", "could hit 200,000", "a target of 5%", "61,000 are expected to"
  for (let k = f - 1; k >= Math.max(sFirst, f - 5); k--) {
    const t = tokens[k]!;
    if (t.kind === Tk.Punct || t.kind === Tk.Number) break;
    if (PROJECTION_WORDS.has(t.lower)) return { framing: 'projected' };
  }
  for (let k = core.last + 1; k < Math.min(sEnd, core.last + 4); k++) {
    const t = tokens[k]!;
    if (t.kind !== Tk.Word) break;
    if (t.lower === 'expected' || t.lower === 'forecast' || t.lower === 'projected' || t.lower === 'set') {
      if (w(k - 1) === 'is' || w(k - 1) === 'are' || w(k - 1) === 'was' || w(k - 1) === 'were') return { framing: 'projected' };
    }
    if (t.lower === 'will' || t.lower === 'would' || t.lower === 'could') return { framing: 'projected' };
  }
  return { framing: 'current' };
}

/** Between "up from" and the figure only words like "the prior estimate of" may stand. */
function onlyEstimateWords(ctx: TokenContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind !== Tk.Word) return false;
    const lw = t.lower;
    if (!(lw === 'a' || lw === 'an' || lw === 'the' || lw === 'of' || PREVIOUS_WORDS.has(lw) || ESTIMATE_NOUNS.has(lw) || isCapitalized(t) ||
      lw === "'s" || lw === '’s' || lw === 'official' || lw === 'its' || lw === 'their')) return false;
  }
  return true;
}

function comparable(a: FigureCore, b: FigureCore): boolean {
  return a.dimension === b.dimension && (a.kind === 'money' ? a.unit === b.unit : true) && a.conversionOf === undefined;
}

function findBefore(ctx: TokenContext, cores: FigureCore[], n: number): number | undefined {
  const sentence = ctx.sentenceOf[cores[n]!.first]!;
  for (let m = n - 1; m >= 0 && n - m <= 6; m--) {
    if (ctx.sentenceOf[cores[m]!.first] !== sentence) break;
    if (comparable(cores[m]!, cores[n]!) && cores[m]!.kind !== 'vague') return m;
  }
  return undefined;
}

function findAfter(ctx: TokenContext, cores: FigureCore[], n: number): number | undefined {
  const sentence = ctx.sentenceOf[cores[n]!.first]!;
  for (let m = n + 1; m < cores.length && m - n <= 6; m++) {
    if (ctx.sentenceOf[cores[m]!.first] !== sentence) break;
    if (comparable(cores[m]!, cores[n]!) && cores[m]!.kind !== 'vague') return m;
  }
  return undefined;
}
