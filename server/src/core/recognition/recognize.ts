// Recognition pipeline: statistical tagging, then document-level rules, roles and mention linking.

import { lowerBound } from '../search';
import type { TokenSpan } from './decode';
import type { TokenFacts } from './features';
import { GENERAL_LEXICON } from './generalLexicon';
import { LABEL_TYPES } from './labels';
import { PHRASE_KINDS, WordClass, type Lexicon } from './lexicon';
import { canonicalKeys } from './linking';
import { findRole, PERSON_MARK, type RoleMatch } from './roles';
import { tagText, type TaggerWeights } from './tagger';
import { TOKEN_FLAG_WORD, type RecognitionTokens } from './tokenize';
import type { EntityMention, EntityType, RecognizeOptions } from './types';

const PERSON = 0;
const PLACE = 1;
const ORGANIZATION = 2;

/** Switches for the document-level rules (all on by default; the evaluation script can turn them off one by one). */
export interface RuleSwitches {
  cleanSpans: boolean;
  extendPersons: boolean;
  acronyms: boolean;
  countryBeforeTitle: boolean;
  gazetteerTypes: boolean;
  speakers: boolean;
  stripTitles: boolean;
  surnames: boolean;
  propagate: boolean;
  majority: boolean;
  sportsTeams: boolean;
  junk: boolean;
  organizationHeads: boolean;
}

export const DEFAULT_RULES: RuleSwitches = { cleanSpans: true, extendPersons: true, acronyms: true, countryBeforeTitle: true, gazetteerTypes: true, speakers: true, stripTitles: true, surnames: true, propagate: true, majority: true, sportsTeams: true, junk: true, organizationHeads: true };

export interface RawMention {
  start: number;
  end: number;
  type: EntityType;
}

export function recognizeWithModel(text: string, model: TaggerWeights, rules: RuleSwitches = DEFAULT_RULES): RawMention[] {
  return recognizeMentions(text, model, {}, rules);
}

interface Context {
  text: string;
  tokens: RecognitionTokens;
  facts: TokenFacts;
  lexicon: Lexicon;
}

const TITLE_WORDS = new Set(GENERAL_LEXICON.titles);
const ORDINARY_WORDS = WordClass.common | WordClass.functionWord | WordClass.verb | WordClass.noun | WordClass.adjective;
const KNOWN_ORGANIZATIONS = new Set(GENERAL_LEXICON.organizations.map((name) => name.toLowerCase()));

function spanWords(ctx: Context, s: TokenSpan): string[] {
  const out: string[] = [];
  for (let i = s.first; i < s.last; i++) if (ctx.tokens.flags[i]! & TOKEN_FLAG_WORD) out.push(ctx.tokens.texts[i]!);
  return out;
}

function spanKey(ctx: Context, s: TokenSpan): string {
  const parts: string[] = [];
  for (let i = s.first; i < s.last; i++) parts.push(ctx.facts.lower[i]!);
  return parts.join(' ');
}

function isCountry(ctx: Context, s: TokenSpan): boolean {
  const entries = ctx.lexicon.phrases.get(ctx.facts.lower[s.first]!);
  if (!entries) return false;
  const rest: string[] = [];
  for (let i = s.first + 1; i < s.last; i++) rest.push(ctx.facts.lower[i]!);
  const kind = PHRASE_KINDS.indexOf('country');
  return entries.some((e) => e.kind === kind && e.rest.length === rest.length && e.rest.every((w, k) => w === rest[k]));
}

/** "President Putin" → "Putin" when the model kept a title inside a person span. */
function stripTitles(ctx: Context, spans: TokenSpan[]): void {
  for (const s of spans) {
    // "Lady Cassandra", "Sir Elton John": an honorific opens a person's name, whatever type the model gave it.
    if (s.typeIndex !== PERSON && s.last - s.first >= 2 && isHonorific(ctx, s.first)) {
      const rest = { first: s.first + 1, last: s.last, typeIndex: PERSON };
      const head = ctx.facts.lower[s.last - 1]!;
      if (!isCountry(ctx, rest) && gazetteerKinds(ctx, rest).size === 0 && !ORGANIZATION_HEADS.has(head) && !PLACE_HEADS.has(head)) s.typeIndex = PERSON;
    }
    if (s.typeIndex !== PERSON) continue;
    while (s.last - s.first >= 2) {
      const lower = ctx.facts.lower[s.first]!;
      const bits = ctx.lexicon.wordClasses.get(lower) ?? 0;
      // "Scientologist Tom Cruise", "Economist Jane Doe": a word for what the person is, not part of the name.
      const isCalling = isCallingWord(lower, bits);
      const isTitle = TITLE_WORDS.has(lower) || (bits & WordClass.honorific) !== 0 || isCalling;
      if (!isTitle || (bits & WordClass.firstName) !== 0) break;
      const rest = { first: s.first + 1, last: s.last, typeIndex: s.typeIndex };
      if (isCountry(ctx, rest)) break;
      s.first++;
    }
  }
}

/** Words before the object of a title ("Minister of the Interior", "Chief of Staff"). */
const TITLE_OBJECT_OPENERS = new Set(['of', 'the', 'a', 'an', 'for', 'to']);

/** "Scientologist", "Economist": a word for what someone is, never a first name. */
function isCallingWord(lower: string, bits: number): boolean {
  return /^\p{L}{3,}ists?$/u.test(lower) && (bits & (WordClass.firstName | WordClass.lastName)) === 0;
}

