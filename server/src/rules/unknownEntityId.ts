// An entity annotation whose id= names no knowledge-base entry. The fix offers the id of the entry the surface or
// ref= names, when there is one.
import { attributeValue } from '../core/annotations';
import type { Finding, Rule } from './types';

const ENTITY_TYPES = new Set(['person', 'place', 'organization']);

export const unknownEntityId: Rule = {
  id: 'unknown-entity-id',
  summary: 'An annotation id= that is in no knowledge base.',
  defaultSeverity: 'error',
  crossArticle: false,
  check({ article, corpus }) {
    const kb = corpus.environment.knowledgeBase;
    const findings: Finding[] = [];
    for (const a of article.annotations.annotations) {
      if (!ENTITY_TYPES.has(a.type)) continue;
      const id = a.attributes.find((x) => x.key === 'id');
      if (!id?.value || kb.byWikidata(id.value)) continue;
      const named = kb.lookup(attributeValue(a, 'ref') ?? a.surface).find((e) => e.type === a.type && e.wikidata);
      findings.push({
        ruleId: this.id,
        start: id.valueSpan.start,
        end: id.valueSpan.end,
        offsets: 'document',
        message: `No knowledge-base entry has the id ${id.value}.${named ? ` ${named.name} is ${named.wikidata}.` : ' Add the entity to the workspace knowledge base, or remove the id.'}`,
        data: {
          id: id.value,
          attributeSpan: id.span,
          ...(named ? { suggestion: { id: named.wikidata, name: named.name, valueSpan: id.valueSpan } } : {}),
        },
      });
    }
    return findings;
  },
};
