// When a figure holds: a date written in its sentence ("on Tuesday", "Feb. 16"), resolved against the article's
// dateline, or the dateline itself.
import { findDateMentions, resolveDateMention, toDayNumber } from '../dates';
import type { CalendarDate, Span } from '../types';
import type { FigureDate } from './types';

export interface DatedMention extends Span {
  text: string;
  date?: CalendarDate;
  /** A weekday or "yesterday": resolved against the dateline rather than written in full. */
  relative?: boolean;
}

/** Finds and resolves date mentions in the regions, when the caller has none. */
export function findDatedMentions(text: string, regions: Span[], reference: CalendarDate | undefined): DatedMention[] {
  const out: DatedMention[] = [];
  for (const region of regions) {
    for (const m of findDateMentions(text, region)) {
      const resolved = resolveDateMention(m, reference);
      const dated: DatedMention = { start: m.start, end: m.end, text: m.text };
      if (resolved) dated.date = resolved.date;
      if (m.kind === 'weekday' || m.kind === 'relative') dated.relative = true;
      out.push(dated);
    }
  }
  return out;
}

/**
 * The date of a figure in sentence [sentenceStart, sentenceEnd): the resolved mention nearest to the figure
 * (one before it preferred), else the dateline.
 */
export function figureDateOf(
  mentions: DatedMention[],
  sentence: Span,
  figure: Span,
  reference: CalendarDate | undefined,
  text?: string,
): FigureDate {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < sentence.start) lo = mid + 1;
    else hi = mid;
  }
  let best: DatedMention | undefined;
  let bestDistance = Infinity;
  for (let k = lo; k < mentions.length && mentions[k]!.start < sentence.end; k++) {
    const m = mentions[k]!;
    if (!m.date) continue;
    // A date after the figure belongs to it only within the same clause: "three on Monday", not "five, up from three on Monday".
    if (m.start >= figure.end && text !== undefined && /[,;:—–()]/.test(text.slice(figure.end, m.start))) continue;
    // Prefer a mention before the figure: a distance after it counts double.
    const distance = m.end <= figure.start ? figure.start - m.end : 2 * (m.start - figure.end) + 1;
    if (distance < bestDistance) {
      best = m;
      bestDistance = distance;
    }
    if (k - lo > 32) break;
  }
  if (best) {
    return {
      date: best.date!,
      dayNumber: toDayNumber(best.date!),
      basis: best.relative ? 'relative' : 'explicit',
      mention: { start: best.start, end: best.end, text: best.text },
    };
  }
  // One object shape for every date: comparisons read these fields for every pair of figures.
  if (reference) return { date: reference, dayNumber: toDayNumber(reference), basis: 'dateline', mention: undefined };
  return { date: undefined, dayNumber: undefined, basis: 'unknown', mention: undefined };
}
