// Evidence that two figures state one quantity: the words around each figure, the names in its sentence, and how
// close their articles are to one story. Exact keys (dimension + what is counted) only propose candidates; this
// evidence decides. Everything here is a small sorted array of word hashes, so a comparison is a merge of two
// short lists.
import { lemma } from './context';

/** Words that say nothing about which quantity or story a sentence is about. */
const STOPWORDS: ReadonlySet<string> = new Set(
  ('a about above after again against ago all almost also although always am among an and another any are around as at ' +
    'be became because been before being below between both but by can could did do does doing done down during each ' +
    'early earlier either else even ever every few first for former from further had has have having he her here hers ' +
    'herself him himself his how however i if in including into is it its itself just last late later least less like ' +
    'made make many may me might more most mr mrs ms much must my near nearly new next no nor not now of off on once one ' +
    'only onto or other others our ours out over own per perhaps please previous rather really recent recently said same ' +
    'say says see seen several shall she should since so some still such than that the their theirs them themselves then ' +
    'there these they this those though three through thus to today told too toward two under until up upon us very via ' +
    'was we week weeks well were what when where whether which while who whom whose why will with within without would ' +
    'year years yesterday yet you your according also monday tuesday wednesday thursday friday saturday sunday january ' +
    'february march april june july august september october november december am pm percent per cent million billion ' +
    'thousand hundred dozen dozens hundreds thousands millions total number least about approximately around roughly').split(' '),
);

/** 32-bit FNV-1a: stable across runs and machines, so evidence can be cached and compared. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The content word a token stands for, lemmatised, or undefined for function words, numbers and short words. */
export function contentWord(lower: string): string | undefined {
  if (lower.length < 3 || STOPWORDS.has(lower)) return undefined;
  const c = lower.charCodeAt(0);
  if (c >= 48 && c <= 57) return undefined;
  const w = lemma(stripVerbEnding(lower));
  return STOPWORDS.has(w) ? undefined : w;
}

/** "killed" and "kills" are one word for evidence: the past and third-person endings are dropped. */
function stripVerbEnding(w: string): string {
  if (w.length > 5 && w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ed') && !w.endsWith('eed')) return w.slice(0, -2);
  if (w.length > 6 && w.endsWith('ing')) return w.slice(0, -3);
  return w;
}

/** Sorted unique hashes of words (at most `max`, the first ones given kept). */
export function hashSet(words: Iterable<string>, max = Infinity): Uint32Array {
  const seen = new Set<number>();
  for (const w of words) {
    if (seen.size >= max) break;
    seen.add(hashWord(w));
  }
  return Uint32Array.from(seen).sort();
}

/** How many hashes two sorted sets share. */
export function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Shared hashes over the smaller set's size: 1 when one set holds the other, 0 when either is empty. */
export function overlapCoefficient(a: Uint32Array, b: Uint32Array): number {
  const smaller = Math.min(a.length, b.length);
  return smaller === 0 ? 0 : sharedCount(a, b) / smaller;
}

export interface FigureEvidence {
  /** Content words of the figure's sentence, nearest to the figure first, as sorted hashes (see `hashSet`). */
  context: Uint32Array;
  /** Identities of the people, places and organizations named in the figure's sentence, nearest first. */
  entities: readonly string[];
  /** The people among them. */
  people: readonly string[];
  /** Countries of the places named in the sentence and in the headline (ISO codes from the gazetteer). */
  countries: readonly string[];
  /** The occasion the figure belongs to, when its sentence names one: "attack", "earthquake", "election". */
  occasion: string | undefined;
  /** The figure counts a part ("the other 14", "another 2,500", "13 of the members"): never the whole quantity. */
  part: boolean;
  /** The sentence counts over a period ("so far", "since March", "over the last six days", "in total"). */
  cumulative: boolean;
}

export const NO_EVIDENCE: FigureEvidence = { context: new Uint32Array(0), entities: [], people: [], countries: [], occasion: undefined, part: false, cumulative: false };

/** Words that make a count a running total over a period rather than one occasion's. */
export const CUMULATIVE_WORDS: ReadonlySet<string> = new Set(['since', 'so-far', 'total', 'overall', 'cumulative', 'altogether', 'to-date']);

/**
 * Occasions, by class: two figures of one story that belong to different occasions ("killed in the crash",
 * "killed in the protest") are different quantities.
 */
export const OCCASIONS: ReadonlyMap<string, string> = new Map([
  // Attacks and fighting are one class: a war's toll is told as either ("killed in the bombardment", "in the fighting").
  ...['attack', 'attacks', 'bombing', 'bombings', 'blast', 'blasts', 'explosion', 'explosions', 'bomb', 'bombs', 'shelling', 'airstrike', 'airstrikes', 'raid', 'raids', 'ambush', 'assault', 'shooting', 'shootings', 'massacre',
    'clash', 'clashes', 'fighting', 'battle', 'battles', 'violence', 'riot', 'riots', 'unrest'].map((w) => [w, 'violence'] as const),
  ...['protest', 'protests', 'demonstration', 'demonstrations', 'rally', 'rallies', 'march', 'marches'].map((w) => [w, 'protest'] as const),
  ...['crash', 'crashes', 'collision', 'derailment', 'accident', 'accidents', 'sinking', 'capsized', 'capsizing'].map((w) => [w, 'accident'] as const),
  ...['earthquake', 'earthquakes', 'quake', 'tsunami', 'aftershock'].map((w) => [w, 'earthquake'] as const),
  ...['flood', 'floods', 'flooding', 'landslide', 'landslides', 'mudslide'].map((w) => [w, 'flood'] as const),
  ...['hurricane', 'typhoon', 'cyclone', 'storm', 'storms', 'tornado', 'tornadoes'].map((w) => [w, 'storm'] as const),
  ...['fire', 'fires', 'blaze', 'wildfire', 'wildfires'].map((w) => [w, 'fire'] as const),
  ...['outbreak', 'epidemic', 'pandemic'].map((w) => [w, 'outbreak'] as const),
  ...['election', 'elections', 'poll', 'polls', 'primary', 'primaries', 'caucus', 'caucuses', 'referendum', 'ballot'].map((w) => [w, 'election'] as const),
  ...['takeover', 'merger', 'acquisition', 'bid', 'buyout'].map((w) => [w, 'takeover'] as const),
  ...['strike', 'walkout'].map((w) => [w, 'strike'] as const),
  ...['trial', 'verdict', 'sentence', 'sentenced', 'convicted'].map((w) => [w, 'trial'] as const),
]);

/** Words before a figure that make it a part of a quantity rather than the whole. */
export const PART_WORDS: ReadonlySet<string> = new Set(['other', 'another', 'remaining', 'additional', 'further', 'extra', 'more', 'including']);

/** Words of a figure's sentence kept as its context. */
export const CONTEXT_WORDS = 16;

/**
 * The terms that say what an article's story is: the identities of the names it mentions and the content words of
 * its headline. Articles about one story share most of them; articles that share a quantity's noun by chance do not.
 */
export function storyTermsOf(headlineWords: Iterable<string>, entityIdentities: Iterable<string>): Uint32Array {
  const words: string[] = [];
  for (const id of entityIdentities) words.push(`@${id}`);
  for (const w of headlineWords) {
    const c = contentWord(w.toLowerCase());
    if (c) words.push(c);
  }
  return hashSet(words);
}
