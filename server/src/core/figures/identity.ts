// Do two figures state one quantity? The cluster key (dimension + what is counted + event) proposes candidates;
// this module decides from evidence: what each figure counts, whose it is, the names and words around it, whether
// the two articles tell one story, and when each holds. The thresholds are calibrated on labelled real news
// (docs/evaluation.md), not on the sample corpus.
import { contentWord, overlapCoefficient, sharedCount } from './evidence';
import { COUNTRY_ALIASES } from './lexicon';
import type { Figure } from './types';

/** Nouns that do not say what is counted: "three others", "one of six", "twice", "10 points". */
const GENERIC_HEADS: ReadonlySet<string> = new Set([
  'other', 'one', 'time', 'way', 'thing', 'part', 'side', 'piece', 'step', 'place', 'number', 'count', 'total', 'lot',
  'kind', 'type', 'cent', 'dollar', 'euro', 'pound', 'point', 'percent', 'per', 'more', 'few', 'some', 'each', 'all',
  'both', 'first', 'second', 'third', 'last', 'top', 'bottom', 'round', 'stage', 'level', 'grade', 'game', 'match',
  'score', 'rank', 'position', 'version', 'edition', 'issue', 'page', 'chapter', 'line', 'row', 'item', 'unit', 'digit',
  'figure', 'amount', 'sum', 'rate', 'ratio', 'share', 'half', 'quarter', 'plan', 'model', 'series', 'generation',
]);

/** Can the figure's quantity be told from others at all? Only then is it compared with other figures. */
export function isIdentifiable(figure: Figure): boolean {
  if (figure.kind === 'ratio') return false;
  const subject = figure.subject;
  if (!subject || !subject.head || GENERIC_HEADS.has(subject.head)) return false;
  return true;
}

/** What is known of the two articles, for comparing their figures. */
export interface ArticlePair {
  sameArticle: boolean;
  /** Overlap coefficient of the two articles' story terms (1 for one article). */
  story: number;
}

/**
 * Two articles tell one story when this share of the smaller one's story terms is shared. Calibrated on the labelled
 * real-news pairs (docs/evaluation.md): nine in ten pairs that state one quantity reach it.
 */
export const SAME_STORY = 0.1;
/**
 * Figures with no date (undated articles) are one time only when their articles are this close: about one in
 * twenty-five random pairs of articles with figures of one kind a month apart reaches it, a third of the labelled pairs.
 */
export const SAME_STORY_UNDATED = 0.3;
/** Two figures' sentences share at least this many content words (the counted noun aside). */
export const SHARED_CONTEXT_WORDS = 1;

/** Overlap of two articles' story terms, remembered per pair of term lists (comparisons ask for it per figure pair). */
export function storySimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let row = storyCache.get(a);
  if (!row) storyCache.set(a, (row = new WeakMap()));
  let value = row.get(b);
  if (value === undefined) row.set(b, (value = overlapCoefficient(a, b)));
  return value;
}

const storyCache = new WeakMap<Uint32Array, WeakMap<Uint32Array, number>>();

/** Two owners named and different ("Russian troops", "Ukrainian troops"): not the same quantity. */
export function ownersDiffer(a: Figure, b: Figure): boolean {
  return a.owner !== undefined && b.owner !== undefined && a.owner !== b.owner;
}

/**
 * The words of the two subjects besides the counted noun ("advance votes", "votes in the first round"): when both
 * have some and share none, they are different quantities.
 */
function subjectsDiffer(a: Figure, b: Figure): boolean {
  const aw = subjectWordsOf(a);
  const bw = subjectWordsOf(b);
  if (aw.length === 0 || bw.length === 0) return false;
  for (const w of aw) if (bw.includes(w)) return false;
  return true;
}

const subjectWords = new WeakMap<Figure, string[]>();

