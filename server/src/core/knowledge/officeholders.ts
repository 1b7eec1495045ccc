// People who held public offices, with the periods (server/data/officeholders.json.gz, built by
// scripts/build-officeholders.ts), and the choice between people of one name by the article's date, the office
// written near the mention and the countries the article is about. Loaded on first use.
import { lowerBound } from '../search';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { CalendarDate } from '../types';
import { normalizeName } from './names';
import { isoDay } from './roles';
import type { KnowledgeEntry, Role } from './types';

/** Bumped whenever the compiled file's shape changes. */
export const OFFICEHOLDERS_FORMAT_VERSION = 1;

/** [title index, country index or -1, from, to ('' while held)] */
export type CompiledRole = [number, number, string, string];

export interface CompiledOfficeholders {
  version: number;
  about: string;
  sources: Array<{ repository: string; commit: string; rows: number }>;
  countries: string[];
  titles: string[];
  /** [name, Wikidata id or '', roles] */
  people: Array<[string, string, CompiledRole[]]>;
}

export interface OfficeholderRole extends Role {
  country?: string;
}

export interface Officeholder {
  index: number;
  key: string;
  name: string;
  wikidata?: string;
  roles: OfficeholderRole[];
}

/** How sure a link is, for the hover to say. */
export interface LinkChoice {
  confidence: 'high' | 'medium' | 'low';
  /** Other people of that name were possible and context did not clearly separate them. */
  ambiguous: boolean;
  /** Why this person: said in the hover. */
  reason: string;
}

export interface NameMatches {
  people: Officeholder[];
  /** Matched a shorter or fuller form, not the name as written. */
  short: boolean;
  misspelled?: boolean;
}

export interface MentionContext {
  date?: CalendarDate;
  /** The title written before the name ("Foreign Minister"). */
  title?: string;
  /** Lower-case text around the mention. */
  nearby?: string;
  /** Country names the article names (places and demonyms). */
  countries?: ReadonlySet<string>;
}

/** Years before a person's first known office in which news already names them (candidates, opposition leaders). */
const YEARS_ACTIVE_BEFORE = 8;
/** Years after the last office in which news still names them; leaders of states are named for good. */
const YEARS_ACTIVE_AFTER = 12;
/** Seats in legislatures, as the tables title them. */
const SEAT_TITLE = /\b(member|senator|representative|deputy|knesset|teachta|lok sabha|duma)\b/i;
/** Words that say a mention is about a legislator. */
const SEAT_CONTEXT = /\b(senator|sen\.|representative|rep\.|congressman|congresswoman|congress|senate|mp|mps|lawmaker|legislator|parliament|parliamentary|deputy|member|assembly|house|caucus|constituency|riding|electorate|party)\b/i;
const LEADER_TITLE = /^(President|Prime Minister|Chancellor|King|Queen|Emir|Pope|Supreme Leader|Secretary[- ]General)\b/;

/** Words of office titles that say which office a mention means ("foreign" in "Foreign Minister"). */
const OFFICE_WORDS = new Set([
  'president', 'minister', 'prime', 'chancellor', 'secretary', 'foreign', 'finance', 'defence', 'defense', 'interior',
  'justice', 'health', 'education', 'treasury', 'governor', 'king', 'queen', 'emir', 'pope', 'speaker', 'mayor',
  'general', 'deputy', 'vice', 'premier', 'leader', 'chairman', 'chair', 'ambassador', 'attorney', 'bank', 'central',
  'trade', 'economy', 'energy', 'agriculture', 'labour', 'labor', 'transport', 'environment', 'home', 'state', 'army',
  'chief', 'commander', 'director', 'nato', 'un', 'united', 'nations', 'european', 'commission', 'monetary', 'fund',
  'palestinian', 'authority', 'hezbollah', 'hamas', 'federal', 'reserve', 'senate', 'house', 'party', 'opposition',
  'senator', 'representative', 'member', 'parliament', 'taoiseach',
]);

