// What an annotation may say: its types, the keys each type takes, and what values they accept.
// The parser reports anything else; completion and hovers read the same tables.
import { ANCHOR_NAME, parseFigureReference } from './references';

export { ANCHOR_NAME };

export const ANNOTATION_TYPES = ['person', 'place', 'organization', 'figure', 'date'] as const;
export type AnnotationType = (typeof ANNOTATION_TYPES)[number];

export const FIGURE_STATUSES = ['verified', 'disputed', 'superseded', 'estimate'] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];

export interface KeySpec {
  key: string;
  /** One line for completion and hovers. */
  description: string;
  /** The closed set of values, when there is one (offered by completion). */
  values?: readonly string[];
  /** What a value looks like, for messages: "a Wikidata id such as Q7747". */
  expects: string;
  /** Returns a problem with the value, or undefined when it is fine. */
  check(value: string): string | undefined;
  /** A corrected value, when one is clear ("130,000" → "130000"). */
  repair?(value: string): string | undefined;
}

export interface TypeSpec {
  type: AnnotationType;
  description: string;
  /** The keys in canonical order (the order formatAnnotation writes them in). */
  keys: readonly KeySpec[];
}

const nonEmpty = (what: string) => (value: string) => (value.trim() ? undefined : `${what} is empty`);