const HONORIFICS = new Set(['sir', 'lady', 'dame', 'lord', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.']);

function isHonorific(ctx: Context, i: number): boolean {
  const lower = ctx.facts.lower[i]!;
  return ctx.facts.capitalized[i] === 1 && (HONORIFICS.has(lower) || ((ctx.lexicon.wordClasses.get(lower) ?? 0) & WordClass.honorific) !== 0);
}

/** A single word typed place or organization that is the surname of a person named in full elsewhere → person. */
function surnames(ctx: Context, spans: TokenSpan[]): void {
  const surnameSet = new Set<string>();
  for (const s of spans) {
    if (s.typeIndex === PERSON && s.last - s.first >= 2) surnameSet.add(ctx.facts.lower[s.last - 1]!);
  }
  for (const s of spans) {
    if (s.typeIndex !== PERSON && s.last - s.first === 1 && surnameSet.has(ctx.facts.lower[s.first]!) && !isCountry(ctx, s)) s.typeIndex = PERSON;
  }
}

function gazetteerKinds(ctx: Context, s: TokenSpan): Set<string> {
  const kinds = new Set<string>();
  const entries = ctx.lexicon.phrases.get(ctx.facts.lower[s.first]!);
  if (!entries) return kinds;
  const len = s.last - s.first;
  for (const e of entries) {
    if (e.rest.length !== len - 1) continue;
    let ok = true;
    for (let k = 0; k < e.rest.length && ok; k++) if (ctx.facts.lower[s.first + 1 + k] !== e.rest[k]) ok = false;
    if (ok) kinds.add(PHRASE_KINDS[e.kind]!);
  }
  return kinds;
}

/**
 * A lone word the model calls a person, that the gazetteers know only as a place or organization and that no full
 * person name in the text ends with, takes the gazetteer's type ("Kremlin", "Belgorod").
 */
function gazetteerTypes(ctx: Context, spans: TokenSpan[]): void {
  const surnames = new Set<string>();
  for (const s of spans) if (s.typeIndex === PERSON && s.last - s.first >= 2) surnames.add(ctx.facts.lower[s.last - 1]!);
  for (const s of spans) {
    if (s.typeIndex !== ORGANIZATION && KNOWN_ORGANIZATIONS.has(spanKey(ctx, s))) {
      s.typeIndex = ORGANIZATION;
      continue;
    }
    if (s.typeIndex !== PERSON || s.last - s.first !== 1) continue;
    const lower = ctx.facts.lower[s.first]!;
    if (surnames.has(lower)) continue;
    const bits = ctx.lexicon.wordClasses.get(lower) ?? 0;
    if (bits & (WordClass.firstName | WordClass.lastName)) continue;
    const kinds = gazetteerKinds(ctx, s);
    if (kinds.has('person')) continue;
    const isPlace = kinds.has('place') || kinds.has('country');
    const isOrganization = kinds.has('organization');
    if (isPlace !== isOrganization) s.typeIndex = isPlace ? PLACE : ORGANIZATION;
  }
}

/** The same name written several times gets the type most of its mentions have (ties keep their own). */
function majority(ctx: Context, spans: TokenSpan[]): void {
  const votes = new Map<string, number[]>();
  for (const s of spans) {
    const k = spanKey(ctx, s);
    const v = votes.get(k) ?? [0, 0, 0];
    v[s.typeIndex]!++;
    votes.set(k, v);
  }
  for (const s of spans) {
    const v = votes.get(spanKey(ctx, s))!;
    let best = s.typeIndex;
    for (let t = 0; t < 3; t++) if (v[t]! > v[best]!) best = t;
    s.typeIndex = best;
  }
}

/** Untagged repetitions of a recognized name (same words, capitalized) become mentions of the same type. */
function propagate(ctx: Context, spans: TokenSpan[]): TokenSpan[] {
  const { tokens, facts } = ctx;
  const taken = new Uint8Array(tokens.count);
  for (const s of spans) for (let i = s.first; i < s.last; i++) taken[i] = 1;
  const names = new Map<string, { length: number; typeIndex: number }>();
  for (const s of spans) {
    const len = s.last - s.first;
    if (len === 1) {
      const lower = facts.lower[s.first]!;
      const bits = ctx.lexicon.wordClasses.get(lower) ?? 0;
      if (lower.length < 3 || (bits & (WordClass.common | WordClass.functionWord)) !== 0) continue;
    }
    names.set(spanKey(ctx, s), { length: len, typeIndex: s.typeIndex });
  }
  // The surname of a person named in full is a name too ("Scholz" after "Olaf Scholz").
  for (const s of spans) {
    if (s.typeIndex !== PERSON || s.last - s.first < 2) continue;
    const surname = facts.lower[s.last - 1]!;
    const bits = ctx.lexicon.wordClasses.get(surname) ?? 0;
    if (surname.length < 3 || (bits & ORDINARY_WORDS) || !/^\p{L}/u.test(surname) || names.has(surname)) continue;
    names.set(surname, { length: 1, typeIndex: PERSON });
  }
  if (names.size === 0) return spans;
  const added: TokenSpan[] = [];
  const byFirst = new Map<string, { words: string[]; typeIndex: number }[]>();
  for (const [k, v] of names) {
    const words = k.split(' ');
    const list = byFirst.get(words[0]!) ?? [];
    list.push({ words, typeIndex: v.typeIndex });
    byFirst.set(words[0]!, list.sort((a, b) => b.words.length - a.words.length));
  }
  for (let i = 0; i < tokens.count; i++) {
    if (taken[i] || !facts.capitalized[i]) continue;
    const candidates = byFirst.get(facts.lower[i]!);
    if (!candidates) continue;
    for (const c of candidates) {
      const len = c.words.length;
      if (i + len > tokens.count) continue;
      let ok = true;
      for (let k = 0; k < len && ok; k++) if (taken[i + k] || facts.lower[i + k] !== c.words[k]) ok = false;
      if (!ok || !facts.capitalized[i + len - 1]) continue;
      // Do not cut a longer capitalized name: the neighbours must not continue it.
      // In a line in capitals every word is capitalized: there only unknown words can continue a name.
      const continues = (k: number) => facts.capitalized[k] && (tokens.flags[k]! & TOKEN_FLAG_WORD) &&
        !(facts.capsLine[k] && ((ctx.lexicon.wordClasses.get(facts.lower[k]!) ?? 0) & ORDINARY_WORDS));
      const before = i > 0 && !facts.sentenceStart[i] && continues(i - 1);
      const after = i + len < tokens.count && !facts.sentenceStart[i + len] && continues(i + len);
      if (before || after) continue;
      added.push({ first: i, last: i + len, typeIndex: c.typeIndex });
      for (let k = 0; k < len; k++) taken[i + k] = 1;
      break;
    }
  }
  if (added.length === 0) return spans;
  return [...spans, ...added].sort((a, b) => a.first - b.first);
}

const SPORTS_VERBS = new Set(['defeated', 'beat', 'beats', 'defeat', 'defeats', 'faced', 'face', 'faces', 'lost', 'lose', 'loses', 'drew', 'draw', 'draws', 'won', 'win', 'wins', 'played', 'plays', 'play', 'scored', 'thrashed', 'edged', 'eliminated', 'knocked', 'vs', 'vs.', 'versus', 'against', 'v']);
const SPORTS_WORDS = new Set(['match', 'goal', 'goals', 'penalty', 'striker', 'midfielder', 'goalkeeper', 'referee', 'tournament', 'cup', 'league', 'championship', 'scored', 'score', 'scoring', 'half-time', 'halftime', 'kick-off', 'kickoff', 'innings', 'wicket', 'stadium', 'squad', 'coach', 'fifa', 'uefa', 'olympics', 'semi-final', 'semifinal', 'quarter-final', 'final', 'minute']);

/** In a sports report, countries next to scores or sports verbs are national teams: organizations. */
const SCORE_SEPARATORS: ReadonlySet<string> = new Set(['–', '—', '-', ':']);

/** One or two digits: a score ("3", "21"). */
function isScoreNumber(text: string): boolean {
  const n = text.length;
  if (n < 1 || n > 2) return false;
  const a = text.charCodeAt(0);
  const b = n === 2 ? text.charCodeAt(1) : 48;
  return a >= 48 && a <= 57 && b >= 48 && b <= 57;
}

function sportsTeams(ctx: Context, spans: TokenSpan[]): void {
  const { tokens, facts } = ctx;
  let sportsWords = 0;
  let scores = 0;
  for (let i = 0; i < tokens.count; i++) {
    if (SPORTS_WORDS.has(facts.lower[i]!)) sportsWords++;
    if (isScoreNumber(tokens.texts[i]!) && SCORE_SEPARATORS.has(tokens.texts[i + 1] ?? '') && isScoreNumber(tokens.texts[i + 2] ?? '')) scores++;
  }
  if (sportsWords < 4 || scores < 2) return;
  const teamNames = new Set<string>();
  const near = (i: number) => {
    const t = tokens.texts[i];
    if (t === undefined) return false;
    return SPORTS_VERBS.has(facts.lower[i]!) || /^\d{1,2}$/.test(t);
  };
  for (const s of spans) {
    if (s.typeIndex !== PLACE || !isCountry(ctx, s)) continue;
    const prev = s.first - 1;
    const next = s.last;
    const prevIsPreposition = prev >= 0 && ['in', 'at', 'from', 'to', 'of', 'into', 'across'].includes(facts.lower[prev]!);
    if (prevIsPreposition) continue;
    if (near(next) || near(prev) || (facts.lower[next] === "'s" && near(next + 1))) teamNames.add(spanKey(ctx, s));
  }
  // "South Korea" plays, then "Korea" and "Korea Republic" are the same team.
  const teamWords = new Set<string>();
  for (const name of teamNames) {
    const words = name.split(' ');
    if (words.length > 1) teamWords.add(words[words.length - 1]!);
  }
  const isTeam = (s: TokenSpan) => teamNames.has(spanKey(ctx, s)) ||
    teamWords.has(facts.lower[s.first]!) || (s.last - s.first > 1 && teamWords.has(facts.lower[s.last - 1]!));
  for (const s of spans) {
    if (s.typeIndex !== PLACE || !isTeam(s)) continue;
    const prev = s.first - 1;
    const prevIsPreposition = prev >= 0 && ['in', 'at', 'from', 'into', 'across'].includes(facts.lower[prev]!);
    if (!prevIsPreposition) s.typeIndex = ORGANIZATION;
  }
}

const SPEECH_VERBS = new Set(['said', 'says', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'noted', 'wrote', 'writes', 'tweeted', 'argued', 'explained', 'insisted', 'warned', 'announced', 'asked', 'replied', 'confirmed', 'denied', 'claimed', 'acknowledged', 'admitted', 'recalled', 'stressed', 'urged', 'suggested']);

/**
 * An unknown capitalized word or two next to a speech verb is a person: "Zelenskyy said", "said Kuleba.".
 * Only words the lexicon does not know as anything else, and no gazetteer entry.
 */
function speakers(ctx: Context, spans: TokenSpan[]): TokenSpan[] {
  const { tokens, facts } = ctx;
  const taken = new Uint8Array(tokens.count);
  for (const s of spans) for (let i = s.first; i < s.last; i++) taken[i] = 1;
  const known = WordClass.title | WordClass.honorific | WordClass.demonym | WordClass.common | WordClass.functionWord |
    WordClass.noun | WordClass.verb | WordClass.adjective | WordClass.organizationWord | WordClass.placeWord | WordClass.personWord;
  const unknownName = (i: number) => {
    if (i < 0 || i >= tokens.count || taken[i] || !facts.capitalized[i] || !(tokens.flags[i]! & TOKEN_FLAG_WORD)) return false;
    if (facts.capsLine[i] || /\d/.test(tokens.texts[i]!)) return false;
    const bits = ctx.lexicon.wordClasses.get(facts.lower[i]!) ?? 0;
    if ((bits & known) && !(bits & (WordClass.firstName | WordClass.lastName))) return false;
    return true;
  };
  const added: TokenSpan[] = [];
  const consider = (first: number, last: number) => {
    if (first >= last) return;
    const span = { first, last, typeIndex: PERSON };
    if (gazetteerKinds(ctx, span).size > 0 || isGluedFurniture(ctx, span)) return;
    added.push(span);
    for (let i = first; i < last; i++) taken[i] = 1;
  };
  for (let i = 0; i < tokens.count; i++) {
    if (!SPEECH_VERBS.has(facts.lower[i]!)) continue;
    // Name before the verb: up to two unknown capitalized words, starting a sentence or after a comma.
    let first = i;
    while (first > 0 && i - first < 2 && unknownName(first - 1)) first--;
    if (first < i && (first === 0 || facts.sentenceStart[first] || [',', '"', '“', '”', 'and'].includes(facts.lower[first - 1]!))) consider(first, i);
    // Name after the verb, closing the clause: "…, said Kuleba."
    let last = i + 1;
    while (last < tokens.count && last - i <= 2 && unknownName(last)) last++;
    const next = tokens.texts[last];
    if (last > i + 1 && (next === '.' || next === ',' || next === undefined)) consider(i + 1, last);
  }
  return added.length ? [...spans, ...added].sort((a, b) => a.first - b.first) : spans;
}

/** Web-page furniture glued into words ("HomeTrading", "NewsRussia") is never a person or place. */
function isGluedFurniture(ctx: Context, s: TokenSpan): boolean {
  for (let i = s.first; i < s.last; i++) {
    const m = /^(\p{Lu}\p{Ll}{3,})(\p{Lu}\p{Ll}{3,})$/u.exec(ctx.tokens.texts[i]!);
    if (!m) continue;
    const left = ctx.lexicon.wordClasses.get(m[1]!.toLowerCase()) ?? 0;
    if (left & (WordClass.common | WordClass.noun | WordClass.verb)) return true;
  }
  return false;
}

/** Punctuation that never sits inside a name. */
const SPAN_BREAKS = new Set([':', '/', '|', '(', ')', '[', ']', '"', '“', '”', '«', '»', '—', '–', '•', '·', ';', '@', '#', '=', '+', '*']);

const CAPTION_LABELS = new Set(['image', 'photo', 'picture', 'video', 'source', 'credit']);

/** Cuts a span at punctuation that names do not contain, and drops a leading "the". */
function cleanSpans(ctx: Context, spans: TokenSpan[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const s of spans) {
    let last = s.last;
    for (let i = s.first; i < s.last; i++) if (SPAN_BREAKS.has(ctx.tokens.texts[i]!)) { last = i; break; }
    // "Ahmed Mohamed Image: Twitter": a caption's credit label is not part of the name before it.
    if (last - s.first >= 2 && CAPTION_LABELS.has(ctx.facts.lower[last - 1]!) && ctx.tokens.texts[last] === ':') last--;
    let first = s.first;
    while (first < last && (ctx.facts.lower[first] === 'the' || SPAN_BREAKS.has(ctx.tokens.texts[first]!))) first++;
    while (last > first && !(ctx.tokens.flags[last - 1]! & TOKEN_FLAG_WORD) && !/[.)]$/.test(ctx.tokens.texts[last - 1]!)) last--;
    if (last > first) out.push(...splitAtLowercaseWords(ctx, { first, last, typeIndex: s.typeIndex }));
  }
  return out;
}

const ENGLISH_WORD_CLASSES = WordClass.verb | WordClass.noun | WordClass.adjective | WordClass.common | WordClass.functionWord;

/** Lower-case words found inside names ("University of Texas", "Charles de Gaulle", "Osama bin Laden"). */
const NAME_INTERNAL_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'les', 'van', 'von', 'der', 'den', 'ter', 'bin', 'ibn', 'al', 'el', 'y', 'e', 'et', 'upon', 'in', 'at', 'an', 'a', 'und', 'zu']);

