// What a figure counts or measures: the head noun with its modifiers ("Russian troops near Ukraine's border",
// "sovereignty loans to Ukraine"), and whose quantity it is (owner) and which names it is about (scope).
import {
  AUXILIARIES, CAPITALIZED_NON_NAMES, COUNTRY_ALIASES, ESTIMATE_NOUNS, EVENT_CLASSES, EVENTS, HEAD_CLASSES, MEASURED_NOUNS,
  NOT_NOUNS, NP_STOP, SKIPPED_MODIFIERS, SPEECH_VERBS, SUBJECT_PREPOSITIONS,
} from './lexicon';
import type { FigureCore } from './grammar';
import { Tk, type FigToken } from './scanner';
import { isCapitalized, isPossessive, isWord, lemma, normalizeName, type TokenContext } from './context';
import type { FigureSubject } from './types';

/** Longest look-around, in tokens, of the subject reader. Keeps extraction linear. */
const MAX_NP = 6;
const MAX_PP = 7;
const MAX_LEFT = 10;

/** A name found in the text, with its identity (knowledge-base key or normalized name) and normalized form. */
export interface NamedSpan {
  start: number;
  end: number;
  type: string;
  /** Normalized name, as owners are written ("russia", "john smith"). */
  name: string;
}

export interface SubjectReading {
  /** An age ("Smith, 32,", "aged 29", "a 32-year-old"): whose age it is, as an owner. */
  age?: boolean;
  subject?: FigureSubject;
  /** Token index one past the subject (for readers that continue after it). */
  end: number;
  owner?: string;
  scope: string[];
  /** "up to 15 to 20 people", "five or possibly six": the token of the range's other end, read past for the noun. */
  rangeTail?: number;
}

export function headClassOf(head: string): string {
  const lower = head.toLowerCase();
  const base = lemma(lower);
  if (COUNTRY_ALIASES.has(lower) && lower !== base) return 'people'; // "Ukrainians"
  return HEAD_CLASSES.get(lower) ?? HEAD_CLASSES.get(base) ?? base;
}

function isNounCandidate(t: FigToken): boolean {
  return t.kind === Tk.Word && !NOT_NOUNS.has(t.lower) && !(t.lower.endsWith('ly') && t.lower.length > 4);
}

function looksPlural(w: string): boolean {
  if (w.length > 4 && w.endsWith('is') && COUNTRY_ALIASES.has(w.slice(0, -1))) return true; // "Israelis", "Iraqis"
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is');
}

function isParticiple(w: string): boolean {
  return (w.endsWith('ed') && w.length > 4) || w === 'based' || w === 'deployed' || w === 'stationed' || w === 'massed' ||
    (w.endsWith('ing') && w.length > 5);
}

