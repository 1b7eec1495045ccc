// Titles written next to a person's name become the mention's role: "German Chancellor Olaf Scholz" → role
// "German Chancellor"; "Julianne Smith, US Ambassador to NATO, said" → role "US Ambassador to NATO".

import type { TokenFacts } from './features';
import { GENERAL_LEXICON } from './generalLexicon';
import { WordClass, type Lexicon } from './lexicon';
import { TOKEN_FLAG_LINE_START, type RecognitionTokens } from './tokenize';

const TITLE_WORDS = new Set(GENERAL_LEXICON.titles);
/** Lower-case words that may sit inside a title ("defense ministry spokesperson", "chief deputy press secretary"). */
const TITLE_MODIFIERS = new Set([
  'foreign', 'defense', 'defence', 'ministry', 'deputy', 'chief', 'press', 'former', 'senior', 'national', 'security',
  'state', 'prime', 'vice', 'acting', 'interior', 'finance', 'health', 'economy', 'economic', 'trade', 'general',
  'executive', 'military', 'presidential', 'party', 'opposition', 'team', 'club', 'police', 'army', 'top', 'new',
  'assistant', 'associate', 'managing', 'head', 'lead', 'senate', 'house', 'majority', 'minority', 'federal',
  'regional', 'local', 'city', 'county', 'district', 'science', 'fiction', 'news', 'agency', 'department',
  'government', 'kremlin', 'white', 'affairs', 'justice', 'home', 'education', 'environment', 'energy', 'labor',
  'labour', 'culture', 'sports', 'transport', 'information', 'intelligence', 'communications', 'public', 'first',
]);
const TITLE_LINKS = new Set(['of', 'for', 'to', 'on', 'the']);
const MAX_ROLE_TOKENS = 8;
/** Value in the `taken` array for tokens inside a person mention (other mentions use other non-zero values). */
export const PERSON_MARK = 1;

function isTitleWord(lower: string, lexicon: Lexicon): boolean {
  if (TITLE_WORDS.has(lower)) return true;
  const bits = lexicon.wordClasses.get(lower) ?? 0;
  if (bits & WordClass.functionWord) return false;
  return (bits & (WordClass.title | WordClass.honorific)) !== 0 || ((bits & WordClass.personWord) !== 0 && !lower.endsWith('s'));
}

function isWordToken(text: string): boolean {
  return /^[\p{L}\p{N}]/u.test(text);
}

/** Token range [from, to) of a title right before token `first`, or undefined. */
function titleBefore(tokens: RecognitionTokens, facts: TokenFacts, lexicon: Lexicon, first: number, taken: Uint8Array): [number, number] | undefined {
  let from = first;
  let sawTitle = false;
  for (let k = first - 1; k >= 0 && first - k <= MAX_ROLE_TOKENS; k--) {
    if (tokens.flags[k + 1]! & TOKEN_FLAG_LINE_START) break;
    // A place or organization name belongs to the title ("NATO Secretary General"); another person does not.
    if (taken[k] === PERSON_MARK) break;
    if (taken[k]) { from = k; continue; }
    const text = tokens.texts[k]!;
    if (!isWordToken(text)) break;
    const lower = facts.lower[k]!;
    if (isTitleWord(lower, lexicon)) { sawTitle = true; from = k; continue; }
    if (facts.capitalized[k] || TITLE_MODIFIERS.has(lower)) { from = k; continue; }
    if (TITLE_LINKS.has(lower) && k > 0 && (facts.capitalized[k - 1] || isTitleWord(facts.lower[k - 1]!, lexicon))) { from = k; continue; }
    break;
  }
  if (!sawTitle) return undefined;
  // Never start with a link word ("the", "of"), nor with a sentence-initial ordinary word ("Yesterday").
  const ordinary = WordClass.common | WordClass.functionWord | WordClass.verb | WordClass.noun | WordClass.adjective;
  for (;;) {
    if (from >= first) return undefined;
    const lower = facts.lower[from]!;
    const bits = lexicon.wordClasses.get(lower) ?? 0;
    if (TITLE_LINKS.has(lower)) { from++; continue; }
    if (!facts.capitalized[from] && (bits & WordClass.functionWord) && !isTitleWord(lower, lexicon) && !TITLE_MODIFIERS.has(lower)) { from++; continue; }
    if (facts.sentenceStart[from] && !taken[from] && !facts.allCaps[from] && (bits & ordinary) && !(bits & WordClass.demonym) &&
      !isTitleWord(lower, lexicon) && !TITLE_MODIFIERS.has(lower)) { from++; continue; }
    break;
  }
  return [from, first];
}

