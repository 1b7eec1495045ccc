// A place name that context cannot decide: "Georgia" the country or the US state. Flagged only when neither the
// sentence nor the rest of the article says which: the places around it, the peoples named, the words used.
import { partitionPoint } from '../core/search';
import type { AnalyzedArticle } from '../core/corpusIndex';
import type { EntityMentionInText } from '../core/entities';
import { loadGazetteer, type Gazetteer, type PlaceRecord } from '../core/knowledge/gazetteer';
import type { KnowledgeBase } from '../core/knowledge/knowledgeBase';
import { normalizeName } from '../core/knowledge/names';
import type { Span } from '../core/types';
import type { Finding, Rule } from './types';

/** Directions and generic words that name regions somewhere (Cameroon has a "West") but are not places in news text. */
const GENERIC_WORDS = new Set([
  'west', 'east', 'north', 'south', 'central', 'western', 'eastern', 'northern', 'southern', 'centre', 'center', 'capital',
  'coast', 'midlands', 'interior', 'littoral', 'plateau', 'lakes', 'islands', 'island', 'region', 'valley', 'mountain',
  'federal', 'national', 'union', 'republic', 'independence', 'liberty', 'hope', 'unity', 'progress', 'city', 'state',
]);
/** Last words of natural features: "the Red Sea" is the sea, not the Egyptian or Sudanese province named after it. */
const FEATURE_WORDS = /\s(?:sea|ocean|gulf|bay|river|lake|strait|straits|channel|desert|mountains|peninsula)$/i;
/** Words after a name that make it something else: the Victoria line, the Central bank, Valencia's club. */
const NOT_A_PLACE_AFTER = /^[’']?s?\s+(?:line|lines|street|st|road|avenue|station|bank|club|fc|stadium|university|college|hospital|hotel|square|park|bridge|district|county)\b/i;
/** A sentence about sport: the place name is likely a club ("Barcelona beat Valencia 2-1"). */
const SPORT_CONTEXT = /\b(?:beat|beats|defeated|defeat|draw|drew|match|matches|goal|goals|scored|striker|midfielder|goalkeeper|league|cup|championship|fixture|derby|squad|coach|manager|season|fc|v|vs)\b|\b\d+\s*[-–]\s*\d+\b/i;
/** Words that say the place is a country, a first-level region, or a city. */
const COUNTRY_CUES = /\b(?:country|countries|nation|nations|sovereign|embassy|ambassador|foreign minister|president of|government of|republic|ex-soviet|former soviet|nato|european union|united nations|border with)\b/i;
const REGION_CUES = /\b(?:state|states|county|counties|governor|statewide|legislature|province|provincial|premier)\b/i;
const CITY_CUES = /\b(?:city|mayor|downtown|suburbs?|city council|metropolitan)\b/i;

const CURRENCY_COUNTRIES = new Map([['AU', 'AU'], ['A', 'AU'], ['NZ', 'NZ'], ['C', 'CA'], ['CA', 'CA'], ['HK', 'HK'], ['S', 'SG'], ['R', 'BR']]);

interface Reading {
  key: string;
  label: string;
  record: PlaceRecord;
}

/** A reading this many times less prominent than another is not one a reader would think of ("Florida", Uruguay). */
const PROMINENCE_RATIO = 3;
/** Cities counted towards a region's or a country's prominence. */
const COUNTED_CITY_POPULATION = 100_000;

const prominenceCache = new WeakMap<Gazetteer, Map<string, number>>();

/** People living in the cities of each country ("GB") and first-level region ("US/florida"), from the gazetteer. */
function prominenceTable(g: Gazetteer): Map<string, number> {
  let table = prominenceCache.get(g);
  if (table) return table;
  table = new Map();
  const seen = new Set<string>();
  for (const name of g.majorPlaceNames(COUNTED_CITY_POPULATION)) {
    for (const p of g.lookup(name)) {
      if ((p.kind !== 'city' && p.kind !== 'capital') || (p.population ?? 0) < COUNTED_CITY_POPULATION) continue;
      const id = `${p.countryCode}|${p.name}|${p.region ?? ''}|${p.population}`;
      if (seen.has(id)) continue;
      seen.add(id);
      table.set(p.countryCode, (table.get(p.countryCode) ?? 0) + p.population!);
      if (p.region) table.set(`${p.countryCode}/${normalizeName(p.region)}`, (table.get(`${p.countryCode}/${normalizeName(p.region)}`) ?? 0) + p.population!);
    }
  }
  prominenceCache.set(g, table);
  return table;
}

/** How well known a reading is, as people living there: a city's own, a region's or a country's cities. */
function prominence(g: Gazetteer, p: PlaceRecord): number {
  if (p.kind === 'city' || p.kind === 'capital') return p.population ?? 0;
  const table = prominenceTable(g);
  return (p.kind === 'country' ? table.get(p.countryCode) : table.get(`${p.countryCode}/${normalizeName(p.name)}`)) ?? 0;
}

/** The readings a reader could confuse: those not far less prominent than the best known. */
function confusable(g: Gazetteer, readings: Reading[]): Reading[] {
  const sizes = readings.map((r) => prominence(g, r.record));
  const best = Math.max(...sizes);
  return readings.filter((_, i) => sizes[i]! * PROMINENCE_RATIO >= best);
}

const readingsCache = new WeakMap<Gazetteer, Map<string, Reading[]>>();

/** Well-known places of different countries written with this very name (not an alternate name: "Delhi" is no Dili). */
function readingsOf(g: Gazetteer, name: string): Reading[] {
  const written = normalizeName(name);
  let byName = readingsCache.get(g);
  if (!byName) readingsCache.set(g, (byName = new Map()));
  let readings = byName.get(written);
  if (!readings) {
    if (byName.size > 100_000) byName.clear();
    byName.set(written, (readings = findReadings(g, name, written)));
  }
  return readings;
}

function findReadings(g: Gazetteer, name: string, written: string): Reading[] {
  const readings: Reading[] = [];
  const countries = new Set<string>();
  for (const p of g.lookup(name)) {
    const major = p.kind === 'country' || p.kind === 'region' || p.kind === 'capital' || (p.population ?? 0) >= 500_000;
    if (!major || countries.has(p.countryCode) || normalizeName(p.name) !== written) continue;
    countries.add(p.countryCode);
    const label = p.kind === 'country' ? `the country ${p.name}` : `${p.name} (${p.kind === 'region' ? 'region' : 'city'} in ${p.country ?? p.countryCode})`;
    readings.push({ key: `geo:${p.countryCode}:${p.name}`, label, record: p });
  }
  return readings;
}

/** Where a place is: its country, and the first-level region it is in (or is). */
interface Location {
  country: string;
  region?: string;
  kind: PlaceRecord['kind'];
}

function locationOf(p: PlaceRecord): Location {
  const region = p.kind === 'region' ? p.name : p.region;
  return region ? { country: p.countryCode, region: normalizeName(region), kind: p.kind } : { country: p.countryCode, kind: p.kind };
}

/** What the rest of an article says about where things are: unambiguous places, and peoples named. */
interface Evidence {
  /** Place mention → its location, for mentions that have one reading only (or one country). */
  places: Array<{ span: Span; name: string; location: Location }>;
  /** Countries whose people are named ("Australian", "Georgian"), with where. */
  demonyms: Array<{ at: number; country: string }>;
}

const evidenceCache = new WeakMap<AnalyzedArticle, Evidence>();

function evidenceOf(article: AnalyzedArticle, kb: KnowledgeBase, g: Gazetteer): Evidence {
  const cached = evidenceCache.get(article);
  if (cached) return cached;
  const places: Evidence['places'] = [];
  for (const m of article.entities) {
    if (m.type !== 'place') continue;
    const location = placeLocation(m, kb, g);
    if (location) places.push({ span: m, name: normalizeName(m.text), location });
  }
  const demonyms: Evidence['demonyms'] = [];
  for (const word of article.text.matchAll(/\p{Lu}\p{Ll}{3,}/gu)) {
    const country = g.countryOfDemonym(word[0]);
    if (country) demonyms.push({ at: word.index!, country: country.code });
  }
  // Local currencies say whose story it is too ("AU$ 307"); US$ is everyone's conversion and says nothing.
  for (const money of article.text.matchAll(/\b(AU|A|NZ|C|CA|HK|S|R)\$/g)) {
    const country = CURRENCY_COUNTRIES.get(money[1]!);
    if (country) demonyms.push({ at: money.index!, country });
  }
  // By start, so the places of a sentence are found by binary search (a long article has thousands).
  places.sort((a, b) => a.span.start - b.span.start);
  const evidence = { places, demonyms };
  evidenceCache.set(article, evidence);
  return evidence;
}

/** A mention's location when it has only one: its major readings all in one country, or its knowledge-base entry. */
function placeLocation(m: EntityMentionInText, kb: KnowledgeBase, g: Gazetteer): Location | undefined {
  const readings = readingsOf(g, m.text);
  if (readings.length === 1) return locationOf(readings[0]!.record);
  if (readings.length > 1) return undefined;
  const entry = m.entityKey ? kb.entry(m.entityKey) : undefined;
  const facts = entry?.type === 'place' ? kb.placeFacts(entry) : undefined;
  return facts ? locationOf(facts) : undefined;
}

/** The place is inside the reading (a city of that region, a region of that country), or is the reading's country. */
function within(place: Location, reading: Location): 'local' | 'national' | undefined {
  if (place.country !== reading.country) return undefined;
  if (reading.kind === 'country') return 'local';
  if (place.region && reading.region && place.region === reading.region && place.kind !== 'country') return 'local';
  return 'national';
}

/** Picks the one reading that `test` accepts, if exactly one does. */
function only(readings: Reading[], test: (r: Reading, location: Location) => boolean): Reading | undefined {
  const chosen = readings.filter((r) => test(r, locationOf(r.record)));
  return chosen.length === 1 ? chosen[0] : undefined;
}

/** Any place of this name (however small) inside the reading: "Brunswick, Georgia" is the US state's Brunswick. */
function namesPlaceWithin(g: Gazetteer, placeName: string, reading: Location, as: 'inside' | 'container'): boolean {
  const written = normalizeName(placeName);
  return g.lookup(placeName).some((p) => normalizeName(p.name) === written &&
    (as === 'inside' ? within(locationOf(p), reading) === 'local' && p.kind !== 'country' : p.kind !== 'city' && p.kind !== 'capital' && within(reading, locationOf(p)) !== undefined));
}

/**
 * The reading one sentence decides: "City, Name" or "Name, Country"; places listed with the name, of its kind
 * ("Ukraine and Georgia", "Texas, Michigan, Georgia") or inside a reading ("Atlanta and much of Georgia"); words
 * that say country, state or city.
 */
function sentenceDecision(article: AnalyzedArticle, m: EntityMentionInText, name: string, readings: Reading[], sentence: Span, evidence: Evidence, g: Gazetteer): Reading | undefined {
  const before = /(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}), $/u.exec(article.text.slice(Math.max(0, m.start - 40), m.start))?.[1];
  const after = /^, (\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3})/u.exec(article.text.slice(m.end, m.end + 40))?.[1];
  const siblings = placesWithin(evidence, sentence).filter((p) => p.name !== name);
  const text = article.text.slice(sentence.start, sentence.end).split(m.text).join(' ');
  return (before ? only(readings, (_, at) => namesPlaceWithin(g, before, at, 'inside')) : undefined) ??
    (after ? only(readings, (_, at) => namesPlaceWithin(g, after, at, 'container')) : undefined) ??
    only(readings, (_, at) => siblings.some((p) => within(p.location, at) === 'local')) ??
    only(readings, (r) => r.record.kind === 'country' && siblings.some((p) => p.location.kind === 'country')) ??
    only(readings, (r, at) => r.record.kind === 'region' && siblings.some((p) => p.location.kind === 'region' && p.location.country === at.country)) ??
    only(readings, (r) => r.record.kind === 'country' && COUNTRY_CUES.test(text)) ??
    only(readings, (r) => r.record.kind === 'region' && REGION_CUES.test(text)) ??
    only(readings, (r) => (r.record.kind === 'city' || r.record.kind === 'capital') && CITY_CUES.test(text));
}

