// A name written in capitals ("DMYTRO KULEBA"): usually a scraping artefact; the fix writes the canonical form.
import { isAllCapsName, titleCase } from '../core/knowledge/names';
import type { Finding, Rule } from './types';

export const allCapsName: Rule = {
  id: 'all-caps-name',
  summary: 'A person, place or organization name written in capitals (DMYTRO KULEBA).',
  defaultSeverity: 'information',
  crossArticle: false,
  check({ article, corpus }) {
    const findings: Finding[] = [];
    for (const m of article.entities) {
      if (!isAllCapsName(m.text)) continue;
      if (m.via === 'annotation') continue; // the annotator has decided
      const entry = m.entityKey ? corpus.environment.knowledgeBase.entry(m.entityKey) : undefined;
      const replacement = entry?.name ?? titleCase(m.text);
      findings.push({
        ruleId: this.id,
        start: m.start,
        end: m.end,
        message: `"${m.text}" is written in capitals; write it "${replacement}".`,
        data: { surface: m.text, replacement, canonical: entry?.name ?? null, entityKey: m.entityKey ?? null, type: m.type },
      });
    }
    return findings;
  },
};
