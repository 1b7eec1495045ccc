// A date the text tells of as past ("officials said on Feb. 18") that falls after the article's own dateline: the
// dateline is wrong (a crawl date, a time zone, an update) or the date is.
import { compareDates, dateInUrl, formatIso, formatLong, parseDateString, toDayNumber, URL_TOLERANCE_DAYS } from '../core/dates';
import type { AnalyzedArticle } from '../core/corpusIndex';
import type { CalendarDate } from '../core/types';
import type { Finding, Rule } from './types';

export interface LaterPastDate {
  start: number;
  end: number;
  text: string;
  iso: string;
  long: string;
  /** Days after the dateline. */
  days: number;
  /** An annotator pinned the day with a date annotation's value. */
  pinned: boolean;
}

/** What the article says against its dateline: the URL's date and the later days it tells of as past. */
export interface DatelineEvidence {
  dateline: CalendarDate;
  urlDate?: { date: CalendarDate; start: number; end: number };
  later: LaterPastDate[];
  /**
   * The dateline, rather than a date, is what needs fixing: the URL disagrees, two or more later days are told as
   * past (an article written or updated after its date), or an annotator pinned a later day. `dateline-mismatch`
   * then reports the article once, and `date-after-dateline` leaves its dates to that finding.
   */
  datelineInQuestion: boolean;
}

/** Days pinned by date annotations with a value, by their span in the clean text. */
function pinnedDays(article: AnalyzedArticle): Array<{ start: number; end: number; date: CalendarDate }> {
  const out = [];
  for (const a of article.annotations.annotations) {
    if (a.type !== 'date') continue;
    const value = a.attributes.find((x) => x.key === 'value')?.value;
    const date = value ? parseDateString(value) : undefined;
    if (date) out.push({ start: a.clean.start, end: a.clean.end, date });
  }
  return out;
}

/** Dates in the text, told as past, after the dateline (a pinned day stands for the text's resolution). */
export function pastDatesAfterDateline(article: AnalyzedArticle): LaterPastDate[] {
  const dateline = article.dateline;
  if (!dateline) return [];
  const pins = article.annotations.annotations.length ? pinnedDays(article) : [];
  const out: LaterPastDate[] = [];
  for (const m of article.dates) {
    if ((m.kind !== 'date' && m.kind !== 'weekday-date') || !m.resolved || m.tense !== 'past') continue;
    const pin = pins.find((p) => p.start < m.end && m.start < p.end);
    const date = pin?.date ?? m.resolved.date;
    if (compareDates(date, dateline) <= 0) continue;
    out.push({
      start: m.start, end: m.end, text: m.text, iso: formatIso(date), long: formatLong(date),
      days: toDayNumber(date) - toDayNumber(dateline), pinned: pin !== undefined,
    });
  }
  return out;
}

export function datelineEvidence(article: AnalyzedArticle): DatelineEvidence | undefined {
  const dateline = article.dateline;
  if (!dateline) return undefined;
  const url = article.article.header.sourceUrl;
  const inUrl = url ? dateInUrl(url.text) : undefined;
  const evidence: DatelineEvidence = { dateline, later: pastDatesAfterDateline(article), datelineInQuestion: false };
  if (url && inUrl && Math.abs(toDayNumber(inUrl.date) - toDayNumber(dateline)) > URL_TOLERANCE_DAYS) {
    evidence.urlDate = { date: inUrl.date, start: url.start + inUrl.start, end: url.start + inUrl.end };
  }
  const laterDays = new Set(evidence.later.map((d) => d.iso));
  evidence.datelineInQuestion = evidence.urlDate !== undefined || laterDays.size >= 2 || evidence.later.some((d) => d.pinned);
  return evidence;
}

export const dateAfterDateline: Rule = {
  id: 'date-after-dateline',
  summary: 'A date told as past that falls after the article\'s own dateline.',
  // A hint until real news shows enough findings to bound its precision (docs/evaluation.md).
  defaultSeverity: 'hint',
  crossArticle: false,
  check({ article }) {
    const evidence = datelineEvidence(article);
    if (!evidence || evidence.datelineInQuestion) return [];
    const dateline = evidence.dateline;
    return evidence.later.map((d): Finding => ({
      ruleId: this.id,
      start: d.start,
      end: d.end,
      message: `"${d.text}" (${d.long}) is told as past, but it is ${d.days} day${d.days === 1 ? '' : 's'} after the article's dateline (${formatLong(dateline)}): the date is wrong, or the article was written or updated after its dateline.`,
      data: { date: d.iso, dateline: formatIso(dateline), daysAfter: d.days },
    }));
  },
};
