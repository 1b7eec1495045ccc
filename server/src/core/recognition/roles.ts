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
