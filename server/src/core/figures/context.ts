// Tokens with their sentences, shared by the readers of subject, source, framing and date.
import { Tk, type FigToken } from './scanner';
import type { Span } from '../types';
import { COUNTRY_ALIASES } from './lexicon';

export interface TokenContext {
  text: string;
  tokens: FigToken[];
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  /** First token of each sentence, and one past its last. */
  sentenceFirst: Int32Array;
  sentenceEnd: Int32Array;
}

/** Maps tokens to sentence spans in one merge pass (both are sorted). Tokens outside every span get their own. */
export function buildTokenContext(text: string, tokens: FigToken[], sentences: Span[]): TokenContext {
  const sentenceOf = new Int32Array(tokens.length);
  const firsts: number[] = [];
  const ends: number[] = [];
  let s = 0;
  let current = -1;
  let currentSpan = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (s < sentences.length && sentences[s]!.end <= t.start) s++;
    const span = s < sentences.length && sentences[s]!.start <= t.start ? s : -1;
    // A new sentence starts at a new span, or at a token outside any span after a line break.
    if (current < 0 || span !== currentSpan || (span < 0 && t.lineBefore)) {
      if (current >= 0) ends.push(i);
      firsts.push(i);
      current = firsts.length - 1;
      currentSpan = span;
    }
    sentenceOf[i] = current;
  }
  if (current >= 0) ends.push(tokens.length);
  return { text, tokens, sentenceOf, sentenceFirst: Int32Array.from(firsts), sentenceEnd: Int32Array.from(ends) };
}

export function isCapitalized(t: FigToken | undefined): boolean {
  if (!t || t.kind !== Tk.Word) return false;
  const c = t.text.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && t.text[0] !== t.text[0]!.toLowerCase());
}

export function isWord(t: FigToken | undefined): t is FigToken {
  return !!t && t.kind === Tk.Word;
}

export function isPossessive(t: FigToken | undefined): boolean {
  return !!t && t.kind === Tk.Word && (t.lower === "'s" || t.lower === '’s');
}

/** Singular lower-case lemma of a noun: "troops" → "troop", "companies" → "company", "people" stays. */
export function lemma(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3 || w === 'people' || w === 'personnel' || w === 'servicemen' || w === 'sales' || w === 'news' ||
    w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('men')) return `${w.slice(0, -3)}man`;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

const normalized = new Map<string, string>();
const MAX_NORMALIZED = 20_000;

/** A name normalized for matching: countries and demonyms to one form, others lower case without "the". */
export function normalizeName(name: string): string {
  let n = normalized.get(name);
  if (n === undefined) {
    n = normalizeNameUncached(name);
    if (normalized.size >= MAX_NORMALIZED) normalized.clear();
    normalized.set(name, n);
  }
  return n;
}

function normalizeNameUncached(name: string): string {
  let n = name.toLowerCase().replace(/[’']s$/, '').replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
  const alias = COUNTRY_ALIASES.get(n);
  if (alias) return alias;
  n = n.replace(/\.$/, '');
  const alias2 = COUNTRY_ALIASES.get(n);
  if (alias2) return alias2;
  // "Acme Corp", "Acme Inc.", "Acme plc" are Acme.
  const stripped = n.replace(/\s+(?:corp|corporation|inc|ltd|limited|plc|group|co|company|llc|ag|sa|se|nv|holdings)$/, '');
  return stripped || n;
}
