// The dateline disagrees with what the rest of the article implies: the source URL carries another date, or the
// text tells of later days as past. Reported once, on the dateline, with the evidence as related places.
import { formatIso, formatLong, isValidDate, toDayNumber } from '../core/dates';
import type { CalendarDate } from '../core/types';
import { pastDatesAfterDateline } from './dateAfterDateline';
import type { Finding, RelatedFinding, Rule } from './types';

/** Days a URL's date may be away from the dateline (time zones, pages put online before midnight). */
const URL_TOLERANCE_DAYS = 1;

/** The date in a URL path: /2022/02/15/, /2022-02-15-, _20220215_ (the first one found). */
export function dateInUrl(url: string): { date: CalendarDate; start: number; end: number } | undefined {
  const patterns = [/(?:^|[/_-])((20\d\d|19\d\d)[/-](\d\d)[/-](\d\d))(?=$|[/_.-])/, /(?:^|[/_-])((20\d\d)(\d\d)(\d\d))(?=$|[/_.-])/];
  for (const pattern of patterns) {
    const m = pattern.exec(url);
    if (!m) continue;
    const date = { year: +m[2]!, month: +m[3]!, day: +m[4]! };
    if (!isValidDate(date)) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    return { date, start, end: start + m[1]!.length };
  }
  return undefined;
}

export const datelineMismatch: Rule = {
  id: 'dateline-mismatch',
  summary: 'A dateline that disagrees with the date in the source URL, or with later days the text tells of as past.',
  defaultSeverity: 'warning',
  crossArticle: false,
  check({ article }) {
    const field = article.article.header.dateline;
    const dateline = article.dateline;
    if (!field || !dateline) return [];
    const reasons: string[] = [];
    const related: RelatedFinding[] = [];
    const data: Record<string, unknown> = { dateline: formatIso(dateline) };
    const url = article.article.header.sourceUrl;
    const inUrl = url ? dateInUrl(url.text) : undefined;
    if (url && inUrl && Math.abs(toDayNumber(inUrl.date) - toDayNumber(dateline)) > URL_TOLERANCE_DAYS) {
      reasons.push(`the source URL is dated ${formatLong(inUrl.date)}`);
      related.push({ articleId: article.id, start: url.start + inUrl.start, end: url.start + inUrl.end, message: `URL date: ${formatIso(inUrl.date)}` });
      data.urlDate = formatIso(inUrl.date);
    }
    const later = pastDatesAfterDateline(article);
    if (later.length) {
      const latest = later.reduce((a, b) => (b.days > a.days ? b : a));
      reasons.push(`the text tells of ${latest.long} as past${later.length > 1 ? ` (and ${later.length - 1} more date${later.length > 2 ? 's' : ''} after the dateline)` : ''}`);
      for (const d of later) related.push({ articleId: article.id, start: d.start, end: d.end, message: `told as past: ${d.iso}` });
      data.latestPastDate = latest.iso;
    }
    if (!reasons.length) return [];
    const finding: Finding = {
      ruleId: this.id,
      start: field.start,
      end: field.end,
      message: `The dateline says ${formatLong(dateline)}, but ${reasons.join('; and ')}.`,
      related,
      data,
    };
    return [finding];
  },
};