/** Same office, other words: "defense" and "defence", "foreign affairs" and "foreign". */
const OFFICE_SYNONYMS: Record<string, string> = {
  defense: 'defence', labor: 'labour', premier: 'prime', chairman: 'chair', chairwoman: 'chair', treasury: 'finance', exchequer: 'finance', external: 'foreign',
  sen: 'senator', rep: 'representative', congressman: 'representative', congresswoman: 'representative', mp: 'member', mps: 'member', knesset: 'member', deputy: 'deputy',
};

function officeWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.toLowerCase().split(/[^\p{L}]+/u)) {
    const w = OFFICE_SYNONYMS[raw] ?? raw;
    if (OFFICE_WORDS.has(w)) words.add(w);
    // "IMF Managing Director" is the Managing Director of the International Monetary Fund.
    if (raw === 'imf') words.add('monetary').add('fund');
  }
  if (words.has('state') && words.has('secretary') && words.has('united')) words.add('foreign'); // US Secretary of State
  return words;
}

function yearsShifted(date: string, years: number): string {
  return String(Number(date.slice(0, 4)) + years).padStart(4, '0') + date.slice(4);
}

function heldOn(role: Role, day: string): boolean {
  return (!role.from || role.from <= day.slice(0, role.from.length)) && (!role.to || role.to >= day.slice(0, role.to.length));
}

/** The look-up key of a name: normalized, apostrophes dropped ("Jun'ichirō" and "Junichiro" meet). */
export function nameKey(name: string): string {
  // Letters Unicode does not decompose: "Jarosław" is written "Jaroslaw" in English news.
  const plain = /[łŁøØđĐıæÆœŒ]/.test(name)
    ? name.replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/[đ]/g, 'd').replace(/Đ/g, 'D').replace(/ı/g, 'i').replace(/æ/g, 'ae').replace(/Æ/g, 'Ae').replace(/œ/g, 'oe').replace(/Œ/g, 'Oe')
    : name;
  return normalizeName(plain).replace(/['’]/g, '');
}

/** "Schüssel" is also written "Schuessel": the German transliteration, beside the key without the marks. */
function transliterations(name: string): string[] {
  if (!/[äöüÄÖÜß]/.test(name)) return [];
  const spelled = name.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss');
  return [nameKey(spelled)];
}

/** Particles of names that news writes or leaves out ("de Rato", "al-Maliki"). */
const PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'la', 'le']);

/** Short first names and the names they are short for: "Joe Lieberman" is also "Joseph Lieberman". */
const NICKNAMES: Record<string, string> = {
  joe: 'joseph', bill: 'william', will: 'william', bob: 'robert', rob: 'robert', dick: 'richard', rick: 'richard',
  jim: 'james', jimmy: 'james', mike: 'michael', tom: 'thomas', tony: 'anthony', dave: 'david', dan: 'daniel',
  chuck: 'charles', charlie: 'charles', ted: 'edward', ed: 'edward', ken: 'kenneth', steve: 'steven', pat: 'patrick',
  nick: 'nicholas', alex: 'alexander', sam: 'samuel', andy: 'andrew', fred: 'frederick', ron: 'ronald', don: 'donald',
  jerry: 'gerald', larry: 'lawrence', liz: 'elizabeth', kate: 'katherine', sue: 'susan', chris: 'christopher',
  matt: 'matthew', greg: 'gregory', jeff: 'jeffrey', tim: 'timothy', ben: 'benjamin', frank: 'francis',
};

/** The name with its first name in full ("joe lieberman" → "joseph lieberman"), or undefined. */
function formalForm(key: string): string | undefined {
  const [first, ...rest] = key.split(' ');
  const formal = NICKNAMES[first!];
  return formal && rest.length ? [formal, ...rest].join(' ') : undefined;
}