/**
 * The reading the article decides: places inside one reading, then places, peoples and currencies of one reading's
 * country. Null when the story's country is no reading's but has a smaller place of this name (Hamilton in a New
 * Zealand story).
 */
function articleDecision(name: string, readings: Reading[], evidence: Evidence, g: Gazetteer): Reading | null | undefined {
  const others = evidence.places.filter((p) => p.name !== name);
  const local = only(readings, (_, at) => others.some((p) => within(p.location, at) === 'local') || (at.kind === 'country' && evidence.demonyms.some((d) => d.country === at.country)));
  if (local) return local;
  const countries = new Set([...others.map((p) => p.location.country), ...evidence.demonyms.map((d) => d.country)]);
  const national = only(readings, (_, at) => countries.has(at.country));
  if (national) return national;
  if (!readings.some((r) => countries.has(r.record.countryCode)) && g.lookup(name).some((p) => normalizeName(p.name) === name && countries.has(p.countryCode))) return null;
  return undefined;
}

const decisionCache = new WeakMap<AnalyzedArticle, Map<string, Reading | null | undefined>>();

/**
 * One article means one place by one name: the sentences that decide vote (the most decided reading wins), and
 * when none decides, the article's evidence does.
 */
function decide(article: AnalyzedArticle, name: string, readings: Reading[], kb: KnowledgeBase, g: Gazetteer): Reading | null | undefined {
  let byName = decisionCache.get(article);
  if (!byName) decisionCache.set(article, (byName = new Map()));
  if (byName.has(name)) return byName.get(name);
  const evidence = evidenceOf(article, kb, g);
  const votes = new Map<Reading['key'], number>();
  for (const m of placeMentionsNamed(article, name)) {
    const decided = sentenceDecision(article, m, name, readings, sentenceOf(article, m), evidence, g);
    if (decided) votes.set(decided.key, (votes.get(decided.key) ?? 0) + 1);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  let decision: Reading | null | undefined;
  if (ranked.length && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1])) decision = readings.find((r) => r.key === ranked[0]![0]);
  else decision = articleDecision(name, readings, evidence, g);
  byName.set(name, decision);
  return decision;
}

