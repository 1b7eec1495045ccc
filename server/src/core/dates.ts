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

/** Days a URL's date may be away from the dateline (time zones, pages put online before midnight). */
export const URL_TOLERANCE_DAYS = 1;

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
  /** For dates: how the sentence tells of the day (see `dateTense`). */
  tense?: DateTense;
  /** For dates without a year: the year the text gives around them ("last year", "from May 1 until June 2, 1901"). */
  yearContext?: YearContext;
}

export interface YearContext {
  /** A year written nearby. */
  year?: number;
  /** Or a year relative to the dateline's: "last year" -1, "this year" 0, "next year" +1. */
  relative?: -1 | 0 | 1;
  /** For hovers: "year from "last year"". */
  reason: string;
  /** Read from the sentence's other dates or its frame, not said of this date: the tense overrules it. */
  weak?: true;
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
    if (weekday !== undefined) {
      // "Wednesday Feb. 16", "Tuesday, February 15, 2022", "Saturday, the 19th of March", "Tuesday (March 22)"
      const joined = weekdayDate(text, words, i);
      if (joined) {
        const m = joined.mention;
        const end = joined.closingParenthesis ? m.end + 1 : m.end;
        mentions.push({
          start: w.start, end, text: text.slice(w.start, end), kind: 'weekday-date',
          weekday, weekdaySpan: { start: w.start, end: w.end }, explicit: m.explicit!,
        });
        i = joined.lastWord;
        continue;
      }
    }
    if (weekday !== undefined && isWeekdayWord(w.text)) {
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
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    if (m.kind !== 'date' && m.kind !== 'weekday-date') continue;
    const sentence = sentenceAround(text, m.start, m.end);
    const tense = dateTense(text, m.start, m.end, sentence);
    if (tense) m.tense = tense;
    if (m.explicit!.year === undefined) {
      const context = yearContextOf(text, mentions, k, sentence);
      if (context) m.yearContext = context;
    }
  }
  return mentions;
}

