// The knowledge base: built-in entries, the user's own files (which extend and override them), and places from the
// gazetteer for names no entry knows.
import builtInData from '../../../data/knowledge-base.json';
import { loadGazetteer, type Gazetteer, type PlaceRecord } from './gazetteer';
import { normalizeName } from './names';
import { isOfficeholderKey, loadOfficeholders, type Officeholders } from './officeholders';
import type { EntityType, KnowledgeEntry, Role } from './types';

interface RawEntry {
  key: string;
  name: string;
  type: EntityType;
  aliases?: string[];
  variants?: string[];
  wikidata?: string;
  country?: string;
  kind?: string;
  region?: string;
  population?: number;
  coordinates?: number[];
  description?: string;
  roles?: Role[];
}

export function toEntry(raw: RawEntry, source: KnowledgeEntry['source']): KnowledgeEntry {
  const entry: KnowledgeEntry = { key: raw.key, name: raw.name, type: raw.type, aliases: raw.aliases ?? [], variants: raw.variants ?? [], roles: raw.roles ?? [], source };
  if (raw.wikidata) entry.wikidata = raw.wikidata;
  if (raw.country) entry.country = raw.country;
  if (raw.kind) entry.kind = raw.kind;
  if (raw.region) entry.region = raw.region;
  if (raw.population !== undefined) entry.population = raw.population;
  if (raw.coordinates?.length === 2) entry.coordinates = [raw.coordinates[0]!, raw.coordinates[1]!];
  if (raw.description) entry.description = raw.description;
  return entry;
}

/** Words that name a region somewhere (Cameroon has a "West" region) but in news text are directions or adjectives. */
const GENERIC_PLACE_WORDS = new Set([
  'west', 'east', 'north', 'south', 'central', 'western', 'eastern', 'northern', 'southern', 'centre', 'center', 'capital',
  'coast', 'islands', 'island', 'region', 'valley', 'lake', 'river', 'mountain', 'mountains', 'city', 'state', 'union',
  'independence', 'liberty', 'victoria', 'hope', 'unity', 'progress', 'president', 'national', 'federal', 'republic',
]);

export const BUILT_IN_ENTRIES: readonly KnowledgeEntry[] = (builtInData.entities as RawEntry[]).map((e) => toEntry(e, { kind: 'built-in' }));

export class KnowledgeBase {
  private readonly userFiles = new Map<string, KnowledgeEntry[]>();
  private byKey = new Map<string, KnowledgeEntry>();
  private byName = new Map<string, KnowledgeEntry[]>();
  private readonly placeCache = new Map<string, KnowledgeEntry | null>();
  private readonly officeholderEntries = new Map<string, KnowledgeEntry>();
  /** Bumped on every change, so caches keyed on it know when to drop. */
  generation = 0;

  constructor(
    private readonly builtIn: readonly KnowledgeEntry[] = BUILT_IN_ENTRIES,
    /** Loaded on first use: most look-ups never need the 27,000 places. */
    private readonly loadPlaces: () => Gazetteer | null = loadGazetteer,
    /** Loaded on first use too: only people no entry knows are looked up there. */
    private readonly loadPeople: () => Officeholders | null = loadOfficeholders,
  ) {
    this.rebuild();
  }

  private get gazetteer(): Gazetteer | null {
    return this.loadPlaces();
  }

  /** The table of people and the offices they held, for people no entry knows. */
  get officeholders(): Officeholders | null {
    return this.loadPeople();
  }

  setUserFile(file: string, entries: KnowledgeEntry[]): void {
    this.userFiles.set(file, entries);
    this.rebuild();
  }

  removeUserFile(file: string): boolean {
    const removed = this.userFiles.delete(file);
    if (removed) this.rebuild();
    return removed;
  }

  userFileNames(): string[] {
    return [...this.userFiles.keys()];
  }

  entry(key: string): KnowledgeEntry | undefined {
    const known = this.byKey.get(key);
    if (known) return known;
    if (key.startsWith('geo:')) return this.placeFromKey(key);
    if (isOfficeholderKey(key)) return this.officeholderEntry(key);
    return undefined;
  }

  /** The entry with this Wikidata id, user entries first. */
  byWikidata(id: string): KnowledgeEntry | undefined {
    let found: KnowledgeEntry | undefined;
    for (const e of this.byKey.values()) {
      if (e.wikidata !== id) continue;
      if (e.source.kind === 'user') return e;
      found ??= e;
    }
    return found;
  }

  entries(): IterableIterator<KnowledgeEntry> {
    return this.byKey.values();
  }

  /** Entries whose name or alias matches, user entries first. With a type, only that type. */
  lookup(name: string, type?: EntityType): KnowledgeEntry[] {
    const found = this.byName.get(normalizeName(name)) ?? [];
    return type ? found.filter((e) => e.type === type) : found;
  }

