// Who states a figure: the speaker or source in its sentence or the one before, found through cue words
// ("Biden said", "according to Interfax", "the US said", "US officials say", "a previous US estimate of").
import { COUNTRY_ALIASES, NP_STOP, SOURCE_VERB_GAP, SPEECH_VERBS, TITLE_WORDS } from './lexicon';
import type { FigureCore } from './grammar';
import { Tk, type FigToken } from './scanner';
import { isCapitalized, isPossessive, isWord, type TokenContext } from './context';
import type { FigureSource } from './types';

const MAX_SOURCE_WORDS = 8;
/** Verbs that come before their speaker: "…, said the mayor." */
const INVERTING_VERBS = new Set(['said', 'says', 'added', 'adds', 'wrote', 'writes', 'noted', 'notes', 'according', 'explained', 'insisted', 'warned', 'tweeted']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
/** Speech verbs that are also plural nouns ("claims", "reports"). */
const AMBIGUOUS_VERBS = new Set(['claims', 'reports', 'estimates', 'notes', 'states', 'shows', 'finds', 'puts', 'counts', 'adds', 'warns', 'says']);
/** Common nouns that can be a source on their own: "officials say", "the report shows". */
const SOURCE_NOUNS = new Set([
  'official', 'officials', 'police', 'government', 'ministry', 'spokesman', 'spokeswoman', 'spokesperson', 'report', 'study',
  'survey', 'data', 'analysis', 'figures', 'statement', 'agency', 'company', 'club', 'council', 'mayor', 'minister',
  'president', 'analysts', 'experts', 'researchers', 'scientists', 'authorities', 'military', 'army', 'poll', 'census',
  'source', 'sources', 'document', 'documents', 'website', 'paper', 'newspaper', 'group', 'organisation', 'organization',
]);
const NOT_AFTER_PER = new Set(['cent', 'capita', 'year', 'day', 'week', 'month', 'hour', 'person', 'head', 'share', 'annum', 'se']);

interface Cue {
  kind: 'according' | 'verb-left' | 'verb-right' | 'estimate';
  /** Token index of the cue word. */
  at: number;
  /** Inclusive token range of the source phrase. */
  first: number;
  last: number;
  cue: string;
  /** For verbs after a figure: the sentence ends soon after the verb ("…, the mayor said."). */
  closesClause: boolean;
}

export class AttributionReader {
  private readonly cache = new Map<number, Cue[]>();

  constructor(private readonly ctx: TokenContext) {}

  sourceFor(core: FigureCore): FigureSource | undefined {
    const sentence = this.ctx.sentenceOf[core.first]!;
    const own = this.pick(this.cuesOf(sentence), core, false);
    if (own) return this.toSource(own, false);
    // The sentence before, in the same paragraph: "Officials gave new figures. 150,000 troops are now…"
    const firstToken = this.ctx.tokens[this.ctx.sentenceFirst[sentence]!]!;
    if (sentence > 0 && !firstToken.lineBefore) {
      const previous = this.pick(this.cuesOf(sentence - 1), core, true);
      if (previous) return this.toSource(previous, true);
    }
    // The sentence after, in the same paragraph, when it opens with its source ("According to Jones, …") or the figure
    // is quoted and the quotation is attributed there ("'We lost 40 jobs. It hurts,' the mayor said.").
    const next = sentence + 1;
    if (next < this.ctx.sentenceFirst.length) {
      const nextFirst = this.ctx.tokens[this.ctx.sentenceFirst[next]!];
      if (nextFirst && !nextFirst.lineBefore) {
        const cues = this.cuesOf(next).filter((c) => c.kind !== 'estimate');
        const opening = cues.find((c) => c.kind === 'according' && c.at <= this.ctx.sentenceFirst[next]! + 1);
        const quoted = this.insideQuotation(core) ? cues.find((c) => c.kind === 'verb-right' || c.closesClause) : undefined;
        const cue = opening ?? quoted;
        if (cue) return { ...this.toSource(cue, false), fromNextSentence: true };
      }
    }
    return undefined;
  }

  /** An opening quotation mark before the figure in its paragraph, not closed before it. */
  private insideQuotation(core: FigureCore): boolean {
    const { tokens } = this.ctx;
    let open = false;
    for (let k = core.first - 1, steps = 0; k >= 0 && steps < 120; k--, steps++) {
      const t = tokens[k]!;
      if (t.text === '“') return true;
      if (t.text === '”') return false;
      if (t.text === '"') open = !open;
      if (t.lineBefore) break;
    }
    return open;
  }

  private pick(cues: Cue[], core: FigureCore, fromPrevious: boolean): Cue | undefined {
    if (cues.length === 0) return undefined;
    if (fromPrevious) {
      // Any attribution of the previous sentence carries over, unless it is a pronoun without a name.
      const usable = cues.filter((c) => c.kind !== 'estimate');
      return usable.find((c) => c.kind === 'according') ?? usable[usable.length - 1];
    }
    let according: Cue | undefined;
    let before: Cue | undefined;
    let after: Cue | undefined;
    for (const c of cues) {
      if (c.kind === 'estimate') {
        if (c.at + 1 < core.first && c.at + 3 >= core.first) return c;
        continue;
      }
      if (c.first <= core.last && c.last >= core.first) continue; // the figure is inside the source phrase
      if (c.kind === 'according') {
        if (!according || Math.abs(c.at - core.first) < Math.abs(according.at - core.first)) according = c;
      } else if (c.at < core.first && c.kind === 'verb-left') {
        before = c; // the nearest preceding verb wins (cues are in order)
      } else if (c.at > core.last && !after && (c.closesClause || c.kind === 'verb-right')) {
        after = c;
      }
    }
    return according ?? before ?? after;
  }

  private cuesOf(sentence: number): Cue[] {
    let cues = this.cache.get(sentence);
    if (cues) return cues;
    cues = findCues(this.ctx, this.ctx.sentenceFirst[sentence]!, this.ctx.sentenceEnd[sentence]!);
    this.cache.set(sentence, cues);
    return cues;
  }

  private toSource(cue: Cue, fromPrevious: boolean): FigureSource {
    const { tokens, text } = this.ctx;
    const start = tokens[cue.first]!.start;
    const end = tokens[cue.last]!.end;
    const phrase = tokens.slice(cue.first, cue.last + 1);
    const source: FigureSource = { start, end, text: text.slice(start, end), name: shortName(text, phrase), cue: cueText(tokens, cue) };
    if (fromPrevious) source.fromPreviousSentence = true;
    return source;
  }
}

function cueText(tokens: FigToken[], cue: Cue): string {
  if (cue.kind === 'according') return tokens[cue.at]!.lower === 'according' ? 'according to' : tokens[cue.at]!.lower;
  return tokens[cue.at]!.lower;
}

/** "US President Joe Biden" → "Joe Biden"; "the US" stays; "the country's Interfax news agency" → "Interfax". */
export function shortName(text: string, phrase: FigToken[]): string {
  const words = phrase.filter((t) => t.kind === Tk.Word || t.kind === Tk.Punct);
  const contentWords = words.filter((t) => t.kind === Tk.Word && !isPossessive(t));
  const joined = (ts: FigToken[]) => (ts.length === 0 ? '' : text.slice(ts[0]!.start, ts[ts.length - 1]!.end));
  if (contentWords.length <= 3) {
    // "the US", "US officials", "the mayor" stay whole; "thinktank Chatham House" is "Chatham House".
    const firstCapital = words.findIndex((t) => isCapitalized(t) && t.lower !== 'the');
    if (firstCapital > 0 && words.slice(0, firstCapital).some((t) => t.kind === Tk.Word && t.lower !== 'the' && !isPossessive(t))) {
      return joined(words.slice(firstCapital));
    }
    return joined(words).replace(/^The\b/, 'the');
  }
  // The last run of capitalized words, without leading titles and demonyms.
  let runEnd = -1;
  let runStart = -1;
  for (let k = words.length - 1; k >= 0; k--) {
    const t = words[k]!;
    const inRun = isCapitalized(t) || (t.kind === Tk.Punct && t.text === '-' && t.glued);
    if (inRun && runEnd < 0) runEnd = k;
    if (inRun) runStart = k;
    else if (runEnd >= 0) break;
  }
  if (runEnd < 0) return joined(words).replace(/^The\b/, 'the');
  while (runStart < runEnd && (TITLE_WORDS.has(words[runStart]!.lower) || COUNTRY_ALIASES.has(words[runStart]!.lower))) runStart++;
  return joined(words.slice(runStart, runEnd + 1));
}

function findCues(ctx: TokenContext, sFirst: number, sEnd: number): Cue[] {
  const { tokens } = ctx;
  const cues: Cue[] = [];
  for (let k = sFirst; k < sEnd; k++) {
    const t = tokens[k]!;
    if (t.kind !== Tk.Word) continue;
    const w = t.lower;
    if ((w === 'according' && tokens[k + 1]?.lower === 'to') || w === 'citing' ||
      (w === 'per' && (isCapitalized(tokens[k + 1]) || (tokens[k + 1]?.lower === 'the' && isCapitalized(tokens[k + 2]))) &&
        !NOT_AFTER_PER.has(tokens[k + 1]?.lower ?? ''))) {
      const from = w === 'according' ? k + 2 : k + 1;
      const np = readRight(tokens, from, sEnd);
      if (np) cues.push({ kind: 'according', at: k, first: np.first, last: np.last, cue: w, closesClause: true });
      continue;
    }
    if ((w === 'estimate' || w === 'estimates' || w === 'count' || w === 'tally' || w === 'figures') && tokens[k + 1]?.lower === 'of') {
      // "a previous US estimate of 130,000", "the Pentagon's estimate of"
      let j = k - 1;
      if (isPossessive(tokens[j])) j--;
      let first = -1;
      while (j >= sFirst && isCapitalized(tokens[j]) && !TITLE_WORDS.has(tokens[j]!.lower)) first = j--;
      if (first >= 0) {
        let last = k - 1;
        if (isPossessive(tokens[last])) last--;
        cues.push({ kind: 'estimate', at: k, first, last, cue: w, closesClause: false });
      }
      continue;
    }
    // A capitalized "States" or "Reports" is part of a name, not a verb.
    if (!SPEECH_VERBS.has(w) || (isCapitalized(t) && k > sFirst)) continue;
    const left = readLeft(tokens, k - 1, sFirst);
    // "asylum claims", "the estimates": a verb that is also a plural noun needs a name, a pronoun or a role before it.
    if (left && AMBIGUOUS_VERBS.has(w) && !isCapitalized(tokens[left.last]) && !PRONOUNS.has(tokens[left.last]!.lower) &&
      !SOURCE_NOUNS.has(tokens[left.last]!.lower)) continue;
    const closes = closesClause(tokens, k + 1, sEnd);
    if (left) {
      cues.push({ kind: 'verb-left', at: k, first: left.first, last: left.last, cue: w, closesClause: closes });
      continue;
    }
    // Inverted: "…, said the mayor." / "…,” said Karine Jean-Pierre." — the phrase must end the clause.
    const prev = tokens[k - 1];
    if ((!prev || k === sFirst || prev.kind === Tk.Punct) && INVERTING_VERBS.has(w)) {
      const right = readRight(tokens, k + 1, sEnd);
      const after = right ? tokens[right.last + 1] : undefined;
      if (right && (!after || right.last + 1 >= sEnd || after.kind === Tk.Punct)) {
        cues.push({ kind: 'verb-right', at: k, first: right.first, last: right.last, cue: w, closesClause: true });
      }
    }
  }
  return cues;
}

/** The source phrase ending just before a speech verb, skipping adverbials ("Biden on Tuesday said"). */
function readLeft(tokens: FigToken[], k: number, sFirst: number): { first: number; last: number } | undefined {
  let j = k;
  while (j >= sFirst && isWord(tokens[j]) && SOURCE_VERB_GAP.has(tokens[j]!.lower) && !isSourceWord(tokens, j)) j--;
  const last = j;
  let first = -1;
  let count = 0;
  while (j >= sFirst && count < MAX_SOURCE_WORDS) {
    const t = tokens[j]!;
    if (t.kind === Tk.Word) {
      const lw = t.lower;
      if (lw === 'the' || lw === 'a' || lw === 'an') {
        first = j;
        break;
      }
      if (lw === 'of' && isCapitalized(tokens[j - 1]) && isCapitalized(tokens[j + 1])) {
        j--;
        count++;
        continue;
      }
      if ((NP_STOP.has(lw) && !PRONOUNS.has(lw) && !isPossessive(t) && lw !== 'us') || (SPEECH_VERBS.has(lw) && !isCapitalized(t))) break;
      first = j;
      if (PRONOUNS.has(lw)) break;
      j--;
      count++;
      continue;
    }
    if ((t.text === '-' || t.text === '.') && t.glued && tokens[j + 1]?.glued && j > sFirst) {
      j--;
      continue;
    }
    break;
  }
  if (first < 0 || first > last) return undefined;
  // A phrase that is only a determiner, or only lower-case words that are not a role ("analyst", "officials"), is weak but kept.
  if (first === last && (tokens[first]!.lower === 'the' || tokens[first]!.lower === 'a')) return undefined;
  return { first, last };
}

/** Capitalized words in the gap list ("Tuesday") are never the source; "US" always is. */
function isSourceWord(tokens: FigToken[], j: number): boolean {
  const t = tokens[j]!;
  return t.lower === 'us' && t.text === 'US';
}

/** The source phrase after "according to", "citing", or an inverted "said". */
function readRight(tokens: FigToken[], k: number, sEnd: number): { first: number; last: number } | undefined {
  let j = k;
  let last = -1;
  for (let count = 0; j < sEnd && count < MAX_SOURCE_WORDS; j++, count++) {
    const t = tokens[j]!;
    if (t.kind === Tk.Word) {
      const lw = t.lower;
      if (lw === 'the' || lw === 'a' || isPossessive(t)) continue;
      if (lw === 'of' && isCapitalized(tokens[j + 1]) && last >= 0) continue;
      if (lw === 'on' || lw === 'in' || lw === 'that' || lw === 'said' || (NP_STOP.has(lw) && lw !== 'us')) break;
      last = j;
      continue;
    }
    if ((t.text === '-' || t.text === '.') && t.glued && tokens[j + 1]?.glued && last >= 0) continue;
    break;
  }
  if (last < 0) return undefined;
  return { first: k, last };
}

/** After a speech verb: the clause ends within a short object ("told reporters.", "said in a statement."). */
function closesClause(tokens: FigToken[], k: number, sEnd: number): boolean {
  for (let j = k, count = 0; j < sEnd; j++, count++) {
    const t = tokens[j]!;
    if (t.kind === Tk.Punct && t.text !== '-') return true;
    if (t.kind === Tk.Number || count >= 5) return false;
    if (t.kind === Tk.Word && t.lower === 'that') return false;
  }
  return true;
}
