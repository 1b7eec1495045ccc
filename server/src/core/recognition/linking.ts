// Links the mentions of one entity within a text under one canonical key: "Putin" → "Vladimir Putin",
// "DMYTRO KULEBA" → "Dmytro Kuleba", "IMF" → "International Monetary Fund" when the text spells it out.

import type { EntityType } from './types';

export interface LinkableMention {
  text: string;
  type: EntityType;
  /** Words of the mention (no punctuation). */
  words: string[];
}

const NAME_PARTICLES = new Set(['of', 'the', 'and', 'for', 'de', 'von', 'van', 'der', 'la', 'le', 'du', 'da', 'di', 'al', 'bin', 'on', '&']);

function isAllCaps(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toUpperCase() && text !== text.toLowerCase();
}

/** "DMYTRO KULEBA" → "Dmytro Kuleba"; initialisms ("NATO", "U.S.") and mixed case stay as written. */
export function normalizeCase(text: string): string {
  if (!isAllCaps(text)) return text;
  const words = text.split(/(\s+)/);
  if (words.filter((w) => w.trim()).length === 1 && text.replace(/[^\p{L}]/gu, '').length <= 5) return text;
  return words
    .map((w) => (/\s/.test(w) ? w : w.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())))
    .join('');
}

function key(text: string): string {
  return text.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ');
}

/** Initials of the capitalized words: "International Monetary Fund" → "IMF". */
function acronymOf(words: string[]): string {
  return words.filter((w) => !NAME_PARTICLES.has(w.toLowerCase())).map((w) => w[0] ?? '').join('').toUpperCase();
}

/** Canonical key per mention, in the same order. */
export function canonicalKeys(mentions: LinkableMention[]): string[] {
  // The best-written form of each exact name: prefer a form that is not all capitals.
  const display = new Map<string, string>();
  for (const m of mentions) {
    const k = key(m.text);
    const current = display.get(k);
    if (current === undefined || (isAllCaps(current) && !isAllCaps(m.text))) display.set(k, m.text);
  }
  const best = (text: string) => normalizeCase(display.get(key(text)) ?? text);

  // Full person names by their last and first word; organizations and places by acronym.
  const byLastWord = new Map<string, string[]>();
  const byFirstWord = new Map<string, string[]>();
  const byAcronym = new Map<string, string>();
  for (const m of mentions) {
    if (m.type === 'person' && m.words.length >= 2) {
      const last = m.words[m.words.length - 1]!.toLowerCase();
      const first = m.words[0]!.toLowerCase();
      const full = best(m.text);
      const lastList = byLastWord.get(last) ?? [];
      if (!lastList.includes(full)) lastList.push(full);
      byLastWord.set(last, lastList);
      const firstList = byFirstWord.get(first) ?? [];
      if (!firstList.includes(full)) firstList.push(full);
      byFirstWord.set(first, firstList);
    }
    if (m.type !== 'person' && m.words.length >= 2) {
      const acronym = acronymOf(m.words);
      if (acronym.length >= 2 && !byAcronym.has(acronym)) byAcronym.set(acronym, best(m.text));
    }
  }

  return mentions.map((m) => {
    if (m.type === 'person') {
      if (m.words.length === 1) {
        const word = m.words[0]!.toLowerCase();
        const byLast = byLastWord.get(word);
        if (byLast && byLast.length === 1) return byLast[0]!;
        const byFirst = byFirstWord.get(word);
        if (!byLast && byFirst && byFirst.length === 1) return byFirst[0]!;
      } else {
        // "Ron Hubbard" joins "L. Ron Hubbard" when that is the only longer name ending the same way.
        const own = key(m.text);
        const longer = (byLastWord.get(m.words[m.words.length - 1]!.toLowerCase()) ?? []).filter((full) => {
          const k = key(full);
          return k.length > own.length && k.endsWith(' ' + own);
        });
        if (longer.length === 1) return longer[0]!;
      }
      return best(m.text);
    }
    const compact = m.text.replace(/[.\s]/g, '').toUpperCase();
    if (m.words.length === 1 && /^\p{Lu}+$/u.test(compact) && byAcronym.has(compact)) return byAcronym.get(compact)!;
    return best(m.text);
  });
}