/** Forms of a written name to try when it is not in the table as written: initials dropped, first and last word. */
function queryForms(key: string): string[] {
  const tokens = key.split(' ').filter((t) => !/^(jr|sr|ii|iii)$/.test(t));
  const forms: string[] = [];
  if (tokens.length < key.split(' ').length) forms.push(tokens.join(' '));
  const formal = formalForm(tokens.join(' '));
  if (formal) forms.push(formal);
  // "Rodrigo de Rato" for Rodrigo Rato: particles left out.
  const plain = tokens.filter((t, i) => i === 0 || !PARTICLES.has(t));
  if (plain.length >= 2 && plain.length < tokens.length) forms.push(plain.join(' '));
  // "Koizumi Junichiro": family name first, as Japanese and Chinese names are often written.
  if (tokens.length === 2) forms.push(`${tokens[1]} ${tokens[0]}`);
  // "Alaska Sarah Palin", "Defence Peter MacKay": a place or title word the recognizer left in the name.
  for (let i = 1; i <= tokens.length - 2; i++) forms.push(tokens.slice(i).join(' '));
  const noInitials = tokens.filter((t, i) => i === 0 || i === tokens.length - 1 || t.length > 1);
  if (noInitials.length < tokens.length) forms.push(noInitials.join(' '));
  if (tokens.length >= 3) forms.push(`${tokens[0]} ${tokens[tokens.length - 1]}`);
  return forms;
}

/** Edit distance with transpositions, stopping early past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  let previousRow: number[] = [];
  let row: number[] = new Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const before = previousRow;
    previousRow = row;
    row = new Array(b.length + 1);
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previousRow[j]! + 1, row[j - 1]! + 1, previousRow[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
  }
  return row[b.length]!;
}

/**
 * Shorter forms news writes of a long name: "George W. Bush" → "george bush", "Luiz Inácio Lula da Silva" →
 * "luiz inacio lula" and "lula da silva". Suffixes start at a capitalized word, so "da Silva" alone is no form.
 */
function shortForms(name: string, key: string): string[] {
  const words = name.replace(/,.*$/, '').split(/\s+/).filter(Boolean);
  if (words.length < 3) return [];
  // The name's key split is the words' keys unless normalization merged or split words (then key them one by one).
  const split = key.split(' ');
  const keys = split.length === words.length ? split : words.map((w) => nameKey(w));
  const forms = new Set<string>([`${keys[0]} ${keys[keys.length - 1]}`]);
  for (let n = 3; n < words.length; n++) forms.add(keys.slice(0, n).join(' '));
  // "Valéry Giscard d'Estaing" → "valery giscard": the particle starts what may be left off.
  if (/^\p{Ll}/u.test(words[2]!)) forms.add(keys.slice(0, 2).join(' '));
  for (let i = 1; i <= words.length - 2; i++) if (/^\p{Lu}/u.test(words[i]!)) forms.add(keys.slice(i).join(' '));
  forms.delete(keys.join(' '));
  return [...forms];
}

/**
 * "Vicente Fox Quesada" → "vicente fox": a Spanish or Portuguese second surname, often left off. Matched only
 * against a name as written (never a shortened form of it: "Mohammad Mir-Mohammadi" is not "Mohammad Mohammadi X").
 */
function withoutSecondSurname(name: string): string | undefined {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length !== 3 || !words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))) return undefined;
  const key = nameKey(words.slice(0, 2).join(' '));
  return key.split(' ').length === 2 ? key : undefined;
}

/** Countries the places gazetteer names otherwise than the office-holder sources do. */
const TABLE_COUNTRY_NAMES: Record<string, string> = { 'Türkiye': 'Turkey', 'DR Congo': 'Democratic Republic of the Congo' };

/** The countries with, beside each gazetteer name, the name the table gives that country ("Türkiye" → "Turkey"). */
export function withTableCountryNames(countries: Set<string>): Set<string> {
  for (const name of [...countries]) {
    const tableName = TABLE_COUNTRY_NAMES[name];
    if (tableName) countries.add(tableName);
  }
  return countries;
}

/** Countries whose names put the family name first, as English news keeps them. */
const FAMILY_NAME_FIRST = new Set(['China', 'Taiwan', 'Hong Kong', 'North Korea', 'South Korea', 'Vietnam']);

/** Rank words that make another office of the same head word: a Vice President is not the President. */
const RANK_WORDS = ['vice', 'deputy', 'prime', 'first', 'assistant', 'under', 'acting', 'shadow'];
/** Head words of offices, one of which a title must name for a surname to be linked by it. */
const HEAD_WORDS = new Set(['president', 'minister', 'chancellor', 'secretary', 'governor', 'king', 'queen', 'emir', 'pope', 'speaker', 'mayor', 'premier', 'prime', 'leader', 'chair', 'ambassador', 'senator', 'representative', 'member', 'taoiseach', 'director']);