  /** A place for a name no entry knows, from the gazetteer (the most important place of that name). */
  lookupPlace(name: string): KnowledgeEntry | undefined {
    const known = this.lookup(name, 'place')[0];
    if (known) return known;
    if (!this.gazetteer) return undefined;
    const normalized = normalizeName(name);
    if (GENERIC_PLACE_WORDS.has(normalized) || normalized.length < 3) return undefined;
    if (this.placeCache.has(normalized)) return this.placeCache.get(normalized) ?? undefined;
    const record = this.gazetteer.lookup(name)[0];
    const entry = record ? placeEntry(record, name) : null;
    this.placeCache.set(normalized, entry);
    return entry ?? undefined;
  }

  /** Gazetteer facts (population, coordinates, region) for a knowledge-base place. */
  placeFacts(entry: KnowledgeEntry): PlaceRecord | undefined {
    if (entry.type !== 'place' || !this.gazetteer) return undefined;
    const candidates = [entry.name, ...entry.aliases].flatMap((n) => this.gazetteer!.lookup(n));
    const sameCountry = candidates.filter((p) => !entry.country || p.country === entry.country);
    const wanted = (p: PlaceRecord) =>
      entry.kind === 'city' ? p.kind === 'city' || p.kind === 'capital' : entry.kind === 'country' ? p.kind === 'country' : entry.kind === 'region' ? p.kind === 'region' : true;
    return sameCountry.find(wanted) ?? sameCountry[0];
  }

  /** "ukrainian", "russia", "british": words that only say whose office a title is. */
  isDemonymOrCountry(word: string): boolean {
    const g = this.gazetteer;
    if (!g) return false;
    return !!g.countryOfDemonym(word) || g.lookup(word).some((p) => p.kind === 'country');
  }

  /**
   * Well-known places of different countries sharing a name (Georgia: the country and the US state). Small towns do not
   * count: a reader would not think of them.
   */
  distinctPlaceReadings(name: string): Array<{ key: string; label: string }> {
    const g = this.gazetteer;
    if (!g) return [];
    const readings: Array<{ key: string; label: string }> = [];
    const countries = new Set<string>();
    for (const p of g.lookup(name)) {
      const major = p.kind === 'country' || p.kind === 'region' || p.kind === 'capital' || (p.population ?? 0) >= 500_000;
      if (!major || countries.has(p.countryCode)) continue;
      countries.add(p.countryCode);
      const label = p.kind === 'country' ? `the country ${p.name}` : `${p.name} (${p.kind === 'region' ? 'region' : 'city'} in ${p.country ?? p.countryCode})`;
      readings.push({ key: `geo:${p.countryCode}:${p.name}`, label });
    }
    return readings;
  }

  private officeholderEntry(key: string): KnowledgeEntry | undefined {
    const table = this.officeholders;
    const person = table?.byEntryKey(key);
    if (!table || !person) return undefined;
    let entry = this.officeholderEntries.get(key);
    if (!entry) this.officeholderEntries.set(key, (entry = table.entry(person)));
    return entry;
  }

  private placeFromKey(key: string): KnowledgeEntry | undefined {
    const [, code, ...rest] = key.split(':');
    const name = rest.join(':');
    const record = this.gazetteer?.lookup(name).find((p) => p.countryCode === code);
    return record ? placeEntry(record, name) : undefined;
  }

  private rebuild(): void {
    const byKey = new Map<string, KnowledgeEntry>();
    for (const e of this.builtIn) byKey.set(e.key, e);
    for (const entries of this.userFiles.values()) {
      for (const e of entries) {
        const previous = byKey.get(e.key) ?? [...byKey.values()].find((b) => b.type === e.type && normalizeName(b.name) === normalizeName(e.name));
        const entry = previous && previous.source.kind !== 'user' ? { ...e, overrides: previous.source } : e;
        if (previous && previous.key !== e.key) byKey.delete(previous.key);
        byKey.set(e.key, entry);
      }
    }
    const byName = new Map<string, KnowledgeEntry[]>();
    for (const e of byKey.values()) {
      for (const n of new Set([e.name, ...e.aliases, ...e.variants].map(normalizeName))) {
        if (!n) continue;
        const list = byName.get(n);
        if (list) list.push(e);
        else byName.set(n, [e]);
      }
    }
    for (const list of byName.values()) list.sort((a, b) => sourceRank(b) - sourceRank(a));
    this.byKey = byKey;
    this.byName = byName;
    this.placeCache.clear();
    this.generation++;
  }
}

function sourceRank(e: KnowledgeEntry): number {
  return e.source.kind === 'user' ? 2 : e.source.kind === 'built-in' ? 1 : 0;
}

function placeEntry(record: PlaceRecord, _asWritten: string): KnowledgeEntry {
  const entry: KnowledgeEntry = {
    key: `geo:${record.countryCode}:${record.name}`,
    name: record.name,
    type: 'place',
    kind: record.kind === 'capital' ? 'capital city' : record.kind,
    aliases: record.alternateNames.slice(0, 8),
    variants: [],
    roles: [],
    source: { kind: 'gazetteer' },
  };
  if (record.country) entry.country = record.country;
  if (record.region) entry.region = record.region;
  if (record.population) entry.population = record.population;
  if (record.coordinates) entry.coordinates = record.coordinates;
  return entry;
}
