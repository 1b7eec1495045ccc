// The data model of a figure: a number in an article with what it counts, who states it, when, and how.
import type { CalendarDate, Span } from '../types';
import type { FigureEvidence } from './evidence';

/** What kind of number the text writes. */
export type FigureKind = 'count' | 'money' | 'percent' | 'ratio' | 'measure' | 'vague';

/**
 * What a value is measured in, for comparisons: figures of different dimensions are never the same quantity.
 * Within a dimension, values convert to a base unit (metres, seconds, fractions…), except money, whose
 * currencies do not convert.
 */
export type Dimension =
  | 'count'
  | 'money'
  | 'proportion'
  | 'percentage-points'
  | 'length'
  | 'area'
  | 'mass'
  | 'volume'
  | 'duration'
  | 'speed'
  | 'power'
  | 'energy'
  | 'temperature';

/** How the text qualifies the value; each maps to an interval (see qualifiers.ts for the bands). */
export type QualifierKind =
  | 'exact'
  | 'more-than'
  | 'at-least'
  | 'less-than'
  | 'at-most'
  | 'approximately'
  | 'nearly'
  | 'just-over'
  | 'range'
  | 'vague';

/**
 * How the sentence frames the value. Only `current` values take part in conflicts. A `conversion` restates the
 * amount before it in another currency or unit ("€6.53 ($8.06)"): it is that amount, not a second claim.
 */
export type Framing = 'current' | 'previous' | 'change' | 'projected' | 'conversion';

export interface FigureSubject extends Span {
  /** "Russian troops near Ukraine's border". */
  text: string;
  /** The counted or measured noun, lower case and singular: "troop". */
  head: string;
  /** A class of heads that count the same thing: troops, soldiers and forces are "military personnel". */
  headClass: string;
  /** Modifiers kept for display and matching, lower case: ["russian"]. */
  modifiers: string[];
  /** What happened to those counted, for people-like classes: "deaths", "displaced", "arrests". */
  event?: string;
}

export interface FigureSource extends Span {
  /** The phrase as written: "US President Joe Biden", "the country's Interfax news agency". */
  text: string;
  /** A short name for messages: "Biden", "Interfax", "the US", "US officials". */
  name: string;
  /** The cue that links it to the figure: "said", "according to", "estimate"… */
  cue: string;
  /** True when the source was found in the sentence before the figure's. */
  fromPreviousSentence?: boolean;
  /** True when the source was found in the sentence after the figure's (a quotation's speaker, "According to …"). */
  fromNextSentence?: boolean;
}

export type FigureDateBasis = 'explicit' | 'relative' | 'dateline' | 'unknown';

export interface FigureDate {
  date?: CalendarDate;
  /** The date as days since 1970-01-01, for comparisons. */
  dayNumber?: number;
  /** Where the date comes from: a date in the sentence, a weekday or "yesterday" resolved, the article's dateline. */
  basis: FigureDateBasis;
  /** The date words in the sentence, when the basis is explicit or relative. */
  mention?: Span & { text: string };
}

/** Facts about how the number is written, for the malformed-figure rule. */
export interface FigureWriting {
  /** "$ 1 billion": the span of the space between the currency symbol and the number. */
  spaceAfterCurrency?: Span;
  /** The digits with their separators as written: "150,000", "5.65". */
  digits?: Span & { text: string };
  /** What is wrong with the separators, when something is: "groups of 3 digits expected after a comma". */
  separatorProblem?: string;
  /** Thousands separator used, when the number has one. */
  thousandsSeparator?: ',' | '.' | ' ';
  /** Decimal mark used, when the number has one. */
  decimalMark?: '.' | ',';
  /** For a `conversion`: the index (in the same figure list) of the amount it restates. */
  conversionOf?: number;
}

export interface Figure extends Span {
  /** The figure as written, with its qualifier and unit: "more than 130,000", "$7.4bn", "48-hour". */
  text: string;
  kind: FigureKind;
  dimension: Dimension;
  /**
   * Normalized unit: an ISO currency code ("USD"), "percent", "ratio", a measure unit ("km", "hour"), or for
   * counts the class of what is counted ("military personnel", "people", "site").
   */
  unit: string;
  /** Multiply a value by this to get the dimension's base unit (km → 1000 m; percent → 0.01). */
  unitScale: number;
  /** The number as written, scaled: 130000 for "more than 130,000", 7.4e9 for "$7.4bn". */
  value: number;
  /** Interval of what the figure asserts, in the figure's unit. `max` is Infinity when open (JSON: null). */
  min: number;
  max: number;
  minInclusive: boolean;
  maxInclusive: boolean;
  qualifier: QualifierKind;
  /** The qualifier words, when any: "more than", "roughly", "tens of thousands of". */
  qualifierText?: string;
  subject?: FigureSubject;
  source?: FigureSource;
  date: FigureDate;
  framing: Framing;
  /** For a `previous` value: the index (in the same figure list) of the value that replaced it. */
  replacedBy?: number;
  /** Country or organisation names the quantity belongs to or is about, normalized: ["russia", "ukraine"]. */
  scope: string[];
  /** The owner of the quantity, when the text says whose it is: "russia" for "Russian troops". */
  owner?: string;
  /** Key of the bucket of comparable quantities: dimension + class of what is counted. */
  quantityKey: string;
  /** Inside a heading line (repeated headline, crosshead). */
  inHeading?: boolean;
  writing: FigureWriting;
  /** What tells this quantity from others of the same kind: context words and names (see evidence.ts). */
  evidence: FigureEvidence;
}

/** Input for extraction from plain text, so the extractor does not depend on the article model. */
export interface FigureTextInput {
  text: string;
  /** Regions to read (paragraphs that are not boilerplate); default: the whole text. Sorted, not overlapping. */
  regions?: Array<Span & { heading?: boolean }>;
  /** Sentence spans, sorted; default: split here. */
  sentences?: Span[];
  /** The article's date (dateline). */
  referenceDate?: CalendarDate;
  /** Date mentions already found and resolved (e.g. by core/dates), sorted; default: found here. */
  dateMentions?: Array<Span & { text: string; date?: CalendarDate; relative?: boolean }>;
  /** People, places and organizations found in the text, sorted, with their identity (knowledge-base key or name). */
  entities?: Array<Span & { identity: string; type: string; name: string; country?: string }>;
  /** The country (ISO code) a demonym names ("Lebanese", "Israeli"); without it, demonyms place no figure. */
  countryOfDemonym?: (word: string) => string | undefined;
}