const MONTH_WORD = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const RELATIVE_YEAR_AFTER = /^,?\s+(?:of\s+)?(last|this|next)\s+year\b/i;
const RELATIVE_YEAR_BEFORE = /\b(last|this|next)\s+year['’]s\s+$/i;
const THAT_YEAR_AFTER = /^,?\s+(?:of\s+)?that\s+year\b/i;
const YEAR_NUMBER = /\b(1[89]\d\d|20\d\d)\b(?![\d-])/g;
/** "from March 25 through to October 2007", "May 1 until November 2, 1901", "12 December – 4 January 2008". */
const RANGE_END_WITH_YEAR = new RegExp(
  `^\\s*(?:-|–|—|to|till|until|through(?:\\s+to)?|thru|and)\\s+(?:the\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?(${MONTH_WORD})\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?(\\d{4})\\b`,
);
/** A sentence framed by its year: "In 2019, outbreaks were declared on February 6 …". */
const SENTENCE_YEAR_FRAME = new RegExp(`^\\s*(?:In|During)\\s+(?:(?:early|late|mid)[- ])?(?:${MONTH_WORD}\\s+)?(1[89]\\d\\d|20\\d\\d)\\b(?![\\d-])`);

/**
 * The year the text gives a date written without one: "last year", "of that year" (the last year written before),
 * the end of its range ("from May 1 until November 2, 1901"), an earlier full date of the same sentence ("set for
 * January 8, 2006, and a runoff on February 15"), or the year that frames the sentence ("In 2019, … on February 6").
 */
function yearContextOf(text: string, mentions: DateMention[], k: number, sentence: Span): YearContext | undefined {
  const m = mentions[k]!;
  const e = m.explicit!;
  const after = text.slice(m.end, m.end + 60);
  const before = text.slice(Math.max(0, m.start - 30), m.start);
  const relative = RELATIVE_YEAR_AFTER.exec(after) ?? RELATIVE_YEAR_BEFORE.exec(before);
  if (relative) {
    const word = relative[1]!.toLowerCase();
    return { relative: word === 'last' ? -1 : word === 'next' ? 1 : 0, reason: `"${word} year"` };
  }
  if (THAT_YEAR_AFTER.test(after)) {
    let year: number | undefined;
    for (const y of text.slice(Math.max(0, m.start - 600), m.start).matchAll(YEAR_NUMBER)) year = +y[1]!;
    // With no year written before, "that year" says only that it is not the dateline's: fall back to the tense.
    return year === undefined ? undefined : { year, reason: `"that year", the last year written before (${year})` };
  }
  const range = RANGE_END_WITH_YEAR.exec(after);
  if (range) {
    const endMonth = monthNumber(range[2]!)!;
    const endDay = range[1] ? +range[1] : range[3] ? +range[3] : daysInMonth(+range[4]!, endMonth);
    const year = +range[4]! - (e.month * 100 + e.day > endMonth * 100 + endDay ? 1 : 0);
    return { year, reason: `the year of the period's end (${range[0].trim()})` };
  }
  for (let j = k - 1; j >= 0 && mentions[j]!.start >= sentence.start; j--) {
    const earlier = mentions[j]!.explicit;
    if (earlier?.year === undefined) continue;
    // Dates listed in one sentence run forward within a year; one earlier in the calendar may be the next year's.
    if (e.month * 100 + e.day < earlier.month * 100 + earlier.day) return undefined;
    return { year: earlier.year, reason: `the year of ${mentions[j]!.text}, earlier in the sentence`, weak: true };
  }
  const lead = text.slice(sentence.start, m.start);
  const frame = SENTENCE_YEAR_FRAME.exec(lead);
  // The frame holds for its own clause: "In 2001, France declared …, and Chirac decided May 10 would …" does not.
  if (frame && !/,\s*(?:and|but|while|whereas)\s/.test(lead.slice(frame[0].length))) return { year: +frame[1]!, reason: `"${frame[0].trim()}", which frames the sentence`, weak: true };
  return undefined;
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
          // "March." and "June." end sentences: only shortened names are abbreviations.
          const fullName = MONTH_NAMES.some((name) => name === bare);
          const abbreviation = bare.length <= 5 && !fullName && (monthNumber(bare) !== undefined || weekdayNumber(bare) !== undefined);
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

/** The explicit date written right after the weekday at words[i], if any. */
function weekdayDate(text: string, words: Word[], i: number): { mention: DateMention; lastWord: number; closingParenthesis: boolean } | undefined {
  const w = words[i]!;
  const the = words[i + 1]?.text === 'the' ? 1 : 0;
  const next = matchExplicitDate(text, words, i + 1 + the);
  if (!next) return undefined;
  const gap = text.slice(w.end, next.mention.start);
  // Bare abbreviations ("Wed", "Sun") are weekdays only when a date follows at once.
  if (!isWeekdayWord(w.text) && !/^\s$/.test(gap)) return undefined;
  if (/^[\s,]{0,3}$/.test(gap) || (the && /^,?\s+the\s+$/.test(gap))) return { ...next, closingParenthesis: false };
  if (/^\s*\(\s*$/.test(gap) && /^\s*\)/.test(text.slice(next.mention.end, next.mention.end + 3))) {
    const close = text.indexOf(')', next.mention.end);
    return { mention: { ...next.mention, end: close }, lastWord: next.lastWord, closingParenthesis: true };
  }
  return undefined;
}

function isWeekdayWord(word: string): boolean {
  // Full names always; abbreviations only with a period ("Tue." but not "Sun", the newspaper or the star).
  const bare = word.replace(/\.$/, '');
  return bare.length >= 6 || word.endsWith('.');
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

// ── Tense: is the date told as something that already happened? ─────────────────────────

export type DateTense = 'past' | 'future';

/** Past forms that do not end in -ed. */
const IRREGULAR_PAST = new Set((
  'was were had did said told met held took gave went came saw made won lost began fell rose left sent found brought ' +
  'bought thought spoke wrote broke chose drove fought flew ran sat stood struck swore sworn shot led fled felt kept ' +
  'paid sold became knew grew threw drew wore hid caught taught sought built spent lent meant heard forgot withdrew ' +
  'overthrew shook woke rode stole froze arose sang rang sank swam dealt slept swept dug stuck hung spun bore tore ' +
  'undertook overtook upheld withheld underwent overcame foresaw beaten begun broken chosen driven fallen given gone ' +
  'known risen seen shaken spoken stolen taken thrown written'
).split(' '));

/** Words ending in -ed that are not verbs. */
const NOT_PAST_ED = new Set('need speed seed feed bed red shed hundred indeed proceed exceed succeed breed greed creed deed heed embed bleed naked sacred wicked wretched rugged ragged'.split(' '));

/** Verbs among the un-…-ed words, which are mostly adjectives ("unopposed", "undisturbed"). */
const UN_VERBS = new Set('unveiled unleashed uncovered unlocked unloaded undermined unfolded unified united unplugged unraveled unravelled unseated untied unearthed unmasked unpacked unblocked underlined'.split(' '));

/** Modals: the sentence is not a plain report of the past. */
const FUTURE_MODALS = new Set(['will', 'shall', "won't", "'ll"]);
const OTHER_MODALS = new Set(['would', 'may', 'might', 'could', 'can', 'must', 'should', 'cannot', "can't", "wouldn't", "couldn't", "shouldn't"]);

/** Plans, schedules, deadlines and expectations: the date is one the text looks forward to, from whatever time. */
const SCHEDULE_WORDS = new Set((
  'due scheduled rescheduled schedule slated expected expect expects planned planning plans plan intends intend ' +
  'intended aims aim proposed proposes upcoming forthcoming coming next ahead anticipation anticipated anticipates ' +
  'awaiting awaits await pending deadline likely possibly probably hopes hoping ' +
  'predicted predicts forecast until till unless effective expire expires promised promises pledged vowed ' +
  'threatened urged invited'
).split(' '));

/** Present-tense verbs that news uses for what is still to come ("the summit opens on May 3"). */
const PRESENT_EVENT_VERBS = new Set((
  'is are am be being opens begins starts ends closes takes comes runs lasts continues resumes returns goes meets ' +
  'holds arrives leaves becomes remains stays open begin start end close take come run last continue resume return ' +
  'go meet hold arrive leave become remain stay says say tells claims insists believes thinks announces confirms adds'
).split(' '));

/** Before a participle, words that make it an adjective ("the declared support", "in enclosed places"), not a verb. */
const BEFORE_ADJECTIVE = new Set((
  'the a an this these those his her its their our my your some any all each every no ' +
  'in on at of for with from into by to'
).split(' '));

/** After "to", words that are not verbs: "returned to power on", "according to the". */
const NOT_INFINITIVE = new Set((
  'the a an this that these those his her its their our my your some any all each every no one two three four five ' +
  'power death court prison jail office date life war parliament school hospital work ' +
  'about around over under up down more less than as at in on of'
).split(' '));

/** Schedule nouns directly before the date: "the presidential election on May 28", "talks for 12 March". */
const EVENT_BEFORE = /\b(?:elections?|vote|ballot|referendum|polls?|primary|primaries|runoff|run-off|summit|deadline|hearings?|trial|sentencing|ceremony|inauguration|conference|session|debate|festival|exhibition|premiere|launch|strike|rally|protests?|match|final|talks|meeting|(?:election|polling|voting) day)(?:\s*,\s*|\s+(?:on|for|of|in|at)\s+|\s+)(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s*[-–]\s*)?$/i;

/** The date names a scheduled thing: "the June 26 election date", "the April 15 deadline", "the Oct. 1 issue". */
const EVENT_AFTER = /^(?:(?:'s)?\s+(?:[a-z]+\s+)?(?:deadline|date|elections?|ballot|referendum|poll|primary|runoff|run-off|summit|launch|issue|edition|episode|release|hearing|trial|session|meeting|ceremony|debate|opening|kickoff|vote|inauguration)\b|,?\s+as\s+(?:the|a)\s+(?:new\s+)?(?:date|day|deadline)\b)/;

/** Directly before the date: a deadline, an end, a start or a purpose, not a day something happened on. */
const OPEN_BEFORE = /\b(?:until|till|til|through|thru|to|by|before|for|from|as of|starting|beginning|beyond|up to|later than|ahead of|in time for|between|between (?:\S+\s+){1,3}and|effective(?: from| on)?|with effect from|announced as|set as)\s+(?:on\s+)?(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s*[-–]\s*)?$/i;

/** The date starts a period: "from July 7 to July 10", "March 15 till August". */
const RANGE_AFTER = /^\s*(?:-|–|—|to|till|until|through|thru)\s+(?:the\s+)?(?:end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z0-9]/;

const LINE_END = /^[.)]?[ \t]*(?:\r?\n|$)/;

/** Words that open the clause a date stands in after a reporting verb: "announced that after Sept. 1 …". */
const COMPLEMENTIZERS = new Set(['that', 'if', 'whether']);

type Cue = 'past' | 'future' | 'open';

const WORDS = /[A-Za-z]+(?:['’][a-z]+)?|['’]ll/g;

function wordsOf(s: string): string[] {
  return s.match(WORDS) ?? [];
}

/** What the word at i says about tense, given its neighbours. */
function cueOf(words: string[], i: number): Cue | undefined {
  const w = words[i]!;
  const lower = w.toLowerCase();
  const prev = i > 0 ? words[i - 1]!.toLowerCase() : '';
  const next = i + 1 < words.length ? words[i + 1]! : '';
  const beforePrev = i > 1 ? words[i - 2]!.toLowerCase() : '';
  // Modals only in lower case: "May" is a month.
  if (FUTURE_MODALS.has(w) || w.endsWith("'ll") || w.endsWith('’ll')) return 'future';
  if (OTHER_MODALS.has(w)) return 'open';
  if (lower === 'going' && next === 'to') return 'future';
  if (SCHEDULE_WORDS.has(lower)) return prev === 'is' || prev === 'are' || prev === 'am' ? 'future' : 'open';
  if (lower === 'to' && next && /^[a-z]+$/.test(next) && !NOT_INFINITIVE.has(next) && !/[^s]s$/.test(next)) {
    // "is to meet", "is expected to meet", "plans to meet": a present plan; "was due to meet" may be past.
    const present = prev === 'is' || prev === 'are' || prev === 'am';
    const presentPlan = SCHEDULE_WORDS.has(prev) && (['is', 'are', 'am'].includes(beforePrev) || /[^s]s$/.test(prev));
    return present || presentPlan ? 'future' : 'open';
  }
  // "will take place", "will be held": the modal a word or two back decides.
  const afterFutureModal = FUTURE_MODALS.has(prev) || (prev === 'be' && FUTURE_MODALS.has(beforePrev));
  if (PRESENT_EVENT_VERBS.has(lower) && w === lower) return afterFutureModal ? 'future' : 'open';
  const past = IRREGULAR_PAST.has(w) || (/^[a-z]{2,}ed$/.test(w) && !NOT_PAST_ED.has(w) && (!/^un[a-z]+ed$/.test(w) || UN_VERBS.has(w)));
  if (past) {
    // "followed by the summit on 3 May" orders events; it does not tell when.
    if (lower === 'followed' && next === 'by') return undefined;
    const participle = /(?:ed|en|wn)$/.test(w);
    if (participle && (BEFORE_ADJECTIVE.has(prev) || (prev.endsWith('ly') && BEFORE_ADJECTIVE.has(beforePrev)))) return undefined;
    // A participle after "be" is passive of the present or the future: "to be held", "is expected", "may be signed".
    if (prev === 'be' || prev === 'is' || prev === 'are' || prev === 'am' || prev === 'being') return afterFutureModal ? 'future' : 'open';
    return 'past';
  }
  return undefined;
}

/** The closest cue among the words, from the end (before the date) or from the start (after it). */
function closestCue(words: string[], fromEnd: boolean): { cue: Cue; index: number } | undefined {
  if (fromEnd) {
    for (let i = words.length - 1; i >= 0; i--) {
      const cue = cueOf(words, i);
      if (cue) return { cue, index: i };
    }
  } else {
    for (let i = 0; i < words.length; i++) {
      const cue = cueOf(words, i);
      if (cue) return { cue, index: i };
    }
  }
  return undefined;
}

const ABBREVIATIONS = new Set((
  'mr mrs ms dr st gen sen rep gov lt col sgt capt cpt maj adm no vs etc jr sr inc co corp ltd dept prof rev ' +
  'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun'
).split(' '));

function isSentenceStop(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n' || c === ';') return true;
  if (c !== '.' && c !== '!' && c !== '?') return false;
  const after = text.charCodeAt(i + 1);
  if (!(after === 32 || after === 10 || after === 34 || after === 0x201d || Number.isNaN(after))) return false;
  if (c !== '.') return true;
  // "Feb. 18", "U.S. officials", "Gen. Smith" do not end a sentence.
  let j = i - 1;
  while (j >= 0 && /[A-Za-z.]/.test(text[j]!)) j--;
  const word = text.slice(j + 1, i);
  if (/^[A-Z]$/.test(word) || /\./.test(word)) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/** The sentence (or the part of it between semicolons) around [start, end), at most `reach` characters each way. */
export function sentenceAround(text: string, start: number, end: number, reach = 180): Span {
  let from = start;
  const floor = Math.max(0, start - reach);
  while (from > floor && !isSentenceStop(text, from - 1)) from--;
  while (from < start && (text[from] === ' ' || text[from] === '\t')) from++;
  let to = end;
  const ceiling = Math.min(text.length, end + reach);
  while (to < ceiling && !isSentenceStop(text, to)) to++;
  return { start: from, end: to };
}

/**
 * The sentence's text with quoted passages that do not hold the date blanked out (what someone said has its own
 * tense), or only the quotation when the date is inside one.
 */
function unquoted(text: string, sentence: Span, date: Span): { before: string; after: string } {
  let open = -1;
  let inner: Span | undefined;
  const blank: Span[] = [];
  for (let i = sentence.start; i < sentence.end; i++) {
    const c = text[i];
    const opening = c === '“' || (c === '"' && open < 0);
    const closing = c === '”' || (c === '"' && open >= 0);
    if (opening && open < 0) open = i;
    else if (closing && open >= 0) {
      if (open < date.start && i >= date.end) inner = { start: open + 1, end: i };
      else blank.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  if (open >= 0 && open < date.start) inner = { start: open + 1, end: sentence.end };
  const region = inner ?? sentence;
  let before = text.slice(region.start, date.start);
  let after = text.slice(date.end, region.end);
  if (!inner) {
    for (const b of blank) {
      if (b.end <= date.start) before = before.slice(0, b.start - region.start) + ' '.repeat(b.end - b.start) + before.slice(b.end - region.start);
      else if (b.start >= date.end) {
        const s = b.start - date.end;
        after = after.slice(0, s) + ' '.repeat(b.end - b.start) + after.slice(s + b.end - b.start);
      }
    }
  }
  return { before, after };
}

/**
 * How the sentence tells of the date at [start, end): as something that already happened ('past'), as something
 * still to come ('future'), or neither clearly (undefined: plans reported in the past, deadlines, ranges, quotes).
 * The verb or marker nearest the date decides: "the ballot to strike, which was held on May 12" is past, "the
 * ballot was held to strike on May 31" is not. A date that opens its clause ("On May 16, the spokesman said")
 * takes the tense of what follows it. Reads one sentence: linear in the text.
 */
export function dateTense(text: string, start: number, end: number, sentence = sentenceAround(text, start, end)): DateTense | undefined {
  const { before, after } = unquoted(text, sentence, { start, end });
  // A full date closing its line after a title is the stamp of a listed story or source, not when it happened.
  if (LINE_END.test(text.slice(end, end + 4)) && /\d{4}$/.test(text.slice(start, end)) && !/\b(?:on|in|at|since|from|of|by|until|to|before|after|during|dated)\s*,?\s*$/i.test(before)) return undefined;
  // A deadline, an end or a start can lie on either side of the dateline ("will be backdated to July 1").
  if (OPEN_BEFORE.test(before) || EVENT_BEFORE.test(before) || EVENT_AFTER.test(after) || RANGE_AFTER.test(after)) return undefined;
  // A date that opens a coordinated clause ("…, but on December 14 it was extended") belongs to that clause.
  const joint = /^(.*)(?:,\s*(?:but|and|while|whereas|although|though|yet)\s|\s[—–]\s)/s.exec(before);
  const clause = joint ? before.slice(joint[0].length) : before;
  const beforeWords = wordsOf(clause);
  const afterWords = wordsOf(after);
  const nearest = closestCue(beforeWords, true);
  const opensClause = !nearest || beforeWords.slice(nearest.index + 1).some((w) => COMPLEMENTIZERS.has(w.toLowerCase()));
  if (!opensClause) return nearest.cue === 'open' ? undefined : nearest.cue;
  const following = closestCue(afterWords, false);
  if (following) return following.cue === 'open' ? undefined : following.cue;
  return nearest && nearest.cue !== 'open' ? nearest.cue : undefined;
}

/** "5 May be", "3 May not": a number before the modal, not a day before the month. */
const MAY_AS_VERB = /^\s+(?:be|have|not|also|well|still|soon|never|even|only|now|need|take|make|get|come|go|see|lose|win|face|cause|lead|become|help|want)\b/;

function matchExplicitDate(
  text: string,
  words: Word[],
  i: number,
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
    // "16 July", "16th of July"
    const monthAt = words[i + 1]?.text === 'of' ? i + 2 : i + 1;
    const monthWord = words[monthAt];
    const m2 = monthWord && capitalized(monthWord.text) && monthWord.text.length >= 3 ? monthNumber(monthWord.text) : undefined;
    if (m2 && (monthWord!.text !== 'May' || !MAY_AS_VERB.test(text.slice(monthWord!.end, monthWord!.end + 12))) && /^\s(?:of\s)?$/.test(text.slice(w.end, monthWord!.start))) {
      const day = parseInt(w.text, 10);
      const yearWord = words[monthAt + 1];
      let year: number | undefined;
      let last = monthAt;
      if (yearWord && /^\d{4}$/.test(yearWord.text) && /^,?\s$/.test(text.slice(monthWord!.end, yearWord.start))) {
        year = +yearWord.text;
        last = monthAt + 1;
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

/**
 * A date told as past at most this many days after the dateline stays in the dateline's year: the article was
 * updated, or dated, a little late, which is what `date-after-dateline` reports. Farther than that, a past date
 * without a year is the previous year's ("had joined the EU on January 1" in a November article).
 */
export const PAST_AFTER_DATELINE_DAYS = 14;

/** A date told as past well after the dateline, or as future well before it, cannot be in that year. */
function contradictsTense(d: CalendarDate, reference: CalendarDate, tense: DateTense | undefined): boolean {
  const offset = compareDates(d, reference);
  return (tense === 'past' && offset > PAST_AFTER_DATELINE_DAYS) || (tense === 'future' && offset < -PAST_AFTER_DATELINE_DAYS);
}

/** Beyond this many days from the dateline the year of a date without one is in doubt, and its weekday may decide. */
const CERTAIN_YEAR_DAYS = 60;

function candidatesAround(e: { month: number; day: number }, reference: CalendarDate): CalendarDate[] {
  const out: CalendarDate[] = [];
  for (const year of [reference.year - 1, reference.year, reference.year + 1]) {
    const d = { year, month: e.month, day: e.day };
    if (isValidDate(d)) out.push(d);
  }
  return out;
}

/**
 * The year of a date written without one. Told as past: the most recent such day on or before the dateline (or
 * just after it, see PAST_AFTER_DATELINE_DAYS). Otherwise the one nearest the dateline: plans are rarely more than
 * half a year ahead, and a future reading of a past clause ("expected to reach $68 after a high on Aug. 30") would
 * move a past day a year on.
 */
function yearByTense(e: { month: number; day: number }, reference: CalendarDate, tense: DateTense | undefined): ResolvedDate | undefined {
  const refIso = formatIso(reference);
  const candidates = candidatesAround(e, reference);
  let nearest: CalendarDate | undefined;
  for (const d of candidates) if (!nearest || Math.abs(compareDates(d, reference)) < Math.abs(compareDates(nearest, reference))) nearest = d;
  if (!nearest) return undefined;
  const offset = compareDates(nearest, reference);
  const name = `${e.day} ${MONTH_NAMES[e.month - 1]}`;
  // News names the attacks of 2001 by their day alone: a past "September 11" just after the dateline is theirs.
  if (tense === 'past' && offset > 0 && offset <= PAST_AFTER_DATELINE_DAYS && e.month === 9 && e.day === 11) {
    return { date: { year: 2001, month: 9, day: 11 }, explanation: 'the attacks of 11 September 2001, told as past and named by their day' };
  }
  if (tense === 'past' && offset > PAST_AFTER_DATELINE_DAYS) {
    const latest = candidates.filter((d) => compareDates(d, reference) <= 0).pop();
    if (latest) return { date: latest, explanation: `the most recent ${name} on or before the dateline ${refIso} (told as past)` };
  }
  return { date: nearest, explanation: `year taken from the dateline ${refIso}` };
}

/**
 * A weekday written with a date far from the dateline picks the year in which they agree, if a neighbouring one
 * fits the tense ("sworn in on Friday, May 28" in January). Near the dateline the year is certain and a weekday
 * that disagrees is an error for `weekday-mismatch`.
 */
function yearByWeekday(
  e: { month: number; day: number },
  weekday: number,
  reference: CalendarDate,
  tense: DateTense | undefined,
  chosen: CalendarDate,
): ResolvedDate | undefined {
  if (weekdayOf(chosen) === weekday || Math.abs(compareDates(chosen, reference)) <= CERTAIN_YEAR_DAYS) return undefined;
  let best: CalendarDate | undefined;
  for (const year of [chosen.year - 1, chosen.year + 1]) {
    const d = { year, month: e.month, day: e.day };
    if (!isValidDate(d) || weekdayOf(d) !== weekday) continue;
    const offset = compareDates(d, reference);
    if (tense === 'past' && offset > PAST_AFTER_DATELINE_DAYS) continue;
    if (tense === 'future' && offset < -PAST_AFTER_DATELINE_DAYS) continue;
    // Told as past, the year before the guessed one may be two years back; otherwise stay within a year.
    if (Math.abs(offset) > (tense ? 2 * 366 : 366)) continue;
    if (!best || Math.abs(offset) < Math.abs(compareDates(best, reference))) best = d;
  }
  return best && { date: best, explanation: `the year near the dateline ${formatIso(reference)} in which ${e.day} ${MONTH_NAMES[e.month - 1]} was a ${WEEKDAY_NAMES[weekday]}` };
}

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
      const context = mention.yearContext;
      const contextYear = context?.year ?? (context?.relative !== undefined && reference ? reference.year + context.relative : undefined);
      if (contextYear !== undefined) {
        const d = { year: contextYear, month: e.month, day: e.day };
        if (!isValidDate(d)) return undefined;
        // A year read off the sentence's other dates yields to the tense and to a weekday written with the date.
        const weekdayDisagrees = mention.kind === 'weekday-date' && weekdayOf(d) !== mention.weekday;
        if (!context!.weak || !reference || !(contradictsTense(d, reference, mention.tense) || weekdayDisagrees)) {
          return { date: d, explanation: `year taken from ${context!.reason}` };
        }
      }
      if (!reference) return undefined;
      const byTense = yearByTense(e, reference, mention.tense);
      if (!byTense || mention.kind !== 'weekday-date') return byTense;
      return yearByWeekday(e, mention.weekday!, reference, mention.tense, byTense.date) ?? byTense;
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
