// A name spelled otherwise than the corpus spells it. The knowledge base says which spellings are variants of each
// other (Kyiv and Kiev, Sergey and Sergei Lavrov); the corpus's own usage says which one is its style, and the
// article's date says which one English news used at the time (Kiev before 2019, Kyiv from 2022).
import type { AnalyzedArticle } from '../core/corpusIndex';
import type { CalendarDate } from '../core/types';
import { entityIdentity, spellingFamilies, spellingsIn, type SpellingFamily, type SpellingUse } from '../core/entityIndex';
import { normalizeName } from '../core/knowledge/names';
import type { Finding, Rule } from './types';

/**
 * Names whose usual English spelling changed: the older spelling (a variant) was usual until `oldUntil`, the
 * canonical one from `newFrom`; between them either is usual. Keyed by the canonical spelling, lower case.
 */
const SPELLING_ERAS = new Map<string, { oldUntil: number; newFrom: number }>([
  // Ukrainian transliterations: adopted by the US and UK gazetteers and agencies in 2019, universal in 2022.
  ['kyiv', { oldUntil: 2018, newFrom: 2022 }],
  ['kharkiv', { oldUntil: 2018, newFrom: 2022 }],
  ['odesa', { oldUntil: 2018, newFrom: 2022 }],
  ['lviv', { oldUntil: 2018, newFrom: 2022 }],
]);

/** Articles the corpus needs in a spelling to make it its style against the spelling usual on the date. */
const MAJORITY_AGAINST_DATE = 3;

/** The spelling English news used on the date: the canonical one, a variant (the older one), or either (undefined). */
function usualOn(family: SpellingFamily, date: CalendarDate | undefined): 'canonical' | 'older' | undefined {
  const era = SPELLING_ERAS.get(family.key);
  if (!era || !date) return undefined;
  if (date.year <= era.oldUntil) return 'older';
  if (date.year >= era.newFrom) return 'canonical';
  return undefined;
}

interface Verdict {
  /** The spelling to write instead. */
  style: string;
  /** Why, said after the name as written ("is the older spelling; …"). */
  message: string;
}

/** Whether the spelling is the corpus's, the date's, or the knowledge base's; otherwise what to write instead. */
function judge(family: SpellingFamily, spelling: string, use: SpellingUse | undefined, date: CalendarDate | undefined, display: (s: string) => string): Verdict | undefined {
  const usual = usualOn(family, date);
  const usualOnDate = (s: string) => (usual === 'older' && s !== family.key) || (usual === 'canonical' && s === family.key);
  // The usual spelling of its day is never a mistake, whatever the rest of the corpus does.
  if (usualOnDate(spelling)) return undefined;
  const isCanonical = spelling === family.key;
  let leader = use?.leader();
  // Going against the date's spelling takes a clearer majority than two articles.
  if (leader && usual && !usualOnDate(leader) && use!.count(leader) < MAJORITY_AGAINST_DATE) leader = undefined;
  if (leader) {
    if (spelling === leader) return undefined;
    const count = (n: number) => `${n} article${n === 1 ? '' : 's'}`;
    return { style: leader, message: `differs from the corpus, which writes "${display(leader)}" in ${count(use!.count(leader))} and "${display(spelling)}" in ${count(use!.count(spelling))}` };
  }
  // The corpus does not decide: the date does, and otherwise the knowledge base's name.
  if (usual === 'canonical' || (usual === undefined && !SPELLING_ERAS.has(family.key))) {
    if (isCanonical) return undefined;
    const why = usual === 'canonical'
      ? `is the older spelling; English news has written "${display(family.key)}" since ${SPELLING_ERAS.get(family.key)!.newFrom}`
      : `is a variant spelling; the corpus style is "${display(family.key)}"`;
    return { style: family.key, message: why };
  }
  return undefined;
}

/** Words of a paragraph. */
function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

/** A line among short lines (a list of links, sources or captions): names there are titles, not prose to restyle. */
function inList(article: AnalyzedArticle, offset: number): boolean {
  const paragraphs = article.article.paragraphs;
  const i = paragraphs.findIndex((p) => p.start <= offset && offset < p.end);
  if (i <= 0 || i >= paragraphs.length - 1) return false;
  const short = (k: number) => wordCount(article.text.slice(paragraphs[k]!.start, paragraphs[k]!.end)) < 12;
  return short(i - 1) && short(i) && short(i + 1);
}

/** The written name with one word respelled, keeping the rest as written ("Sergey Lavrov" → "Sergei Lavrov"). */
function respell(written: string, from: string, to: string): string {
  return written.replace(/[\p{L}\p{M}'’.-]+/gu, (word) => (normalizeName(word) === from ? to : word));
}

export const spellingVariant: Rule = {
  id: 'spelling-variant',
  summary: 'A name spelled otherwise than the corpus (or, when the corpus does not decide, the date) spells it (Kharkov → Kharkiv).',
  // A hint until real news shows enough findings to bound its precision (docs/evaluation.md).
  defaultSeverity: 'hint',
  crossArticle: true,
  check({ article, corpus }) {
    const kb = corpus.environment.knowledgeBase;
    const findings: Finding[] = [];
    for (const m of article.entities) {
      // Gazetteer places list no variants; the annotator has decided annotated names.
      if (!m.entityKey || m.entityKey.startsWith('geo:') || m.via === 'annotation') continue;
      const entry = kb.entry(m.entityKey);
      if (!entry?.variants.length || inList(article, m.start)) continue;
      const uses = corpus.entityIndex.spellings(entityIdentity(m));
      for (const { family, spelling } of spellingsIn(spellingFamilies(entry), m.text)) {
        const display = (s: string) => family.forms.get(s) ?? s;
        const verdict = judge(family, spelling, uses?.get(family.key), article.dateline, display);
        if (!verdict) continue;
        const replacement = respell(m.text, spelling, display(verdict.style));
        findings.push({
          ruleId: this.id,
          start: m.start,
          end: m.end,
          message: `"${m.text}" ${verdict.message}. Write "${replacement}".`,
          data: { surface: m.text, canonical: entry.name, replacement, entityKey: entry.key, type: m.type },
        });
        break;
      }
    }
    return findings;
  },
};
