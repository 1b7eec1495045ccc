// A person given two different offices in articles of the same week ("Foreign Minister" here, "Defence Minister"
// there). Honorifics are not offices, wordings of one office are one office, past offices are not current ones,
// undated articles are compared with nothing, and two people of one name are kept apart when their titles disagree
// on what kind of person they are or whose office they hold.
import { formatIso, toDayNumber } from '../core/dates';
import { entityIdentity, type RoleOccurrence, type RoleTable } from '../core/entityIndex';
import type { AnalyzedArticle, CorpusView } from '../core/corpusIndex';
import type { EntityMentionInText } from '../core/entities';
import { loadGazetteer } from '../core/knowledge/gazetteer';
import type { KnowledgeBase } from '../core/knowledge/knowledgeBase';
import { normalizeName } from '../core/knowledge/names';
import { coordinatedTitleStart, readTitle, sameOffice, type JurisdictionResolver, type TitleReading } from '../core/recognition/roles';
import type { Finding, RelatedFinding, Rule } from './types';

const MAX_DAYS_APART = 7;

/** Region names that are directions or generic words far more often than places in titles ("Northern", "Central"). */
const GENERIC_REGION_WORDS = new Set(['north', 'south', 'east', 'west', 'central', 'northern', 'southern', 'eastern', 'western', 'centre', 'center', 'capital', 'national', 'federal', 'union', 'state', 'city']);

const resolvers = new WeakMap<KnowledgeBase, { generation: number; resolve: JurisdictionResolver }>();

/**
 * Whose office a run of title words names: a country ("GB"), a first-level region ("US/Hawaii") or an organisation
 * of the knowledge base ("org:nato"). "UK", "British" and "United Kingdom" all name GB.
 */
export function jurisdictionResolver(kb: KnowledgeBase): JurisdictionResolver {
  const cached = resolvers.get(kb);
  if (cached && cached.generation === kb.generation) return cached.resolve;
  const memo = new Map<string, string | undefined>();
  const resolve: JurisdictionResolver = (phrase) => {
    if (memo.has(phrase)) return memo.get(phrase);
    const found = resolvePhrase(kb, phrase);
    memo.set(phrase, found);
    return found;
  };
  resolvers.set(kb, { generation: kb.generation, resolve });
  return resolve;
}

function resolvePhrase(kb: KnowledgeBase, phrase: string): string | undefined {
  // "Palestinian Authority", "Iraqi government": the people's office.
  const governed = /^(.+) (?:authority|government|administration)$/.exec(phrase);
  if (governed) return resolvePhrase(kb, governed[1]!);
  if (GENERIC_REGION_WORDS.has(phrase) || phrase.length < 2) return undefined;
  for (const entry of kb.lookup(phrase)) {
    if (entry.type === 'organization') return `org:${entry.key}`;
    if (entry.type !== 'place') continue;
    const facts = kb.placeFacts(entry);
    if (facts?.kind === 'country') return facts.countryCode;
    if (facts?.kind === 'region') return `${facts.countryCode}/${normalizeName(facts.name)}`;
  }
  const g = loadGazetteer();
  if (!g) return undefined;
  const demonym = g.countryOfDemonym(phrase);
  if (demonym) return demonym.code;
  for (const p of g.lookup(phrase)) {
    if (normalizeName(p.name) !== phrase && p.kind !== 'country') continue;
    if (p.kind === 'country') return p.countryCode;
    if (p.kind === 'region') return `${p.countryCode}/${normalizeName(p.name)}`;
  }
  return undefined;
}

