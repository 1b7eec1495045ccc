// Entity mentions of an article: recognized by the model, found by knowledge-base names the model missed, linked
// to knowledge-base entries, and chained within the article ("Vladimir Putin … Putin").
import { attributeValue, type Annotation } from './annotations';
import type { Article } from './article';
import { loadGazetteer } from './knowledge/gazetteer';
import { KnowledgeBase } from './knowledge/knowledgeBase';
import { withTableCountryNames, type LinkChoice, type Officeholders } from './knowledge/officeholders';
import { isAllCapsName, normalizeName } from './knowledge/names';
import type { EntityType, KnowledgeEntry } from './knowledge/types';
import { recognizeEntities, type EntityMention } from './recognition';
import type { BoilerplateKind, CalendarDate, Span, Token } from './types';

export interface EntityMentionInText extends Span {
  text: string;
  type: EntityType;
  /** The title written before a person's name, outside the span ("German Chancellor"). */
  role?: string;
  roleSpan?: Span;
  /** Knowledge-base entry key, when linked. */
  entityKey?: string;
  /** How sure a link to the office-holder table is (links to named entries are certain). */
  link?: LinkChoice;
  /** The entity's canonical name: the entry's name, or the longest mention of the chain. */
  canonical: string;
  /** Links the mentions of one entity inside the article. */
  chainKey: string;
  /** How it was found: by an annotation (authoritative), the statistical model, or a knowledge-base name. */
  via: 'annotation' | 'model' | 'knowledge-base';
}

/** Head nouns of titles: a title run must contain one ("German Chancellor", "Secretary of State"). */
const TITLE_HEADS = new Set([
  'president', 'minister', 'secretary', 'chancellor', 'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'general',
  'advisor', 'adviser', 'governor', 'mayor', 'senator', 'king', 'queen', 'prince', 'princess', 'leader', 'chairman',
  'chairwoman', 'chair', 'director', 'commander', 'envoy', 'representative', 'speaker', 'official', 'premier', 'chief',
  'dr', 'mr', 'mrs', 'ms', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'sen', 'rep', 'gov', 'pope', 'cardinal', 'bishop',
  'coach', 'manager', 'captain', 'ceo', 'founder', 'judge', 'justice', 'attorney', 'head', 'secretary-general',
]);
/** Lower-case words that may sit inside a title run ("national security advisor"). */
const TITLE_MODIFIERS = new Set(['foreign', 'defense', 'defence', 'prime', 'deputy', 'vice', 'press', 'national', 'security', 'state', 'interior', 'finance', 'former', 'acting']);

/** Capitalized sentence openers and function words that never start a title ("Meanwhile NATO Secretary General…"). */
const NOT_IN_TITLES = new Set([
  'meanwhile', 'however', 'but', 'and', 'also', 'then', 'earlier', 'later', 'yesterday', 'today', 'when', 'while', 'after',
  'before', 'as', 'if', 'so', 'since', 'on', 'in', 'at', 'by', 'for', 'from', 'with', 'to', 'a', 'an', 'this', 'that',
  'according', 'said', 'says', 'told', 'both', 'even', 'further', 'finally', 'still', 'now', 'here', 'there', 'it', 'he', 'she',
]);

