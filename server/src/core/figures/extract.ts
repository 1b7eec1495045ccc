// Figure extraction: the grammar, then the readers of subject, source, framing and date, per figure.
// Never throws: a failure inside returns no figures rather than breaking the article's analysis.
import { lowerBound } from '../search';
import { AttributionReader } from './attribution';
import { buildTokenContext, isCapitalized, normalizeName, type TokenContext } from './context';
import { figureDateOf, findDatedMentions, type DatedMention } from './figureDate';
import { readFramings } from './framing';
import { scanFigureCores, type FigureCore } from './grammar';
import { scanTokens, splitSentenceSpans, Tk, type FigToken } from './scanner';
import { headClassOf, readSubject } from './subject';
import { CONTEXT_WORDS, contentWord, CUMULATIVE_WORDS, hashWord, OCCASIONS, PART_WORDS, type FigureEvidence } from './evidence';
import type { Span } from '../types';
import type { Figure, FigureSubject, FigureTextInput } from './types';

export function extractFigures(input: FigureTextInput | string): Figure[] {
  const normalized: FigureTextInput = typeof input === 'string' ? { text: input } : input;
  try {
    return extractUnchecked(normalized);
  } catch {
    return [];
  }
}

function extractUnchecked(input: FigureTextInput): Figure[] {
  const { text } = input;
  const regions = input.regions ?? [{ start: 0, end: text.length }];
  const tokens: FigToken[] = [];
  const headingTokenRanges: Span[] = [];
  for (const region of regions) {
    const from = tokens.length;
    for (const t of scanTokens(text, region.start, region.end)) tokens.push(t);
    if (region.heading && tokens.length > from) headingTokenRanges.push({ start: from, end: tokens.length });
  }
  if (tokens.length === 0) return [];
  const sentences = input.sentences ?? splitSentenceSpans(tokens);
  const ctx = buildTokenContext(text, tokens, sentences);
  const cores = scanFigureCores(text, tokens);
  if (cores.length === 0) return [];

  const mentions: DatedMention[] = input.dateMentions ?? findDatedMentions(text, regions, input.referenceDate);
  const attribution = new AttributionReader(ctx);
  const framings = readFramings(ctx, cores);
  const entities = input.entities ?? [];
  const facts = new TokenFacts(tokens, input.countryOfDemonym);
  const headline = regions[0]?.heading ? regions[0] : undefined;
  const headlineCountries = headline ? [...new Set(entities.filter((e) => e.country && e.start >= headline.start && e.end <= headline.end).map((e) => e.country!))] : [];
  const names = input.entities?.map((e) => ({ start: e.start, end: e.end, type: e.type, name: normalizeName(e.name) }));
  let entityFrom = 0;
  const figures: Figure[] = [];
  const rangeTails = new Map<number, number>();
  let heading = 0;
  for (let n = 0; n < cores.length; n++) {
    const core = cores[n]!;
    const reading = readSubject(ctx, core, names);
    if (reading.rangeTail !== undefined) rangeTails.set(n, reading.rangeTail);
    if (reading.age) asAge(core);
    const start = tokens[core.first]!.start;
    const end = tokens[core.last]!.end;
    const sentence = ctx.sentenceOf[core.first]!;
    const sentenceSpan = { start: tokens[ctx.sentenceFirst[sentence]!]!.start, end: tokens[ctx.sentenceEnd[sentence]! - 1]!.end };
    while (entityFrom < entities.length && entities[entityFrom]!.end <= sentenceSpan.start) entityFrom++;
    // Every figure has the same object shape (optional fields present, undefined): comparisons across the corpus
    // read them for every pair, and one shape keeps those reads fast.
    const figure: Figure = {
      start,
      end,
      text: text.slice(start, end),
      kind: core.kind,
      dimension: core.dimension,
      unit: core.unit,
      unitScale: core.unitScale,
      value: core.value,
      min: core.min,
      max: core.max,
      minInclusive: core.minInclusive,
      maxInclusive: core.maxInclusive,
      qualifier: core.qualifier,
      date: figureDateOf(mentions, sentenceSpan, { start, end }, input.referenceDate, text),
      framing: framings[n]!.framing,
      scope: reading.scope,
      quantityKey: '',
      writing: core.writing,
      qualifierText: core.qualifierText || undefined,
      subject: reading.subject,
      owner: reading.owner || undefined,
      source: attribution.sourceFor(core),
      replacedBy: framings[n]!.replacedBy,
      inHeading: undefined,
      evidence: evidenceOf(ctx, facts, core, sentence, reading.subject, entities, entityFrom, sentenceSpan, headlineCountries),
    };
    while (heading < headingTokenRanges.length && headingTokenRanges[heading]!.end <= core.first) heading++;
    if (heading < headingTokenRanges.length && headingTokenRanges[heading]!.start <= core.first) figure.inHeading = true;
    figures.push(figure);
  }
  // An earlier value without its own noun counts what its replacement counts: "…150,000 troops, up from 130,000".
  for (const figure of figures) {
    if (figure.replacedBy === undefined) continue;
    const target = figures[figure.replacedBy]!;
    if (target.subject && (!figure.subject || figure.subject.headClass === target.subject.headClass)) {
      if (!figure.subject) figure.subject = { ...target.subject };
      if (!figure.owner && target.owner) figure.owner = target.owner;
      figure.scope = mergeScope(figure.scope, target.scope);
    }
  }
  joinRanges(cores, figures, rangeTails);
  inheritElidedNouns(ctx, cores, figures, names);
  for (const figure of figures) finishUnitAndKey(figure);
  return figures;
}

