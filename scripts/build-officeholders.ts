// Builds server/data/officeholders.json.gz (gzip-compressed JSON, small enough to keep in the repository), the compact table of people and the offices they held with their periods,
// from per-country office-holder tables (EveryPolitician scrapers' html/holders21.csv, themselves the result of
// Wikidata queries, so CC0 facts) and the project's own small supplement (scripts/data/officeholders-supplement.csv)
// for offices those tables lack. Run by hand when the sources change; the build and the tests read only the output.
//
//   npx tsx scripts/build-officeholders.ts --sources DIR
//
// DIR holds one folder per fetched repository, named "owner+name", each either a plain checkout or holding a bare
// git directory "repo" (the table is then read from its newest commit).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { OFFICEHOLDERS_FORMAT_VERSION, type CompiledOfficeholders } from '../server/src/core/knowledge/officeholders';
import { loadGazetteer } from '../server/src/core/knowledge/gazetteer';
import { normalizeName } from '../server/src/core/knowledge/names';

const root = join(__dirname, '..');
const out = join(root, 'server/data/officeholders.json.gz');
const supplementFile = join(root, 'scripts/data/officeholders-supplement.csv');

/** Offices older than this are left out: the corpora the tool serves are news from 2000 on. */
const EARLIEST_END = '1995';
/** Seats in legislatures left before this are left out: a former backbencher is rarely news years later. */
const EARLIEST_SEAT_END = '2000';
/** A seat with no end is believed still held only when it began recently: old memberships often lack their end. */
const OPEN_SEAT_START = '2016';

/** Titles that read naturally as "<title> of <country>"; others get the country in brackets. */
const OF_COUNTRY_TITLES = /^(President|Vice[- ]President|Prime Minister|Deputy Prime Minister|First Deputy Prime Minister|Chancellor|Vice[- ]Chancellor|King|Queen|Monarch|Emir|Sultan|Supreme Leader|Governor[- ]General|Premier|Chief Executive|First Lady|Head of State|Head of Government)$/i;

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

function readRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
}