/** Token range of an appositive title after token `last` ("Name, US Ambassador to NATO,"), or undefined. */
function titleAfter(tokens: RecognitionTokens, facts: TokenFacts, lexicon: Lexicon, last: number): [number, number] | undefined {
  if (tokens.texts[last + 1] !== ',') return undefined;
  const from = last + 2;
  let to = from;
  let sawTitle = false;
  while (to < tokens.count && to - from < MAX_ROLE_TOKENS) {
    if (tokens.flags[to]! & TOKEN_FLAG_LINE_START) break;
    const text = tokens.texts[to]!;
    const lower = facts.lower[to]!;
    if (!isWordToken(text) && text !== "'s" && text !== '’s') break;
    if (isTitleWord(lower, lexicon)) sawTitle = true;
    else if (!(facts.capitalized[to] || TITLE_MODIFIERS.has(lower) || TITLE_LINKS.has(lower) || text === "'s" || text === '’s')) return undefined;
    to++;
  }
  if (!sawTitle || to === from) return undefined;
  const end = tokens.texts[to];
  if (end !== ',' && end !== '.' && end !== ')' && end !== ';' && end !== undefined && !(tokens.flags[to]! & TOKEN_FLAG_LINE_START)) return undefined;
  while (to > from && TITLE_LINKS.has(facts.lower[to - 1]!)) to--;
  return [from, to];
}

export interface RoleMatch {
  text: string;
  /** Token range of the role. */
  from: number;
  to: number;
}