/**
 * "up to 15 to 20 people", "at least five to ten officers", "five or possibly six people": a qualified number and the
 * range's other end are two figures of one interval. Both take the whole interval, so they never conflict, and the
 * other end counts what the first counts.
 */
function joinRanges(cores: readonly FigureCore[], figures: Figure[], tails: ReadonlyMap<number, number>): void {
  for (const [n, tail] of tails) {
    const head = figures[n]!;
    const other = cores[n + 1]?.first === tail ? figures[n + 1] : undefined;
    if (!other || other.dimension !== head.dimension || other.value <= head.value) continue;
    head.max = other.max;
    head.maxInclusive = other.maxInclusive;
    other.min = head.min;
    other.minInclusive = head.minInclusive;
    if (!other.subject && head.subject) other.subject = { ...head.subject };
    other.owner ??= head.owner;
  }
}

/**
 * "148 fatalities in Lebanon and 23 in Israel": a bare count right after "and" counts what the figure before it
 * counts. Its owner is the name that follows it ("in Israel"), never the clause's first name (that one is the
 * earlier figure's).
 */
function inheritElidedNouns(ctx: TokenContext, cores: readonly FigureCore[], figures: Figure[], names: readonly NamedSpanInput[] | undefined): void {
  const { tokens } = ctx;
  for (let n = 1; n < figures.length; n++) {
    const figure = figures[n]!;
    const core = cores[n]!;
    const previous = figures[n - 1]!;
    const previousCore = cores[n - 1]!;
    if (figure.subject || !previous.subject || figure.dimension !== previous.dimension || core.kind !== 'count') continue;
    // "… 1,124 pledged delegates; Sanders trailed with a total of 815": a bare total counts the same as well
    const totalOf = tokens[core.first - 1]?.lower === 'of' && tokens[core.first - 2]?.lower === 'total' && core.first - previousCore.last <= 20;
    if (!totalOf && (tokens[core.first - 1]?.lower !== 'and' || core.first - previousCore.last > 9)) continue;
    if (ctx.sentenceOf[core.first] !== ctx.sentenceOf[previousCore.last]) continue;
    const { head, headClass, event } = previous.subject;
    figure.subject = { start: figure.start, end: figure.end, text: previous.subject.text.split(/\s+/).slice(-1)[0] ?? head, head, headClass, modifiers: [], ...(event ? { event } : {}) };
    const afterEnd = tokens[Math.min(tokens.length - 1, core.last + 4)]!.end;
    const following = names?.find((x) => x.start >= figure.end && x.start < afterEnd);
    figure.owner = following?.name;
    figure.scope = following ? [following.name] : [];
  }
}

type NamedSpanInput = { start: number; end: number; type: string; name: string };

/**
 * The figure's context words (its sentence's content words, nearest first, the counted noun left out: the key already
 * says it) and the names in its sentence, nearest first.
 */