/** Does a written title ("Foreign Minister") name this recorded office ("Minister of Foreign Affairs (Kenya)")? */
export function titleNamesOffice(title: string, office: string): boolean {
  const written = officeWords(title);
  // "Advisor to the President" is no President: what follows "to the" names whom the office serves.
  const recorded = officeWords(office.replace(/\b(?:to|for) the\b.*$/i, ''));
  if (![...written].some((w) => HEAD_WORDS.has(w))) return false;
  const lowerTitle = title.toLowerCase();
  const lowerOffice = office.toLowerCase();
  for (const rank of RANK_WORDS) if (new RegExp(`\\b${rank}\\b`).test(lowerTitle) !== new RegExp(`\\b${rank}\\b`).test(lowerOffice)) return false;
  return [...written].every((w) => recorded.has(w) || w === 'state' || w === 'general');
}

export class Officeholders {
  private readonly byName = new Map<string, number[]>();
  private readonly byShortName = new Map<string, number[]>();
  private readonly bySingleSurname = new Map<string, number[]>();
  private readonly bySurname = new Map<string, number[]>();
  private readonly byFirstName = new Map<string, number[]>();
  private readonly byKey = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly cache = new Map<number, Officeholder>();
  readonly size: number;

  constructor(private readonly data: CompiledOfficeholders) {
    const namesakes = new Map<string, number>();
    data.people.forEach(([name, id, roles], i) => {
      const key = nameKey(name);
      push(this.byName, key, i);
      for (const form of transliterations(name)) push(this.byName, form, i);
      const formal = formalForm(key);
      if (formal) push(this.byShortName, formal, i);
      for (const form of shortForms(name, key)) push(this.byShortName, form, i);
      const single = withoutSecondSurname(name);
      if (single) push(this.bySingleSurname, single, i);
      // "Bashar Assad" for Bashar al-Assad: news leaves the article out.
      const plain = key.split(' ').filter((t, k) => k === 0 || !PARTICLES.has(t)).join(' ');
      if (plain !== key && plain.includes(' ')) push(this.byShortName, plain, i);
      const space = key.indexOf(' ');
      push(this.byFirstName, space < 0 ? key : key.slice(0, space), i);
      push(this.bySurname, key.slice(key.lastIndexOf(' ') + 1), i);
      // "Chen Shui-bian", "Roh Moo-hyun": a hyphenated given name after the family name, which is what "President Chen" writes.
      if (/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+-\p{Ll}+$/u.test(name)) push(this.bySurname, key.slice(0, space), i);
      // "President Hu" is Hu Jintao: Chinese, Korean and Vietnamese names put the family name first.
      else if (space > 0 && key.indexOf(' ', space + 1) < 0 && roles.some(([, c]) => FAMILY_NAME_FIRST.has(data.countries[c] ?? ''))) push(this.bySurname, key.slice(0, space), i);
      const entryKey = keyOf(name, id, namesakes);
      this.keys.push(entryKey);
      this.byKey.set(entryKey, i);
    });
    this.size = data.people.length;
  }

  person(index: number): Officeholder {
    const cached = this.cache.get(index);
    if (cached) return cached;
    const [name, id, roles] = this.data.people[index]!;
    const person: Officeholder = {
      index, key: this.keys[index]!, name,
      roles: roles.map(([t, c, from, to]) => {
        const role: OfficeholderRole = { title: this.data.titles[t]!, from };
        if (to) role.to = to;
        if (c >= 0) role.country = this.data.countries[c]!;
        return role;
      }),
    };
    if (id) person.wikidata = id;
    this.cache.set(index, person);
    return person;
  }

  byEntryKey(key: string): Officeholder | undefined {
    const i = this.byKey.get(key);
    return i === undefined ? undefined : this.person(i);
  }

