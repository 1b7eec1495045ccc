// The comparable facts of a figure, flattened into one small object of one shape. Cross-article checks compare a
// figure with up to hundreds of cluster members; reading a handful of numbers from one object, rather than
// following a figure to its date and subject, keeps each comparison to a few nanoseconds.
import { toDayNumber } from '../dates';
import { CONFLICT_MAX_RATIO } from './identity';
import { isPrecise } from './qualifiers';
import type { Figure } from './types';

/** Scans for figures of "the same time" look this many days either side (a date written in the text and the dateline of the next day's report match). */
export const SAME_TIME_DAYS = 2;
/**
 * Two figures dated only by their articles' datelines hold for the same time when the datelines are this many days
 * apart at most: a later day's report of a quantity is a revision (superseded-figure), not a conflict.
 */
export const DATELINE_SAME_TIME_DAYS = 0;

export class Claim {
  /** The interval in the dimension's base unit. */
  readonly lo: number;
  readonly hi: number;
  readonly loInclusive: boolean;
  readonly hiInclusive: boolean;
  /** A current, definite figure: only these conflict. */
  readonly comparable: boolean;
  /** A claim about the quantity now (not an earlier value, a change or a projection). */
  readonly current: boolean;
  /** Definite, with a bounded interval at most 25 % wide (see `isPrecise`). */
  readonly precise: boolean;
  /** The value as written, in the base unit. */
  readonly base: number;
  /** How telling the figure is among its article's: attributed before unattributed, body before headline. */
  readonly rank: number;
  readonly dimension: string;
  readonly unit: string;
  readonly owner: string | undefined;
  /** Day number of the figure's date, when known. */
  readonly day: number | undefined;
  /** The date is written in the sentence (explicit or relative), not the dateline. */
  readonly written: boolean;
  /** Stemmed content words of the subject ("net profit" → ["net", "profit"]); none without a subject. */
  readonly subjectWords: readonly string[];

  constructor(readonly figure: Figure) {
    this.lo = figure.min * figure.unitScale;
    this.hi = figure.max * figure.unitScale;
    this.loInclusive = figure.minInclusive;
    this.hiInclusive = figure.maxInclusive;
    this.comparable = figure.framing === 'current' && figure.kind !== 'vague';
    this.current = figure.framing === 'current';
    this.precise = figure.kind !== 'vague' && isPrecise({ min: this.lo, max: this.hi, minInclusive: this.loInclusive, maxInclusive: this.hiInclusive });
    this.base = figure.value * figure.unitScale;
    this.rank = (figure.source ? 2 : 0) + (figure.inHeading ? 0 : 1);
    this.dimension = figure.dimension;
    this.unit = figure.unit;
    this.owner = figure.owner || undefined;
    this.day = figure.date.dayNumber ?? (figure.date.date ? toDayNumber(figure.date.date) : undefined);
    this.written = figure.date.basis === 'explicit' || figure.date.basis === 'relative';
    const subject = figure.subject;
    this.subjectWords = subject
      ? [...new Set([subject.head, ...subject.modifiers].map(stem).filter((w) => w.length >= 3 && !GENERIC_SUBJECT_WORDS.has(w)))]
      : [];
  }
}

const GENERIC_SUBJECT_WORDS = new Set(['the', 'its', 'their', 'this', 'that', 'last', 'next', 'new', 'total', 'about', 'some', 'more', 'than']);

function stem(word: string): string {
  return word.toLowerCase().replace(/(?:ies)$/, 'y').replace(/(?<=[^s])s$/, '');
}

/**
 * Counts name what they count in their unit class ("military personnel"), so that is enough. Amounts of money,
 * percentages and measures say nothing of what they measure by themselves: two of them are one quantity only when
 * their subjects share a word ("net profit" and "quarterly profit"), never "$16" against "$25" about anything.
 */
export function subjectsShareWord(a: Claim, b: Claim): boolean {
  for (const w of a.subjectWords) if (b.subjectWords.includes(w)) return true;
  return false;
}

const claims = new WeakMap<Figure, Claim>();

export function claimOf(figure: Figure): Claim {
  let claim = claims.get(figure);
  if (!claim) claims.set(figure, (claim = new Claim(figure)));
  return claim;
}

/** The two intervals share no value. */
export function disjointClaims(a: Claim, b: Claim): boolean {
  if (a.hi < b.lo || (a.hi === b.lo && !(a.hiInclusive && b.loInclusive))) return true;
  return b.hi < a.lo || (b.hi === a.lo && !(b.hiInclusive && a.loInclusive));
}

/** One dimension, and for money and counts one unit (currencies do not convert; counts count one class). */
export function sameUnitClaims(a: Claim, b: Claim): boolean {
  if (a.dimension !== b.dimension) return false;
  return a.dimension === 'money' || a.dimension === 'count' ? a.unit === b.unit : true;
}

/**
 * Do two figures hold for the same time? Undated figures match any date. Two dates written in the text must be the
 * same day; a date in the text and a dateline match when the article appeared that day or the day after; two
 * datelines match within `days` (reports lag the events they count).
 */