/**
 * "Korea substituted Park Joo-Ho": a lower-case word that names never contain splits the span; the part after it
 * is a person when the lexicon knows one of its words as a name.
 */
function splitAtLowercaseWords(ctx: Context, s: TokenSpan): TokenSpan[] {
  const { tokens, facts } = ctx;
  const pieces: TokenSpan[] = [];
  let start = s.first;
  for (let i = s.first + 1; i < s.last - 1; i++) {
    const t = tokens.texts[i]!;
    if (!wordAt(ctx, i) || facts.capitalized[i] || /[\d.]/.test(t) || NAME_INTERNAL_WORDS.has(facts.lower[i]!) || !/^\p{Ll}{3,}$/u.test(t)) continue;
    // Only an English word (known, or a verb form): "Société nationale Corse-Méditerranée" stays whole.
    if (!((ctx.lexicon.wordClasses.get(facts.lower[i]!) ?? 0) & ENGLISH_WORD_CLASSES) && !/^[a-z]+(?:ed|es|ing)$/.test(t)) continue;
    if (i > start) pieces.push({ first: start, last: i, typeIndex: s.typeIndex });
    start = i + 1;
  }
  if (start === s.first) return [s];
  // "Indian state of Karnataka": a piece neither opens nor closes with a connector.
  while (start < s.last - 1 && NAME_INTERNAL_WORDS.has(facts.lower[start]!)) start++;
  for (const piece of pieces) while (piece.last > piece.first + 1 && NAME_INTERNAL_WORDS.has(facts.lower[piece.last - 1]!)) piece.last--;
  const rest = { first: start, last: s.last, typeIndex: s.typeIndex };
  // "the Indian city of Bangalore": a lone demonym left over is no name.
  const demonym = (p: TokenSpan) => p.last - p.first === 1 && ((ctx.lexicon.wordClasses.get(facts.lower[p.first]!) ?? 0) & WordClass.demonym) !== 0;
  for (let k = pieces.length - 1; k >= 0; k--) if (demonym(pieces[k]!)) pieces.splice(k, 1);
  for (let i = start; i < s.last; i++) {
    const bits = ctx.lexicon.wordClasses.get(facts.lower[i]!) ?? 0;
    if (bits & (WordClass.firstName | WordClass.lastName)) rest.typeIndex = PERSON;
  }
  pieces.push(rest);
  return pieces;
}