  /**
   * People of exactly this name; when none, people whose full name shortens to it or to the written name without
   * initials; when none either, one spelling slip away ("Rumsfield"), marked `misspelled`.
   */
  lookup(name: string): NameMatches {
    return this.lookupAll(name)[0] ?? { people: [], short: true };
  }

  /** Every way the name matches, best first: as written, then each shorter or fuller form, then misspelled. */
  private lookupAll(name: string): NameMatches[] {
    const key = nameKey(name);
    // "Alvaro Uribe Velez" for Álvaro Uribe: the second surname written, the table's name without it.
    const single = withoutSecondSurname(name);
    // The same names come back article after article; a misspelling search reads thousands of namesakes.
    const remembered = single ? `${key}\u0000${single}` : key;
    let tiers = this.lookups.get(remembered);
    if (!tiers) {
      if (this.lookups.size >= MAX_REMEMBERED_LOOKUPS) this.lookups.clear();
      this.lookups.set(remembered, (tiers = this.findAll(key, single)));
    }
    return tiers;
  }

  private readonly lookups = new Map<string, NameMatches[]>();
  private readonly lengthSorted = new WeakMap<number[], { ids: number[]; lengths: Int32Array; positions: Int32Array }>();

  /** A namesake pool ordered by name-key length, so a misspelling search reads only keys of about its length. */
  private byKeyLength(pool: number[]): { ids: number[]; lengths: Int32Array; positions: Int32Array } {
    let sorted = this.lengthSorted.get(pool);
    if (!sorted) {
      const order = pool.map((_, k) => k).sort((a, b) => this.personKey(pool[a]!).length - this.personKey(pool[b]!).length || a - b);
      const ids = order.map((k) => pool[k]!);
      sorted = { ids, lengths: Int32Array.from(ids, (i) => this.personKey(i).length), positions: Int32Array.from(order) };
      this.lengthSorted.set(pool, sorted);
    }
    return sorted;
  }
  private readonly personKeys: Array<string | undefined> = [];

  private personKey(i: number): string {
    return (this.personKeys[i] ??= nameKey(this.data.people[i]![0]));
  }

  private findAll(key: string, single: string | undefined): NameMatches[] {
    const tiers: NameMatches[] = [];
    const seen = new Set<number>();
    const add = (found: number[] | undefined, short: boolean, misspelled = false) => {
      const fresh = (found ?? []).filter((i) => !seen.has(i));
      if (!fresh.length) return;
      for (const i of fresh) seen.add(i);
      tiers.push({ people: fresh.map((i) => this.person(i)), short, ...(misspelled ? { misspelled } : {}) });
    };
    add(this.byName.get(key), false);
    for (const form of [key, ...queryForms(key)]) {
      add(this.byShortName.get(form), true);
      if (form !== key) add(this.byName.get(form), true);
    }
    add(this.bySingleSurname.get(key), true);
    if (single) add(this.byName.get(single), true);
    const tokens = key.split(' ');
    if (!tiers.length && tokens.length >= 2 && tokens[tokens.length - 1]!.length >= 5) {
      // A slip keeps the first name or the surname: namesakes of either are the candidates (thousands for "John").
      // Found people keep the pools' order (first-name namesakes, then surname ones), as the table lists them.
      const near: Array<{ person: number; rank: number }> = [];
      const consider = (pool: number[] | undefined, rankFrom: number) => {
        if (!pool) return;
        const { ids, lengths, positions } = this.byKeyLength(pool);
        for (let k = lowerBound(lengths, key.length - 1); k < ids.length && lengths[k]! <= key.length + 1; k++) {
          const i = ids[k]!;
          if (!near.some((n) => n.person === i) && editDistance(this.personKey(i), key, 1) <= 1) near.push({ person: i, rank: rankFrom + positions[k]! });
        }
      };
      const firstNamesakes = this.byFirstName.get(tokens[0]!);
      consider(firstNamesakes, 0);
      consider(this.bySurname.get(tokens[tokens.length - 1]!), firstNamesakes?.length ?? 0);
      add(near.sort((a, b) => a.rank - b.rank).map((n) => n.person), true, true);
    }
    return tiers;
  }