export function readSubject(ctx: TokenContext, core: FigureCore, names?: readonly NamedSpan[]): SubjectReading {
  const { tokens, text } = ctx;
  const sentence = ctx.sentenceOf[core.first]!;
  const sEnd = ctx.sentenceEnd[sentence]!;
  const sFirst = ctx.sentenceFirst[sentence]!;
  const inSentence = (k: number) => k >= sFirst && k < sEnd;
  const age = readAge(ctx, core, names ?? [], sFirst, sEnd);
  if (age) return age;

  let subject: FigureSubject | undefined;
  let end = core.last + 1;
  const modifiersTokens: FigToken[] = [];

  // Right of the figure: "[150,000] Russian troops stationed near Ukraine", "[67.7%] of voters".
  const wantsNounRight = core.dimension === 'count' || core.kind === 'ratio' || core.kind === 'percent' || core.kind === 'measure' ||
    core.kind === 'money';
  let k = afterRangeTail(tokens, core.nounFrom + 1, sEnd, core.value);
  const rangeTail = k > core.nounFrom + 1 ? k - 1 : undefined;
  if ((core.kind === 'percent' || core.kind === 'money') && tokens[k]?.lower === 'of' && inSentence(k)) k++;
  else if (core.kind === 'money' && tokens[k]?.lower === 'in' && inSentence(k) && measuredNounAhead(ctx, k + 1, sEnd)) k++; // "$218 million in bonuses"
  let head: FigToken | undefined;
  let headIndex = -1;
  let npStart = -1;
  if (wantsNounRight) {
    for (let steps = 0; steps < MAX_NP && inSentence(k); steps++, k++) {
      const t = tokens[k]!;
      if (t.kind !== Tk.Word) {
        // "fighter-bombers", "season-ticket holders": glued hyphens continue the noun phrase
        if ((t.text === '-' || t.text === '‐') && t.glued && tokens[k + 1]?.glued && isWord(tokens[k + 1])) continue;
        break;
      }
      if (SKIPPED_MODIFIERS.has(t.lower) && !head) continue;
      if (!isNounCandidate(t) || isPossessive(t)) break;
      const next = tokens[k + 1];
      const nextIsNoun = !!next && inSentence(k + 1) && next.kind === Tk.Word && isNounCandidate(next) &&
        (looksPlural(next.lower) || HEAD_CLASSES.has(next.lower) || HEAD_CLASSES.has(lemma(next.lower)));
      // "52,000 watched United": a verb or a name ends the phrase, unless a noun follows ("wounded soldiers",
      // "Acme employees"); demonyms always modify ("Russian troops").
      if (isParticiple(t.lower) && !HEAD_CLASSES.has(t.lower) && !nextIsNoun) break;
      // "15 dead", "20 missing": a state, not a noun; the victims are people (see impliedVictims)
      if (modifiersTokens.length === 0 && VICTIM_STATES.has(t.lower) && !nextIsNoun) break;
      if (isCapitalized(t) && !COUNTRY_ALIASES.has(t.lower) && !nextIsNoun && !(HEAD_CLASSES.has(lemma(t.lower)) || looksPlural(t.lower)) &&
        !isDemonymPlural(t.text)) break;
      if (npStart < 0) npStart = k;
      const cls = HEAD_CLASSES.has(lemma(t.lower)) || HEAD_CLASSES.has(t.lower);
      // A measure used as an adjective ("a 48-hour period") qualifies the first noun after it.
      if (cls || looksPlural(t.lower) || t.lower === 'people' || core.kind === 'measure') {
        head = t;
        headIndex = k;
        // "armoured vehicles", "season tickets": keep going when the next word is also a plural noun
        const next = tokens[k + 1];
        if (next && inSentence(k + 1) && next.kind === Tk.Word && looksPlural(next.lower) && !NOT_NOUNS.has(next.lower) &&
          !isParticiple(next.lower) && !SPEECH_VERBS.has(next.lower)) {
          modifiersTokens.push(t);
          continue;
        }
        break;
      }
      modifiersTokens.push(t);
    }
    if (!head && modifiersTokens.length > 0 && core.kind !== 'money' && core.kind !== 'percent') {
      // "1,500 staff", "100 personnel", but not "52,000 watched": a verb is no head
      const candidate = modifiersTokens[modifiersTokens.length - 1]!;
      const w = candidate.lower;
      if (HEAD_CLASSES.has(w) || MEASURED_NOUNS.has(w) || !(w.endsWith('ed') || w.endsWith('ing') || w.endsWith('ly'))) {
        head = modifiersTokens.pop()!;
        headIndex = tokens.indexOf(head, npStart);
      }
    }
    if (!head) modifiersTokens.length = 0;
  }

  if (head && npStart >= 0) {
    let spanEnd = headIndex + 1;
    const pp = readPrepositionalPhrase(ctx, headIndex + 1, sEnd);
    if (pp) spanEnd = pp.end;
    end = spanEnd;
    const start = tokens[npStart]!.start;
    subject = {
      start,
      end: tokens[spanEnd - 1]!.end,
      text: text.slice(start, tokens[spanEnd - 1]!.end),
      head: lemma(head.lower),
      headClass: headClassOf(head.lower),
      modifiers: modifiersTokens.map((m) => m.lower),
    };
  } else if (core.kind !== 'ratio') {
    // Left of the figure: "sovereignty loans to Ukraine to [$1 billion]", "revenue of [$7.4bn]", "inflation hit [7%]".
    subject = readSubjectLeft(ctx, core, sFirst) ?? nounOfFigure(ctx, core, sFirst);
    if (!subject && core.kind === 'measure') {
      // "[30 km] from the Ukrainian border", "a [48-hour] period"
      const pp = readPrepositionalPhrase(ctx, core.last + 1, sEnd);
      if (pp) {
        const start = tokens[core.last + 1]!.start;
        subject = {
          start, end: tokens[pp.end - 1]!.end, text: text.slice(start, tokens[pp.end - 1]!.end),
          head: core.dimension, headClass: core.dimension, modifiers: [],
        };
      }
    }
  }

  if (!subject && core.dimension === 'count' && core.kind === 'count') subject = impliedVictims(ctx, core, sFirst, sEnd) ?? elidedAfterWith(ctx, core, sFirst);
  if (subject && (EVENT_CLASSES.has(subject.headClass) || (core.dimension === 'count' && (VICTIM_HEADS.has(subject.head) || isDemonymPlural(subject.text))))) {
    // An event the victims were implied by ("the toll … reached 100") stands; the clause after may tell of others.
    const event = subject.event ?? readEvent(ctx, core, subject, subject.start > tokens[core.last]!.start ? end : core.last + 1, sFirst, sEnd);
    if (event) subject.event = event;
  }
  const { owner, scope } = readScope(ctx, core, subject, modifiersTokens, sFirst, names);
  const reading: SubjectReading = { end, scope };
  if (rangeTail !== undefined) reading.rangeTail = rangeTail;
  if (subject) reading.subject = subject;
  if (owner) reading.owner = owner;
  return reading;
}

