// Everything the core knows about one article, computed once per text version.
import { parseArticle, type Article } from './article';
import { findDateMentions, resolveDateMention, type DateMention, type ResolvedDate } from './dates';
import type { CalendarDate } from './types';

export interface DateInText extends DateMention {
  resolved?: ResolvedDate;
}

export interface AnalyzedArticle {
  /** The article's URI (file:///…), its identity everywhere. */
  id: string;
  text: string;
  article: Article;
  /** The article's own date, from its dateline. */
  dateline?: CalendarDate;
  /** Year used for dates written without one when there is no dateline, from full dates in the text. */
  yearHint?: number;
  dates: DateInText[];
}

export function analyzeArticle(id: string, text: string): AnalyzedArticle {
  const article = parseArticle(text);
  const dateline = article.header.dateline?.date;
  const mentions: DateInText[] = [];
  for (const paragraph of article.paragraphs) {
    if (paragraph.boilerplate && paragraph.boilerplate !== 'caption') continue;
    for (const m of findDateMentions(text, paragraph)) mentions.push(m);
  }
  const yearHint = dateline?.year ?? commonYear(mentions);
  const reference = dateline;
  for (const m of mentions) {
    let resolved = resolveDateMention(m, reference);
    if (!resolved && !reference && yearHint && m.explicit && m.explicit.year === undefined) {
      resolved = resolveDateMention({ ...m, explicit: { ...m.explicit, year: yearHint } }, undefined);
      if (resolved) resolved = { ...resolved, explanation: `no dateline; year ${yearHint} taken from other dates in the article` };
    }
    if (resolved) m.resolved = resolved;
  }
  const analyzed: AnalyzedArticle = { id, text, article, dates: mentions };
  if (dateline) analyzed.dateline = dateline;
  if (yearHint) analyzed.yearHint = yearHint;
  return analyzed;
}

function commonYear(mentions: DateMention[]): number | undefined {
  const counts = new Map<number, number>();
  for (const m of mentions) {
    const y = m.explicit?.year;
    if (y !== undefined) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [year, n] of counts) if (best === undefined || n > counts.get(best)!) best = year;
  return best;
}