  /**
   * The person a full name means in its context, or undefined. A unique name links when the person was active
   * around the article's date; people of one name are separated by the office held on the date, the office words
   * near the mention and the article's countries.
   */
  choose(name: string, context: MentionContext): { person: Officeholder; choice: LinkChoice } | undefined {
    if (normalizeName(name).split(' ').length < 2) return undefined;
    // When nobody of the name as written fits the context, a shorter or fuller form may ("Michael Brown" of FEMA).
    for (const tier of this.lookupAll(name)) {
      const chosen = this.chooseAmong(name, tier, context);
      if (chosen) return chosen;
    }
    return undefined;
  }

  private chooseAmong(name: string, { people, short, misspelled }: NameMatches, context: MentionContext): { person: Officeholder; choice: LinkChoice } | undefined {
    const day = context.date ? isoDay(context.date) : undefined;
    const titles = (context.title ?? '').split(' ; ').filter(Boolean);
    const written = officeWords(context.title ?? '');
    const around = officeWords(context.nearby ?? '');
    const scored = people
      .map((person) => {
        const first = person.roles.reduce((min, r) => (r.from && r.from < min ? r.from : min), '9999');
        const last = person.roles.some((r) => !r.to) ? '9999' : person.roles.reduce((max, r) => (r.to && r.to > max ? r.to : max), '0000');
        const leader = person.roles.some((r) => LEADER_TITLE.test(r.title));
        const active = !day || (yearsShifted(first, -YEARS_ACTIVE_BEFORE) <= day && (last === '9999' || leader || yearsShifted(last, YEARS_ACTIVE_AFTER) >= day.slice(0, last.length)));
        const current = day ? person.roles.filter((r) => heldOn(r, day)) : [];
        const relevant = current.length ? current : person.roles;
        const titleMatch = relevant.some((r) => titles.some((t) => titleNamesOffice(t, r.title)));
        const nearbyMatch = relevant.some((r) => [...around].filter((w) => officeWords(r.title).has(w)).length >= 2);
        const countryMatch = !!context.countries && relevant.some((r) => r.country && context.countries!.has(r.country));
        // Someone known only as a legislator: the article must be about their country or about legislators.
        const seatOnly = person.roles.every((r) => SEAT_TITLE.test(r.title));
        // A shortened name ("Ian Powell" for "Ian F. Powell") is weaker: the office or the country must agree too.
        const supported = (!seatOnly || countryMatch || SEAT_CONTEXT.test(`${context.title ?? ''} ${context.nearby ?? ''}`)) && (!short || misspelled || countryMatch || titleMatch);
        const score = (current.length ? 4 : 0) + (titleMatch ? 3 : 0) + (nearbyMatch ? 1 : 0) + (countryMatch ? 2 : 0);
        // Long after their last office a person is still the one meant when the title names that office and the
        // name or the country leaves nobody else ("former Secretary of Defense Caspar Weinberger" in 2006).
        const recalled = titleMatch && (countryMatch || people.length === 1) && !short;
        return { person, active: (active || recalled) && supported, current: current.length > 0, titleMatch, countryMatch, score };
      })
      .filter((s) => s.active)
      .sort((a, b) => b.score - a.score || b.person.roles.length - a.person.roles.length);
    const best = scored[0];
    if (!best) return undefined;
    // Another spelling is taken only for the one person of it in office on the date.
    if (misspelled) {
      // Or someone out of office whom both the title and the country describe ("former Lebanese Prime Minister Rafik Hariri").
      if (scored.length !== 1 || !((best.current && (best.countryMatch || best.titleMatch)) || (best.titleMatch && best.countryMatch))) return undefined;
      return { person: best.person, choice: { confidence: 'low', ambiguous: false, reason: `the table spells it "${best.person.name}"; in office on the article date` } };
    }
    // A title that names another office than any this person held is a sign of another person of the same name.
    if (written.size && !best.titleMatch && !best.current && scored.length === 1 && people.length > 1) return undefined;
    const basis = [best.current ? 'in office on the article date' : 'active around the article date', best.titleMatch ? 'title matches' : '', best.countryMatch ? 'country of the article' : ''].filter(Boolean).join(', ');
    if (scored.length === 1) {
      const confident = best.current && !short;
      return {
        person: best.person,
        choice: {
          confidence: confident ? 'high' : 'medium',
          ambiguous: false,
          reason: `${short ? `the only office-holder whose name shortens to "${name}"` : 'the only office-holder of that name'} (${basis})`,
        },
      };
    }
    const margin = best.score - scored[1]!.score;
    const ambiguous = margin < 2;
    return {
      person: best.person,
      choice: {
        confidence: ambiguous ? 'low' : 'medium',
        ambiguous,
        reason: `${scored.length} office-holders named "${name}"; chosen by ${ambiguous ? 'the number of recorded offices, context does not separate them' : basis}`,
      },
    };
  }