export function sameTimeClaims(a: Claim, b: Claim, days: number): boolean {
  if (a.day === undefined || b.day === undefined) return true;
  if (a.written && b.written) return a.day === b.day;
  if (a.written) return b.day - a.day >= 0 && b.day - a.day <= 1;
  if (b.written) return a.day - b.day >= 0 && a.day - b.day <= 1;
  return Math.abs(a.day - b.day) <= days;
}

/** Two owners named and different ("Russian troops", "Ukrainian troops"): not the same quantity. */
export function ownersCompatibleClaims(a: Claim, b: Claim): boolean {
  return a.owner === undefined || b.owner === undefined || a.owner === b.owner;
}

/** `claimsConflict` for everything but the subjects: current and definite, disjoint, one unit and owner, one time. */
export function numbersConflict(a: Claim, b: Claim): boolean {
  return a.comparable && b.comparable && disjointClaims(a, b) && withinConflictRatio(a.base, b.base) && sameUnitClaims(a, b) &&
    ownersCompatibleClaims(a, b) && sameTimeClaims(a, b, DATELINE_SAME_TIME_DAYS);
}

/** Reports of one quantity disagree by a margin, not by an order of magnitude (see identity.ts). */
function withinConflictRatio(x: number, y: number): boolean {
  const a = Math.abs(x);
  const b = Math.abs(y);
  const lo = Math.min(a, b);
  return lo > 0 && Math.max(a, b) <= lo * CONFLICT_MAX_RATIO;
}

/** Flags of a packed claim. */
const COMPARABLE = 1;
const LO_INCLUSIVE = 2;
const HI_INCLUSIVE = 4;
const WRITTEN = 8;

/**
 * The claims of a list of cluster members in flat arrays (one typed array per fact), for scans that compare one
 * claim with hundreds: the arrays sit together in memory where the claim objects would be scattered.
 */
export class PackedClaims {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** The value as written, in the base unit. */
  readonly base: Float64Array;
  /** Day number, NaN when undated. */
  readonly day: Float64Array;
  readonly flags: Uint8Array;
  /** Interned unit and owner (-1: none). */
  readonly unit: Int32Array;
  readonly owner: Int32Array;
  private readonly units = new Map<string, number>();
  private readonly owners = new Map<string, number>();

  constructor(readonly claims: readonly Claim[]) {
    const n = claims.length;
    this.lo = new Float64Array(n);
    this.hi = new Float64Array(n);
    this.base = new Float64Array(n);
    this.day = new Float64Array(n);
    this.flags = new Uint8Array(n);
    this.unit = new Int32Array(n);
    this.owner = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = claims[i]!;
      this.lo[i] = c.lo;
      this.hi[i] = c.hi;
      this.base[i] = c.base;
      this.day[i] = c.day ?? NaN;
      this.flags[i] = (c.comparable ? COMPARABLE : 0) | (c.loInclusive ? LO_INCLUSIVE : 0) | (c.hiInclusive ? HI_INCLUSIVE : 0) | (c.written ? WRITTEN : 0);
      this.unit[i] = intern(this.units, c.unit);
      this.owner[i] = c.owner === undefined ? -1 : intern(this.owners, c.owner);
    }
  }

  /** A probe for `conflictsAt`: the claim with its unit and owner in this layout's numbering. */
  probe(a: Claim): ClaimProbe {
    return { claim: a, unit: this.units.get(a.unit) ?? -2, owner: a.owner === undefined ? -1 : this.owners.get(a.owner) ?? -2 };
  }

  /**
   * `claimsConflict(a, claims[i])` for everything but the subjects: the caller checks `sameSubject` for
   * dimensions other than counts, once the numbers disagree.
   */
  numbersConflictAt(p: ClaimProbe, i: number): boolean {
    const a = p.claim;
    const flags = this.flags[i]!;
    if (!a.comparable || !(flags & COMPARABLE)) return false;
    const lo = this.lo[i]!;
    const hi = this.hi[i]!;
    const disjoint = a.hi < lo || (a.hi === lo && !(a.hiInclusive && flags & LO_INCLUSIVE)) ||
      hi < a.lo || (hi === a.lo && !(flags & HI_INCLUSIVE && a.loInclusive));
    if (!disjoint || !withinConflictRatio(a.base, this.base[i]!)) return false;
    // One dimension per cluster; money and counts also need one unit.
    if ((a.dimension === 'money' || a.dimension === 'count') && this.unit[i] !== p.unit) return false;
    const owner = this.owner[i]!;
    if (p.owner !== -1 && owner !== -1 && owner !== p.owner) return false;
    const day = this.day[i]!;
    if (a.day === undefined || Number.isNaN(day)) return true;
    const written = (flags & WRITTEN) !== 0;
    if (a.written && written) return a.day === day;
    if (a.written) return day - a.day >= 0 && day - a.day <= 1;
    if (written) return a.day - day >= 0 && a.day - day <= 1;
    return Math.abs(a.day - day) <= DATELINE_SAME_TIME_DAYS;
  }
}


export interface ClaimProbe {
  claim: Claim;
  unit: number;
  owner: number;
}

function intern(map: Map<string, number>, key: string): number {
  let id = map.get(key);
  if (id === undefined) map.set(key, (id = map.size));
  return id;
}