/** What happened to those counted: "3 people died", "killed at least 3", "400 residents were evacuated". */
function readEvent(ctx: TokenContext, core: FigureCore, subject: FigureSubject, after: number, sFirst: number, sEnd: number): string | undefined {
  const { tokens } = ctx;
  const own = EVENTS.get(subject.head) ?? EVENTS.get(`${subject.head}s`);
  if (own) return own;
  for (const m of subject.modifiers) {
    const e = EVENTS.get(m);
    if (e) return e;
  }
  // The verb right before the figure says it first: "infected over 200 people … and killed three".
  const adjacent = tokens[core.first - 1];
  if (core.first - 1 >= sFirst && isWord(adjacent)) {
    const e = EVENTS.get(adjacent.lower) ?? HARM_VERBS.get(adjacent.lower);
    if (e) return e;
  }
  // A subject read left of the figure: the verb between them ("the total of soldiers to die in the war to 4,000").
  if (subject.end <= tokens[core.first]!.start) {
    for (let j = core.first - 1, steps = 0; j >= sFirst && steps < 10 && tokens[j]!.start >= subject.end; j--, steps++) {
      const e = isWord(tokens[j]) ? EVENTS.get(tokens[j]!.lower) : undefined;
      if (e) return e;
    }
  }
  // The verb of the clause, a few words on: "39 soldiers have died", "44 soldiers as well as one diplomat have been killed".
  for (let k = after, steps = 0; k < sEnd && steps < 8; k++, steps++) {
    const t = tokens[k]!;
    if (t.kind === Tk.Punct && t.text !== ',') break;
    if (t.kind !== Tk.Word) continue;
    const e = EVENTS.get(t.lower);
    if (e) return e;
  }
  for (let j = core.first - 1; j >= Math.max(sFirst, core.first - 4); j--) {
    const t = tokens[j]!;
    if (t.kind !== Tk.Word) break;
    const e = EVENTS.get(t.lower) ?? HARM_VERBS.get(t.lower);
    if (e) return e;
  }
  // "the death toll … reached 300", "22,464 people, the official death toll": a harm noun in the clause says it.
  for (let j = Math.max(sFirst, core.first - 8); j < Math.min(sEnd, core.last + 8); j++) {
    const t = tokens[j]!;
    if (t.kind === Tk.Word && (t.lower === 'toll' || t.lower === 'fatalities' || t.lower === 'deaths')) return 'deaths';
  }
  return undefined;
}

/** "Canadians", "Palestinians", "Lebanese": a people named by its country, counted. */
function isDemonymPlural(text: string): boolean {
  return /\b\p{Lu}\p{Ll}+(?:ans|ese|is)\b/u.test(text);
}

/** People who can be harmed, counted: their figures take the event of the sentence (killed, injured, displaced). */
const VICTIM_HEADS: ReadonlySet<string> = new Set([
  'police', 'policeman', 'officer', 'passenger', 'worker', 'student', 'pilgrim', 'protester', 'miner', 'journalist',
  'prisoner', 'hostage', 'tourist', 'patient', 'woman', 'man', 'child', 'victim', 'life', 'case', 'toll', 'death',
  'fatality', 'casualty', 'injury', 'militant', 'insurgent', 'rebel', 'guerrilla', 'demonstrator', 'villager', 'crew',
  'member', 'fan', 'citizen', 'national', 'migrant', 'survivor', 'live',
]);

/** "near Ukraine and Belarus", "stationed near Ukraine's border", "to Ukraine", "from the Ukrainian border". */
function readPrepositionalPhrase(ctx: TokenContext, k: number, sEnd: number): { end: number } | undefined {
  const { tokens } = ctx;
  let j = k;
  if (j < sEnd && isWord(tokens[j]) && isParticiple(tokens[j]!.lower) && SUBJECT_PREPOSITIONS.has(tokens[j + 1]?.lower ?? '')) j++;
  const prep = tokens[j];
  if (!prep || j >= sEnd || prep.kind !== Tk.Word || !SUBJECT_PREPOSITIONS.has(prep.lower)) return undefined;
  if (prep.lower === 'to' && j + 1 < sEnd && isWord(tokens[j + 1]) && !isCapitalized(tokens[j + 1]) &&
    tokens[j + 1]!.lower !== 'the') return undefined; // "to support": an infinitive, not a place
  if (prep.lower === 'close' && tokens[j + 1]?.lower !== 'to') return undefined;
  let m = j + 1;
  if (prep.lower === 'close') m++;
  let last = -1;
  for (let steps = 0; steps < MAX_PP && m < sEnd; steps++, m++) {
    const t = tokens[m]!;
    if (t.kind !== Tk.Word) {
      if ((t.text === '-' || t.text === '‐') && t.glued) continue;
      break;
    }
    if (isPossessive(t) || t.lower === 'the' || t.lower === 'its' || t.lower === 'their') {
      continue;
    }
    // "near Ukraine and Belarus", but not "near Ukraine and American officials"
    if (t.lower === 'and' && isCapitalized(tokens[m + 1]) && !(isWord(tokens[m + 2]) && !isCapitalized(tokens[m + 2]) && !isPossessive(tokens[m + 2]))) continue;
    if (t.lower === 'with' && last >= 0 && isCapitalized(tokens[m + 1])) continue; // "the border with Ukraine"
    if (NP_STOP.has(t.lower) || SPEECH_VERBS.has(t.lower) || isParticiple(t.lower)) break;
    last = m;
  }
  if (last < 0) return undefined;
  return { end: last + 1 };
}