/** "Muslims", "Americans": plural group words are not names of persons or places. */
function isPluralGroup(ctx: Context, s: TokenSpan): boolean {
  if (s.last - s.first !== 1 || s.typeIndex === ORGANIZATION) return false;
  const lower = ctx.facts.lower[s.first]!;
  if (!lower.endsWith('s') || lower.length < 4) return false;
  const bits = ctx.lexicon.wordClasses.get(lower.slice(0, -1)) ?? 0;
  return (bits & WordClass.demonym) !== 0;
}

/** Adds capitalized unknown words before a person span: "Dries Mertens" when only "Mertens" was found. */
function extendPersons(ctx: Context, spans: TokenSpan[]): void {
  const { tokens, facts } = ctx;
  const taken = new Uint8Array(tokens.count);
  for (const s of spans) for (let i = s.first; i < s.last; i++) taken[i] = 1;
  const blocking = WordClass.title | WordClass.honorific | WordClass.demonym | WordClass.common | WordClass.functionWord |
    WordClass.noun | WordClass.verb | WordClass.adjective | WordClass.organizationWord | WordClass.placeWord | WordClass.personWord;
  for (const s of spans) {
    if (s.typeIndex !== PERSON) continue;
    for (let steps = 0; steps < 2; steps++) {
      const k = s.first - 1;
      if (k < 0 || taken[k] || !facts.capitalized[k] || facts.allCaps[k] !== facts.allCaps[s.first] || !(tokens.flags[k]! & TOKEN_FLAG_WORD)) break;
      if (tokens.ends[k]! + 1 < tokens.starts[s.first]! || /[\n\r]/.test(ctx.text.slice(tokens.ends[k]!, tokens.starts[s.first]!))) break;
      const bits = ctx.lexicon.wordClasses.get(facts.lower[k]!) ?? 0;
      // An ordinary word that is rarely capitalized, capitalized inside a sentence, is a name here ("Dries Mertens").
      // Adjectives stay out: "Private Damien Jackson" is a rank.
      const ordinaryOnly = (bits & blocking & ~(WordClass.noun | WordClass.verb | WordClass.common)) === 0;
      const unusuallyCapitalized = ordinaryOnly && (ctx.lexicon.capitalization.get(facts.lower[k]!) ?? 0) <= 1 &&
        !facts.sentenceStart[k] && !facts.titleLine[k] && !facts.capsLine[k] && !(k > 0 && facts.capitalized[k - 1]) &&
        !(k > 0 && TITLE_OBJECT_OPENERS.has(facts.lower[k - 1]!)); // "Chief of Staff Josh Bolten"

      const firstName = (bits & WordClass.firstName) !== 0 || unusuallyCapitalized;
      if (!firstName && ((bits & blocking) !== 0 || facts.sentenceStart[k])) break;
      if (isCallingWord(facts.lower[k]!, bits)) break;
      if (isCountry(ctx, { first: k, last: k + 1, typeIndex: PLACE })) break;
      s.first = k;
      taken[k] = 1;
    }
    // "Nouri al-Maliki", "Omar Hassan al-Bashir": an Arabic surname with its article glued on starts lower-case.
    const next = s.last;
    if (next < tokens.count && !taken[next] && ARTICLE_SURNAME.test(tokens.texts[next]!) && tokens.ends[next - 1]! + 1 === tokens.starts[next]! &&
      ctx.text[tokens.ends[next - 1]!] === ' ' && !KNOWN_ORGANIZATIONS.has(facts.lower[next]!)) {
      s.last = next + 1;
      taken[next] = 1;
    }
  }
}

/** An Arabic surname written with its article: "al-Maliki", "el-Baradei", "bin-Laden". */
const ARTICLE_SURNAME = /^(?:al|el|ad|ash|as|at|az|an|ar|bin|ibn|abu)-\p{Lu}\p{Ll}+$/u;

/**
 * "Refugee Council Enver Solomon", "Defense Council Oleksiy Danilov": a person span that contains an organization
 * head word is an organization followed by the person; it is split there.
 */
function splitOrganizationPerson(ctx: Context, spans: TokenSpan[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const s of spans) {
    let cut = -1;
    if (s.typeIndex === PERSON && s.last - s.first >= 3) {
      for (let i = s.last - 3; i >= s.first; i--) {
        const bits = ctx.lexicon.wordClasses.get(ctx.facts.lower[i]!) ?? 0;
        if ((bits & WordClass.organizationWord) && ctx.facts.capitalized[i] && !(bits & (WordClass.firstName | WordClass.lastName))) { cut = i + 1; break; }
      }
    }
    if (cut < 0) { out.push(s); continue; }
    out.push({ first: s.first, last: cut, typeIndex: ORGANIZATION });
    out.push({ first: cut, last: s.last, typeIndex: PERSON });
  }
  return out;
}

