// From a written value and its qualifier to the interval the text asserts.
//
// The bands (documented in docs/rules/conflicting-figure.md):
// - a bare number asserts its value to the precision it is written with: "150,000" is [145,000, 155,000), half a
//   unit of its last significant digit either side, at most ±5 % of the value ("3 people" is [2.5, 3.5));
//   percentages are rounded to their last digit, never more than ±0.5 point;
// - "about / around / roughly / approximately / some / an estimated / circa" widen that to ±10 %;
// - "nearly / almost / close to / just under" are [v − 10 %, v); "just over" is (v, v + 10 %];
// - "more than / over / above" are (v, ∞); "at least / no fewer than" [v, ∞);
//   "less than / fewer than / under / below" [0, v); "up to / at most / as many as / within" [0, v];
// - ranges "between 100 and 150", "100-150" are [100, 150].
import type { QualifierKind } from './types';

export const APPROXIMATE_TOLERANCE = 0.1;
export const NEARLY_TOLERANCE = 0.1;
export const ROUNDING_CAP = 0.05;

export interface Interval {
  min: number;
  max: number;
  minInclusive: boolean;
  maxInclusive: boolean;
}

/** Precision of a written number: the value of one unit in its last written digit, after scaling. */
export function roundingUnit(decimals: number, trailingZeros: number, scale: number): number {
  return (decimals > 0 ? Math.pow(10, -decimals) : Math.pow(10, trailingZeros)) * scale;
}

/** Precision of a value written in words ("one hundred and fifty thousand"): its trailing zeros. */
export function roundingUnitOfValue(value: number): number {
  if (!Number.isFinite(value) || value <= 0 || !Number.isInteger(value)) return 1;
  let unit = 1;
  while (value % (unit * 10) === 0 && unit < 1e15) unit *= 10;
  return unit;
}

export interface IntervalInput {
  value: number;
  qualifier: QualifierKind;
  /** One unit of the last written digit, in the figure's unit. */
  unit: number;
  /** Percentages round to their last digit, never more than half a point. */
  isPercent?: boolean;
  /** Upper end of a range. */
  upper?: number;
  /** Given by the vague words themselves. */
  band?: { min: number; max: number; maxInclusive: boolean };
}

/** The half-width a bare number is trusted to. */
export function roundingHalfWidth(value: number, unit: number, isPercent = false): number {
  if (isPercent) return Math.min(unit, 1) / 2;
  return Math.min(unit / 2, Math.abs(value) * ROUNDING_CAP);
}

export function intervalFor(input: IntervalInput): Interval {
  const { value, qualifier } = input;
  const half = roundingHalfWidth(value, input.unit, input.isPercent);
  const floor = (x: number) => (value >= 0 ? Math.max(0, x) : x);
  switch (qualifier) {
    case 'more-than':
      return { min: value, max: Infinity, minInclusive: false, maxInclusive: false };
    case 'at-least':
      return { min: value, max: Infinity, minInclusive: true, maxInclusive: false };
    case 'less-than':
      return { min: floor(Math.min(0, value)), max: value, minInclusive: true, maxInclusive: false };
    case 'at-most':
      return { min: floor(Math.min(0, value)), max: value, minInclusive: true, maxInclusive: true };
    case 'approximately': {
      const width = Math.max(half, Math.abs(value) * APPROXIMATE_TOLERANCE);
      return { min: floor(value - width), max: value + width, minInclusive: true, maxInclusive: true };
    }
    case 'nearly':
      return { min: floor(value - Math.abs(value) * NEARLY_TOLERANCE), max: value, minInclusive: true, maxInclusive: false };
    case 'just-over':
      return { min: value, max: value + Math.abs(value) * NEARLY_TOLERANCE, minInclusive: false, maxInclusive: true };
    case 'range':
      return { min: value, max: input.upper ?? value, minInclusive: true, maxInclusive: true };
    case 'vague': {
      const band = input.band ?? { min: value, max: value, maxInclusive: true };
      return { min: band.min, max: band.max, minInclusive: true, maxInclusive: band.maxInclusive };
    }
    case 'exact':
    default:
      if (half === 0) return { min: value, max: value, minInclusive: true, maxInclusive: true };
      return { min: floor(value - half), max: value + half, minInclusive: true, maxInclusive: false };
  }
}

/** True when two intervals share no point. */
export function disjoint(a: Interval, b: Interval): boolean {
  return below(a, b) || below(b, a);
}

/** a lies entirely below b. */
function below(a: Interval, b: Interval): boolean {
  if (a.max < b.min) return true;
  if (a.max > b.min) return false;
  return !(a.maxInclusive && b.minInclusive);
}

/** True when the interval is bounded and narrow enough to count as a precise figure (±12.5 % around its middle). */
export function isPrecise(i: Interval): boolean {
  if (!Number.isFinite(i.max) || !Number.isFinite(i.min)) return false;
  const mid = (i.min + i.max) / 2;
  if (mid === 0) return i.max - i.min === 0;
  return (i.max - i.min) / Math.abs(mid) <= 0.25;
}

/** Scales an interval to a dimension's base unit. */
export function scaleInterval(i: Interval, factor: number): Interval {
  if (factor === 1) return i;
  return { min: i.min * factor, max: i.max * factor, minInclusive: i.minInclusive, maxInclusive: i.maxInclusive };
}