const LINKING_LEFT = new Set([
  'of', 'to', 'at', 'was', 'were', 'is', 'are', 'be', 'been', 'reached', 'hit', 'totalled', 'totaled', 'totalling', 'totaling',
  'worth', 'valued', 'by', 'stood', 'stands', 'rose', 'fell', 'amounted', 'came', 'climbed', 'dropped', 'jumped', 'grew',
  'increased', 'decreased', 'declined', 'reaching', 'its', 'their', 'a', 'an', 'the', 'nearly', 'some', 'up', 'down', 'than',
  'more', 'less', 'about', 'around', 'almost', 'over', 'under', 'just', 'estimated', 'now', 'has', 'have', 'had', 'will',
  'would', 'could', 'offer', 'offered', 'pay', 'paid', 'cost', 'costs', 'with', 'for', 'fetch', 'fetched', 'in', 'on',
]);

function readSubjectLeft(ctx: TokenContext, core: FigureCore, sFirst: number): FigureSubject | undefined {
  const { tokens, text } = ctx;
  const limit = Math.max(sFirst, core.first - MAX_LEFT);
  for (let k = core.first - 1; k >= limit; k--) {
    const t = tokens[k]!;
    if (t.kind === Tk.Number || (t.kind === Tk.Punct && t.text !== '-' && t.text !== '’' && t.text !== "'")) return undefined;
    if (t.kind !== Tk.Word) continue;
    if (SPEECH_VERBS.has(t.lower)) return undefined;
    if (ESTIMATE_NOUNS.has(t.lower) && !MEASURED_NOUNS.has(t.lower)) return undefined; // "the prior estimate of 130,000": the framing gives the subject
    if (MEASURED_NOUNS.has(t.lower)) {
      // One modifier before the head ("sovereignty loans"), then the head's own phrase ("to Ukraine"), up to the figure.
      let start = k;
      const p = tokens[k - 1];
      if (p && k - 1 >= sFirst && p.kind === Tk.Word && !NP_STOP.has(p.lower) && !isPossessive(p) && !SPEECH_VERBS.has(p.lower) &&
        !LINKING_LEFT.has(p.lower) && !isParticiple(p.lower) && !(isCapitalized(p) && !COUNTRY_ALIASES.has(p.lower))) start = k - 1;
      let stop = k + 1;
      const pp = readPrepositionalPhrase(ctx, k + 1, core.first);
      if (pp) stop = pp.end;
      const s = tokens[start]!.start;
      const e = tokens[stop - 1]!.end;
      return {
        start: s, end: e, text: text.slice(s, e), head: lemma(t.lower), headClass: headClassOf(t.lower),
        modifiers: tokens.slice(start, k).map((m) => m.lower),
      };
    }
  }
  return undefined;
}

/**
 * Owner: a demonym among the modifiers ("Russian troops"), a possessive before the figure ("Acme's 5,000 staff"),
 * or the first name of the clause ("Russia had gathered over 150,000 troops"). Scope: the owner plus the names in
 * the subject and the clause.
 */