/** Head nouns that make a name an organization ("Ministry of Defence", "Refugee Council", "Acme Corp"). */
const ORGANIZATION_HEADS = new Set([
  'ministry', 'department', 'agency', 'council', 'committee', 'commission', 'university', 'college', 'institute',
  'academy', 'party', 'union', 'association', 'federation', 'foundation', 'society', 'league', 'club', 'bank',
  'corporation', 'corp', 'inc', 'ltd', 'llc', 'plc', 'company', 'authority', 'bureau', 'court', 'parliament',
  'assembly', 'congress', 'senate', 'municipality', 'conference', 'organization', 'organisation', 'fund', 'alliance',
  'coalition', 'movement', 'service', 'administration', 'police', 'army', 'navy', 'fc', 'institution', 'directorate',
  'secretariat', 'tribunal', 'cabinet', 'government', 'office', 'board', 'network', 'consortium', 'trust', 'org',
]);
/** Heads of organization names that only say so with a "for" or "on" phrase ("Centre for Disease Control"). */
const PURPOSE_HEADS = new Set(['centre', 'center', 'campaign', 'project', 'initiative', 'forum', 'network', 'coalition']);
/** Heads of names of buildings and places ("Century City Towers", "Fisht Stadium"). */
const PLACE_HEADS = new Set([
  'street', 'road', 'avenue', 'boulevard', 'square', 'bridge', 'river', 'lake', 'mountain', 'mountains', 'island',
  'islands', 'county', 'province', 'airport', 'station', 'stadium', 'tower', 'towers', 'building', 'hall',
  'valley', 'peninsula', 'canal', 'strait', 'gulf', 'bay', 'coast', 'desert', 'harbour', 'harbor',
]);
const NAME_PHRASE_OPENERS = new Set(['of', 'for', 'on']);
/** Capitalized words that end a name's phrase: "Congress on March 14". */
const CALENDAR_WORDS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

function wordAt(ctx: Context, i: number): boolean {
  return i < ctx.tokens.count && (ctx.tokens.flags[i]! & TOKEN_FLAG_WORD) !== 0;
}

/** Words of a name written on one line, without a sentence break between them. */
function sameSequence(ctx: Context, a: number, b: number): boolean {
  return b < ctx.tokens.count && ctx.facts.sequence[a] === ctx.facts.sequence[b] && !ctx.facts.sentenceStart[b];
}

/**
 * An organization head goes on with its "of", "for" or "on" phrase of capitalized words: "Council on American-Islamic
 * Relations", "Municipality of Livorno", "Joint Council for the Welfare of Immigrants". Names inside it are absorbed.
 */
function extendOrganizationNames(ctx: Context, tagged: TokenSpan[]): TokenSpan[] {
  const { tokens, facts } = ctx;
  // An untagged head after "the" is a candidate too ("the Municipality of Bogliasco"); it stays only if it grows.
  const candidates = new Set<TokenSpan>();
  const taken = new Uint8Array(tokens.count);
  for (const s of tagged) for (let i = s.first; i < s.last; i++) taken[i] = 1;
  for (let i = 1; i < tokens.count; i++) {
    if (taken[i] || !facts.capitalized[i] || facts.sentenceStart[i] || facts.capsLine[i] || !ORGANIZATION_HEADS.has(facts.lower[i]!)) continue;
    let first = i;
    while (first > 0 && i - first < 3 && !taken[first - 1] && facts.capitalized[first - 1] && wordAt(ctx, first - 1) && sameSequence(ctx, first - 1, first)) first--;
    if (facts.lower[first - 1] !== 'the') continue;
    candidates.add({ first, last: i + 1, typeIndex: ORGANIZATION });
  }
  const spans = candidates.size ? [...tagged, ...candidates].sort((a, b) => a.first - b.first) : tagged;
  const spanAt = spanIndexByToken(tokens.count, spans);
  const absorbed = new Set<number>();
  spans.forEach((s, index) => {
    if (absorbed.has(index)) return;
    const head = s.last - 1;
    const lower = facts.lower[head]!;
    const strongHead = ORGANIZATION_HEADS.has(lower);
    if (!facts.capitalized[head] || (!strongHead && !PURPOSE_HEADS.has(lower))) return;
    let end = s.last;
    let j = s.last;
    // Each round reads one connector ("of", "for the", "and") and the capitalized words after it.
    for (let round = 0; round < 3; round++) {
      const connector = facts.lower[j];
      if (!sameSequence(ctx, head, j) || connector === undefined) break;
      const opener = NAME_PHRASE_OPENERS.has(connector);
      if (round === 0 ? !opener : !(opener || connector === 'and')) break;
      if (!strongHead && round === 0 && connector === 'of') break;
      let k = j + 1;
      const article = facts.lower[k] === 'the';
      if (article) k++;
      const runStart = k;
      while (k < tokens.count && k - runStart < 6 && sameSequence(ctx, head, k)) {
        // A person named next to it is not part of it ("Council on … Relations Alia Salem said").
        if (k > runStart && spanAt[k]! >= 0 && spans[spanAt[k]!]!.typeIndex === PERSON && spans[spanAt[k]!]!.first === k) break;
        const stops = CALENDAR_WORDS.has(facts.lower[k]!) || ((ctx.lexicon.wordClasses.get(facts.lower[k]!) ?? 0) & WordClass.functionWord) !== 0;
        if (wordAt(ctx, k) && facts.capitalized[k] && !facts.capsLine[k] && !stops) { k++; continue; }
        // "American - Islamic": a hyphen between capitalized words.
        if (/^[-–&]$/.test(tokens.texts[k]!) && k > runStart && wordAt(ctx, k + 1) && facts.capitalized[k + 1]) { k++; continue; }
        break;
      }
      if (k === runStart) break;
      // "Council of Europe and NATO": after "and", a name of its own is not part of this one.
      if (connector === 'and' && spanAt[runStart]! >= 0) break;
      // "Colorado State University of the US": "of the" and a place only locates it.
      const located = spans[spanAt[runStart]!];
      if (article && connector === 'of' && located && located.typeIndex === PLACE && located.first === runStart && located.last === k) break;
      // A name inside the phrase is absorbed only whole.
      const inner = new Set<number>();
      for (let i = j; i < k; i++) if (spanAt[i]! >= 0 && spanAt[i] !== index) inner.add(spanAt[i]!);
      if ([...inner].some((n) => spans[n]!.first < j || spans[n]!.last > k)) break;
      // "Congress Centre for Anime North": a weak head takes no name of its own ("Centre for Disease Control" it does).
      if (!strongHead && inner.size) break;
      for (const n of inner) absorbed.add(n);
      end = k;
      j = k;
    }
    if (end === s.last) return;
    s.last = end;
    s.typeIndex = ORGANIZATION;
    candidates.delete(s);
  });
  return absorbed.size || candidates.size ? spans.filter((s, index) => !absorbed.has(index) && !candidates.has(s)) : spans;
}

