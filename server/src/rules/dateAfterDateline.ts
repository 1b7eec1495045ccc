// A date the text tells of as past ("officials said on Feb. 18") that falls after the article's own dateline: the
// dateline is wrong (a crawl date, a time zone) or the date is.
import { compareDates, formatIso, formatLong, toDayNumber, toldAsPast } from '../core/dates';
import type { AnalyzedArticle } from '../core/corpusIndex';
import type { Finding, Rule } from './types';

/** Dates in the text, told as past, after the dateline: what both date rules read. */
export function pastDatesAfterDateline(article: AnalyzedArticle): Array<{ start: number; end: number; text: string; iso: string; long: string; days: number }> {
  const dateline = article.dateline;
  if (!dateline) return [];
  const out = [];
  for (const m of article.dates) {
    if ((m.kind !== 'date' && m.kind !== 'weekday-date') || !m.resolved) continue;
    if (compareDates(m.resolved.date, dateline) <= 0) continue;
    if (!toldAsPast(article.text, m.start, m.end)) continue;
    out.push({
      start: m.start, end: m.end, text: m.text,
      iso: formatIso(m.resolved.date), long: formatLong(m.resolved.date),
      days: toDayNumber(m.resolved.date) - toDayNumber(dateline),
    });
  }
  return out;
}

export const dateAfterDateline: Rule = {
  id: 'date-after-dateline',
  summary: 'A date told as past that falls after the article\'s own dateline.',
  defaultSeverity: 'warning',
  crossArticle: false,
  check({ article }) {
    const dateline = article.dateline;
    if (!dateline) return [];
    return pastDatesAfterDateline(article).map((d): Finding => ({
      ruleId: this.id,
      start: d.start,
      end: d.end,
      message: `"${d.text}" (${d.long}) is told as past, but it is ${d.days} day${d.days === 1 ? '' : 's'} after the article's dateline (${formatLong(dateline)}): the dateline or the date is wrong.`,
      data: { date: d.iso, dateline: formatIso(dateline), daysAfter: d.days },
    }));
  },
};
