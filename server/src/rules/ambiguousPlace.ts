// A place name that context cannot decide: "Georgia" the country or the US state. Only flagged when the sentence
// gives no clue either way.
import { normalizeName } from '../core/knowledge/names';
import type { Finding, Rule } from './types';

const US_CONTEXT = /\b(?:state|county|governor|atlanta|savannah|u\.?s\.? state|democrats?|republicans?|senate race|peach)\b/i;
const COUNTRY_CONTEXT = /\b(?:country|countries|tbilisi|caucasus|nato|european union|eu|ukraine|russia|armenia|azerbaijan|moldova|ex-soviet|former soviet|sovereign|nation|embassy)\b/i;

export const ambiguousPlace: Rule = {
  id: 'ambiguous-place',
  summary: 'A place name that names two well-known places the context cannot tell apart (Georgia: country or US state).',
  defaultSeverity: 'hint',
  crossArticle: false,
  check({ article, corpus }) {
    const kb = corpus.environment.knowledgeBase;
    const findings: Finding[] = [];
    for (const m of article.entities) {
      if (m.type !== 'place') continue;
      const readings = kb.distinctPlaceReadings(m.text);
      if (readings.length < 2) continue;
      const sentence = article.article.sentences.find((s) => s.start <= m.start && m.end <= s.end);
      const context = sentence ? article.text.slice(sentence.start, sentence.end) : article.text.slice(Math.max(0, m.start - 200), m.end + 200);
      const withoutName = context.split(m.text).join(' ');
      if (US_CONTEXT.test(withoutName) || COUNTRY_CONTEXT.test(withoutName)) continue;
      findings.push({
        ruleId: this.id,
        start: m.start,
        end: m.end,
        message: `"${m.text}" could be ${readings.map((r) => r.label).join(' or ')}; nothing in the sentence decides. Annotate it to record which.`,
        data: { surface: m.text, readings: readings.map((r) => ({ key: r.key, label: r.label })), normalized: normalizeName(m.text) },
      });
    }
    return findings;
  },
};