/** For each token, the index of the span that covers it, or -1. */
function spanIndexByToken(count: number, spans: readonly TokenSpan[]): Int32Array {
  const spanAt = new Int32Array(count).fill(-1);
  spans.forEach((s, index) => {
    for (let i = s.first; i < s.last; i++) spanAt[i] = index;
  });
  return spanAt;
}

/**
 * "the Refugee Council", "the Sea Org": after "the", capitalized words ending in an organization head are one
 * organization name, whatever parts of it the model found (a place in "the Sea Org" is absorbed).
 */
function organizationsAfterThe(ctx: Context, spans: TokenSpan[]): TokenSpan[] {
  const { tokens, facts } = ctx;
  const spanAt = spanIndexByToken(tokens.count, spans);
  const absorbed = new Set<number>();
  const added: TokenSpan[] = [];
  for (let i = 1; i < tokens.count; i++) {
    if (!facts.capitalized[i] || facts.sentenceStart[i] || facts.capsLine[i] || !ORGANIZATION_HEADS.has(facts.lower[i]!)) continue;
    const own = spanAt[i]! >= 0 ? spans[spanAt[i]!]! : undefined;
    if (own && (own.last !== i + 1 || own.typeIndex === PERSON)) continue;
    let first = own ? own.first : i;
    const inner = new Set<number>();
    if (own) inner.add(spanAt[i]!);
    while (first > 0 && i - first < 4 && facts.capitalized[first - 1] && wordAt(ctx, first - 1) && sameSequence(ctx, first - 1, first)) {
      const before = spanAt[first - 1]!;
      if ((ctx.lexicon.wordClasses.get(facts.lower[first - 1]!) ?? 0) & WordClass.functionWord) break;
      if (before >= 0) {
        const s = spans[before]!;
        if (s.typeIndex === PERSON || s.last !== first) break;
        inner.add(before);
        first = s.first;
      } else first--;
    }
    if (first === i || facts.lower[first - 1] !== 'the') continue;
    const name = { first, last: i + 1, typeIndex: ORGANIZATION };
    // "the West Bank": the gazetteer knows better than the head noun.
    const kinds = gazetteerKinds(ctx, name);
    if (kinds.size && !kinds.has('organization')) continue;
    if (own && own.first === first) { own.typeIndex = ORGANIZATION; continue; }
    for (const n of inner) absorbed.add(n);
    added.push(name);
  }
  if (!added.length) return spans;
  return [...spans.filter((_, index) => !absorbed.has(index)), ...added].sort((a, b) => a.first - b.first);
}

/** "Team Estonia", "Team USA": a country after "Team" names the country's team. */
function countryTeams(ctx: Context, spans: TokenSpan[]): void {
  for (const s of spans) {
    const k = s.first - 1;
    if (k < 0 || ctx.facts.lower[k] !== 'team' || !ctx.facts.capitalized[k] || !isCountry(ctx, s)) continue;
    if (ctx.tokens.ends[k]! + 1 !== ctx.tokens.starts[s.first]) continue;
    s.first = k;
    s.typeIndex = ORGANIZATION;
  }
}

/** The head noun of a name: the word before its first "of"/"for"/"on", or its last word. */
function headIndex(ctx: Context, s: TokenSpan): number {
  for (let i = s.first + 1; i < s.last - 1; i++) if (NAME_PHRASE_OPENERS.has(ctx.facts.lower[i]!)) return i - 1;
  return s.last - 1;
}

/** A name of two words or more takes the type its head noun says: "Municipality of Livorno", "Century City Towers". */
function typeByHead(ctx: Context, spans: TokenSpan[]): void {
  for (const s of spans) {
    if (s.last - s.first < 2) continue;
    // "West Bank", "Gold Coast": the gazetteer knows better than the head noun.
    const kinds = gazetteerKinds(ctx, s);
    if (kinds.size && !kinds.has('organization')) continue;
    const head = headIndex(ctx, s);
    if (!ctx.facts.capitalized[head]) continue;
    const lower = ctx.facts.lower[head]!;
    if (ORGANIZATION_HEADS.has(lower)) s.typeIndex = ORGANIZATION;
    else if (PURPOSE_HEADS.has(lower) && head < s.last - 1 && ctx.facts.lower[head + 1] !== 'of') s.typeIndex = ORGANIZATION;
    else if (PLACE_HEADS.has(lower) && s.typeIndex === ORGANIZATION) s.typeIndex = PLACE;
  }
}

/** "International Monetary Fund (IMF)": the acronym in brackets names the same organization or place. */
function acronyms(ctx: Context, spans: TokenSpan[]): TokenSpan[] {
  const { tokens } = ctx;
  const taken = new Uint8Array(tokens.count);
  for (const s of spans) for (let i = s.first; i < s.last; i++) taken[i] = 1;
  const added: TokenSpan[] = [];
  for (const s of spans) {
    if (s.typeIndex === PERSON || s.last - s.first < 2) continue;
    const open = s.last;
    if (tokens.texts[open] !== '(' || tokens.texts[open + 2] !== ')') continue;
    const candidate = tokens.texts[open + 1]!;
    if (taken[open + 1] || !/^[\p{Lu}][\p{Lu}\p{N}.&-]{1,9}$/u.test(candidate)) continue;
    added.push({ first: open + 1, last: open + 2, typeIndex: s.typeIndex });
  }
  return added.length ? [...spans, ...added].sort((a, b) => a.first - b.first) : spans;
}

/** An acronym of a name; one ending in a digit is a product's version ("IE9", "PS4"). */
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}&]{0,6}\p{Lu}$/u;
const EXPANSION_CONNECTORS = new Set(['of', 'and', 'for', 'the', 'on', 'de', 'di', 'del', 'la', '&']);

/** Every letter of the acronym is the initial of a different word of the expansion, and few words are left over. */
function spellsOut(acronym: string, words: string[]): boolean {
  const initials = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).map((w) => w[0]!.toUpperCase());
  if (initials.length < acronym.length || initials.length - acronym.length > 2) return false;
  const pool = [...initials];
  for (const letter of acronym.replace(/&/g, '')) {
    const at = pool.indexOf(letter.toUpperCase());
    if (at < 0) return false;
    pool.splice(at, 1);
  }
  return true;
}

/**
 * "Movimento 5 Stelle (M5S)", "CEI (Italian Episcopal Conference)": a name and an acronym in brackets that it spells
 * out (in any order, as translations do) are one organization, found or not by the model.
 */