function readScope(
  ctx: TokenContext,
  core: FigureCore,
  subject: FigureSubject | undefined,
  modifiers: FigToken[],
  sFirst: number,
  names: readonly NamedSpan[] | undefined,
): { owner?: string; scope: string[] } {
  const { tokens } = ctx;
  const scope = new Set<string>();
  let owner: string | undefined;
  // A people counted by its demonym belongs to its country: "400 Palestinians", "24 Israelis", "Seven Canadians".
  if (subject && COUNTRY_ALIASES.has(subject.head) && /^\p{Lu}/u.test(subject.text.split(/\s+/).pop() ?? '')) {
    owner = COUNTRY_ALIASES.get(subject.head)!;
    scope.add(owner);
  }
  for (const m of modifiers) {
    const country = COUNTRY_ALIASES.get(m.lower);
    if (country && isCapitalized(m)) {
      owner ??= country;
      scope.add(country);
    }
  }
  // A subject read left of the figure keeps its demonym too: "the total of American soldiers … to 4,000".
  if (!owner && subject && modifiers.length === 0 && subject.start < tokens[core.first]!.start) {
    for (const m of subject.modifiers) {
      const country = COUNTRY_ALIASES.get(m);
      if (country && m !== 'us') {
        owner = country;
        scope.add(country);
        break;
      }
    }
  }
  // Names inside the subject's phrase: "near Ukraine and Belarus", "to Ukraine".
  const sentence = ctx.sentenceOf[core.first]!;
  if (subject) {
    for (const name of namesIn(ctx, sentence, subject.start, subject.end)) scope.add(name);
  }
  // The clause before the figure: its first name owns the quantity ("The US said | Russia had collected more
  // than 130,000"); names further left and in the rest of the sentence widen the scope.
  const windowStart = Math.max(sFirst, core.first - 14);
  let clauseStart = core.first;
  for (let k = core.first - 1; k >= windowStart; k--) {
    const t = tokens[k]!;
    if (t.kind === Tk.Punct && t.text !== '-' && t.text !== '.' && t.text !== '’') break;
    if (t.kind === Tk.Word && (SPEECH_VERBS.has(t.lower) || t.lower === 'that' || t.lower === 'according' ||
      t.lower === 'while' || t.lower === 'but' || t.lower === 'as' || t.lower === 'which')) break;
    clauseStart = k;
  }
  const before = tokens[core.first - 1];
  if (isPossessive(before) && isCapitalized(tokens[core.first - 2]) && core.first - 2 >= sFirst) {
    owner ??= normalizeName(tokens[core.first - 2]!.text);
  }
  // The clause's first recognized name owns the quantity; a capitalized word that is no name (a sentence opener,
  // a mojibake fragment, a headline word) does not.
  // Without a recognizer (plain-text extraction) the clause's first capitalized run stands in for it.
  if (!owner && clauseStart < core.first) {
    owner = names
      ? firstNameIn(names, tokens[clauseStart]!.start, tokens[core.first - 1]!.end)
      : namesIn(ctx, sentence, tokens[clauseStart]!.start, tokens[core.first - 1]!.end)[0];
  }
  if (windowStart < core.first) {
    const runs = namesIn(ctx, sentence, tokens[windowStart]!.start, tokens[core.first - 1]!.end);
    for (let r = runs.length - 1; r >= 0; r--) scope.add(runs[r]!);
  }
  const sEnd = ctx.sentenceEnd[sentence]!;
  const restFrom = subject && subject.end > tokens[core.last]!.end ? subject.end : tokens[core.last]!.end;
  const restTo = tokens[Math.min(sEnd, core.last + 1 + 16) - 1]!.end;
  if (restTo > restFrom) for (const name of namesIn(ctx, sentence, restFrom, restTo)) scope.add(name);
  // Ordered by how closely each name belongs to the quantity: owner, subject, nearest names before, names after.
  const ordered = owner ? [owner, ...[...scope].filter((name) => name !== owner)] : [...scope];
  const result: { owner?: string; scope: string[] } = { scope: ordered };
  if (owner) result.owner = owner;
  return result;
}

/** Lower-case prepositions that follow a sentence-initial common noun: "Inflation in", "Sales of". */
const PREPOSITIONS_AFTER_NOUN: ReadonlySet<string> = new Set(['in', 'of', 'at', 'for', 'across', 'among', 'from']);

interface NameRun {
  /** Offsets of the run's first and last token. */
  start: number;
  end: number;
  name: string;
}

const namesBySentence = new WeakMap<TokenContext, Map<number, NameRun[]>>();

/** Names (runs of capitalized words, normalized) of one sentence, read once per sentence. */
function namesOfSentence(ctx: TokenContext, sentence: number): NameRun[] {
  let cache = namesBySentence.get(ctx);
  if (!cache) namesBySentence.set(ctx, (cache = new Map()));
  let runs = cache.get(sentence);
  if (runs) return runs;
  runs = [];
  const { tokens } = ctx;
  const sFirst = ctx.sentenceFirst[sentence]!;
  const sEnd = ctx.sentenceEnd[sentence]!;
  let runStart = -1;
  const flush = (endExclusive: number) => {
    if (runStart < 0) return;
    const words = tokens.slice(runStart, endExclusive).filter((t) => !CAPITALIZED_NON_NAMES.has(t.lower) || COUNTRY_ALIASES.has(t.lower));
    // A lone capitalized word at the start of a sentence is a common noun when it is a plural ("Shares", "Officials")
    // or is followed by a preposition ("Inflation in Mexico", "Sales of cars"), not a name.
    const lone = runStart === sFirst && words.length === 1 && !COUNTRY_ALIASES.has(words[0]!.lower) && !isPossessive(tokens[runStart + 1]);
    const commonNoun = lone && (looksPlural(words[0]!.lower) || PREPOSITIONS_AFTER_NOUN.has(tokens[endExclusive]?.text ?? ''));
    if (words.length > 0 && !commonNoun) {
      runs!.push({ start: tokens[runStart]!.start, end: tokens[endExclusive - 1]!.end, name: normalizeName(words.map((t) => t.text).join(' ')) });
    }
    runStart = -1;
  };
  for (let k = sFirst; k < sEnd; k++) {
    const t = tokens[k]!;
    const inName = (isCapitalized(t) && (!CAPITALIZED_NON_NAMES.has(t.lower) || COUNTRY_ALIASES.has(t.lower))) ||
      (t.kind === Tk.Word && (t.lower === 'u.s.' || t.lower === 'u.k.'));
    if (inName) {
      if (runStart < 0) runStart = k;
    } else {
      flush(k);
    }
  }
  flush(sEnd);
  cache.set(sentence, runs);
  return runs;
}