function subjectWordsOf(f: Figure): string[] {
  let words = subjectWords.get(f);
  if (!words) {
    const head = f.subject?.head;
    words = [];
    for (const written of (f.subject?.text ?? '').split(/[^\p{L}\p{N}]+/u)) {
      // Names are compared as owners, people and entities, not as subject words ("Hezbollah rockets").
      if (/^\p{Lu}/u.test(written)) continue;
      const raw = written.toLowerCase();
      const w = stemAdjective(contentWord(raw));
      // Countries and demonyms are owners and places, compared as such ("Russian troops", "troops near Ukraine");
      // participles say where or how, not what ("troops stationed near …").
      if (w && w !== head && !COUNTRY_ALIASES.has(raw) && !/(?:ed|ing)$/.test(raw) && !words.includes(w)) words.push(w);
    }
    subjectWords.set(f, words);
  }
  return words;
}

/** Counted nouns that name one quantity: "troops" and "soldiers" in one story are the same people. */
const SAME_HEADS: ReadonlyMap<string, string> = new Map([
  ...['troop', 'soldier', 'force', 'personnel', 'serviceman'].map((w) => [w, 'troop'] as const),
  ...['people', 'person'].map((w) => [w, 'people'] as const),
  ...['death', 'fatality', 'dead'].map((w) => [w, 'death'] as const),
]);

/** Classes of counted nouns whose members name one thing: "fans" and "crowd", "sales" and "revenue". */
const INTERCHANGEABLE_CLASSES: ReadonlySet<string> = new Set(['spectators', 'revenue', 'profit', 'customers', 'pay', 'transfer fee', 'loans', 'aid', 'deal', 'speed']);

function sameHead(a: Figure, b: Figure): boolean {
  const x = a.subject!.head;
  const y = b.subject!.head;
  if (x === y || (SAME_HEADS.get(x) ?? x) === (SAME_HEADS.get(y) ?? y)) return true;
  return a.subject!.headClass === b.subject!.headClass && INTERCHANGEABLE_CLASSES.has(a.subject!.headClass);
}

/** "quarterly" and "quarter", "annually" and "annual": one word for comparing subjects. */
function stemAdjective(w: string | undefined): string | undefined {
  if (!w || w.length < 6 || !w.endsWith('ly')) return w;
  return w.slice(0, -2);
}

/**
 * Who the people harmed are, for tolls: "people", "the toll", "deaths", "Palestinians" and "lives" all count
 * everyone; "soldiers", "civilians", "police officers" or "children" count a group within.
 */
export function victimsOf(f: Figure): string {
  let victims = victimsCache.get(f);
  if (victims === undefined) victimsCache.set(f, (victims = readVictims(f)));
  return victims;
}

const victimsCache = new WeakMap<Figure, string>();

function readVictims(f: Figure): string {
  const head = f.subject?.head ?? '';
  const cls = f.subject?.headClass ?? '';
  // A people named by their country ("Seven Canadians", "400 Palestinians") is everyone of that people: the owner says which.
  if (GENERIC_VICTIMS.has(head) || cls === 'people' || isDemonymHead(f)) return 'everyone';
  return SAME_HEADS.get(head) ?? VICTIM_CLASSES.get(head) ?? cls;
}

const GENERIC_VICTIMS: ReadonlySet<string> = new Set(['people', 'person', 'toll', 'death', 'fatality', 'life', 'live', 'victim', 'casualty', 'injury', 'case', 'individual', 'resident']);
const VICTIM_CLASSES: ReadonlyMap<string, string> = new Map([
  ...['police', 'policeman', 'officer'].map((w) => [w, 'police'] as const),
  ...['child', 'student', 'kid'].map((w) => [w, 'children'] as const),
  ...['militant', 'insurgent', 'rebel', 'guerrilla', 'fighter'].map((w) => [w, 'militants'] as const),
]);

function isDemonymHead(f: Figure): boolean {
  const s = f.subject;
  if (!s) return false;
  const words = s.text.split(/\s+/);
  const last = words.find((w) => w.toLowerCase().startsWith(s.head)) ?? '';
  return /^\p{Lu}/u.test(last) && /(?:ans|ese|is|ch|sh|ians)$/.test(last);
}

function isHarmCount(f: Figure): boolean {
  return f.quantityKey.startsWith('count|harm/');
}