function spelledOutAcronyms(ctx: Context, spans: TokenSpan[]): TokenSpan[] {
  const { tokens, facts } = ctx;
  const spanAt = spanIndexByToken(tokens.count, spans);
  const removed = new Set<number>();
  const added: TokenSpan[] = [];
  const nameWord = (i: number) => wordAt(ctx, i) && (facts.capitalized[i] || /^\p{N}+$/u.test(tokens.texts[i]!));
  /** The name between `from` and `to` as a span, or undefined when it cuts through a found name. */
  const claim = (first: number, last: number): TokenSpan | undefined => {
    const inner = new Set<number>();
    for (let i = first; i < last; i++) if (spanAt[i]! >= 0) inner.add(spanAt[i]!);
    for (const n of inner) {
      const s = spans[n]!;
      if (s.first < first || s.last > last || s.typeIndex === PERSON) return undefined;
    }
    // A name the model missed altogether needs an organization head or foreign words ("Movimento 5 Stelle"): an
    // "Improvised Explosive Device (IED)" is no organization.
    if (!inner.size) {
      let head = false;
      let unknown = 0;
      let capitalizedWords = 0;
      for (let i = first; i < last; i++) {
        if (!facts.capitalized[i] || !wordAt(ctx, i)) continue;
        capitalizedWords++;
        if (ORGANIZATION_HEADS.has(facts.lower[i]!)) head = true;
        // Unknown to the lexicon and not an English derived form ("Improvised", "Explosive").
        if (!ctx.lexicon.wordClasses.has(facts.lower[i]!) && !/(?:ed|ive|ing|ion|ions|al|ous|ic)$/.test(facts.lower[i]!)) unknown++;
      }
      if (!head && unknown * 2 < capitalizedWords) return undefined;
    }
    // A place found as a whole stays a place ("Republic of the Marshall Islands (RMI)").
    const same = [...inner].find((n) => spans[n]!.first === first && spans[n]!.last === last);
    return { first, last, typeIndex: same !== undefined && spans[same]!.typeIndex === PLACE ? PLACE : ORGANIZATION };
  };
  for (let open = 1; open + 2 < tokens.count; open++) {
    if (tokens.texts[open] !== '(') continue;
    let close = open + 1;
    while (close < tokens.count && close - open <= 12 && tokens.texts[close] !== ')') close++;
    if (tokens.texts[close] !== ')') continue;
    let name: [number, number] | undefined;
    let acronymAt: number;
    if (close === open + 2 && ACRONYM.test(tokens.texts[open + 1]!)) {
      // Name (ACRONYM): the name runs back from the bracket over name words and connectors.
      acronymAt = open + 1;
      let first = open;
      while (first > 0 && open - first < 10 && sameSequence(ctx, first - 1, open) && (nameWord(first - 1) || EXPANSION_CONNECTORS.has(facts.lower[first - 1]!))) first--;
      // The shortest run that spells the acronym out, opening with a capitalized word that is no function word.
      const acronym = tokens.texts[acronymAt]!;
      for (let start = open - 1; start >= first; start--) {
        if (!wordAt(ctx, start) || !facts.capitalized[start] || ((ctx.lexicon.wordClasses.get(facts.lower[start]!) ?? 0) & WordClass.functionWord)) continue;
        if (spellsOut(acronym, tokens.texts.slice(start, open))) { name = [start, open]; break; }
      }
    } else if (open > 0 && ACRONYM.test(tokens.texts[open - 1]!)) {
      // ACRONYM (Name)
      acronymAt = open - 1;
      const words = tokens.texts.slice(open + 1, close);
      if (nameWord(open + 1) && nameWord(close - 1) && spellsOut(tokens.texts[acronymAt]!, words)) name = [open + 1, close];
    } else continue;
    if (!name || (spanAt[acronymAt]! >= 0 && spans[spanAt[acronymAt]!]!.typeIndex === PERSON)) continue;
    const full = claim(name[0], name[1]);
    if (!full) continue;
    for (let i = full.first; i < full.last; i++) if (spanAt[i]! >= 0) removed.add(spanAt[i]!);
    if (spanAt[acronymAt]! >= 0) removed.add(spanAt[acronymAt]!);
    added.push(full, { first: acronymAt, last: acronymAt + 1, typeIndex: full.typeIndex });
  }
  if (!added.length) return spans;
  return [...spans.filter((_, index) => !removed.has(index)), ...added].sort((a, b) => a.first - b.first);
}

/** Head nouns that after "the" refer back to an institution or place without naming it ("the State", "the Court"). */
const GENERIC_REFERENCES = new Set([
  'state', 'court', 'church', 'council', 'government', 'ministry', 'department', 'agency', 'party', 'union', 'university',
  'college', 'company', 'club', 'city', 'county', 'province', 'district', 'street', 'committee', 'commission', 'board',
]);

/** "the Court", "the Sheriff's detective": a lone capitalized head or title after "the" is no name. */
function isGenericReference(ctx: Context, s: TokenSpan): boolean {
  if (s.last - s.first !== 1 || s.first === 0 || ctx.facts.lower[s.first - 1] !== 'the' || ctx.facts.allCaps[s.first]) return false;
  const lower = ctx.facts.lower[s.first]!;
  return GENERIC_REFERENCES.has(lower) || TITLE_WORDS.has(lower);
}

/** "Los Angeles Sheriff's office": a title after a place's name is not part of it. */
function dropTrailingTitles(ctx: Context, spans: TokenSpan[]): void {
  for (const s of spans) {
    if (s.last - s.first < 2 || !TITLE_WORDS.has(ctx.facts.lower[s.last - 1]!)) continue;
    const rest = { first: s.first, last: s.last - 1, typeIndex: PLACE };
    const kinds = gazetteerKinds(ctx, rest);
    if (!(kinds.has('place') || kinds.has('country')) || kinds.has('person') || kinds.has('organization')) continue;
    // "Winston Duke" is a person: a first name before the title word.
    if (s.typeIndex === PERSON && s.last - s.first === 2 && ((ctx.lexicon.wordClasses.get(ctx.facts.lower[s.first]!) ?? 0) & WordClass.firstName)) continue;
    s.last--;
    s.typeIndex = PLACE;
  }
}

/**
 * "Ambassador to the United States Hamdullah Mohib": a place span that opens with a country and goes on with two or
 * more capitalized words that name nothing the gazetteer knows, and hold no place or organization head, is the
 * country and then a person.
 */
function splitCountryPerson(ctx: Context, spans: TokenSpan[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const s of spans) {
    let cut = -1;
    if (s.typeIndex === PLACE && s.last - s.first >= 3) {
      for (let len = Math.min(4, s.last - s.first - 2); len >= 1 && cut < 0; len--) {
        if (isCountry(ctx, { first: s.first, last: s.first + len, typeIndex: PLACE })) cut = s.first + len;
      }
    }
    if (cut > 0) {
      const rest = { first: cut, last: s.last, typeIndex: PERSON };
      let plain = gazetteerKinds(ctx, rest).size === 0;
      for (let i = cut; i < s.last && plain; i++) {
        const lower = ctx.facts.lower[i]!;
        const bits = ctx.lexicon.wordClasses.get(lower) ?? 0;
        if (!ctx.facts.capitalized[i] || !wordAt(ctx, i) || ORGANIZATION_HEADS.has(lower) || PLACE_HEADS.has(lower) ||
          (bits & (WordClass.organizationWord | WordClass.placeWord | WordClass.demonym | WordClass.functionWord))) plain = false;
      }
      if (plain) {
        out.push({ first: s.first, last: cut, typeIndex: PLACE }, rest);
        continue;
      }
    }
    out.push(s);
  }
  return out;
}

