// A spelling the knowledge base lists as a variant of the canonical name: Kharkov → Kharkiv, Odessa → Odesa.
import { normalizeName } from '../core/knowledge/names';
import type { Finding, Rule } from './types';

export const spellingVariant: Rule = {
  id: 'spelling-variant',
  summary: 'A name spelled in a variant the knowledge base normalizes (Kharkov → Kharkiv, Kiev → Kyiv).',
  defaultSeverity: 'information',
  crossArticle: false,
  check({ article, corpus }) {
    const kb = corpus.environment.knowledgeBase;
    const findings: Finding[] = [];
    for (const m of article.entities) {
      if (!m.entityKey) continue;
      if (m.via === 'annotation') continue; // the annotator has decided
      const entry = kb.entry(m.entityKey);
      if (!entry?.variants.length) continue;
      const written = normalizeName(m.text);
      const variant = entry.variants.find((v) => normalizeName(v) === written);
      if (!variant || written === normalizeName(entry.name)) continue;
      findings.push({
        ruleId: this.id,
        start: m.start,
        end: m.end,
        message: `"${m.text}" is a variant spelling of ${entry.name}; the corpus style is "${entry.name}".`,
        data: { surface: m.text, canonical: entry.name, entityKey: entry.key, type: m.type },
      });
    }
    return findings;
  },
};