/** The role written next to a person spanning tokens [first, last], or undefined. */
export function findRole(
  text: string,
  tokens: RecognitionTokens,
  facts: TokenFacts,
  lexicon: Lexicon,
  first: number,
  last: number,
  taken: Uint8Array,
): RoleMatch | undefined {
  const range = titleBefore(tokens, facts, lexicon, first, taken) ?? titleAfter(tokens, facts, lexicon, last);
  if (!range) return undefined;
  const [from, to] = range;
  if (to <= from) return undefined;
  const role = text.slice(tokens.starts[from]!, tokens.ends[to - 1]!).replace(/\s+/g, ' ').trim();
  return role.length > 0 && role.length <= 80 ? { text: role, from, to } : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// What a title says: the offices it names, whose they are, and whether they are held now. "Mr" names no office;
// "UK Prime Minister", "British Prime Minister" and "Prime Minister of the United Kingdom" name one office;
// "former Prime Minister" names a past one.

/** Offices compared across articles: government posts, and seats in a legislature (a minister may hold both). */
export type OfficeBranch = 'executive' | 'legislature';

/** What kind of person a title describes, to tell two people of one name apart (a minister, a rugby captain). */
export type TitleDomain = 'government' | 'sport' | 'business' | 'religion' | 'military' | 'royal' | 'other';

export interface Office {
  /** The office without its holder's country: "prime minister", "minister", "deputy minister", "senator". */
  office: string;
  branch: OfficeBranch;
  /** Portfolio words of a minister or secretary ("foreign", "defence"), synonyms folded. */
  portfolio: string[];
  /** Country, region or organisation whose office it is, as the resolver names it; undefined when unsaid. */
  jurisdiction?: string;
}

export interface TitleReading {
  /** Current offices named (several when coordinated: "acting Prime Minister and President"). */
  offices: Office[];
  /** Domains of every current title word, offices or not. */
  domains: Set<TitleDomain>;
  /** Offset in the role text where the title proper starts (after words glued from a previous line or sentence). */
  start: number;
}

/** Resolves a run of title words to whose office it is ("British" → the United Kingdom), or undefined. */
export type JurisdictionResolver = (phrase: string) => string | undefined;

const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend', 'hon',
  'honourable', 'honorable', 'excellency', 'majesty', 'highness', 'herr', 'mme', 'monsieur', 'madame', 'señor', 'senor',
]);
const PAST_WORDS = new Set(['former', 'ex', 'then', 'late', 'retired', 'erstwhile', 'onetime', 'one-time', 'previous', 'past', 'deposed', 'ousted', 'sacked', 'dismissed', 'exiled']);
const FUTURE_WORDS = new Set(['incoming', 'designate', 'elect', 'nominee', 'presumptive', 'candidate', 'hopeful', 'future', 'would-be']);
/** Words that qualify a title without changing the office. */
const NEUTRAL_WORDS = new Set([
  'the', 'of', 'for', 'to', 'on', 'in', 'at', 'a', 'an', 'and', 'acting', 'interim', 'caretaker', 'current', 'incumbent',
  'outgoing', 'retiring', 'sitting', 'new', 'top', 'senior', 'federal', 'national', 'state', 'country', 'countrys',
  'beleaguered', 'embattled', 'only', 'also', 'then', 'now', 'longtime', 'long-time', 'veteran', 'its', 'his', 'her', 'their',
  'democratic', 'democrat', 'democrats', 'republican', 'labor', 'labour', 'liberal', 'liberals', 'conservative', 'green',
  'greens', 'socialist', 'nationals', 'independent', 'tory', 'opposition', 'ruling', 'government', 'governing', 'party',
]);
/** Portfolio words folded onto one spelling ("defense" and "defence", "home" and "interior"). */
const PORTFOLIO_SYNONYMS = new Map([
  ['defense', 'defence'], ['home', 'interior'], ['internal', 'interior'], ['external', 'foreign'], ['exchequer', 'finance'],
  ['treasury', 'finance'], ['financial', 'finance'], ['economic', 'economy'], ['labor', 'labour'], ['commerce', 'trade'],
  ['relations', ''], ['affairs', ''], ['ministry', ''], ['department', ''], ['office', ''], ['cabinet', ''],
]);

interface Head {
  words: string[];
  office: string;
  branch?: OfficeBranch;
  domain: TitleDomain;
  /** Ministers and secretaries are told apart by their portfolio; presidents are not. */
  portfolio?: boolean;
  /** A head that leads an organisation when organisation words come with it ("FIFA President"). */
  orgHead?: boolean;
}