/** Names lying inside [start, end) of the sentence, in text order. */
function namesIn(ctx: TokenContext, sentence: number, start: number, end: number): string[] {
  const out: string[] = [];
  for (const run of namesOfSentence(ctx, sentence)) if (run.start >= start && run.end <= end) out.push(run.name);
  return out;
}

/** Index of the first name ending after `offset` (names are sorted and do not overlap). */
function firstNameEndingAfter(names: readonly NamedSpan[], offset: number): number {
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (names[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first recognized name lying inside [start, end). */
function firstNameIn(names: readonly NamedSpan[], start: number, end: number): string | undefined {
  for (let i = firstNameEndingAfter(names, start); i < names.length && names[i]!.start < end; i++) {
    const n = names[i]!;
    if (n.start >= start && n.end <= end) return n.name;
  }
  return undefined;
}

/** The nearest recognized person (else any name) before `at` in [from, at), or right after it up to `to`. */
function nearestPerson(names: readonly NamedSpan[], from: number, at: number, to: number): NamedSpan | undefined {
  let best: NamedSpan | undefined;
  const firstAfter = firstNameEndingAfter(names, from);
  for (let i = firstAfter; i < names.length && names[i]!.end <= at; i++) {
    const n = names[i]!;
    if (n.start >= from && (!best || n.type === 'person' || best.type !== 'person')) best = n;
  }
  if (best) return best;
  for (let i = firstNameEndingAfter(names, at); i < names.length && names[i]!.start < to; i++) {
    const n = names[i]!;
    if (n.start >= at && n.end <= to) return n;
  }
  return undefined;
}

const AGE_SUBJECT = { head: 'age', headClass: 'age', modifiers: [] as string[] };

/**
 * Ages are quantities of a person: "John Smith, 32, …", "…, aged 29", "the 32-year-old singer". They are compared
 * as the age of that person (the owner), never as a count of something.
 */
function readAge(ctx: TokenContext, core: FigureCore, names: readonly NamedSpan[], sFirst: number, sEnd: number): SubjectReading | undefined {
  const { tokens } = ctx;
  if (core.qualifier !== 'exact') return undefined;
  const first = tokens[core.first]!;
  const last = tokens[core.last]!;
  const value = core.value;
  if (!(value >= 1 && value < 120) || !Number.isInteger(value)) return undefined;
  const before = tokens[core.first - 1];
  const after = tokens[core.last + 1];
  const sentenceStart = tokens[sFirst]!.start;
  const sentenceEnd = tokens[sEnd - 1]!.end;
  let person: NamedSpan | undefined;
  const endsOld = (isWord(after) && after.lower === 'old' && after.glued) || last.lower === 'old';
  if (core.kind === 'measure' && core.unit === 'year' && endsOld) {
    person = nearestPerson(names, sentenceStart, first.start, sentenceEnd); // "the 32-year-old singer Smith"
  } else if (core.kind === 'count' && core.first === core.last && before?.text === ',' && after?.text === ',' && core.first - 1 > sFirst) {
    const name = names[firstNameEndingAfter(names, before.start - 1)]; // "John Smith, 32, said"
    person = name && name.end === before.start && name.type === 'person' ? name : undefined;
  } else if (core.kind === 'count' && core.first === core.last && before?.text === '(' && after?.text === ')' && core.first - 1 > sFirst &&
    !(tokens[core.last + 2]?.text === ',' && isCapitalized(tokens[core.last + 3]))) {
    // "Yasuo Fukuda (71), the former…"; not a list of vote counts ("Bossi (42), D'Alema (10)")
    const name = names[firstNameEndingAfter(names, before.start - 2)]; // "Fukuda (71)": the name ends before the space
    person = name && (name.end === before.start || name.end === before.start - 1) && name.type === 'person' ? name : undefined;
  } else if (core.kind === 'count' && isWord(before) && (before.lower === 'aged' || (before.lower === 'age' && tokens[core.first - 2]?.text === ','))) {
    person = nearestPerson(names, sentenceStart, before.start, sentenceEnd);
  } else {
    return undefined;
  }
  if (!person) return undefined;
  const owner = person.name;
  const subject: FigureSubject = {
    start: first.start, end: last.end, text: `age of ${ctx.text.slice(person.start, person.end)}`, ...AGE_SUBJECT, modifiers: [],
  };
  return { age: true, subject, end: core.last + 1, owner, scope: [owner] };
}

/**
 * "winds of 75 mph", "bonuses of $165 million", "a fine of $10,000": a noun right before "of" and the figure says what
 * the figure measures when no known measured noun does.
 */
function nounOfFigure(ctx: TokenContext, core: FigureCore, sFirst: number): FigureSubject | undefined {
  const { tokens, text } = ctx;
  const counted = numberOf(ctx, core, sFirst);
  if (counted) return counted;
  const of = tokens[core.first - 1];
  const noun = tokens[core.first - 2];
  if (core.first - 2 < sFirst || !isWord(of) || of.lower !== 'of' || !isWord(noun) || isCapitalized(noun)) return undefined;
  const w = noun.lower;
  if (NOT_NOUNS.has(w) || NP_STOP.has(w) || ESTIMATE_NOUNS.has(w) || isParticiple(w) || w.length < 3 || LINKING_LEFT.has(w)) return undefined;
  const modifier = tokens[core.first - 3];
  const start = isWord(modifier) && core.first - 3 >= sFirst && !isCapitalized(modifier) && !NP_STOP.has(modifier.lower) &&
    !LINKING_LEFT.has(modifier.lower) && !NOT_NOUNS.has(modifier.lower) ? core.first - 3 : core.first - 2;
  const s = tokens[start]!.start;
  return {
    start: s, end: noun.end, text: text.slice(s, noun.end), head: lemma(w), headClass: headClassOf(w),
    modifiers: start < core.first - 2 ? [tokens[start]!.lower] : [],
  };
}

/**
 * "the number of displaced people in Lebanon passed 900,000": what "the number of" counts, in the clause before the
 * figure.
 */
function numberOf(ctx: TokenContext, core: FigureCore, sFirst: number): FigureSubject | undefined {
  const { tokens, text } = ctx;
  for (let k = core.first - 1; k >= Math.max(sFirst + 1, core.first - 10); k--) {
    const t = tokens[k]!;
    if (t.kind === Tk.Punct && t.text !== '-') return undefined;
    // "the number of displaced people", "the total of American soldiers to die in Iraq"
    if (!(t.lower === 'of' && (tokens[k - 1]?.lower === 'number' || tokens[k - 1]?.lower === 'numbers' || tokens[k - 1]?.lower === 'total'))) continue;
    // the noun phrase after "of": up to the first word that is no noun or modifier
    let head = -1;
    for (let j = k + 1; j < core.first && j <= k + 4; j++) {
      const w = tokens[j]!;
      if (!isWord(w) || NP_STOP.has(w.lower) || SPEECH_VERBS.has(w.lower) || (isCapitalized(w) && !COUNTRY_ALIASES.has(w.lower))) break;
      if (looksPlural(w.lower) || w.lower === 'people') head = j;
    }
    if (head < 0) return undefined;
    const start = tokens[k + 1]!.start;
    return {
      start, end: tokens[head]!.end, text: text.slice(start, tokens[head]!.end), head: lemma(tokens[head]!.lower),
      headClass: headClassOf(tokens[head]!.lower), modifiers: tokens.slice(k + 1, head).filter(isWord).map((m) => m.lower),
    };
  }
  return undefined;
}

/**
 * "had the most pledged delegates, with 60": a bare count right after "with" counts the plural noun just before it in
 * the sentence.
 */
function elidedAfterWith(ctx: TokenContext, core: FigureCore, sFirst: number): FigureSubject | undefined {
  const { tokens, text } = ctx;
  if (tokens[core.first - 1]?.lower !== 'with' || tokens[core.first - 2]?.text !== ',') return undefined;
  const noun = tokens[core.first - 3];
  if (core.first - 3 < sFirst || !isWord(noun) || isCapitalized(noun) || !looksPlural(noun.lower) || NOT_NOUNS.has(noun.lower)) return undefined;
  return { start: noun.start, end: noun.end, text: text.slice(noun.start, noun.end), head: lemma(noun.lower), headClass: headClassOf(noun.lower), modifiers: [] };
}

/**
 * "the death toll … to 92", "deaths in Iraq have surpassed 2,300", "the toll of the army in Iraq (excluding …) reached
 * 100": a toll named in the clause before the figure; a bracketed aside is skipped.
 */
function tollBefore(ctx: TokenContext, core: FigureCore, sFirst: number): string | undefined {
  const { tokens } = ctx;
  let words = 0;
  for (let j = core.first - 1; j >= sFirst && words < 8; j--) {
    const t = tokens[j]!;
    if (t.text === ')') {
      const open = openingBracket(tokens, j, Math.max(sFirst, j - MAX_ASIDE));
      if (open < 0) return undefined;
      j = open;
      continue;
    }
    words++;
    if (t.kind === Tk.Punct && t.text !== ',') return undefined;
    if (t.kind === Tk.Word && (t.lower === 'toll' || t.lower === 'deaths' || t.lower === 'fatalities')) return 'deaths';
  }
  return undefined;
}

/**
 * "in bonuses", "in extra pay", "in federal aid": after a money figure, "in" introduces what the money is when a
 * measured noun follows within two lower-case modifiers ("$3 billion in the first quarter" is a time, not a noun).
 */
function measuredNounAhead(ctx: TokenContext, k: number, sEnd: number): boolean {
  for (let j = k; j < Math.min(sEnd, k + 3); j++) {
    const t = ctx.tokens[j]!;
    if (!isWord(t) || isCapitalized(t) || t.lower === 'the' || NOT_NOUNS.has(t.lower)) return false;
    if (MEASURED_NOUNS.has(t.lower) || MEASURED_NOUNS.has(lemma(t.lower))) return true;
  }
  return false;
}

/** "240 to 250 dead", "five or possibly six people": past the other end of a range or alternative, before the noun. */
function afterRangeTail(tokens: readonly FigToken[], k: number, sEnd: number, from: number): number {
  if (!(tokens[k]?.lower === 'to' || tokens[k]?.lower === 'or') || k + 1 >= sEnd) return k;
  let j = k + 1;
  if (isWord(tokens[j]) && HEDGES.has(tokens[j]!.lower)) j++;
  if (j >= sEnd) return k;
  const t = tokens[j]!;
  const to = t.kind === Tk.Number ? Number(t.text.replace(/,/g, '')) : isWord(t) ? NUMBER_WORDS.get(t.lower) : undefined;
  // The other end is larger: "3 to 1" is a ratio, not a range
  return to !== undefined && to > from ? j + 1 : k;
}

/** Adjectives that say what happened to people counted with no noun: "15 dead", "three missing". */
const VICTIM_STATES: ReadonlySet<string> = new Set(['dead', 'missing', 'injured', 'wounded', 'hurt']);

/** Words that hedge the second of two alternatives: "five or possibly six". */
const HEDGES: ReadonlySet<string> = new Set(['possibly', 'perhaps', 'maybe', 'even', 'so']);
/** Small numbers written as words, the second end of a range ("five or six people"). */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['dozen', 12], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['hundred', 100]]);

/** Longest bracketed aside skipped when reading back from a figure, in tokens. */
const MAX_ASIDE = 25;

/** The "(" that the ")" at `close` closes, searching back to `limit`; -1 when there is none. */
function openingBracket(tokens: readonly FigToken[], close: number, limit: number): number {
  for (let j = close - 1; j >= limit; j--) {
    if (tokens[j]!.text === '(') return j;
    if (tokens[j]!.text === ')') return -1;
  }
  return -1;
}

/** Verbs whose object is people harmed: "kills 15", "killing 16", "wounded 30". */
const HARM_VERBS: ReadonlyMap<string, string> = new Map([
  ...['kill', 'kills', 'killing', 'killed', 'claims', 'claimed', 'claiming'].map((w) => [w, 'deaths'] as const),
  ...['injure', 'injures', 'injuring', 'injured', 'wound', 'wounds', 'wounding', 'wounded', 'hurt', 'hurts', 'hurting'].map((w) => [w, 'injuries'] as const),
]);

/**
 * A count with no noun where the verb says who is counted: "kills 15", "15 dead", "15 were killed". The implied
 * noun is people, so headlines ("Crash kills 15") compare with the body ("15 people died").
 */
function impliedVictims(ctx: TokenContext, core: FigureCore, sFirst: number, sEnd: number): FigureSubject | undefined {
  const { tokens } = ctx;
  const before = core.first - 1 >= sFirst ? tokens[core.first - 1] : undefined;
  let k = afterRangeTail(tokens, core.last + 1, sEnd, core.value);
  for (let skipped = 0; k < sEnd && skipped < 2 && isWord(tokens[k]) && AUXILIARIES.has(tokens[k]!.lower); skipped++) k++;
  const after = k < sEnd ? tokens[k] : undefined;
  const byVerb = isWord(before) ? HARM_VERBS.get(before.lower) : undefined;
  const byState = isWord(after) ? EVENTS.get(after.lower) : undefined;
  const event = byVerb ?? (byState === 'deaths' || byState === 'injuries' || byState === 'missing' ? byState : undefined) ??
    tollBefore(ctx, core, sFirst);
  if (!event) return undefined;
  const t = tokens[core.first]!;
  return { start: t.start, end: tokens[core.last]!.end, text: 'people', head: 'people', headClass: 'people', modifiers: [], event };
}