function evidenceOf(
  ctx: TokenContext,
  facts: TokenFacts,
  core: FigureCore,
  sentence: number,
  subject: FigureSubject | undefined,
  entities: NonNullable<FigureTextInput['entities']>,
  entityFrom: number,
  sentenceSpan: Span,
  headlineCountries: readonly string[],
): FigureEvidence {
  const { tokens } = ctx;
  const head = subject?.head;
  // A window of the sentence around the figure: a pathological "sentence" of a million tokens costs no more.
  const first = Math.max(ctx.sentenceFirst[sentence]!, core.first - EVIDENCE_WINDOW);
  const end = Math.min(ctx.sentenceEnd[sentence]!, core.last + 1 + EVIDENCE_WINDOW);
  // At most CONTEXT_WORDS distinct hashes: a linear scan of a small typed array beats a Set per figure.
  const hashes = new Uint32Array(CONTEXT_WORDS);
  let hashCount = 0;
  const headHash = head ? hashWord(head) : 0;
  const take = (k: number) => {
    const h = facts.hash(k);
    if (h === 0 || h === headHash) return;
    for (let j = 0; j < hashCount; j++) if (hashes[j] === h) return;
    hashes[hashCount++] = h;
  };
  for (let d = 1; hashCount < CONTEXT_WORDS && (core.first - d >= first || core.last + d < end); d++) {
    if (core.first - d >= first) take(core.first - d);
    if (core.last + d < end && hashCount < CONTEXT_WORDS) take(core.last + d);
  }
  const marks = facts.marksOf(sentence, ctx);
  let occasion: string | undefined;
  let occasionDistance = Infinity;
  for (let i = lowerBound(marks.occasionAt, first); i < marks.occasionAt.length && marks.occasionAt[i]! < end; i++) {
    const k = marks.occasionAt[i]!;
    const distance = k < core.first ? core.first - k : k - core.last;
    if (distance < occasionDistance) {
      occasion = marks.occasion[i]!;
      occasionDistance = distance;
    }
  }
  const firstCumulative = lowerBound(marks.cumulativeAt, first);
  const cumulative = firstCumulative < marks.cumulativeAt.length && marks.cumulativeAt[firstCumulative]! < end;
  const before = tokens[core.first - 1];
  const after = tokens[core.last + 1];
  const part = core.dimension === 'count' && (
    (before !== undefined && core.first - 1 >= first && before.kind === Tk.Word && PART_WORDS.has(before.lower)) ||
    (after !== undefined && core.last + 1 < end && after.lower === 'of' && PART_OF.has(tokens[core.last + 2]?.lower ?? '')) ||
    thresholdNear(tokens, core, first, end));
  const named: Array<{ identity: string; distance: number; person: boolean; country?: string }> = [];
  const at = tokens[core.first]!.start;
  const windowStart = Math.max(sentenceSpan.start, tokens[first]!.start);
  const windowEnd = Math.min(sentenceSpan.end, tokens[end - 1]!.end);
  for (let i = firstEndingAfter(entities, windowStart, entityFrom); i < entities.length && entities[i]!.start < windowEnd; i++) {
    const e = entities[i]!;
    if (e.start < windowStart) continue;
    // A name across a semicolon belongs to another clause: it ranks after the names of the figure's own.
    const across = hasSemicolon(ctx.text, Math.min(e.start, at), Math.max(e.end, at)) ? CLAUSE_PENALTY : 0;
    named.push({ identity: e.identity, distance: Math.abs(e.start - at) + across, person: e.type === 'person', ...(e.country ? { country: e.country } : {}) });
  }
  if (named.length > 1) named.sort((a, b) => a.distance - b.distance);
  const entityIds: string[] = [];
  const people: string[] = [];
  for (const n of named) {
    if (!entityIds.includes(n.identity)) entityIds.push(n.identity);
    if (n.person && !people.includes(n.identity)) people.push(n.identity);
  }
  return { context: hashes.slice(0, hashCount).sort(), entities: entityIds, people,
    countries: countriesOf(named, marks.demonymCountries, headlineCountries, facts.countryOfSubject(subject)), occasion, part, cumulative };
}

/**
 * The countries of the sentence's places and demonyms and of the headline's: a sentence may name a place in passing.
 * A people counted by its demonym ("36 Israelis") is of its country only, whatever else the sentence names.
 */
function countriesOf(named: ReadonlyArray<{ country?: string }>, demonyms: readonly string[], headline: readonly string[], subjectCountry: string | undefined): string[] {
  if (subjectCountry) return [subjectCountry];
  const countries: string[] = [];
  for (const n of named) if (n.country && !countries.includes(n.country)) countries.push(n.country);
  for (const c of demonyms) if (!countries.includes(c)) countries.push(c);
  for (const c of headline) if (!countries.includes(c)) countries.push(c);
  return countries;
}

/** "the 1,991 delegates needed to win", "a majority of 326": a threshold, not a count of what is there. */
function thresholdNear(tokens: readonly FigToken[], core: FigureCore, first: number, end: number): boolean {
  for (let k = Math.max(first, core.first - 3); k < Math.min(end, core.last + 5); k++) {
    const t = tokens[k]!;
    if (t.kind === Tk.Word && THRESHOLD_WORDS.has(t.lower)) return true;
  }
  return false;
}