/** A title run just before token `index`: capitalized words or title words ending in a head noun. */
export function titleBefore(text: string, tokens: readonly Token[], index: number): { title: string; span: Span } | undefined {
  let first = index;
  let lastHead = -1;
  for (let k = index - 1; k >= 0 && index - k <= 7; k--) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || tokens[k + 1]!.start - t.end > 1) {
      const previous = tokens[k - 1];
      if (t.text === '.' && previous && previous.end === t.start && TITLE_HEADS.has(previous.text.toLowerCase())) continue; // "Dr. Smith"
      break;
    }
    const lower = t.text.toLowerCase().replace(/\.$/, '');
    if (lower === 'of' || lower === 'the') {
      if (k > 0 && /^\p{Lu}/u.test(tokens[k - 1]!.text)) continue;
      break;
    }
    const capitalized = /^\p{Lu}/u.test(t.text);
    if (!capitalized && !TITLE_HEADS.has(lower) && !TITLE_MODIFIERS.has(lower)) break;
    if (NOT_IN_TITLES.has(lower)) break;
    if (TITLE_HEADS.has(lower) && lastHead === -1) lastHead = k;
    first = k;
  }
  if (lastHead === -1) return undefined;
  // "Secretary of State": a head followed by "of X" keeps the X; otherwise the title ends at its last head noun.
  let lastIndex = lastHead;
  if (tokens[lastHead + 1]?.text.toLowerCase() === 'of' && lastHead + 2 < index) lastIndex = index - 1;
  else if (lastHead !== index - 1) return undefined;
  const start = tokens[first]!.start;
  const end = tokens[lastIndex]!.end;
  return { title: text.slice(start, end), span: { start, end } };
}

interface NameMatcher {
  /** First normalized token → candidate names as normalized token lists, longest first. */
  byFirstToken: Map<string, Array<{ tokens: string[]; entry: KnowledgeEntry }>>;
  generation: number;
}

let matcherCache: { kb: KnowledgeBase; matcher: NameMatcher } | undefined;

function nameMatcher(kb: KnowledgeBase): NameMatcher {
  if (matcherCache?.kb === kb && matcherCache.matcher.generation === kb.generation) return matcherCache.matcher;
  const byFirstToken: NameMatcher['byFirstToken'] = new Map();
  for (const entry of kb.entries()) {
    for (const name of new Set([entry.name, ...entry.aliases, ...entry.variants])) {
      // Only proper names: "the alliance" or "defense ministry" would match common words.
      if (!/^\p{Lu}/u.test(name) || name.length < 2) continue;
      const tokens = normalizeName(name).split(' ').filter(Boolean);
      if (!tokens.length) continue;
      const list = byFirstToken.get(tokens[0]!) ?? [];
      list.push({ tokens, entry });
      byFirstToken.set(tokens[0]!, list);
    }
  }
  for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const matcher = { byFirstToken, generation: kb.generation };
  matcherCache = { kb, matcher };
  return matcher;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * The spans of a list that overlap a given span, by binary search: checking every name of a long article against
 * every other made entity finding quadratic (a megabyte of names took minutes).
 */
function overlapLookup<T extends Span>(spans: readonly T[]): (span: Span) => T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  let max = -Infinity;
  for (const s of sorted) maxEnd.push((max = Math.max(max, s.end)));
  return (span) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid]!.start < span.end) low = mid + 1;
      else high = mid;
    }
    // Back from the last span starting before span.end, while an earlier span can still reach past span.start.
    const out: T[] = [];
    for (let i = low - 1; i >= 0 && maxEnd[i]! > span.start; i--) if (overlaps(sorted[i]!, span)) out.push(sorted[i]!);
    return out.reverse();
  };
}

/** Knowledge-base names as whole capitalized token sequences outside boilerplate, longest first. */
function knowledgeBaseMatches(text: string, tokens: readonly Token[], kb: KnowledgeBase, skip: readonly Span[]): EntityMentionInText[] {
  const found: EntityMentionInText[] = [];
  const matcher = nameMatcher(kb);
  let skipIndex = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || !/^\p{Lu}/u.test(t.text)) continue;
    while (skipIndex < skip.length && skip[skipIndex]!.end <= t.start) skipIndex++;
    if (skipIndex < skip.length && skip[skipIndex]!.start <= t.start) continue;
    const candidates = matcher.byFirstToken.get(normalizeName(t.text));
    if (!candidates) continue;
    for (const c of candidates) {
      let ok = true;
      let j = i;
      for (let k = 0; k < c.tokens.length && ok; k++, j++) {
        // An abbreviation's period is its own token: "St. Petersburg" matches "st petersburg".
        if (k > 0 && tokens[j]?.text === '.' && tokens[j]!.start === tokens[j - 1]!.end) j++;
        const tk = tokens[j];
        ok = !!tk && normalizeName(tk.text) === c.tokens[k] && (k === 0 || tk.start - tokens[j - 1]!.end <= 1) && /^[\p{Lu}\d]/u.test(tk.text);
      }
      if (!ok) continue;
      const lastIndex = j - 1;
      let end = tokens[lastIndex]!.end;
      // "Russia's": the possessive stays out of the span.
      const possessive = /(?:'s|’s|â€™s)$/.exec(text.slice(t.start, end));
      if (possessive) end -= possessive[0].length;
      found.push({
        start: t.start, end, text: text.slice(t.start, end), type: c.entry.type,
        canonical: c.entry.name, chainKey: c.entry.key, entityKey: c.entry.key, via: 'knowledge-base',
      });
      i = lastIndex;
      break;
    }
  }
  return found;
}