  /**
   * A surname written with a title ("President Bush", "Japanese Prime Minister Koizumi"): the one person of that
   * surname who held that office on the article's date, or undefined when none or several did.
   */
  chooseByTitle(surname: string, title: string, context: MentionContext): { person: Officeholder; choice: LinkChoice } | undefined {
    if (!context.date || /\s/.test(surname.trim())) return undefined;
    const day = isoDay(context.date);
    const countries = context.countries;
    const matches = (this.bySurname.get(nameKey(surname)) ?? [])
      .map((i) => this.person(i))
      .filter((p) => p.roles.some((r) => heldOn(r, day) && titleNamesOffice(title, r.title) && (!countries?.size || !r.country || countries.has(r.country))));
    if (matches.length !== 1) return undefined;
    const office = matches[0]!.roles.find((r) => heldOn(r, day) && titleNamesOffice(title, r.title))!;
    return {
      person: matches[0]!,
      choice: { confidence: 'medium', ambiguous: false, reason: `"${title} ${surname}": the only ${office.title} of that surname on the article date` },
    };
  }

  /** The knowledge-base entry of a person: roles with periods, the country of most of them. */
  entry(person: Officeholder): KnowledgeEntry {
    const counts = new Map<string, number>();
    for (const r of person.roles) if (r.country) counts.set(r.country, (counts.get(r.country) ?? 0) + 1);
    const country = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    const entry: KnowledgeEntry = {
      key: person.key, name: person.name, type: 'person', aliases: [], variants: [],
      roles: person.roles.map(({ country: _c, ...role }) => role), source: { kind: 'office-holders' },
    };
    if (person.wikidata) entry.wikidata = person.wikidata;
    if (country) entry.country = country;
    return entry;
  }
}

/** Name look-ups remembered (their results are small lists); forgotten all at once when full. */
const MAX_REMEMBERED_LOOKUPS = 20_000;

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** "wd:Q57291", or for people without an id "oh:" and the name ("oh:angela-merkel", "-2" for a second namesake). */
function keyOf(name: string, id: string, namesakes: Map<string, number>): string {
  if (id) return `wd:${id}`;
  const slug = nameKey(name).replace(/\s+/g, '-');
  const n = (namesakes.get(slug) ?? 0) + 1;
  namesakes.set(slug, n);
  return n === 1 ? `oh:${slug}` : `oh:${slug}-${n}`;
}

export function isOfficeholderKey(key: string): boolean {
  return key.startsWith('wd:') || key.startsWith('oh:');
}

/** server/data/officeholders.json.gz from the bundle in dist/ or from the sources. */
export function officeholdersPath(): string | undefined {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const candidates = [resolve(here, '../server/data'), resolve(here, '../../../data'), resolve(here, '../data')].map((d) => join(d, 'officeholders.json.gz'));
  return candidates.find((p) => existsSync(p));
}

let cached: Officeholders | null | undefined;

/** The shipped table, or null when it is missing or of another format. */
export function loadOfficeholders(): Officeholders | null {
  if (cached !== undefined) return cached;
  const path = officeholdersPath();
  try {
    const data = path ? (JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as CompiledOfficeholders) : undefined;
    cached = data?.version === OFFICEHOLDERS_FORMAT_VERSION ? new Officeholders(data) : null;
  } catch {
    cached = null;
  }
  return cached;
}