const THRESHOLD_WORDS: ReadonlySet<string> = new Set(['needed', 'required', 'necessary', 'needs', 'need', 'requires', 'majority', 'minimum', 'quorum', 'threshold']);

/** The first entity (sorted by start, from `from` on) that ends after `offset`: a binary search. */
function firstEndingAfter(entities: ReadonlyArray<Span>, offset: number, from: number): number {
  let lo = from;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What each token says as evidence (its content word's hash, the occasion it names, whether it makes a running total),
 * read once per extraction however many figures look at it.
 */
class TokenFacts {
  private hashes: Float64Array | undefined;
  private occasions: Array<string | null | undefined> | undefined;

  private readonly demonymCountries = new Map<string, string | null>();

  constructor(private readonly tokens: readonly FigToken[], private readonly countryOfDemonym?: (word: string) => string | undefined) {}

  /**
   * "rocket fire", "opened fire", "by Israeli fire", "of Hezbollah fire": shooting, not a blaze. A capitalized word
   * before "fire" is a side only when it is a demonym or follows "of", "by" or "from" ("the Grenfell fire" is a blaze).
   */
  private isGunfire(k: number): boolean {
    const previous = this.tokens[k - 1];
    if (!previous || previous.kind !== Tk.Word) return false;
    if (GUNFIRE_BEFORE.has(previous.lower)) return true;
    if (!isCapitalized(previous)) return false;
    return this.demonymCountry(k - 1) !== undefined || ['of', 'by', 'from'].includes(this.tokens[k - 2]?.lower ?? '');
  }

  /** The country of a capitalized demonym token ("Lebanese", "Israelis"), else undefined. */
  demonymCountry(k: number): string | undefined {
    const t = this.tokens[k]!;
    if (!this.countryOfDemonym || t.kind !== Tk.Word || !isCapitalized(t) || t.text.length < 4) return undefined;
    let country = this.demonymCountries.get(t.text);
    if (country === undefined) {
      const word = t.text;
      country = this.countryOfDemonym(word) ?? (word.endsWith('s') ? this.countryOfDemonym(word.slice(0, -1)) : undefined) ?? null;
      this.demonymCountries.set(word, country);
    }
    return country ?? undefined;
  }

  /** "36 Israelis", "350 Lebanese": the country of a people counted by its demonym. */
  countryOfSubject(subject: FigureSubject | undefined): string | undefined {
    if (!subject || !this.countryOfDemonym) return undefined;
    const last = LAST_WORD.exec(subject.text)?.[0] ?? '';
    if (!/^\p{Lu}\p{Ll}+(?:ans|ese|is|ch|sh)$/u.test(last) || !last.toLowerCase().startsWith(subject.head.slice(0, 4))) return undefined;
    return this.countryOfDemonym(last) ?? (last.endsWith('s') ? this.countryOfDemonym(last.slice(0, -1)) : undefined);
  }

  /** Hash of the token's content word, 0 when it has none. */
  hash(k: number): number {
    this.hashes ??= new Float64Array(this.tokens.length).fill(-1);
    let h = this.hashes[k]!;
    if (h < 0) {
      const t = this.tokens[k]!;
      const w = t.kind === Tk.Word ? contentWord(t.lower) : undefined;
      this.hashes[k] = h = w ? hashWord(w) || 1 : 0;
    }
    return h;
  }

  occasion(k: number): string | null {
    this.occasions ??= new Array(this.tokens.length);
    let o = this.occasions[k];
    if (o === undefined) {
      const t = this.tokens[k]!;
      const previous = this.tokens[k - 1];
      // "post-election violence" is violence: a word glued after a hyphen prefix names no occasion of its own.
      o = t.kind !== Tk.Word || (previous?.text === '-' && t.glued) ? null
        : (t.lower === 'strike' || t.lower === 'strikes') && (previous?.lower === 'air' || previous?.lower === 'missile' || previous?.lower === 'drone') ? 'violence'
        : t.lower === 'fire' && this.isGunfire(k) ? 'violence'
        : OCCASIONS.get(t.lower) ?? null;
      this.occasions[k] = o;
    }
    return o;
  }

  private readonly marks = new Map<number, SentenceMarks>();

  /** Where a sentence names occasions and running totals (token indexes, sorted), read once per sentence. */
  marksOf(sentence: number, ctx: TokenContext): SentenceMarks {
    let marks = this.marks.get(sentence);
    if (marks) return marks;
    marks = { occasionAt: [], occasion: [], cumulativeAt: [], demonymCountries: [] };
    for (let k = ctx.sentenceFirst[sentence]!; k < ctx.sentenceEnd[sentence]!; k++) {
      const country = this.demonymCountry(k);
      if (country && !marks.demonymCountries.includes(country)) marks.demonymCountries.push(country);
      const o = this.occasion(k);
      if (o) {
        marks.occasionAt.push(k);
        marks.occasion.push(o);
      }
      if (this.cumulative(k)) marks.cumulativeAt.push(k);
    }
    this.marks.set(sentence, marks);
    return marks;
  }

  /** "since", "so far", "to date", "as of", "over the last …": the sentence counts a running total. */
  cumulative(k: number): boolean {
    const t = this.tokens[k]!;
    if (t.kind !== Tk.Word) return false;
    const next = this.tokens[k + 1]?.lower;
    return CUMULATIVE_WORDS.has(t.lower) || (t.lower === 'so' && next === 'far') || (t.lower === 'to' && next === 'date') ||
      (t.lower === 'as' && next === 'of') ||
      ((t.lower === 'last' || t.lower === 'past') && this.tokens[k - 1]?.lower === 'the' &&
        (this.tokens[k - 2]?.lower === 'over' || this.tokens[k - 2]?.lower === 'in'));
  }
}

interface SentenceMarks {
  occasionAt: number[];
  occasion: string[];
  cumulativeAt: number[];
  /** Countries of the demonyms the sentence uses ("Lebanese officials"). */
  demonymCountries: string[];
}

const LAST_WORD = /\S*$/;


/** A ";" in text[from, to), read without copying the span. */
function hasSemicolon(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 59) return true;
  return false;
}

/** Added to the distance of a name in another clause of the sentence, in characters. */
const CLAUSE_PENALTY = 10_000;

/** Words before "fire" that make it shooting. */
const GUNFIRE_BEFORE: ReadonlySet<string> = new Set(['rocket', 'rockets', 'artillery', 'mortar', 'sniper', 'tank', 'gun', 'machine-gun', 'missile',
  'enemy', 'hostile', 'friendly', 'opened', 'open', 'opening', 'under', 'cross', 'returned', 'return', 'returning', 'heavy', 'small-arms', 'automatic', 'live']);

/** Tokens either side of a figure read for its evidence. */
const EVIDENCE_WINDOW = 40;

/** "13 of the members", "12 of them": a part of a group named elsewhere. */
const PART_OF: ReadonlySet<string> = new Set(['the', 'those', 'them', 'these', 'whom', 'which', 'its', 'their']);

/** An age written as a bare number ("Smith, 32,") is a duration in years, as "32-year-old" is. */
function asAge(core: FigureCore): void {
  if (core.dimension === 'duration') return;
  const years = YEAR_IN_SECONDS;
  Object.assign(core, { kind: 'measure', dimension: 'duration', unit: 'year', unitScale: years });
}

/** The scale of a year in the duration dimension's base unit (seconds), as units.ts writes it. */
const YEAR_IN_SECONDS = 31557600;

function mergeScope(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

/** Counts take their unit from what they count; every figure gets the key of its quantity bucket. */
function finishUnitAndKey(figure: Figure): void {
  const headClass = figure.subject?.headClass ?? '';
  if (figure.dimension === 'count') figure.unit = headClass || 'count';
  const event = figure.subject?.event;
  // People harmed are one quantity whatever noun counts them ("the death toll", "63 people", "96 killed", "lives"):
  // who the victims are is evidence (identity.ts), not part of the key.
  if (figure.dimension === 'count' && event && HARM_EVENTS.has(event)) {
    figure.unit = 'people';
    figure.quantityKey = `count|harm/${event}`;
    return;
  }
  figure.quantityKey = quantityKeyOf(figure.dimension, headClass, event);
}

/** Events of people harmed (see lexicon EVENTS). */
const HARM_EVENTS: ReadonlySet<string> = new Set(['deaths', 'injuries', 'casualties', 'displaced', 'arrests', 'missing', 'rescued', 'cases']);

/** "count|military personnel", "count|people/deaths", "money|loans". */
export function quantityKeyOf(dimension: string, headClass: string, event?: string): string {
  return event ? `${dimension}|${headClass}/${event}` : `${dimension}|${headClass}`;
}

export { headClassOf };
export type { FigureCore };