/**
 * Boilerplate whose names are still names: a photo caption names who is pictured, a wire credit line ("Associated
 * Press writers Angela Charlton in Paris … contributed") names reporters and places. Figures still skip both.
 */
const NAME_BEARING_BOILERPLATE = new Set<BoilerplateKind>(['caption', 'syndication']);

/** The boilerplate spans entity finding skips. */
export function entitySkippedBoilerplate(article: Article): Span[] {
  return article.boilerplate.filter((b) => !NAME_BEARING_BOILERPLATE.has(b.kind));
}

/** Titles only a person holds: after a known name they make a title, not a longer name. */
const PERSON_TITLES = new Set([
  'secretary', 'undersecretary', 'minister', 'president', 'chancellor', 'ambassador', 'envoy', 'spokesman', 'spokeswoman',
  'spokesperson', 'senator', 'governor', 'mayor', 'premier', 'adviser', 'advisor', 'prime',
]);

/** Lower-case words that may join the words of one name ("Department of Agriculture", "Council on Foreign Relations"). */
const NAME_CONNECTORS = new Set(['of', 'for', 'on', 'the', 'de', 'del', 'di', 'du', 'la', 'le', 'von', 'van']);

/**
 * "Washington Post", "U.S. Department of Agriculture", "North America": the model span holds the known name and goes
 * on with capitalized words of its own (connectors between them), none a title ("Russian President Vladimir Putin"
 * keeps the known "Vladimir Putin"; words before it are no title modifier either).
 */
export function extendsKnownName(text: string, model: Span & { type?: EntityType }, known: Span & { type?: EntityType }): boolean {
  // A person's name holds no place ("RIA Novosti Russia abstained", "Paris Charles de Gaulle").
  if (model.type === 'person' && known.type === 'place') return false;
  if (known.start < model.start || known.end > model.end || (known.start === model.start && known.end === model.end)) return false;
  const words = (part: string) => part.split(/\s+/).filter(Boolean);
  const before = words(text.slice(model.start, known.start));
  const after = words(text.slice(known.end, model.end));
  const capitalized = (w: string) => /^[\p{Lu}\d]/u.test(w);
  const plain = (w: string) => w.toLowerCase().replace(/[.,]$/, '');
  for (const w of before) if (TITLE_HEADS.has(plain(w)) || TITLE_MODIFIERS.has(plain(w))) return false;
  // "United States Secretary of State", "London Mayor": a title, not a longer name ("UN General Assembly" is one).
  if (after.length && PERSON_TITLES.has(plain(after[0]!)) && !/(?:Department|Office|Ministry|Agency|Council|Committee)$/.test(text.slice(known.end, model.end))) return false;
  for (const w of [...before, ...after]) if (!capitalized(w) && !NAME_CONNECTORS.has(plain(w))) return false;
  // A connector joins words: it neither opens nor closes the name.
  if (before.length && !capitalized(before[0]!)) return false;
  if (after.length && !capitalized(after[after.length - 1]!)) return false;
  return true;
}

