// A person's or place's name written in capitals in running text ("DMYTRO KULEBA"): usually a scraping artefact;
// the fix writes the canonical form. Acronyms ("US TV", "HD DVD"), organisations' own styling ("ABN AMRO"),
// headings and shouted labels ("GORGEOUS PUPPY FOR FREE") are not flagged.
import type { AnalyzedArticle } from '../core/corpusIndex';
import type { EntityMentionInText } from '../core/entities';
import type { KnowledgeBase } from '../core/knowledge/knowledgeBase';
import { isAllCapsName, titleCase } from '../core/knowledge/names';
import type { Finding, Rule } from './types';

const VOWELS = /[AEIOUYÀ-ÖØ-Ý]/u;

/**
 * A word of a name rather than an acronym: three letters or more with a vowel, and a three-letter word spoken as a
 * word ("KIM", not "BSE" or "ABN"); a known acronym ("NATO", "OSCE") is no word even with vowels.
 */
function looksLikeWord(word: string, kb: KnowledgeBase): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3 || !VOWELS.test(letters)) return false;
  if (letters.length === 3 && /[^AEIOUY]{2}/u.test(letters)) return false;
  return !kb.lookup(letters).some((e) => e.name === letters || e.aliases.includes(letters));
}

/** The word before or after the span in the same sentence is capitals too: a heading or a shouted label. */
function inCapitalsRun(text: string, start: number, end: number): boolean {
  const before = /([\p{L}'’.-]+)[\s"“”'‘’(),:–—-]*$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  const after = /^[\s"“”'‘’(),:–—-]*([\p{L}'’.-]+)/u.exec(text.slice(end, end + 40))?.[1];
  const shouted = (w: string | undefined) => !!w && w.replace(/[^\p{L}]/gu, '').length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase();
  return shouted(before) || shouted(after);
}

function flagged(article: AnalyzedArticle, m: EntityMentionInText, kb: KnowledgeBase): boolean {
  if (!isAllCapsName(m.text) || m.via === 'annotation') return false; // the annotator has decided
  // Organisations style their own names in capitals ("ABN AMRO", "PLOS ONE"); people and places are written in
  // capitals only by accident.
  if (m.type === 'organization') return false;
  if (m.start < article.article.header.bodyStart) return false; // the headline is a heading
  // Every word but initials ("JOHN F. KENNEDY") must be a word, and two at least.
  const words = m.text.split(/\s+/).filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 2);
  if (words.length < 2 || !words.every((w) => looksLikeWord(w, kb))) return false;
  return !inCapitalsRun(article.text, m.start, m.end) && !speakerLabel(article.text, m.start, m.end);
}

/** "MAYOR NAGIN: …" opening a line of a transcript names the speaker: a label, not running text. */
function speakerLabel(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  return /^\s*:/.test(text.slice(end, end + 3)) && before === before.toUpperCase();
}

export const allCapsName: Rule = {
  id: 'all-caps-name',
  summary: "A person's or place's name written in capitals in running text (DMYTRO KULEBA).",
  // A hint until real news shows enough findings to bound its precision (docs/evaluation.md).
  defaultSeverity: 'hint',
  crossArticle: false,
  check({ article, corpus }) {
    const kb = corpus.environment.knowledgeBase;
    const findings: Finding[] = [];
    for (const m of article.entities) {
      if (!flagged(article, m, kb)) continue;
      const entry = m.entityKey ? kb.entry(m.entityKey) : undefined;
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