const NUMBER = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
function repairNumber(value: string): string | undefined {
  const stripped = value.replace(/[,_\s\u00a0\u202f']/g, '');
  return stripped !== value && NUMBER.test(stripped) ? stripped : undefined;
}
const numberKey = (key: string, description: string): KeySpec => ({
  key,
  description,
  expects: 'a plain number such as 130000 or 2.5 (no thousands separators)',
  check: (v) => (NUMBER.test(v) ? undefined : `"${v}" is not a plain number`),
  repair: repairNumber,
});

/** YYYY-MM-DD (a real calendar day), YYYY-MM or YYYY. */
export function checkIsoDate(value: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return `"${value}" is not a date written YYYY-MM-DD, YYYY-MM or YYYY`;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) return `"${value}" has no month ${month}`;
  const days = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  if (day < 1 || day > days) return `"${value}" has no day ${day}`;
  return undefined;
}
function repairIsoDate(value: string): string | undefined {
  const m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return undefined;
  const repaired = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return checkIsoDate(repaired) ? undefined : repaired;
}

const WIKIDATA_ID = /^Q[1-9]\d*$/;
const ID_KEY: KeySpec = {
  key: 'id',
  description: 'The Wikidata item this mention is (links it to the knowledge base).',
  expects: 'a Wikidata id such as Q7747',
  check: (v) => (WIKIDATA_ID.test(v) ? undefined : `"${v}" is not a Wikidata id (Q followed by digits, such as Q7747)`),
  repair: (v) => {
    const m = /^(?:(?:https?:\/\/)?(?:www\.)?wikidata\.org\/(?:wiki|entity)\/|wd:|wikidata:)?[qQ]?([1-9]\d*)$/.exec(v.trim());
    return m && `Q${m[1]}` !== v ? `Q${m[1]}` : undefined;
  },
};
const CANONICAL_KEY: KeySpec = {
  key: 'ref',
  description: 'The canonical name, when the text spells it differently ("Kharkiv" for "Kharkov").',
  expects: 'the canonical name',
  check: nonEmpty('the canonical name'),
};
const FIGURE_REF_KEY: KeySpec = {
  key: 'ref',
  description: 'The figure this one conflicts with or is superseded by: FILE#TEXT[@N] or FILE#anchor:NAME.',
  expects: 'a figure reference such as "000_e84a3163cd5655f9.txt#150,000" or "#anchor:troops-feb15"',
  check: (v) => {
    const parsed = parseFigureReference(v);
    return parsed.ok ? undefined : parsed.message;
  },
};
const NOTE_KEY: KeySpec = {
  key: 'note',
  description: "The annotator's reasoning or any remark.",
  expects: 'free text',
  check: nonEmpty('the note'),
};
const BY_KEY: KeySpec = {
  key: 'by',
  description: 'Who made this decision (a name or handle).',
  expects: 'a name or handle',
  check: nonEmpty('the annotator'),
};
const STATUS_KEY: KeySpec = {
  key: 'status',
  description: 'The fact-checking decision about this figure.',
  values: FIGURE_STATUSES,
  expects: FIGURE_STATUSES.join(', '),
  check: (v) => ((FIGURE_STATUSES as readonly string[]).includes(v) ? undefined : `status must be one of ${FIGURE_STATUSES.join(', ')}`),
  repair: (v) => STATUS_ALIASES[v.toLowerCase()] ?? ((FIGURE_STATUSES as readonly string[]).includes(v.toLowerCase()) ? v.toLowerCase() : closest(v, FIGURE_STATUSES)),
};
const ANCHOR_KEY: KeySpec = {
  key: 'anchor',
  description: 'A name for this figure, unique in the article, that references can use (FILE#anchor:NAME).',
  expects: 'a name of letters, digits, ".", "_" and "-", such as troops-feb15',
  check: (v) => (ANCHOR_NAME.test(v) ? undefined : `"${v}" is not an anchor name (letters, digits, ".", "_", "-"; starting with a letter or digit)`),
  repair: (v) => {
    const r = v.trim().replace(/\s+/g, '-').replace(/[^A-Za-z0-9._-]/g, '');
    return r && r !== v && ANCHOR_NAME.test(r) ? r : undefined;
  },
};

const ENTITY_KEYS: readonly KeySpec[] = [ID_KEY, CANONICAL_KEY, BY_KEY, NOTE_KEY];

export const ANNOTATION_SCHEMA: Readonly<Record<AnnotationType, TypeSpec>> = {
  person: { type: 'person', description: 'A person.', keys: ENTITY_KEYS },
  place: { type: 'place', description: 'A place: country, region, city, site.', keys: ENTITY_KEYS },
  organization: { type: 'organization', description: 'An organization: government body, company, agency, party, alliance.', keys: ENTITY_KEYS },
  figure: {
    type: 'figure',
    description: 'A number the article states: a count, an amount, a percentage, a measure.',
    keys: [
      ANCHOR_KEY,
      numberKey('value', 'The value the text states, as a plain number.'),
      numberKey('min', 'Lower bound of what the text asserts ("more than 130,000" → 130000).'),
      numberKey('max', 'Upper bound of what the text asserts.'),
      { key: 'unit', description: 'What is counted or the unit measured: troops, USD, km, percent.', expects: 'a unit or counted noun', check: nonEmpty('the unit') },
      { key: 'date', description: 'The day the figure is stated for.', expects: 'a date YYYY-MM-DD', check: checkIsoDate, repair: repairIsoDate },
      STATUS_KEY,
      { key: 'source', description: 'Who states the figure: "US officials", "Interfax".', expects: 'the source', check: nonEmpty('the source') },
      FIGURE_REF_KEY,
      BY_KEY,
      NOTE_KEY,
    ],
  },
  date: {
    type: 'date',
    description: 'A date or day mention, pinned to the calendar day it means.',
    keys: [
      { key: 'value', description: 'The calendar day meant: YYYY-MM-DD (or YYYY-MM, YYYY).', expects: 'a date YYYY-MM-DD', check: checkIsoDate, repair: repairIsoDate },
      BY_KEY,
      NOTE_KEY,
    ],
  },
};

/** Every key some type knows, in the canonical order used to sort attributes. */
export const KEY_ORDER: readonly string[] = ['id', 'anchor', 'value', 'min', 'max', 'unit', 'date', 'status', 'source', 'ref', 'by', 'note'];

export function isAnnotationType(type: string): type is AnnotationType {
  return (ANNOTATION_TYPES as readonly string[]).includes(type);
}

export function keySpec(type: string, key: string): KeySpec | undefined {
  if (!isAnnotationType(type)) return undefined;
  return ANNOTATION_SCHEMA[type].keys.find((k) => k.key === key);
}

/** Names that are not ours but clearly mean one of our types (labels of other tools included). */
const TYPE_ALIASES: Record<string, AnnotationType> = {
  per: 'person', pers: 'person', people: 'person', individual: 'person', human: 'person',
  loc: 'place', location: 'place', gpe: 'place', geo: 'place', country: 'place', city: 'place', region: 'place', fac: 'place', facility: 'place',
  org: 'organization', organisation: 'organization', organ: 'organization', company: 'organization', agency: 'organization', institution: 'organization',
  number: 'figure', num: 'figure', quantity: 'figure', amount: 'figure', money: 'figure', percent: 'figure', cardinal: 'figure', count: 'figure', fig: 'figure',
  time: 'date', day: 'date',
};

const KEY_ALIASES: Record<string, string> = {
  qid: 'id', wikidata: 'id', wd: 'id',
  canonical: 'ref', name: 'ref', spelling: 'ref', reference: 'ref', conflicts: 'ref', supersededby: 'ref', 'superseded-by': 'ref',
  from: 'source', according: 'source', attribution: 'source', src: 'source',
  comment: 'note', notes: 'note', reason: 'note', remark: 'note',
  annotator: 'by', author: 'by', user: 'by',
  minimum: 'min', lo: 'min', low: 'min', lower: 'min',
  maximum: 'max', hi: 'max', high: 'max', upper: 'max',
  units: 'unit', val: 'value', number: 'value', amount: 'value',
  state: 'status', verdict: 'status',
  label: 'anchor', day: 'date', when: 'date',
};

const STATUS_ALIASES: Record<string, FigureStatus> = {
  confirmed: 'verified', correct: 'verified', true: 'verified', checked: 'verified', ok: 'verified',
  contested: 'disputed', conflict: 'disputed', conflicting: 'disputed', dubious: 'disputed', doubtful: 'disputed', false: 'disputed',
  outdated: 'superseded', replaced: 'superseded', obsolete: 'superseded', stale: 'superseded', old: 'superseded',
  estimated: 'estimate', approximate: 'estimate', approx: 'estimate', rough: 'estimate',
};

/** The type the author most likely meant by an unknown one, if that is clear. */
export function suggestType(type: string): AnnotationType | undefined {
  const lower = type.toLowerCase();
  if (isAnnotationType(lower)) return lower;
  return TYPE_ALIASES[lower] ?? closest(lower, ANNOTATION_TYPES);
}

/** The key the author most likely meant by an unknown one on this type, if that is clear. */
export function suggestKey(type: string, key: string): string | undefined {
  if (!isAnnotationType(type)) return undefined;
  const keys = ANNOTATION_SCHEMA[type].keys.map((k) => k.key);
  const lower = key.toLowerCase();
  if (keys.includes(lower)) return lower;
  if (type === 'figure' && lower === 'id') return 'anchor';
  const alias = KEY_ALIASES[lower];
  if (alias && keys.includes(alias)) return alias;
  return closest(lower, keys);
}

/** The single candidate within a small edit distance, if exactly one is that close. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  const limit = word.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c, limit);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) {
      tie = true;
    }
  }
  return bestDistance <= limit && !tie ? best : undefined;
}

/** Levenshtein distance with adjacent transpositions, giving up (returning limit + 1) past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length > 64 || b.length > 64) return a === b ? 0 : limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, previous2[j - 2]! + 1);
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/** Our type for another tool's entity label (PERSON, LOC, GPE, ORG, CARDINAL…), or undefined when none fits. */
export function typeFromLabel(label: string): AnnotationType | undefined {
  const lower = label.toLowerCase();
  return isAnnotationType(lower) ? lower : TYPE_ALIASES[lower];
}
