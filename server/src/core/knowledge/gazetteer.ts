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

interface CompiledGazetteer {
  version: number;
  countries: Array<[string, string, string, string[], string[], number | null, number | null, string | null, string | null]>;
  regions: Array<[string, string]>;
  places: Array<[string, string, string, string, number, number, number, string]>;
}

export class Gazetteer {
  private readonly byName = new Map<string, PlaceRecord[]>();
  private readonly countriesByCode = new Map<string, CountryRecord>();
  private readonly demonyms = new Map<string, CountryRecord>();
  readonly placeCount: number;

  constructor(data: CompiledGazetteer) {
    for (const [code, name, official, demonyms, alternates, lat, lon, capital] of data.countries) {
      const country: CountryRecord = { code, name, demonyms };
      if (lat !== null && lon !== null) country.coordinates = [lat, lon];
      if (capital) country.capital = capital;
      this.countriesByCode.set(code, country);
      const record: PlaceRecord = { name, kind: 'country', countryCode: code, country: name, alternateNames: [official, ...alternates] };
      if (country.coordinates) record.coordinates = country.coordinates;
      for (const n of new Set([name, official, ...alternates])) this.add(n, record);
      for (const d of demonyms) this.demonyms.set(normalizeName(d), country);
    }
    const regionNames = new Map(data.regions);
    for (const [code, name] of data.regions) {
      const countryCode = code.slice(0, 2);
      const record: PlaceRecord = { name, kind: 'region', countryCode, alternateNames: [] };
      const country = this.countriesByCode.get(countryCode)?.name;
      if (country) record.country = country;
      this.add(name, record);
    }
    for (const [name, alternates, countryCode, regionCode, lat, lon, population, feature] of data.places) {
      const record: PlaceRecord = {
        name, kind: feature === 'PPLC' ? 'capital' : 'city', countryCode, population, coordinates: [lat, lon],
        alternateNames: alternates ? alternates.split('|') : [],
      };
      const country = this.countriesByCode.get(countryCode)?.name;
      if (country) record.country = country;
      const region = regionNames.get(regionCode);
      if (region) record.region = region;
      this.add(name, record);
      for (const alt of record.alternateNames) this.add(alt, record);
    }
    for (const list of this.byName.values()) list.sort((a, b) => rank(b) - rank(a));
    this.placeCount = data.places.length;
  }

  private add(name: string, record: PlaceRecord): void {
    const key = normalizeName(name);
    if (!key) return;
    const list = this.byName.get(key);
    if (!list) this.byName.set(key, [record]);
    else if (!list.includes(record)) list.push(record);
  }

  /** Places with this name or alternate name, most important first (countries, capitals, then by population). */
  lookup(name: string): PlaceRecord[] {
    return this.byName.get(normalizeName(name)) ?? [];
  }

  /** Names of countries, regions and places of at least `minPopulation` people, for the recognizer's lexicon. */
  *majorPlaceNames(minPopulation: number): IterableIterator<string> {
    for (const [name, records] of this.byName) {
      if (records.some((r) => r.kind === 'country' || r.kind === 'region' || r.kind === 'capital' || (r.population ?? 0) >= minPopulation)) {
        yield records[0]!.name === name ? name : name.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
      }
    }
  }

  /** "Russian" → Russia. */
  countryOfDemonym(word: string): CountryRecord | undefined {
    return this.demonyms.get(normalizeName(word));
  }

  country(code: string): CountryRecord | undefined {
    return this.countriesByCode.get(code);
  }
}

function rank(p: PlaceRecord): number {
  const base = p.kind === 'country' ? 3e9 : p.kind === 'capital' ? 2e9 : p.kind === 'region' ? 1e9 : 0;
  return base + (p.population ?? 0);
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
    cached = path ? new Gazetteer(JSON.parse(readFileSync(path, 'utf8')) as CompiledGazetteer) : null;
  } catch {
    cached = null;
  }
  return cached;
}