/**
 * "Internet Explorer 6", "Windows 7": a "person" followed by a version number is a product, and so is every other
 * mention of that name in the text.
 */
function versionedProducts(ctx: Context, spans: TokenSpan[]): TokenSpan[] {
  const { tokens } = ctx;
  const products = new Set<string>();
  for (const s of spans) {
    if (s.typeIndex !== PERSON) continue;
    const end = tokens.ends[s.last - 1]!;
    // "lent DeLuca 1,000", "Sweden 1 – 0", "Smith 25%": amounts and scores are no versions.
    const version = /^ \d{1,2}(?:\.\d+)?(?=[\s)\].;!?'"]|,\s|$)/.exec(ctx.text.slice(end, end + 12));
    if (!version || /^\s*[-–—:%/]/.test(ctx.text.slice(end + version[0].length, end + version[0].length + 4))) continue;
    products.add(spanKey(ctx, s));
  }
  return products.size ? spans.filter((s) => s.typeIndex !== PERSON || !products.has(spanKey(ctx, s))) : spans;
}

function junk(ctx: Context, spans: TokenSpan[]): TokenSpan[] {
  dropTrailingTitles(ctx, spans);
  return spans.filter((s) => {
    if (isGenericReference(ctx, s)) return false;
    const words = spanWords(ctx, s);
    if (words.length === 0 || !words.some((w) => /\p{L}/u.test(w))) return false;
    if (!words.some((w) => /^[\p{Lu}\p{N}]/u.test(w))) return false;
    if (s.typeIndex !== ORGANIZATION && isGluedFurniture(ctx, s)) return false;
    if (isPluralGroup(ctx, s)) return false;
    // Model numbers ("T-72B3") are not names of persons or places.
    if (s.typeIndex !== ORGANIZATION) {
      for (let i = s.first; i < s.last; i++) if (/\p{L}/u.test(ctx.tokens.texts[i]!) && /\d/.test(ctx.tokens.texts[i]!)) return false;
    }
    return true;
  });
}

/** Ranges to test spans against: sorted starts with a running maximum of ends, so an overlap test is a binary search. */
class SpanSet {
  private readonly starts: Float64Array;
  private readonly maxEnds: Float64Array;

  constructor(ranges: ReadonlyArray<{ start: number; end: number }>) {
    const sorted = [...ranges].sort((a, b) => a.start - b.start);
    this.starts = Float64Array.from(sorted, (r) => r.start);
    this.maxEnds = new Float64Array(sorted.length);
    let max = -Infinity;
    sorted.forEach((r, i) => (this.maxEnds[i] = max = Math.max(max, r.end)));
  }

  /** Whether some range overlaps [start, end): a range starting before `end` that ends after `start`. */
  overlaps(start: number, end: number): boolean {
    const after = lowerBound(this.starts, end);
    return after > 0 && this.maxEnds[after - 1]! > start;
  }
}

export function recognizeMentions(text: string, model: TaggerWeights, options: RecognizeOptions, rules: RuleSwitches = DEFAULT_RULES): EntityMention[] {
  const tagged = tagText(text, model);
  const { tokens, facts } = tagged;
  const ctx: Context = { text, tokens, facts, lexicon: model.lexicon };
  let spans = tagged.spans.map((s) => ({ ...s }));
  const skip = options.skip ?? [];
  const skipped = new SpanSet(skip);
  if (skip.length) {
    spans = spans.filter((s) => !skipped.overlaps(tokens.starts[s.first]!, tokens.ends[s.last - 1]!));
  }
  if (rules.cleanSpans) spans = cleanSpans(ctx, spans);
  if (rules.junk) spans = junk(ctx, spans);
  if (rules.cleanSpans) spans = splitCountryPerson(ctx, splitOrganizationPerson(ctx, spans));
  if (rules.stripTitles) stripTitles(ctx, spans);
  if (rules.extendPersons) extendPersons(ctx, spans);
  if (rules.organizationHeads) {
    spans = organizationsAfterThe(ctx, spans);
    countryTeams(ctx, spans);
    spans = extendOrganizationNames(ctx, spans);
    typeByHead(ctx, spans);
  }
  if (rules.acronyms) {
    spans = acronyms(ctx, spans);
    spans = spelledOutAcronyms(ctx, spans);
  }
  if (rules.speakers) spans = speakers(ctx, spans);
  if (rules.surnames) surnames(ctx, spans);
  if (rules.gazetteerTypes) gazetteerTypes(ctx, spans);
  if (rules.majority) majority(ctx, spans);
  if (rules.propagate) {
    spans = propagate(ctx, spans);
    if (skip.length) {
      spans = spans.filter((s) => !skipped.overlaps(tokens.starts[s.first]!, tokens.ends[s.last - 1]!));
    }
  }
  if (rules.sportsTeams) sportsTeams(ctx, spans);
  if (rules.junk) spans = versionedProducts(ctx, spans);

  const taken = new Uint8Array(tokens.count);
  for (const s of spans) for (let i = s.first; i < s.last; i++) taken[i] = s.typeIndex === PERSON ? PERSON_MARK : 2;
  const roles = new Map<TokenSpan, RoleMatch>();
  const countries: TokenSpan[] = [];
  for (const s of spans) {
    if (s.typeIndex !== PERSON) continue;
    const role = findRole(text, tokens, facts, model.lexicon, s.first, s.last - 1, taken);
    if (!role) continue;
    roles.set(s, role);
    // "US Secretary of State Antony Blinken": the country opening the title is a place name too.
    if (rules.countryBeforeTitle && role.to <= s.first && !taken[role.from]) {
      for (let len = Math.min(4, role.to - role.from - 1); len >= 1; len--) {
        const candidate = { first: role.from, last: role.from + len, typeIndex: PLACE };
        if (isCountry(ctx, candidate) && facts.capitalized[role.from]) {
          countries.push(candidate);
          for (let i = candidate.first; i < candidate.last; i++) taken[i] = 2;
          break;
        }
      }
    }
  }
  if (countries.length) spans = [...spans, ...countries].sort((a, b) => a.first - b.first);
  if (skip.length) {
    spans = spans.filter((s) => !skipped.overlaps(tokens.starts[s.first]!, tokens.ends[s.last - 1]!));
  }

  const keys = canonicalKeys(spans.map((s) => ({
    text: text.slice(tokens.starts[s.first]!, tokens.ends[s.last - 1]!),
    type: LABEL_TYPES[s.typeIndex]!,
    words: spanWords(ctx, s),
  })));
  return spans.map((s, index) => {
    const start = tokens.starts[s.first]!;
    const end = tokens.ends[s.last - 1]!;
    const mention: EntityMention = { start, end, text: text.slice(start, end), type: LABEL_TYPES[s.typeIndex]!, canonicalKey: keys[index]! };
    const role = roles.get(s);
    if (role) mention.role = role.text;
    return mention;
  });
}
