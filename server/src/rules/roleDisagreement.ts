// A person given different roles across the corpus for the same period ("State Secretary" here, "Secretary of
// State" elsewhere is fine; "Foreign Minister" against "Defence Minister" is not).
import { formatIso } from '../core/dates';
import { entityIdentity } from '../core/entityIndex';
import type { CalendarDate } from '../core/types';
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

function daysApart(a: CalendarDate | undefined, b: CalendarDate | undefined): number {
  if (!a || !b) return 0; // undated articles are assumed to belong to the corpus's period
  return Math.abs(Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day)) / 86_400_000;
}

export const roleDisagreement: Rule = {
  id: 'role-disagreement',
  summary: 'A person given different roles in different articles of the same period.',
  defaultSeverity: 'information',
  crossArticle: true,
  check({ article, corpus }) {
    const kb = corpus.environment.knowledgeBase;
    const isDemonym = (w: string) => !!kb.isDemonymOrCountry(w);
    const findings: Finding[] = [];
    for (const m of article.entities) {
      if (m.type !== 'person' || !m.role) continue;
      const mine = officeWords(m.role, isDemonym);
      const occurrences = corpus.entityIndex.occurrences(entityIdentity(m));
      if (!occurrences) continue;
      const related: RelatedFinding[] = [];
      const seen = new Set<string>();
      for (const [id, indexes] of occurrences.byArticle) {
        if (id === article.id) continue;
        const other = corpus.get(id);
        if (!other || daysApart(other.dateline, article.dateline) > MAX_DAYS_APART) continue;
        for (const i of indexes) {
          const o = other.entities[i];
          if (!o?.role || seen.has(o.role)) continue;
          if (compatible(mine, officeWords(o.role, isDemonym))) continue;
          seen.add(o.role);
          const when = other.dateline ? `, ${formatIso(other.dateline)}` : '';
          related.push({ articleId: id, start: o.start, end: o.end, message: `"${o.role}" (${id.replace(/^.*\//, '').replace(/\.txt$/, '')}${when})` });
        }
      }
      if (!related.length) continue;
      findings.push({
        ruleId: this.id,
        start: m.roleSpan?.start ?? m.start,
        end: m.roleSpan?.end ?? m.end,
        message: `${m.canonical} is "${m.role}" here, but ${related.map((r) => r.message).join(', ')} elsewhere in the corpus.`,
        related,
        data: { entityKey: m.entityKey ?? null, role: m.role, otherRoles: related.map((r) => r.message) },
      });
    }
    return findings;
  },
};
