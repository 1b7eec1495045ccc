// A title with a truncated or garbled organization name: "Nat Secretary General Jens Stoltenberg" means NATO's.
import { normalizeName } from '../core/knowledge/names';
import type { KnowledgeEntry } from '../core/knowledge/types';
import type { Finding, Rule } from './types';

/** Capitalized title words that are never a truncated name. */
const TITLE_WORDS = new Set(['secretary', 'general', 'minister', 'foreign', 'president', 'prime', 'chancellor', 'state', 'defense', 'defence', 'deputy', 'chief', 'spokesman', 'spokesperson', 'spokeswoman', 'ambassador', 'national', 'security', 'advisor', 'adviser', 'vice', 'press', 'head', 'the', 'of']);

export const garbledReference: Rule = {
  id: 'garbled-reference',
  summary: 'A truncated or garbled name inside a title ("Nat Secretary General" for NATO Secretary General).',
  // A hint until real news shows enough findings to bound its precision (docs/evaluation.md).
  defaultSeverity: 'hint',
  crossArticle: false,
  check({ article, corpus }) {
    const kb = corpus.environment.knowledgeBase;
    const findings: Finding[] = [];
    for (const m of article.entities) {
      if (!m.role || !m.roleSpan || !m.entityKey) continue;
      const person = kb.entry(m.entityKey);
      if (!person) continue;
      const organizations = person.roles
        .map((r) => (r.organization ? kb.entry(r.organization) : undefined))
        .filter((o): o is KnowledgeEntry => !!o);
      if (!organizations.length) continue;
      const words = [...m.role.matchAll(/[\p{L}.]+/gu)];
      for (const word of words) {
        const w = word[0].replace(/\.$/, '');
        if (w.length < 2 || TITLE_WORDS.has(w.toLowerCase()) || !/^\p{Lu}/u.test(w)) continue;
        const normalized = normalizeName(w);
        // Known names of the organization are fine ("NATO Secretary General").
        if (organizations.some((o) => [o.name, ...o.aliases].some((n) => normalizeName(n) === normalized))) continue;
        for (const o of organizations) {
          const full = [o.name, ...o.aliases].find((n) => {
            const candidate = normalizeName(n);
            return candidate.length > normalized.length && candidate.startsWith(normalized) && !candidate.includes(' ');
          });
          if (!full) continue;
          const start = m.roleSpan.start + word.index!;
          const corrected = m.role.slice(0, word.index!) + full + m.role.slice(word.index! + word[0].length);
          findings.push({
            ruleId: this.id,
            start,
            end: start + word[0].length,
            message: `"${w}" in "${m.role}" looks like a garbled "${full}": ${person.name} held a role at ${o.name}. Read "${corrected}".`,
            data: { surface: word[0], replacement: full, title: m.role, correctedTitle: corrected, entityKey: person.key, organizationKey: o.key },
          });
          break;
        }
      }
    }
    return findings;
  },
};