/** A file of a fetched repository: from the work tree, or from the newest commit of its git directory. */
function repoFile(dir: string, path: string): string | undefined {
  if (existsSync(join(dir, path))) return readFileSync(join(dir, path), 'utf8');
  const gitDir = existsSync(join(dir, 'repo')) ? join(dir, 'repo') : dir;
  try {
    return execFileSync('git', ['--git-dir', gitDir, 'show', `HEAD:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

function repoCommit(dir: string): string | undefined {
  const gitDir = existsSync(join(dir, 'repo')) ? join(dir, 'repo') : join(dir, '.git');
  try {
    return execFileSync('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** "the United States of America" → "United States"; the names the gazetteer and news use. */
function countryName(raw: string | undefined): string {
  if (!raw) return '';
  const name = raw.replace(/^the\s+/i, '').trim();
  const renamed: Record<string, string> = { 'United States of America': 'United States', 'Czech Republic': 'Czechia', Philippines: 'Philippines' };
  return renamed[name] ?? name;
}

function displayTitle(title: string, country: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  const clean = t.charAt(0).toUpperCase() + t.slice(1);
  if (!country || clean.includes(country)) return clean;
  if (OF_COUNTRY_TITLES.test(clean)) return `${clean} of ${/^(United|Netherlands|Philippines|Bahamas|Gambia|Democratic Republic|Republic of|Central African|Dominican|Maldives|Comoros)/.test(country) ? 'the ' : ''}${country}`;
  return `${clean} (${country})`;
}

/** A Wikidata date or partial date, or undefined when it is not one. */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}

/** Names as news writes them: "Mark Malloch Brown, Baron Malloch-Brown" → "Mark Malloch Brown"; non-Latin labels are dropped. */
function personName(raw: string): string | undefined {
  let name = raw.replace(/\s+/g, ' ').trim();
  if (!/^[\p{Script=Latin}\p{M}\s.'’,()-]+$/u.test(name)) return undefined;
  name = name.replace(/,\s*(Baron|Baroness|Lord|Lady|Viscount|Earl|Duke|Marquess)\b.*$/, '');
  name = name.replace(/\s*\([^)]*\)\s*$/, '');
  if (!/\s/.test(name)) return undefined;
  return name;
}

/** Consecutive terms of one office ("senator 2001–2003", "2003–2005") become one period. */
function mergeTerms(roles: PersonBuild['roles']): PersonBuild['roles'] {
  const merged: PersonBuild['roles'] = [];
  for (const r of [...roles].sort((a, b) => a.title.localeCompare(b.title) || a.from.localeCompare(b.from))) {
    const previous = merged[merged.length - 1];
    if (previous && previous.title === r.title && previous.to && previous.to.slice(0, 4) >= String(Number(r.from.slice(0, 4)) - 1) && previous.to <= r.from.padEnd(previous.to.length, '9')) {
      if (!r.to || r.to > previous.to) previous.to = r.to;
      continue;
    }
    if (previous && previous.title === r.title && !previous.to) continue;
    merged.push({ ...r });
  }
  return merged;
}

/**
 * A seat in a regional legislature ("Member of the Queensland Legislative Assembly", "member of the Alaska House of
 * Representatives"): left out, they are many and rarely in international news. Needs the compiled gazetteer.
 */
function isRegionalSeat(title: string, country: string): boolean {
  const gazetteer = loadGazetteer();
  if (!gazetteer || !country) return false;
  const code = gazetteer.lookup(country).find((p) => p.kind === 'country')?.countryCode;
  if (!code) return false;
  const words = title.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= 3 && i + n <= words.length; n++) {
      const phrase = words.slice(i, i + n).join(' ');
      if (!/^\p{Lu}/u.test(phrase) || phrase === country) continue;
      if (gazetteer.lookup(phrase).some((p) => p.kind === 'region' && p.countryCode === code && normalizeName(p.name) === normalizeName(phrase))) return true;
    }
  }
  return false;
}

interface PersonBuild {
  name: string;
  wikidata: string;
  roles: Array<{ title: string; country: string; from: string; to: string }>;
}

function main(): void {
  const args = process.argv.slice(2);
  const sourcesDir = args.includes('--sources') ? args[args.indexOf('--sources') + 1] : undefined;
  if (!sourcesDir || !existsSync(sourcesDir)) {
    console.error('usage: tsx scripts/build-officeholders.ts --sources DIR (folders of fetched office-holder repositories)');
    process.exit(2);
  }
  const people = new Map<string, PersonBuild>();
  const sources: CompiledOfficeholders['sources'] = [];
  for (const folder of readdirSync(sourcesDir).sort()) {
    const dir = join(sourcesDir, folder);
    const table = repoFile(dir, 'html/holders21.csv');
    if (!table) continue;
    // Members of legislatures too (a senator, an MP), except the world table's Council of Europe delegates.
    const legislators = folder.endsWith('+world') ? undefined : repoFile(dir, 'html/legislators.csv');
    const meta = repoFile(dir, 'meta.json');
    let country = '';
    try {
      country = countryName(meta ? (JSON.parse(meta) as { jurisdiction?: { name?: string } }).jurisdiction?.name : undefined);
    } catch {
      country = '';
    }
    let rows = 0;
    const seats = (legislators ? readRecords(legislators) : []).filter((r) =>
      !/^(deputy|substitute|alternate) member/i.test(r.position ?? '') && (r.end ? r.end >= EARLIEST_SEAT_END : (r.start ?? '') >= OPEN_SEAT_START) && !isRegionalSeat(r.position ?? '', country));
    for (const r of [...readRecords(table), ...seats]) {
      const name = personName(r.person ?? '');
      const id = /^Q\d+$/.test(r.personID ?? '') ? r.personID! : '';
      const from = isoDate(r.start);
      const to = isoDate(r.end) ?? '';
      // A role without a start cannot be placed in time: it would read as held on every date.
      if (!name || !id || !from || !r.position) continue;
      if (to && to < EARLIEST_END) continue;
      if (to && to < from) continue;
      // The world table holds international offices: no country.
      const roleCountry = folder.endsWith('+world') ? '' : country;
      const person = people.get(id) ?? { name, wikidata: id, roles: [] };
      // "Member of the 57th Parliament of the United Kingdom": one office, whatever the term.
      const title = displayTitle(r.position.replace(/\b\d+(?:st|nd|rd|th)\s+/g, ''), roleCountry);
      if (!person.roles.some((x) => x.title === title && x.from === from)) person.roles.push({ title, country: roleCountry, from, to });
      people.set(id, person);
      rows++;
    }
    sources.push({ repository: folder.replace('+', '/'), commit: repoCommit(dir) ?? '', rows });
  }

  // The supplement has no ids: a row joins the one person of that exact name, or makes a new person.
  const byName = new Map<string, PersonBuild[]>();
  for (const p of people.values()) {
    const key = normalizeName(p.name);
    byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  let supplementRows = 0;
  for (const r of readRecords(readFileSync(supplementFile, 'utf8'))) {
    const from = isoDate(r.start);
    if (!r.name || !r.title || !from) continue;
    const key = normalizeName(r.name);
    const same = byName.get(key) ?? [];
    let person = same.length === 1 ? same[0]! : undefined;
    if (!person) {
      person = { name: r.name, wikidata: '', roles: [] };
      people.set(`name:${key}`, person);
      byName.set(key, [person]);
    }
    const country = countryName(r.country);
    if (!person.roles.some((x) => x.title === r.title && x.from === from)) person.roles.push({ title: r.title, country, from, to: isoDate(r.end) ?? '' });
    supplementRows++;
  }
  sources.push({ repository: 'scripts/data/officeholders-supplement.csv', commit: '', rows: supplementRows });

  for (const p of people.values()) p.roles = mergeTerms(p.roles);

  const titles: string[] = [];
  const titleIndex = new Map<string, number>();
  const countries: string[] = [];
  const countryIndex = new Map<string, number>();
  const intern = (list: string[], index: Map<string, number>, value: string) => {
    let i = index.get(value);
    if (i === undefined) { i = list.length; list.push(value); index.set(value, i); }
    return i;
  };
  const rows: CompiledOfficeholders['people'] = [];
  for (const p of [...people.values()].sort((a, b) => a.name.localeCompare(b.name) || a.wikidata.localeCompare(b.wikidata))) {
    const roles = p.roles
      .sort((a, b) => a.from.localeCompare(b.from))
      .map((r) => [intern(titles, titleIndex, r.title), r.country ? intern(countries, countryIndex, r.country) : -1, r.from, r.to] as [number, number, string, string]);
    if (roles.length) rows.push([p.name, p.wikidata, roles]);
  }
  const compiled: CompiledOfficeholders = {
    version: OFFICEHOLDERS_FORMAT_VERSION,
    about: 'People and the offices they held, with periods (YYYY, YYYY-MM or YYYY-MM-DD; an empty end: still held when the source was made). Built by scripts/build-officeholders.ts; sources and licenses in docs/data-sources.md.',
    sources,
    countries,
    titles,
    people: rows,
  };
  // One person a line: small diffs when a source changes, and still compact.
  const body = [
    '{',
    `"version":${compiled.version},`,
    `"about":${JSON.stringify(compiled.about)},`,
    `"sources":${JSON.stringify(sources)},`,
    `"countries":${JSON.stringify(countries)},`,
    `"titles":[\n${titles.map((t) => JSON.stringify(t)).join(',\n')}\n],`,
    `"people":[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]`,
    '}',
  ].join('\n');
  writeFileSync(out, gzipSync(Buffer.from(body + '\n', 'utf8'), { level: 9 }));
  const roleCount = rows.reduce((n, r) => n + r[2].length, 0);
  console.log(`officeholders: ${rows.length} people, ${roleCount} roles, ${titles.length} titles, ${countries.length} countries from ${sources.length} sources → ${out} (${(body.length / 1e6).toFixed(2)} MB)`);
}

main();