/** The statistical model's mentions: the slow part of entity finding, kept so a knowledge-base edit only relinks. */
export function recognizeModelMentions(article: Article): EntityMention[] {
  return recognizeEntities(article.text, { skip: entitySkippedBoilerplate(article) });
}

/** Spans of web addresses ("https://…", "www.…") in a text. */
function webAddresses(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(/\b(?:https?:\/\/|www\.)[^\s<>"]+/g)) spans.push({ start: match.index!, end: match.index! + match[0].length });
  return spans;
}

/** Finds, types and links the people, places and organizations of an article. */
export function findEntityMentions(
  article: Article,
  kb: KnowledgeBase,
  modelMentions = recognizeModelMentions(article),
  annotations: readonly Annotation[] = [],
): EntityMentionInText[] {
  const { text } = article;
  const tokens = article.tokens; // computed again when the article has released them: read once
  const skip = entitySkippedBoilerplate(article);
  // Annotations come first: the annotator's decision overrides recognition on that span.
  const annotated = annotatedMentions(annotations, kb);
  const annotatedAt = overlapLookup(annotated);
  const known = knowledgeBaseMatches(text, tokens, kb, skip).filter((k) => annotatedAt(k).length === 0);
  const knownAt = overlapLookup(known);
  const found: EntityMentionInText[] = [...annotated];
  const keptKnown = new Set(known);
  for (const m of modelMentions) {
    if (annotatedAt(m).length) continue;
    const clashes = knownAt(m);
    // Known names win over the model where they overlap ("Russian President Vladimir Putin" → "Vladimir Putin",
    // "Kharkov or Odessa" → two places), except a known name inside a longer name ("Washington Post").
    if (clashes.length && !(clashes.length === 1 && extendsKnownName(text, m, clashes[0]!))) {
      // "Ukraine Yuriy Kolobov": the person after a known place opening the span is kept.
      const place = clashes.length === 1 && clashes[0]!.type === 'place' ? clashes[0]! : undefined;
      const rest = place && m.type === 'person' && place.start === m.start ? /^(\s+)(\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|da|di|du|del|van|von|der|bin|al|la|le)\s+)?\p{Lu}[\p{L}'’.-]*)+)$/u.exec(text.slice(place.end, m.end)) : null;
      if (rest) {
        const start = place!.end + rest[1]!.length;
        found.push({ start, end: m.end, text: rest[2]!, type: 'person', canonical: rest[2]!, chainKey: rest[2]!, via: 'model' });
      }
      continue;
    }
    for (const k of clashes) keptKnown.delete(k);
    found.push({ start: m.start, end: m.end, text: m.text, type: m.type, canonical: m.text, chainKey: m.canonicalKey, via: 'model' });
  }
  for (const k of known) if (keptKnown.has(k)) found.push(k);
  // "US$ 20,000", "A$5": a country's code before a currency sign is part of the amount.
  // "https://en.wikinews.org/wiki/US_president_Bush_visits_Canada": words of a web address name nobody.
  const addresses = webAddresses(text);
  const named = found.filter((m) => m.via === 'annotation' || !((m.type === 'place' && text[m.end] === '$') || addresses.some((a) => overlaps(a, m))));
  found.length = 0;
  // One at a time: spreading a long list into push() overflows the stack (a 2 MB article has ~150,000 names).
  for (const m of named) found.push(m);
  found.sort((a, b) => a.start - b.start);
  linkToKnowledgeBase(found, kb);
  attachTitles(text, tokens, found);
  linkOfficeholders(article, found, kb);
  return found;
}

/** Country names a title names by demonym or name ("Japanese Prime Minister" → Japan). */
function titleCountries(title: string): Set<string> {
  const countries = new Set<string>();
  const gazetteer = loadGazetteer();
  if (!gazetteer) return countries;
  const words = title.split(/[\s,]+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const demonym = gazetteer.countryOfDemonym(words[i]!.replace(/['’]s$/, ''));
    if (demonym) countries.add(demonym.name);
    for (const n of [1, 2, 3]) {
      const phrase = words.slice(i, i + n).join(' ').replace(/['’]s$/, '');
      const place = gazetteer.lookup(phrase).find((p) => p.kind === 'country');
      if (place?.country) countries.add(place.country);
    }
  }
  return countries;
}

/** A chain with no full name: "President Bush" links when one person of that surname held the office on the date. */
function linkByTitle(article: Article, chain: EntityMentionInText[], table: Officeholders, kb: KnowledgeBase, date: CalendarDate | undefined): void {
  if (!date) return;
  // The first title that names an office decides ("Mr Howard … Prime Minister Howard").
  let titled: EntityMentionInText | undefined;
  let chosen: ReturnType<Officeholders['chooseByTitle']>;
  for (const m of chain) {
    if (!m.role) continue;
    chosen = table.chooseByTitle(m.text, m.role, { date, countries: withTableCountryNames(titleCountries(m.role)) });
    if (chosen) {
      titled = m;
      break;
    }
  }
  if (!titled || !chosen) return;
  const known = chosen.person.wikidata ? kb.byWikidata(chosen.person.wikidata) : undefined;
  for (const m of chain) {
    if (m.start < titled.start && !inHeadline(article, m)) continue;
    m.entityKey = known?.key ?? chosen.person.key;
    m.canonical = known?.name ?? chosen.person.name;
    if (!known) m.link = chosen.choice;
  }
}

/** The headline restates the body: "Blair rejects…" is the Tony Blair the body names, though it comes first. */
function inHeadline(article: Article, m: Span): boolean {
  const headline = article.header.headline;
  return !!headline && m.start >= headline.start && m.end <= headline.end;
}

/** Characters either side of a person's first full mention read for office words. */
const CONTEXT_WINDOW = 100;

/** Country names an article is about: its linked places and the demonyms of its titles ("Kenyan Foreign Minister"). */
function articleCountries(mentions: readonly EntityMentionInText[], kb: KnowledgeBase): Set<string> {
  const countries = new Set<string>();
  const gazetteer = loadGazetteer();
  for (const m of mentions) {
    if (m.type === 'place' && m.entityKey) {
      const entry = kb.entry(m.entityKey);
      if (entry?.kind === 'country') countries.add(entry.name);
      else if (entry?.country) countries.add(entry.country);
    }
    for (const word of (m.role ?? '').split(/\s+/)) {
      const country = gazetteer?.countryOfDemonym(word);
      if (country) countries.add(country.name);
    }
  }
  return countries;
}

/**
 * People no entry knows, from the office-holder table: by the chain's full name, written at or before the mention
 * (a surname alone links only after the article has named the person in full, or in the headline), chosen by date,
 * office and country.
 */
function linkOfficeholders(article: Article, mentions: EntityMentionInText[], kb: KnowledgeBase): void {
  const open = mentions.filter((m) => m.type === 'person' && !m.entityKey && m.via !== 'annotation');
  if (!open.length) return;
  const table = kb.officeholders;
  if (!table) return;
  const chains = new Map<string, EntityMentionInText[]>();
  for (const m of open) {
    const chain = chains.get(m.chainKey);
    if (chain) chain.push(m);
    else chains.set(m.chainKey, [m]);
  }
  let countries: Set<string> | undefined;
  const date = article.header.dateline?.date;
  for (const chain of chains.values()) {
    const full = chain.filter((m) => /\s/.test(m.text.trim()) && !isAllCapsName(m.text)).sort((a, b) => b.text.length - a.text.length)[0]
      ?? chain.find((m) => /\s/.test(m.text.trim()));
    if (!full) {
      linkByTitle(article, chain, table, kb, date);
      continue;
    }
    const firstFull = chain.filter((m) => /\s/.test(m.text.trim())).reduce((min, m) => Math.min(min, m.start), Infinity);
    countries ??= withTableCountryNames(articleCountries(mentions, kb));
    const title = chain.map((m) => m.role).filter(Boolean).join(' ; ');
    const nearby = article.text.slice(Math.max(0, full.start - CONTEXT_WINDOW), full.end + CONTEXT_WINDOW).toLowerCase();
    const chosen = table.choose(full.text, { date, title, nearby, countries });
    if (!chosen) continue;
    const known = chosen.person.wikidata ? kb.byWikidata(chosen.person.wikidata) : undefined;
    const key = known?.key ?? chosen.person.key;
    const name = known?.name ?? chosen.person.name;
    for (const m of chain) {
      if (m.start < firstFull && !inHeadline(article, m)) continue;
      m.entityKey = key;
      m.canonical = name;
      if (!known) m.link = chosen.choice;
    }
  }
}

const ENTITY_TYPES = new Set(['person', 'place', 'organization']);

/** Entities the annotator marked: `id=Q…` or `ref="Name"` link them, otherwise the surface does. */
function annotatedMentions(annotations: readonly Annotation[], kb: KnowledgeBase): EntityMentionInText[] {
  const out: EntityMentionInText[] = [];
  for (const a of annotations) {
    if (!ENTITY_TYPES.has(a.type) || a.clean.end <= a.clean.start) continue;
    const type = a.type as EntityType;
    const id = attributeValue(a, 'id');
    const ref = attributeValue(a, 'ref');
    const entry = (id ? kb.byWikidata(id) : undefined) ?? kb.lookup(ref ?? a.surface, type)[0] ?? (ref ? undefined : kb.lookup(a.surface)[0]);
    const mention: EntityMentionInText = {
      start: a.clean.start, end: a.clean.end, text: a.surface, type,
      canonical: entry?.name ?? ref ?? a.surface, chainKey: entry?.key ?? `${type}:${normalizeName(ref ?? a.surface)}`, via: 'annotation',
    };
    if (entry) mention.entityKey = entry.key;
    out.push(mention);
  }
  return out;
}

/** Titles come from the text before a person's name, found the same way whichever way the name was found. */
function attachTitles(text: string, tokens: readonly Token[], mentions: EntityMentionInText[]): void {
  let k = 0;
  for (const m of mentions) {
    if (m.type !== 'person' || m.role) continue;
    while (k < tokens.length && tokens[k]!.start < m.start) k++;
    if (tokens[k]?.start !== m.start) continue;
    const title = titleBefore(text, tokens, k);
    if (title) {
      m.role = title.title;
      m.roleSpan = title.span;
    }
  }
}

function linkToKnowledgeBase(mentions: EntityMentionInText[], kb: KnowledgeBase): void {
  // The longest mention of each chain names it ("Putin" → "Vladimir Putin").
  const chainName = new Map<string, string>();
  for (const m of mentions) {
    const current = chainName.get(m.chainKey);
    if (!current || m.text.length > current.length) chainName.set(m.chainKey, isAllCapsName(m.text) ? current ?? m.text : m.text);
  }
  const chainEntry = new Map<string, KnowledgeEntry | null>();
  for (const m of mentions) {
    if (m.entityKey || m.via === 'annotation') continue;
    let entry = chainEntry.get(m.chainKey);
    if (entry === undefined) {
      const names = [chainName.get(m.chainKey) ?? m.text, m.text];
      entry = null;
      for (const name of names) {
        const hits = kb.lookup(name);
        entry = hits.find((h) => h.type === m.type) ?? hits[0] ?? null;
        if (entry) break;
      }
      if (!entry && m.type === 'place') entry = kb.lookupPlace(m.text) ?? null;
      chainEntry.set(m.chainKey, entry);
    }
    if (entry) {
      m.entityKey = entry.key;
      m.canonical = entry.name;
      // The knowledge base knows the type better than the context does ("Kremlin" is an organization).
      m.type = entry.type;
    } else {
      m.canonical = chainName.get(m.chainKey) ?? m.text;
    }
  }
}
