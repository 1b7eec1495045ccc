// A person given different roles across the corpus for the same period ("State Secretary" here, "Secretary of
// State" elsewhere is fine; "Foreign Minister" against "Defence Minister" is not).
import { formatIso, toDayNumber } from '../core/dates';
import { entityIdentity, type RoleTable } from '../core/entityIndex';
import type { AnalyzedArticle, CorpusView } from '../core/corpusIndex';
import type { Finding, RelatedFinding, Rule } from './types';

/** Words that qualify a title without changing the office. */
const QUALIFIERS = new Set([
  'us', 'u.s', 'u.s.', 'uk', 'u.k', 'u.k.', 'the', 'of', 'and', 'former', 'acting', 'current', 'then', 'new', 'top', 'senior',
  'united', 'states', 'kingdom', 'federal', 'national', 'country', 'countrys', "country's", 'deputy', 'chief', 'principal',
]);
const SAME_OFFICE: Array<[string, string]> = [['minister', 'secretary'], ['spokesman', 'spokesperson'], ['spokeswoman', 'spokesperson'], ['defense', 'defence'], ['advisor', 'adviser']];
const MAX_DAYS_APART = 7;

/** The words that name the office: "Ukrainian Foreign Minister" → {foreign, minister} (demonyms and countries dropped). */
export function officeWords(role: string, isDemonym: (word: string) => boolean): Set<string> {
  const words = new Set<string>();
  for (const raw of role.toLowerCase().split(/[\s,]+/)) {
    let w = raw.replace(/[’']s$/, '').replace(/[^a-z.-]/g, '');
    for (const [a, b] of SAME_OFFICE) if (w === a) w = b;
    if (!w || QUALIFIERS.has(w) || isDemonym(w)) continue;
    words.add(w);
  }
  return words;
}

function compatible(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  // A truncated word is the same word for this rule ("Nat" for "NATO"); garbled-reference reports it.
  const has = (w: string) => large.has(w) || [...large].some((l) => (l.startsWith(w) || w.startsWith(l)) && Math.min(l.length, w.length) >= 3);
  for (const w of small) if (!has(w)) return false;
  return true;
}

const incompatibleCache = new WeakMap<RoleTable, { version: number; kb: object; byRole: Map<string, string[]> }>();

/** The person's other roles that name another office than `role`, kept until the person's set of roles changes. */
function incompatibleRoles(kb: { isDemonymOrCountry(word: string): unknown }, table: RoleTable, role: string): string[] {
  let cache = incompatibleCache.get(table);
  if (!cache || cache.version !== table.version || cache.kb !== kb) incompatibleCache.set(table, (cache = { version: table.version, kb, byRole: new Map() }));
  let roles = cache.byRole.get(role);
  if (!roles) {
    const mine = officeWordsOf(kb, role);
    roles = [...table.roles.keys()].filter((other) => other !== role && !compatible(mine, officeWordsOf(kb, other)));
    cache.byRole.set(role, roles);
  }
  return roles;
}

/** Office words per role text, per knowledge base (demonyms come from it). */
const officeWordsCache = new WeakMap<object, Map<string, Set<string>>>();

function officeWordsOf(kb: { isDemonymOrCountry(word: string): unknown }, role: string): Set<string> {
  let byRole = officeWordsCache.get(kb);
  if (!byRole) officeWordsCache.set(kb, (byRole = new Map()));
  let words = byRole.get(role);
  if (!words) byRole.set(role, (words = officeWords(role, (w) => !!kb.isDemonymOrCountry(w))));
  return words;
}

const lastFindings = new WeakMap<AnalyzedArticle, { corpus: CorpusView; tables: Array<RoleTable | undefined>; changes: number[]; findings: Finding[] }>();

export const roleDisagreement: Rule = {
  id: 'role-disagreement',
  summary: 'A person given different roles in different articles of the same period.',
  defaultSeverity: 'information',
  crossArticle: true,
  check({ article, corpus }) {
    // The findings read only the role tables of the article's people: while none changed, they stand.
    const tables: Array<RoleTable | undefined> = [];
    for (const m of article.entities) if (m.type === 'person' && m.role) tables.push(corpus.entityIndex.roles(entityIdentity(m)));
    const cached = lastFindings.get(article);
    if (cached && cached.corpus === corpus && cached.tables.length === tables.length &&
      cached.tables.every((t, i) => t === tables[i] && (t?.changes ?? 0) === cached.changes[i])) return cached.findings;
    const findings = roleFindings(article, corpus);
    lastFindings.set(article, { corpus, tables, changes: tables.map((t) => t?.changes ?? 0), findings });
    return findings;
  },
};

function roleFindings(article: AnalyzedArticle, corpus: CorpusView): Finding[] {
  const kb = corpus.environment.knowledgeBase;
  const day = article.dateline ? toDayNumber(article.dateline) : undefined;
  const findings: Finding[] = [];
  for (const m of article.entities) {
    if (m.type !== 'person' || !m.role) continue;
    const table = corpus.entityIndex.roles(entityIdentity(m));
    if (!table || table.roles.size < 2) continue;
    const related: RelatedFinding[] = [];
    // One related place per other role: the nearest mention in time, within the week.
    for (const role of incompatibleRoles(kb, table, m.role)) {
      const where = table.roles.get(role);
      const found = where?.firstNear(day, MAX_DAYS_APART, article.id);
      const other = found && corpus.get(found.articleId);
      const o = other?.entities[found!.index];
      if (!other || !o) continue;
      const when = other.dateline ? `, ${formatIso(other.dateline)}` : '';
      related.push({ articleId: other.id, start: o.start, end: o.end, message: `"${role}" (${other.id.replace(/^.*\//, '').replace(/\.txt$/, '')}${when})` });
    }
    if (!related.length) continue;
    findings.push({
      ruleId: 'role-disagreement',
      start: m.roleSpan?.start ?? m.start,
      end: m.roleSpan?.end ?? m.end,
      message: `${m.canonical} is "${m.role}" here, but ${related.map((r) => r.message).join(', ')} elsewhere in the corpus.`,
      related,
      data: { entityKey: m.entityKey ?? null, role: m.role, otherRoles: related.map((r) => r.message) },
    });
  }
  return findings;
}