function head(phrase: string, office: string, domain: TitleDomain, extra: Partial<Head> = {}): Head {
  return { words: phrase.split(' '), office, domain, ...extra };
}
const EXECUTIVE = { branch: 'executive' as const };
const LEGISLATURE = { branch: 'legislature' as const };
/** Title heads, longest first where they share words. */
const HEADS: Head[] = [
  head('deputy prime minister', 'deputy prime minister', 'government', EXECUTIVE),
  head('prime minister', 'prime minister', 'government', EXECUTIVE),
  head('premier', 'prime minister', 'government', EXECUTIVE),
  head('vice premier', 'deputy prime minister', 'government', EXECUTIVE),
  head('first minister', 'first minister', 'government', EXECUTIVE),
  head('chief minister', 'chief minister', 'government', EXECUTIVE),
  head('vice president', 'vice president', 'government', { ...EXECUTIVE, orgHead: true }),
  head('president', 'president', 'government', { ...EXECUTIVE, orgHead: true }),
  head('vice chancellor', 'vice chancellor', 'government', { ...EXECUTIVE, orgHead: true }),
  head('chancellor', 'chancellor', 'government', { ...EXECUTIVE, orgHead: true }),
  head('secretary of state', 'minister', 'government', { ...EXECUTIVE, portfolio: true }),
  head('secretary general', 'secretary general', 'government', { ...EXECUTIVE, orgHead: true }),
  head('general secretary', 'general secretary', 'other'),
  head('press secretary', 'spokesperson', 'government', EXECUTIVE),
  head('chief of staff', 'chief of staff', 'government', EXECUTIVE),
  head('attorney general', 'attorney general', 'government', EXECUTIVE),
  head('solicitor general', 'solicitor general', 'government', EXECUTIVE),
  head('governor general', 'governor general', 'government', EXECUTIVE),
  head('lieutenant governor', 'lieutenant governor', 'government', EXECUTIVE),
  head('minister', 'minister', 'government', { ...EXECUTIVE, portfolio: true }),
  head('secretary', 'minister', 'government', { ...EXECUTIVE, portfolio: true, orgHead: true }),
  head('treasurer', 'minister', 'government', { ...EXECUTIVE, portfolio: true, orgHead: true }),
  head('governor', 'governor', 'government', EXECUTIVE),
  head('mayor', 'mayor', 'government', EXECUTIVE),
  head('ambassador', 'ambassador', 'government', EXECUTIVE),
  head('spokesman', 'spokesperson', 'government', EXECUTIVE),
  head('spokeswoman', 'spokesperson', 'government', EXECUTIVE),
  head('spokesperson', 'spokesperson', 'government', EXECUTIVE),
  head('member of parliament', 'member of parliament', 'government', LEGISLATURE),
  head('mp', 'member of parliament', 'government', LEGISLATURE),
  head('senator', 'senator', 'government', LEGISLATURE),
  head('sen', 'senator', 'government', LEGISLATURE),
  head('representative', 'representative', 'government', LEGISLATURE),
  head('rep', 'representative', 'government', LEGISLATURE),
  head('congressman', 'representative', 'government', LEGISLATURE),
  head('congresswoman', 'representative', 'government', LEGISLATURE),
  head('congressperson', 'representative', 'government', LEGISLATURE),
  // Titles that are not offices compared here, but say what kind of person this is.
  head('chief justice', 'chief justice', 'government'),
  head('justice', 'justice', 'government'),
  head('judge', 'judge', 'government'),
  head('envoy', 'envoy', 'government'),
  head('adviser', 'adviser', 'government'),
  head('advisor', 'adviser', 'government'),
  head('commissioner', 'commissioner', 'government'),
  head('lawmaker', 'lawmaker', 'government'),
  head('legislator', 'lawmaker', 'government'),
  head('speaker', 'speaker', 'government'),
  head('leader', 'leader', 'government'),
  head('official', 'official', 'government'),
  head('king', 'king', 'royal'), head('queen', 'queen', 'royal'), head('prince', 'prince', 'royal'),
  head('princess', 'princess', 'royal'), head('emperor', 'emperor', 'royal'), head('sultan', 'sultan', 'royal'),
  head('emir', 'emir', 'royal'), head('sheikh', 'sheikh', 'royal'), head('duke', 'duke', 'royal'),
  head('pope', 'pope', 'religion'), head('cardinal', 'cardinal', 'religion'), head('bishop', 'bishop', 'religion'),
  head('archbishop', 'archbishop', 'religion'), head('imam', 'imam', 'religion'), head('rabbi', 'rabbi', 'religion'),
  head('ayatollah', 'ayatollah', 'religion'), head('pastor', 'pastor', 'religion'),
  head('coach', 'coach', 'sport'), head('captain', 'captain', 'sport'), head('skipper', 'captain', 'sport'),
  head('striker', 'player', 'sport'), head('goalkeeper', 'player', 'sport'), head('midfielder', 'player', 'sport'),
  head('defender', 'player', 'sport'), head('batsman', 'player', 'sport'), head('bowler', 'player', 'sport'),
  head('quarterback', 'player', 'sport'), head('pitcher', 'player', 'sport'), head('jockey', 'player', 'sport'),
  head('player', 'player', 'sport'), head('winger', 'player', 'sport'), head('forward', 'player', 'sport'),
  // A chair or a director may lead a party, a company or a charity: only a company's words make it business.
  head('ceo', 'ceo', 'business'), head('executive', 'executive', 'business'),
  head('chairman', 'chair', 'other', { orgHead: true }), head('chairwoman', 'chair', 'other', { orgHead: true }),
  head('chair', 'chair', 'other', { orgHead: true }), head('founder', 'founder', 'other', { orgHead: true }),
  head('director', 'director', 'other', { orgHead: true }), head('manager', 'manager', 'other', { orgHead: true }),
  head('general', 'general', 'military'), head('colonel', 'colonel', 'military'), head('col', 'colonel', 'military'),
  head('lieutenant', 'lieutenant', 'military'), head('lt', 'lieutenant', 'military'), head('major', 'major', 'military'),
  head('admiral', 'admiral', 'military'), head('brigadier', 'brigadier', 'military'), head('sergeant', 'sergeant', 'military'),
  head('sgt', 'sergeant', 'military'), head('gen', 'general', 'military'), head('commander', 'commander', 'military'),
  head('capt', 'captain', 'military'), head('corporal', 'corporal', 'military'),
];
const HEADS_BY_FIRST_WORD = new Map<string, Head[]>();
for (const h of HEADS) {
  const list = HEADS_BY_FIRST_WORD.get(h.words[0]!) ?? [];
  list.push(h);
  list.sort((a, b) => b.words.length - a.words.length);
  HEADS_BY_FIRST_WORD.set(h.words[0]!, list);
}
/** Last words of heads: a title ends in one. */
const HEAD_LAST_WORDS = new Set(HEADS.map((h) => h.words[h.words.length - 1]!));
/** Words before a head that make it a lower office ("Deputy Foreign Minister"). */
const LOWER_RANKS = new Set(['deputy', 'vice', 'assistant', 'under', 'associate', 'junior']);
/** Words that make a president or a secretary an organisation's ("Party chair", "Society president", "FIFA President"). */
const ORGANISATION_WORDS = new Set([
  'party', 'union', 'unions', 'council', 'society', 'association', 'federation', 'league', 'club', 'committee', 'board',
  'company', 'corporation', 'bank', 'university', 'college', 'institute', 'foundation', 'fund', 'church', 'network',
  'group', 'agency', 'court', 'congress', 'organisation', 'organization', 'movement', 'front', 'team', 'school', 'commission',
  'exchange', 'airline', 'airways', 'bureau', 'conference', 'tribunal', 'synod', 'academy', 'trust', 'chamber', 'guild',
  'olympic', 'games', 'festival', 'campaign', 'inc', 'ltd', 'plc', 'corp',
]);
/** Organisation words that make its head a businessman ("Acme Corporation chairman"). */
const COMPANY_WORDS = new Set(['company', 'corporation', 'bank', 'inc', 'ltd', 'plc', 'corp', 'airline', 'airways', 'exchange', 'group', 'holdings', 'motors']);
/** Words of a military or police title: "Police Captain" is not a sports captain. */
const FORCE_WORDS = new Set(['police', 'army', 'navy', 'naval', 'air', 'force', 'marine', 'marines', 'guard', 'military', 'fire', 'sea']);