/** Both figures are placed (by their sentence, else their headline) in countries, and in none of the same. */
function countriesDiffer(a: Figure, b: Figure): boolean {
  const ac = a.evidence.countries;
  const bc = b.evidence.countries;
  if (ac.length === 0 || bc.length === 0) return false;
  for (const c of ac) if (bc.includes(c)) return false;
  return true;
}

/** Both sentences name people and none of them the same: the figures are about different people. */
function peopleDiffer(a: Figure, b: Figure): boolean {
  const ap = a.evidence.people;
  const bp = b.evidence.people;
  if (ap.length === 0 || bp.length === 0) return false;
  for (const p of ap) if (bp.includes(p)) return false;
  return true;
}


export interface SameQuantityOptions {
  /** Either figure has no date of its own: the time is unknown. */
  undated: boolean;
  /**
   * For conflicts: values further apart than this factor are read as different quantities. Reports of one quantity
   * disagree by a margin ("2,500" and "2,700 wounded"), not by an order of magnitude ("9 killed" and "75 killed").
   */
  maxRatio?: number;
}

/** See `SameQuantityOptions.maxRatio`. */
export const CONFLICT_MAX_RATIO = 3;

function valueRatio(a: Figure, b: Figure): number {
  const x = Math.abs(a.value * a.unitScale);
  const y = Math.abs(b.value * b.unitScale);
  const lo = Math.min(x, y);
  return lo === 0 ? Infinity : Math.max(x, y) / lo;
}

/**
 * Do `a` and `b` (candidates from one cluster, numbers already compared by the caller) state one quantity? Both must
 * be identifiable, their owners and modifiers must agree, their sentences must share context, and across articles
 * the articles must tell one story (a closer one when the time is unknown).
 */
export function sameQuantity(a: Figure, b: Figure, pair: ArticlePair, options: SameQuantityOptions): boolean {
  return whyDifferent(a, b, pair, options) === undefined;
}

/** The first piece of evidence that tells the two quantities apart, or undefined when they are one. */
export function whyDifferent(a: Figure, b: Figure, pair: ArticlePair, options: SameQuantityOptions): string | undefined {
  if (!isIdentifiable(a) || !isIdentifiable(b)) return 'nothing counted';
  // Cheapest and most telling first: most candidates across a corpus belong to another story.
  if (!pair.sameArticle && pair.story < (options.undated ? SAME_STORY_UNDATED : SAME_STORY)) return 'different stories';
  if (options.maxRatio !== undefined && valueRatio(a, b) > options.maxRatio) return 'values an order of magnitude apart';
  if (isHarmCount(a) && isHarmCount(b)) {
    if (victimsOf(a) !== victimsOf(b)) return 'different victims';
  } else if (!sameHead(a, b)) return 'different nouns';
  if ((a.subject!.event ?? '') !== (b.subject!.event ?? '')) return 'different events';
  if (ownersDiffer(a, b)) return 'different owners';
  if (subjectsDiffer(a, b)) return 'different subjects';
  if (peopleDiffer(a, b)) return 'different people';
  if (countriesDiffer(a, b)) return 'different countries';
  if (a.evidence.part || b.evidence.part) return 'a part';
  if (a.evidence.occasion && b.evidence.occasion && a.evidence.occasion !== b.evidence.occasion) return 'different occasions';
  const sameOwner = a.owner !== undefined && a.owner === b.owner;
  if (sharedCount(a.evidence.context, b.evidence.context) < SHARED_CONTEXT_WORDS && !sharedNames(a, b) && !sameOwner) return 'no shared context';
  return undefined;
}

/**
 * Two running totals of one named thing: one at least is told over a period ("so far", "since 2003", "in total") and
 * both name the same place, people or organization, or have the same owner. Such totals revise each other over
 * months; other figures with the same noun months apart are almost always other quantities.
 */
export function runningTotalsOfOne(a: Figure, b: Figure): boolean {
  if (!a.evidence.cumulative && !b.evidence.cumulative) return false;
  return sharedNames(a, b) || (a.owner !== undefined && a.owner === b.owner);
}

/** The two sentences name one person, place or organization. */
function sharedNames(a: Figure, b: Figure): boolean {
  for (const e of a.evidence.entities) if (b.evidence.entities.includes(e)) return true;
  return false;
}

export { overlapCoefficient };
