// The dateline disagrees with what the rest of the article implies: the source URL carries another date, or the
// text tells of later days as past. Reported once, on the dateline, with the evidence as related places.
import { dateInUrl, formatIso, formatLong } from '../core/dates';
import { datelineEvidence } from './dateAfterDateline';
import type { Finding, RelatedFinding, Rule } from './types';

export { dateInUrl };

export const datelineMismatch: Rule = {
  id: 'dateline-mismatch',
  summary: 'A dateline that disagrees with the date in the source URL, or with later days the text tells of as past.',
  // A hint until real news shows enough findings to bound its precision (docs/evaluation.md).
  defaultSeverity: 'hint',
  crossArticle: false,
  check({ article }) {
    const field = article.article.header.dateline;
    const evidence = datelineEvidence(article);
    if (!field || !evidence || !evidence.datelineInQuestion) return [];
    const { dateline, urlDate, later } = evidence;
    const reasons: string[] = [];
    const related: RelatedFinding[] = [];
    const data: Record<string, unknown> = { dateline: formatIso(dateline) };
    if (urlDate) {
      reasons.push(`the source URL is dated ${formatLong(urlDate.date)}`);
      related.push({ articleId: article.id, start: urlDate.start, end: urlDate.end, message: `URL date: ${formatIso(urlDate.date)}` });
      data.urlDate = formatIso(urlDate.date);
    }
    if (later.length) {
      const latest = later.reduce((a, b) => (b.days > a.days ? b : a));
      const others = new Set(later.map((d) => d.iso)).size - 1;
      reasons.push(`the text tells of ${latest.long} as past${others > 0 ? ` (and ${others} more day${others > 1 ? 's' : ''} after the dateline)` : ''}, so it was written or updated on that day or later`);
      for (const d of later) related.push({ articleId: article.id, start: d.start, end: d.end, message: `told as past: ${d.iso}` });
      data.latestPastDate = latest.iso;
    }
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