/** "US" and "US/Hawaii" can be one person's; "GB" and "AU" cannot. */
function jurisdictionsAgree(a: string | undefined, b: string | undefined): boolean {
  return !a || !b || a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

type Verdict = 'agree' | 'disagree' | 'unrelated';

/**
 * Two readings of one person's titles: they agree when they share an office; they disagree when two offices of one
 * branch (government posts, or seats in a legislature) differ for the same jurisdiction; otherwise they are
 * unrelated (a senator who is also a minister, or offices of two different countries: likely two people).
 */
export function compareReadings(a: TitleReading, b: TitleReading): Verdict {
  let verdict: Verdict = 'unrelated';
  for (const x of a.offices) {
    for (const y of b.offices) {
      if (x.branch !== y.branch || !jurisdictionsAgree(x.jurisdiction, y.jurisdiction)) continue;
      if (sameOffice(x, y)) return 'agree';
      verdict = 'disagree';
    }
  }
  // An office of another country for the same office word is another person, not another office.
  if (verdict === 'disagree' && a.offices.some((x) => b.offices.some((y) => x.office === y.office && !jurisdictionsAgree(x.jurisdiction, y.jurisdiction)))) return 'unrelated';
  return verdict;
}

/** Kinds of person the corpus makes of someone in one article, beside government (a rugby captain, a bishop). */
const SEPARATING_DOMAINS = ['sport', 'business', 'religion'] as const;

interface TitledMention {
  mention: EntityMentionInText;
  /** The title as compared: the role, with a title joined to it by "and" before it. */
  title: string;
  /** Span of that title in the clean text. */
  start: number;
  end: number;
  reading: TitleReading;
}

const titledCache = new WeakMap<AnalyzedArticle, { kb: KnowledgeBase; generation: number; byIndex: Map<number, TitledMention | null> }>();

/** The mention's title, read, or null when it names no current office of a person this rule can follow. */
function titledMention(article: AnalyzedArticle, index: number, kb: KnowledgeBase): TitledMention | null {
  let cache = titledCache.get(article);
  if (!cache || cache.kb !== kb || cache.generation !== kb.generation) titledCache.set(article, (cache = { kb, generation: kb.generation, byIndex: new Map() }));
  let titled = cache.byIndex.get(index);
  if (titled === undefined) cache.byIndex.set(index, (titled = readMention(article, index, kb)));
  return titled;
}

function readMention(article: AnalyzedArticle, index: number, kb: KnowledgeBase): TitledMention | null {
  const m = article.entities[index];
  if (!m || m.type !== 'person' || !m.role || !followable(m)) return null;
  const resolve = jurisdictionResolver(kb);
  const base = readTitle(m.role, resolve);
  const span = m.roleSpan;
  if (!span) return { mention: m, title: m.role, start: m.start, end: m.end, reading: base };
  const start = base.start > 0 ? span.start + base.start : coordinatedTitleStart(article.text, span.start);
  const title = article.text.slice(start, span.end);
  const reading = start === span.start ? base : readTitle(title, resolve);
  return { mention: m, title: title.slice(reading.start), start: start + reading.start, end: span.end, reading };
}

/**
 * A person the corpus can follow from article to article: linked to the knowledge base, or named with at least two
 * words, and this mention writes the surname ("Mahmoud" alone, chained to "Mahmoud Abbas", may be someone else).
 */
function followable(m: EntityMentionInText): boolean {
  if (m.entityKey) return true;
  const words = normalizeName(m.canonical).split(' ');
  if (words.length < 2) return false;
  return normalizeName(m.text).split(' ').includes(words[words.length - 1]!);
}

const domainCache = new WeakMap<AnalyzedArticle, Map<string, Set<string>>>();

/** The kinds of person (sport, business, religion) an article's current titles make of one identity. */
function domainsIn(article: AnalyzedArticle, identity: string, corpus: CorpusView): Set<string> {
  let byIdentity = domainCache.get(article);
  if (!byIdentity) domainCache.set(article, (byIdentity = new Map()));
  let domains = byIdentity.get(identity);
  if (!domains) {
    domains = new Set();
    const resolve = jurisdictionResolver(corpus.environment.knowledgeBase);
    for (const i of corpus.entityIndex.occurrences(identity)?.byArticle.get(article.id) ?? []) {
      const role = article.entities[i]?.role;
      if (role) for (const d of readTitle(role, resolve).domains) domains.add(d);
    }
    byIdentity.set(identity, domains);
  }
  return domains;
}

/** One article makes a sportsman or a businessman of the person and the other does not: two people of one name. */
function differentPeople(a: Set<string>, b: Set<string>): boolean {
  return SEPARATING_DOMAINS.some((d) => a.has(d) !== b.has(d));
}

const candidateCache = new WeakMap<RoleTable, { version: number; kb: KnowledgeBase; roles: string[] }>();

/** The person's roles that name a current office, kept until the person's set of roles changes. */
function officeRoles(kb: KnowledgeBase, table: RoleTable): string[] {
  const cached = candidateCache.get(table);
  if (cached && cached.version === table.version && cached.kb === kb) return cached.roles;
  const resolve = jurisdictionResolver(kb);
  const roles = [...table.roles.keys()].filter((role) => readTitle(role, resolve).offices.length > 0);
  candidateCache.set(table, { version: table.version, kb, roles });
  return roles;
}

const lastFindings = new WeakMap<AnalyzedArticle, { corpus: CorpusView; tables: Array<RoleTable | undefined>; changes: number[]; generation: number; findings: Finding[] }>();

export const roleDisagreement: Rule = {
  id: 'role-disagreement',
  summary: 'A person given different offices in different articles of the same week.',
  // A hint until real news shows enough findings to bound its precision (docs/evaluation.md).
  defaultSeverity: 'hint',
  crossArticle: true,
  check({ article, corpus }) {
    // The findings read only the role tables of the article's people: while none changed, they stand.
    const tables: Array<RoleTable | undefined> = [];
    for (const m of article.entities) if (m.type === 'person' && m.role) tables.push(corpus.entityIndex.roles(entityIdentity(m)));
    const generation = corpus.environment.knowledgeBase.generation;
    const cached = lastFindings.get(article);
    if (cached && cached.corpus === corpus && cached.generation === generation && cached.tables.length === tables.length &&
      cached.tables.every((t, i) => t === tables[i] && (t?.changes ?? 0) === cached.changes[i])) return cached.findings;
    const findings = roleFindings(article, corpus);
    lastFindings.set(article, { corpus, tables, changes: tables.map((t) => t?.changes ?? 0), generation, findings });
    return findings;
  },
};

function roleFindings(article: AnalyzedArticle, corpus: CorpusView): Finding[] {
  // An undated article's offices hold at no known time: nothing overlaps them.
  if (!article.dateline) return [];
  const kb = corpus.environment.knowledgeBase;
  const resolve = jurisdictionResolver(kb);
  const day = toDayNumber(article.dateline);
  const findings: Finding[] = [];
  article.entities.forEach((m, index) => {
    if (m.type !== 'person' || !m.role) return;
    const here = titledMention(article, index, kb);
    if (!here || !here.reading.offices.length) return;
    const identity = entityIdentity(m);
    const table = corpus.entityIndex.roles(identity);
    if (!table || table.roles.size < 2) return;
    const related: RelatedFinding[] = [];
    const otherTitles: string[] = [];
    // One related place per other role: the nearest mention in time, within the week, that really disagrees.
    for (const role of officeRoles(kb, table)) {
      // Agreement only grows when a mention adds a coordinated title, so a role that agrees needs no look-up.
      if (compareReadings(here.reading, readTitle(role, resolve)) === 'agree') continue;
      const accept = (o: RoleOccurrence) => {
        const other = corpus.get(o.articleId);
        const there = other && titledMention(other, o.index, kb);
        if (!there || compareReadings(here.reading, there.reading) !== 'disagree') return false;
        return !differentPeople(domainsIn(article, identity, corpus), domainsIn(other, identity, corpus));
      };
      const found = table.roles.get(role)?.firstNear(day, MAX_DAYS_APART, article.id, accept);
      const other = found && corpus.get(found.articleId);
      const there = other && titledMention(other, found.index, kb);
      if (!other || !there || otherTitles.includes(there.title)) continue;
      otherTitles.push(there.title);
      const when = other.dateline ? `, ${formatIso(other.dateline)}` : '';
      related.push({ articleId: other.id, start: there.mention.start, end: there.mention.end, message: `"${there.title}" (${other.id.replace(/^.*\//, '').replace(/\.txt$/, '')}${when})` });
    }
    if (!related.length) return;
    findings.push({
      ruleId: 'role-disagreement',
      start: here.start,
      end: here.end,
      message: `${m.canonical} is "${here.title}" here, but ${related.map((r) => r.message).join(', ')} elsewhere in the corpus.`,
      related,
      data: { entityKey: m.entityKey ?? null, role: here.title, otherRoles: related.map((r) => r.message) },
    });
  });
  return findings;
}
