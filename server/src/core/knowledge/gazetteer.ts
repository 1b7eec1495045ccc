// The places index compiled at build time from GeoNames (see scripts/compile-gazetteer.mjs): cities with their
// alternate names, first-level regions, and countries with demonyms. Loaded lazily, once.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeName } from './names';

export interface PlaceRecord {
  name: string;
  kind: 'city' | 'capital' | 'region' | 'country';
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  country?: string;
  region?: string;
  population?: number;
  coordinates?: [number, number];
  /** Other names that matched ("Kharkov" for Kharkiv). */
  alternateNames: string[];
}

export interface CountryRecord {
  code: string;
  name: string;
  demonyms: string[];
  coordinates?: [number, number];
  capital?: string;
}

/** Bumped whenever the compiled file's shape changes (scripts/compile-gazetteer.ts). */
export const GAZETTEER_FORMAT_VERSION = 2;

type PlaceRow = [string, string, string, string, number, number, number, string];
type CountryRow = [string, string, string, string[], string[], number | null, number | null, string | null, string | null];

interface CompiledGazetteer {
  version: number;
  countries: CountryRow[];
  regions: Array<[string, string]>;
  places: PlaceRow[];
  /** Normalized name → references, most important first: place i, then region j (places + j), then country k. */
  index: Record<string, number[]>;
}

/** Importance of a reading, for ordering look-ups: countries, capitals, regions, then by population. */
export function placeRank(kind: PlaceRecord['kind'], population: number): number {
  const base = kind === 'country' ? 3e9 : kind === 'capital' ? 2e9 : kind === 'region' ? 1e9 : 0;
  return base + population;
}

export class Gazetteer {
  private readonly records = new Map<number, PlaceRecord>();
  private readonly countriesByCode = new Map<string, CountryRecord>();
  private readonly demonyms = new Map<string, CountryRecord>();
  private readonly regionNames = new Map<string, string>();
  readonly placeCount: number;

  constructor(private readonly data: CompiledGazetteer) {
    for (const [code, name, , demonyms, , lat, lon, capital] of data.countries) {
      const country: CountryRecord = { code, name, demonyms };
      if (lat !== null && lon !== null) country.coordinates = [lat, lon];
      if (capital) country.capital = capital;
      this.countriesByCode.set(code, country);
      for (const d of demonyms) this.demonyms.set(normalizeName(d), country);
    }
    for (const [code, name] of data.regions) this.regionNames.set(code, name);
    this.placeCount = data.places.length;
  }

  /** Places with this name or alternate name, most important first (countries, capitals, regions, then by population). */
  lookup(name: string): PlaceRecord[] {
    const refs = this.data.index[normalizeName(name)];
    return refs ? refs.map((ref) => this.record(ref)) : [];
  }

  private record(ref: number): PlaceRecord {
    const cached = this.records.get(ref);
    if (cached) return cached;
    const { places, regions, countries } = this.data;
    let record: PlaceRecord;
    if (ref < places.length) {
      const [name, alternates, countryCode, regionCode, lat, lon, population, feature] = places[ref]!;
      record = {
        name, kind: feature === 'PPLC' ? 'capital' : 'city', countryCode, population, coordinates: [lat, lon],
        alternateNames: alternates ? alternates.split('|') : [],
      };
      const region = this.regionNames.get(regionCode);
      if (region) record.region = region;
    } else if (ref < places.length + regions.length) {
      const [code, name] = regions[ref - places.length]!;
      record = { name, kind: 'region', countryCode: code.slice(0, 2), alternateNames: [] };
    } else {
      const [code, name, official, , alternates, lat, lon] = countries[ref - places.length - regions.length]!;
      record = { name, kind: 'country', countryCode: code, country: name, alternateNames: [official, ...alternates] };
      if (lat !== null && lon !== null) record.coordinates = [lat, lon];
    }
    const country = this.countriesByCode.get(record.countryCode)?.name;
    if (country) record.country = country;
    this.records.set(ref, record);
    return record;
  }

  /** Names of countries, regions and places of at least `minPopulation` people, for the recognizer's lexicon. */
  *majorPlaceNames(minPopulation: number): IterableIterator<string> {
    for (const c of this.data.countries) yield c[1];
    for (const r of this.data.regions) yield r[1];
    for (const p of this.data.places) if (p[6] >= minPopulation || p[7] === 'PPLC') yield p[0];
  }

  /** "Russian" → Russia. */
  countryOfDemonym(word: string): CountryRecord | undefined {
    return this.demonyms.get(normalizeName(word));
  }

  country(code: string): CountryRecord | undefined {
    return this.countriesByCode.get(code);
  }
}

let cached: Gazetteer | null | undefined;

/** dist/data/places.json next to the bundle, or in the project's dist/ when running from source. */
export function gazetteerPath(): string | undefined {
  const candidates = [join(__dirname, 'data', 'places.json'), join(__dirname, '..', '..', '..', '..', 'dist', 'data', 'places.json')];
  return candidates.find((p) => existsSync(p));
}

/** The shared gazetteer, or null when the compiled file is missing (the build makes it). */
export function loadGazetteer(): Gazetteer | null {
  if (cached !== undefined) return cached;
  const path = gazetteerPath();
  try {
    const data = path ? (JSON.parse(readFileSync(path, 'utf8')) as CompiledGazetteer) : undefined;
    cached = data?.version === GAZETTEER_FORMAT_VERSION && data.index ? new Gazetteer(data) : null;
  } catch {
    cached = null;
  }
  return cached;
}