/** A title word as compared: lower case, no dots, no possessive ("U.S." → "us", "Australia's" → "australia"). */
function titleWord(raw: string): string {
  return raw.toLowerCase().replace(/[’']s$/, '').replace(/[.’',()"“”]/g, '');
}

const READING_CACHE_LIMIT = 50_000;

/**
 * Reads a title. The resolver names whose office a run of words denotes; words it resolves are not portfolio words.
 * Readings are cached per role text and resolver.
 */
export function readTitle(role: string, resolve: JurisdictionResolver = () => undefined): TitleReading {
  let byResolver = resolverCaches.get(resolve);
  if (!byResolver) resolverCaches.set(resolve, (byResolver = new Map()));
  let reading = byResolver.get(role);
  if (!reading) {
    if (byResolver.size >= READING_CACHE_LIMIT) byResolver.clear();
    byResolver.set(role, (reading = parseTitle(role, resolve)));
  }
  return reading;
}
const resolverCaches = new WeakMap<JurisdictionResolver, Map<string, TitleReading>>();

function parseTitle(role: string, resolve: JurisdictionResolver): TitleReading {
  // Words glued from a previous line or sentence are not part of the title ("Band Aid\nPrime Minister",
  // "Australia's Prime Minister. Mr").
  let start = 0;
  for (const m of role.matchAll(/\n|\p{Ll}{3,}[.!?]\s+|[;:]\s+/gu)) start = m.index! + m[0].length;
  const text = role.slice(start);
  const raw = text.split(/[\s\u2013\u2014-]+/).filter((w) => titleWord(w));
  const words = raw.map(titleWord);
  const reading: TitleReading = { offices: [], domains: new Set(), start };
  // Coordinated titles name several offices: split at "and" / "&" where a head follows on both sides.
  let partStart = 0;
  const parts: Array<{ words: string[]; acronym: boolean }> = [];
  for (let i = 0; i <= words.length; i++) {
    if (i === words.length || words[i] === 'and' || words[i] === '&') {
      const part = words.slice(partStart, i);
      // An unresolved acronym in a title is usually an organisation ("LDP President", "UAW President").
      const acronym = raw.slice(partStart, i).some((w) => /^[A-Z][A-Z&]{1,5}$/.test(w) && !resolve(titleWord(w)));
      // "Minister of Economic Development and Trade": a part without a head belongs to the one before.
      const previous = parts[parts.length - 1];
      if (previous && !part.some((w) => HEADS_BY_FIRST_WORD.has(w))) previous.words.push(...part);
      else parts.push({ words: part, acronym });
      partStart = i + 1;
    }
  }
  // Past offices ("former", "ex-", "then-") and future ones ("incoming", "-elect") are not held now.
  for (const { words: part, acronym } of parts) if (!part.some((w) => PAST_WORDS.has(w) || FUTURE_WORDS.has(w))) readPart(part, acronym, resolve, reading);
  return reading;
}

function readPart(words: string[], acronym: boolean, resolve: JurisdictionResolver, reading: TitleReading): void {
  // Heads in the part, left to right; "President General" names a president who is a general.
  const heads: Array<{ head: Head; at: number }> = [];
  for (let i = 0; i < words.length; i++) {
    const candidates = HEADS_BY_FIRST_WORD.get(words[i]!);
    const found = candidates?.find((h) => h.words.every((w, k) => words[i + k] === w));
    if (!found) continue;
    heads.push({ head: found, at: i });
    i += found.words.length - 1;
  }
  if (!heads.length) return;
  const used = new Set<number>();
  for (const { head: h, at } of heads) for (let k = 0; k < h.words.length; k++) used.add(at + k);
  // Whose office: the longest runs of remaining words the resolver knows ("United Kingdom", "British", "NATO").
  let jurisdiction: string | undefined;
  for (let i = 0; i < words.length; i++) {
    if (used.has(i)) continue;
    for (let len = Math.min(4, words.length - i); len >= 1; len--) {
      const run = words.slice(i, i + len);
      if (run.some((_, k) => used.has(i + k)) || NEUTRAL_WORDS.has(run[0]!) || NEUTRAL_WORDS.has(run[len - 1]!)) continue;
      const found = resolve(run.join(' '));
      if (!found) continue;
      jurisdiction ??= found;
      for (let k = 0; k < len; k++) used.add(i + k);
      i += len - 1;
      break;
    }
  }
  const rest = words.filter((w, i) => !used.has(i) && !NEUTRAL_WORDS.has(w) && !HONORIFICS.has(w));
  const organisational = acronym || rest.some((w) => ORGANISATION_WORDS.has(w) || COMPANY_WORDS.has(w));
  const company = rest.some((w) => COMPANY_WORDS.has(w));
  const forces = rest.some((w) => FORCE_WORDS.has(w));
  const lowerRank = (at: number) => words.slice(0, at).some((w, i) => !used.has(i) && LOWER_RANKS.has(w));
  const seen = new Set<string>();
  for (const { head: h, at } of heads) {
    let domain = h.domain;
    if (h.office === 'captain' && forces) domain = 'military';
    if (h.orgHead && organisational) domain = company ? 'business' : 'other';
    reading.domains.add(domain);
    if (!h.branch || domain !== 'government') continue;
    const office = (lowerRank(at) && !h.office.startsWith('deputy') && !h.office.startsWith('vice') ? 'deputy ' : '') + h.office;
    // "Chancellor Chancellor": one office however often it is written.
    if (seen.has(office)) continue;
    seen.add(office);
    const portfolio = h.portfolio ? portfolioWords(words, used, at, h) : [];
    const o: Office = { office, branch: h.branch, portfolio };
    if (jurisdiction) o.jurisdiction = jurisdiction;
    reading.offices.push(o);
  }
}

function portfolioWords(words: string[], used: Set<number>, at: number, h: Head): string[] {
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    if (used.has(i) || LOWER_RANKS.has(words[i]!) || NEUTRAL_WORDS.has(words[i]!) || HONORIFICS.has(words[i]!)) continue;
    if (HEADS_BY_FIRST_WORD.has(words[i]!) && i !== at) continue;
    const w = PORTFOLIO_SYNONYMS.get(words[i]!) ?? words[i]!;
    if (w) out.add(w);
  }
  // "Secretary of State" is the foreign office unless another portfolio is named ("… of State for Defence").
  if (h.words.join(' ') === 'secretary of state' && out.size === 0) out.add('foreign');
  return [...out].sort();
}

/** Two offices are the same post: one office word, portfolios one within the other, no two different jurisdictions. */
export function sameOffice(a: Office, b: Office): boolean {
  if (a.office !== b.office) return false;
  if (a.portfolio.length && b.portfolio.length) {
    const [small, large] = a.portfolio.length <= b.portfolio.length ? [a.portfolio, b.portfolio] : [b.portfolio, a.portfolio];
    // A truncated word is the same word ("Nat" for "NATO"); garbled-reference reports it.
    const has = (w: string) => large.some((l) => l === w || ((l.startsWith(w) || w.startsWith(l)) && Math.min(l.length, w.length) >= 3));
    if (!small.every(has)) return false;
  }
  return true;
}

/**
 * Where a title joined to this one by "and" starts ("acting Prime Minister and President Kurmanbek Bakiyev": the
 * role found is "President"; the person holds both). Returns `start` when no such title comes before it.
 */
export function coordinatedTitleStart(text: string, start: number): number {
  let from = start;
  for (;;) {
    const base = Math.max(0, from - 80);
    const before = text.slice(base, from);
    const joined = /((?:[\p{L}.'’-]+ ){1,6})(?:and|&) $/du.exec(before);
    if (!joined) return from;
    // The title words nearest to "and": capitalised, or words that sit in titles ("acting", "deputy", "minister").
    const words = [...joined[1]!.matchAll(/[^ ]+/g)];
    let k = words.length;
    while (k > 0) {
      const raw = words[k - 1]![0];
      const w = titleWord(raw);
      if (!/^\p{Lu}/u.test(raw) && !HEADS_BY_FIRST_WORD.has(w) && !LOWER_RANKS.has(w) && w !== 'acting' && w !== 'of') break;
      k--;
    }
    const kept = words.slice(k);
    // The joined title ends in its head ("acting Prime Minister and"), not in a name ("Prime Minister Vell and").
    if (!kept.length || !HEAD_LAST_WORDS.has(titleWord(kept[kept.length - 1]![0]))) return from;
    from = base + joined.indices![1]![0] + kept[0]!.index!;
  }
}