function sentenceOf(article: AnalyzedArticle, m: Span): Span {
  // Sentences are in text order and do not overlap: the last one starting at or before the mention is the candidate.
  const sentences = article.article.sentences;
  const s = sentences[partitionPoint(sentences.length, (i) => sentences[i]!.start <= m.start) - 1];
  return s && m.end <= s.end ? s : { start: Math.max(0, m.start - 200), end: Math.min(article.text.length, m.end + 200) };
}

/** The places lying inside a span (evidence.places is sorted by start). */
function placesWithin(evidence: Evidence, span: Span): Evidence['places'] {
  const places = evidence.places;
  const out: Evidence['places'] = [];
  for (let i = partitionPoint(places.length, (k) => places[k]!.span.start < span.start); i < places.length && places[i]!.span.start < span.end; i++) if (places[i]!.span.end <= span.end) out.push(places[i]!);
  return out;
}

const placeMentionsByName = new WeakMap<AnalyzedArticle, Map<string, EntityMentionInText[]>>();

/** The article's place mentions of one normalized name, grouped once per article. */
function placeMentionsNamed(article: AnalyzedArticle, name: string): EntityMentionInText[] {
  let byName = placeMentionsByName.get(article);
  if (!byName) {
    byName = new Map();
    for (const m of article.entities) {
      if (m.type !== 'place') continue;
      const key = normalizeName(m.text);
      const list = byName.get(key);
      if (list) list.push(m);
      else byName.set(key, [m]);
    }
    placeMentionsByName.set(article, byName);
  }
  return byName.get(name) ?? [];
}

