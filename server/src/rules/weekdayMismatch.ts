// A weekday written next to an explicit date that falls on another weekday: "Tuesday, Feb. 16, 2022".
import { formatIso, formatLong, WEEKDAY_NAMES, weekdayOf } from '../core/dates';
import type { Finding, Rule } from './types';

export const weekdayMismatch: Rule = {
  id: 'weekday-mismatch',
  summary: 'A weekday that does not match the explicit date written beside it.',
  // A hint until real news shows enough findings to bound its precision (docs/evaluation.md).
  defaultSeverity: 'hint',
  crossArticle: false,
  check({ article }) {
    const findings: Finding[] = [];
    for (const mention of article.dates) {
      if (mention.kind !== 'weekday-date' || !mention.resolved || mention.weekday === undefined) continue;
      const actual = weekdayOf(mention.resolved.date);
      if (actual === mention.weekday) continue;
      const written = WEEKDAY_NAMES[mention.weekday];
      const correct = WEEKDAY_NAMES[actual]!;
      const span = mention.weekdaySpan!;
      findings.push({
        ruleId: this.id,
        start: span.start,
        end: span.end,
        message: `"${article.text.slice(span.start, span.end)}" does not match the date: ${formatLong(mention.resolved.date)} was a ${correct}, not a ${written}.`,
        data: {
          written: article.text.slice(span.start, span.end),
          correctWeekday: correct,
          date: formatIso(mention.resolved.date),
          dateText: mention.text,
        },
      });
    }
    return findings;
  },
};
