// Calendar arithmetic and the date expressions news text uses: datelines, explicit dates, weekdays, relative days.
import type { CalendarDate, Span } from './types';

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((name, i) => {
  MONTHS.set(name.toLowerCase(), i + 1);
  MONTHS.set(name.slice(0, 3).toLowerCase(), i + 1);
});
MONTHS.set('sept', 9);

const WEEKDAYS = new Map<string, number>();
WEEKDAY_NAMES.forEach((name, i) => {
  WEEKDAYS.set(name.toLowerCase(), i);
});
for (const [abbr, i] of [['mon', 1], ['tue', 2], ['tues', 2], ['wed', 3], ['thu', 4], ['thur', 4], ['thurs', 4], ['fri', 5], ['sat', 6], ['sun', 0]] as const) {
  WEEKDAYS.set(abbr, i);
}

export function monthNumber(word: string): number | undefined {
  return MONTHS.get(word.toLowerCase().replace(/\.$/, ''));
}

export function weekdayNumber(word: string): number | undefined {
  return WEEKDAYS.get(word.toLowerCase().replace(/\.$/, ''));
}

export function isValidDate(d: CalendarDate): boolean {
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.year < 1) return false;
  return d.day <= daysInMonth(d.year, d.month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (UTC calendar), for arithmetic. */
export function toDayNumber(d: CalendarDate): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

export function fromDayNumber(n: number): CalendarDate {
  const date = new Date(n * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(d) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(d: CalendarDate): number {
  return (toDayNumber(d) + 4) % 7; // 1970-01-01 was a Thursday
}

export function formatIso(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** "Tuesday, 15 February 2022": unambiguous for readers on both sides of the Atlantic. */
export function formatLong(d: CalendarDate): string {
  return `${WEEKDAY_NAMES[weekdayOf(d)]}, ${d.day} ${MONTH_NAMES[d.month - 1]} ${d.year}`;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

// ── Parsing a whole field (a dateline) ────────────────────────────────────────────────

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const SLASH_YMD = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const SLASH_DMY = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
const MONTH_DAY_YEAR = /^(?:([A-Za-z]+)\.?,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const DAY_MONTH_YEAR = /^(?:([A-Za-z]+)\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]+)\.?,?\s+(\d{4})$/;

/**
 * Parses a string that is a date and nothing else: `2022-02-16`, `20220215`, `February 14, 2022`,
 * `Tue, 15 Feb 2022`, `2022-02-16T10:00:00Z`, `16/02/2022` (only when day and month cannot be confused).
 * A weekday that contradicts the date is ignored here; the weekday rule reports it.
 */
export function parseDateString(input: string): CalendarDate | undefined {
  const s = input.trim().replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;
  let d: CalendarDate | undefined;
  if ((m = ISO_DATE.exec(s)) || (m = COMPACT_DATE.exec(s)) || (m = SLASH_YMD.exec(s))) {
    d = { year: +m[1]!, month: +m[2]!, day: +m[3]! };
  } else if ((m = SLASH_DMY.exec(s))) {
    const a = +m[1]!;
    const b = +m[2]!;
    if (a > 12 && b <= 12) d = { year: +m[3]!, month: b, day: a };
    else if (b > 12 && a <= 12) d = { year: +m[3]!, month: a, day: b };
    else if (a === b) d = { year: +m[3]!, month: a, day: b };
  } else if ((m = MONTH_DAY_YEAR.exec(s))) {
    if (m[1] && weekdayNumber(m[1]) === undefined) return undefined;
    const month = monthNumber(m[2]!);
    if (month) d = { year: +m[4]!, month, day: +m[3]! };
  } else if ((m = DAY_MONTH_YEAR.exec(s))) {
    if (m[1] && weekdayNumber(m[1]) === undefined) return undefined;
    const month = monthNumber(m[3]!);
    if (month) d = { year: +m[4]!, month, day: +m[2]! };
  }
  if (!d || !isValidDate(d) || d.year < 1800 || d.year > 2200) return undefined;
  return d;
}

// ── Date expressions inside running text ───────────────────────────────────────────────

export type DateMentionKind = 'weekday' | 'date' | 'weekday-date' | 'relative';

export interface DateMention extends Span {
  text: string;
  kind: DateMentionKind;
  /** 0–6 when a weekday is named. */
  weekday?: number;
  /** Span of the weekday word inside a `weekday-date` mention. */
  weekdaySpan?: Span;
  /** The explicit calendar parts written in the text. */
  explicit?: { year?: number; month: number; day: number };
  /** Signed day offset for `relative` mentions (today 0, yesterday -1, tomorrow +1). */
  relativeDays?: number;
  /** Words around the mention point to the future ("will", "is due to", "next"). */
  future?: boolean;
}

const WORD = /[A-Za-z]+\.?|\d+(?:st|nd|rd|th)?/y;

interface Word {
  text: string;
  start: number;
  end: number;
}

/**
 * Finds weekday names, explicit dates ("Feb. 16", "February 14, 2022", "16 February", "2022-02-16") and
 * relative days ("today", "yesterday") in text, in one left-to-right pass.
 */
export function findDateMentions(text: string, region: Span = { start: 0, end: text.length }): DateMention[] {
  const words = scanWords(text, region);
  const mentions: DateMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(w.text) ? parseDateString(w.text) : undefined;
    if (iso) {
      mentions.push({ start: w.start, end: w.end, text: w.text, kind: 'date', explicit: iso });
      continue;
    }
    const explicit = matchExplicitDate(text, words, i);
    if (explicit) {
      mentions.push(explicit.mention);
      i = explicit.lastWord;
      continue;
    }
    const weekday = capitalized(w.text) ? weekdayNumber(w.text) : undefined;
    if (weekday !== undefined && isWeekdayWord(w.text)) {
      // "Wednesday Feb. 16" / "Tuesday, February 15, 2022"
      const next = matchExplicitDate(text, words, i + 1, /^[\s,]*$/);
      if (next && onlySeparators(text, w.end, next.mention.start)) {
        const m = next.mention;
        mentions.push({
          start: w.start, end: m.end, text: text.slice(w.start, m.end), kind: 'weekday-date',
          weekday, weekdaySpan: { start: w.start, end: w.end }, explicit: m.explicit!,
        });
        i = next.lastWord;
        continue;
      }
      mentions.push({
        start: w.start, end: w.end, text: w.text, kind: 'weekday', weekday,
        future: looksFuture(text, w.start, w.end),
      });
      continue;
    }
    const lower = w.text.toLowerCase();
    const rel = lower === 'today' ? 0 : lower === 'yesterday' ? -1 : lower === 'tomorrow' ? 1 : undefined;
    if (rel !== undefined) {
      mentions.push({ start: w.start, end: w.end, text: w.text, kind: 'relative', relativeDays: rel });
    }
  }
  // "Feb. 16 (Wednesday)"
  for (let k = 0; k + 1 < mentions.length; k++) {
    const a = mentions[k]!;
    const b = mentions[k + 1]!;
    if (a.kind === 'date' && b.kind === 'weekday' && /^\s*\(\s*$/.test(text.slice(a.end, b.start)) && text[b.end] === ')') {
      mentions.splice(k, 2, {
        start: a.start, end: b.end + 1, text: text.slice(a.start, b.end + 1), kind: 'weekday-date',
        weekday: b.weekday!, weekdaySpan: { start: b.start, end: b.end }, explicit: a.explicit!,
      });
    }
  }
  return mentions;
}

function scanWords(text: string, region: Span): Word[] {
  const words: Word[] = [];
  let i = region.start;
  while (i < region.end) {
    const c = text.charCodeAt(i);
    const isAlnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    const prevAlnum = (prev >= 48 && prev <= 57) || (prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122) || prev > 127;
    if (isAlnum && !prevAlnum) {
      WORD.lastIndex = i;
      const m = WORD.exec(text);
      if (m) {
        let end = i + m[0].length;
        // Only abbreviations keep their period ("Feb.", "Tues."), not a sentence-final "Tuesday."
        if (m[0].endsWith('.')) {
          const bare = m[0].slice(0, -1);
          const abbreviation = bare.length <= 5 && (monthNumber(bare) !== undefined || weekdayNumber(bare) !== undefined);
          if (!abbreviation) end--;
        }
        if (end > region.end) end = region.end;
        // keep ISO dates whole: 2022-02-16
        if (/^\d{4}$/.test(m[0]) && /^-\d{2}-\d{2}(?![\d-])/.test(text.slice(end, end + 7))) end += 6;
        const after = text.charCodeAt(end);
        const glued = (after >= 48 && after <= 57) || (after >= 65 && after <= 90) || (after >= 97 && after <= 122) || after > 127;
        if (!glued || /^\d{4}-/.test(text.slice(i, end))) words.push({ text: text.slice(i, end), start: i, end });
        i = end;
        continue;
      }
    }
    i++;
  }
  return words;
}

function capitalized(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 65 && c <= 90;
}

function isWeekdayWord(word: string): boolean {
  // Full names always; abbreviations only with a period ("Tue." but not "Sun", the newspaper or the star).
  const bare = word.replace(/\.$/, '');
  return bare.length >= 6 || word.endsWith('.');
}

function onlySeparators(text: string, from: number, to: number): boolean {
  return /^[\s,]{0,3}$/.test(text.slice(from, to));
}

const FUTURE_BEFORE = /\b(?:will|would|shall|is due to|are due to|is scheduled to|are scheduled to|is expected to|are expected to|plans? to|next|this coming|coming|until|by)\b[^.!?]{0,60}$/i;

/** Words around the span point to the future ("will", "is due to", "next", "would" after it). */
export function looksFuture(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  const lastStop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  const clause = before.slice(lastStop + 1);
  if (/\bnext\s*$/i.test(clause) || /\bthis\s+coming\s*$/i.test(clause)) return true;
  if (FUTURE_BEFORE.test(clause)) return true;
  const after = text.slice(end, end + 40);
  return /^\s+(?:would|will)\b/i.test(after);
}

/** Reporting and event verbs in the past tense: a sentence with one tells of what has happened. */
const PAST_VERB = /\b(?:said|says?\s+(?:it|he|she|they)\s+had|told|reported|announced|stated|confirmed|claimed|warned|added|wrote|tweeted|posted|published|was|were|had|did|met|held|signed|killed|died|began|started|ended|closed|opened|arrived|visited|spoke|attacked|launched|fired|rose|fell|jumped|dropped|won|lost|took place|happened|occurred|agreed|rejected|approved|voted|released|arrested|invaded|withdrew|pulled back)\b/i;

/**
 * Is the span told as something that already happened? The sentence around it has a past-tense reporting or event
 * verb and nothing that points to the future (see `looksFuture`).
 */
export function toldAsPast(text: string, start: number, end: number): boolean {
  if (looksFuture(text, start, end)) return false;
  const from = Math.max(0, start - 160);
  const to = Math.min(text.length, end + 160);
  let sentenceStart = from;
  for (const stop of ['. ', '! ', '? ', '\n']) {
    const at = text.lastIndexOf(stop, start - 1);
    if (at >= from && at + stop.length > sentenceStart) sentenceStart = at + stop.length;
  }
  let sentenceEnd = to;
  for (const stop of ['. ', '! ', '? ', '\n']) {
    const at = text.indexOf(stop, end);
    if (at >= 0 && at < sentenceEnd) sentenceEnd = at;
  }
  const sentence = text.slice(sentenceStart, sentenceEnd);
  if (/\b(?:will|shall|would|is due|are due|scheduled|expected|plans?|planned|set to|going to|next|upcoming|ahead of|before|until|by|deadline)\b/i.test(sentence)) return false;
  return PAST_VERB.test(sentence);
}

function matchExplicitDate(
  text: string,
  words: Word[],
  i: number,
  _gap?: RegExp,
): { mention: DateMention; lastWord: number } | undefined {
  const w = words[i];
  if (!w) return undefined;
  // Month Day[, Year]
  const month = capitalized(w.text) ? monthNumber(w.text) : undefined;
  if (month && (w.text.length > 3 || w.text.endsWith('.') || /^[A-Z][a-z]{2}$/.test(w.text))) {
    const dayWord = words[i + 1];
    if (dayWord && /^\d{1,2}(?:st|nd|rd|th)?$/.test(dayWord.text) && /^\s{1,2}$/.test(text.slice(w.end, dayWord.start))) {
      const day = parseInt(dayWord.text, 10);
      const yearWord = words[i + 2];
      let year: number | undefined;
      let last = i + 1;
      if (yearWord && /^\d{4}$/.test(yearWord.text) && /^,?\s{1,2}$/.test(text.slice(dayWord.end, yearWord.start))) {
        year = +yearWord.text;
        last = i + 2;
      }
      // Sentence-initial "May 5 people…" is rare; a capitalized "May" before a day number is a date.
      const end = words[last]!.end;
      const explicit = year === undefined ? { month, day } : { year, month, day };
      if (day >= 1 && day <= 31) {
        return { mention: { start: w.start, end, text: text.slice(w.start, end), kind: 'date', explicit }, lastWord: last };
      }
    }
  }
  // Day Month [Year]
  if (/^\d{1,2}(?:st|nd|rd|th)?$/.test(w.text)) {
    const monthWord = words[i + 1];
    const m2 = monthWord && capitalized(monthWord.text) && monthWord.text.length >= 3 ? monthNumber(monthWord.text) : undefined;
    if (m2 && monthWord!.text !== 'May' && /^\s(?:of\s)?$/.test(text.slice(w.end, monthWord!.start))) {
      const day = parseInt(w.text, 10);
      const yearWord = words[i + 2];
      let year: number | undefined;
      let last = i + 1;
      if (yearWord && /^\d{4}$/.test(yearWord.text) && /^,?\s$/.test(text.slice(monthWord!.end, yearWord.start))) {
        year = +yearWord.text;
        last = i + 2;
      }
      const end = words[last]!.end;
      const explicit = year === undefined ? { month: m2, day } : { year, month: m2, day };
      if (day >= 1 && day <= 31) {
        return { mention: { start: w.start, end, text: text.slice(w.start, end), kind: 'date', explicit }, lastWord: last };
      }
    }
  }
  return undefined;
}

// ── Resolution against the article's date ─────────────────────────────────────────────

export interface ResolvedDate {
  date: CalendarDate;
  /** How the date was found, for hovers: "the most recent Tuesday on or before the dateline 2022-02-16". */
  explanation: string;
}

/**
 * Resolves a mention to a calendar day, given the article's reference date (its dateline).
 * Returns undefined when the text alone cannot decide (no dateline and no year).
 */
export function resolveDateMention(mention: DateMention, reference: CalendarDate | undefined): ResolvedDate | undefined {
  const refIso = reference ? formatIso(reference) : undefined;
  switch (mention.kind) {
    case 'date':
    case 'weekday-date': {
      const e = mention.explicit!;
      if (e.year !== undefined) {
        const d = { year: e.year, month: e.month, day: e.day };
        return isValidDate(d) ? { date: d, explanation: 'written in full' } : undefined;
      }
      if (!reference) return undefined;
      // The year nearest the dateline: "Feb. 16" in an article of 2022-12-30 is most likely… 2022-02-16, unless
      // it is more than six months away, which points at the neighbouring year.
      let best: CalendarDate | undefined;
      for (const year of [reference.year - 1, reference.year, reference.year + 1]) {
        const d = { year, month: e.month, day: e.day };
        if (!isValidDate(d)) continue;
        if (!best || Math.abs(compareDates(d, reference)) < Math.abs(compareDates(best, reference))) best = d;
      }
      return best ? { date: best, explanation: `year taken from the dateline ${refIso}` } : undefined;
    }
    case 'weekday': {
      if (!reference) return undefined;
      const refDay = weekdayOf(reference);
      const name = WEEKDAY_NAMES[mention.weekday!];
      if (mention.future) {
        const ahead = (mention.weekday! - refDay + 7) % 7 || 7;
        return { date: addDays(reference, ahead), explanation: `the next ${name} after the dateline ${refIso} (future tense)` };
      }
      const back = (refDay - mention.weekday! + 7) % 7;
      return {
        date: addDays(reference, -back),
        explanation: back === 0 ? `the dateline ${refIso} itself` : `the most recent ${name} before the dateline ${refIso}`,
      };
    }
    case 'relative': {
      if (!reference) return undefined;
      return { date: addDays(reference, mention.relativeDays!), explanation: `relative to the dateline ${refIso}` };
    }
  }
}