/** The name is listed with companies or people ("Intel, AMD, Acer and Kingston"): it names one of those. */
function listedWithNonPlaces(article: AnalyzedArticle, m: EntityMentionInText): boolean {
  const i = article.entities.indexOf(m);
  const joined = (a: Span, b: Span) => /^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/.test(article.text.slice(a.end, b.start));
  const neighbours: EntityMentionInText[] = [];
  const previous = article.entities[i - 1];
  const next = article.entities[i + 1];
  if (previous && joined(previous, m)) neighbours.push(previous);
  if (next && joined(m, next)) neighbours.push(next);
  return neighbours.length > 0 && neighbours.every((n) => n.type !== 'place');
}

/** The name is part of something else: a longer name, a street, a line, a club, a sea. */
function partOfSomethingElse(article: AnalyzedArticle, m: EntityMentionInText): boolean {
  const { text } = article;
  if (FEATURE_WORDS.test(` ${m.text}`)) return true;
  const after = text.slice(m.end, m.end + 40);
  const before = text.slice(Math.max(0, m.start - 30), m.start);
  // "Central American", "Hamilton Centre", "Southern District of New York", "South Staffordshire".
  if (/^[’']?s?[ -](?:\p{Lu}|(?:of|for|de|del) \p{Lu})/u.test(after) || /\p{Lu}[\p{L}.]*[ -]$/u.test(before)) return true;
  return NOT_A_PLACE_AFTER.test(after);
}

/**
 * The readings of a place mention a reader could confuse, and the one the context decides (null: a place no reading
 * is; undefined: nothing decides). Undefined for a mention that is not such a place name.
 */
export function placeReading(article: AnalyzedArticle, m: EntityMentionInText, kb: KnowledgeBase, g: Gazetteer): { name: string; readings: Reading[]; decided: Reading | null | undefined } | undefined {
  if (m.type !== 'place') return undefined;
  const url = article.article.header.sourceUrl;
  if (url && m.start >= url.start && m.end <= url.end) return undefined;
  const name = normalizeName(m.text);
  if (GENERIC_WORDS.has(name) || name.split(' ').every((w) => GENERIC_WORDS.has(w))) return undefined;
  const all = readingsOf(g, m.text);
  if (all.length < 2) return undefined;
  const readings = confusable(g, all);
  if (readings.length < 2 || partOfSomethingElse(article, m) || listedWithNonPlaces(article, m)) return undefined;
  const sentence = sentenceOf(article, m);
  if (SPORT_CONTEXT.test(article.text.slice(sentence.start, sentence.end))) return undefined;
  return { name, readings, decided: decide(article, name, readings, kb, g) };
}

export const ambiguousPlace: Rule = {
  id: 'ambiguous-place',
  summary: 'A place name that names two well-known places the context cannot tell apart (Georgia: country or US state).',
  defaultSeverity: 'hint',
  crossArticle: false,
  check({ article, corpus }) {
    const kb = corpus.environment.knowledgeBase;
    const g = loadGazetteer();
    if (!g) return [];
    const findings: Finding[] = [];
    for (const m of article.entities) {
      if (m.via === 'annotation') continue; // the annotator has decided
      const place = placeReading(article, m, kb, g);
      if (!place || place.decided !== undefined) continue;
      const { readings, name } = place;
      findings.push({
        ruleId: this.id,
        start: m.start,
        end: m.end,
        message: `"${m.text}" could be ${readings.map((r) => r.label).join(' or ')}; nothing in the sentence or the article decides. Annotate it to record which.`,
        data: { surface: m.text, readings: readings.map((r) => ({ key: r.key, label: r.label })), normalized: name },
      });
    }
    return findings;
  },
};
