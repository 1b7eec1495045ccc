// Where each value of a figure series goes on the chart, with no DOM and no chart library: x is the day (a slot
// per date, undated values in a slot of their own after the last date), values of one day spread side by side;
// y spans every finite bound, and an open bound runs to the edge of the plot (drawn there as an arrow).
import type { FigureSeries, FigureSeriesPoint } from '../../server/src/shared/protocol';

export type PlotRole = 'low' | 'value' | 'high';

/** One drawn point: an end of an interval or the stated value. */
export interface PlotPoint {
  x: number;
  y: number;
  /** Index of the value in `series.points`. */
  point: number;
  role: PlotRole;
  /** An open bound drawn at the edge of the plot. */
  open: boolean;
}

/** The values of one article: a series of the chart. `plot` holds each value's points, then null (a break). */
export interface ArticleTrack {
  label: string;
  headline: string | null;
  points: number[];
  plot: Array<PlotPoint | null>;
}

export interface ChartModel {
  tracks: ArticleTrack[];
  /** The x of each date slot and its label ("2022-02-15", "undated"). */
  ticks: Array<{ x: number; label: string }>;
  xMin: number;
  xMax: number;
  /** The least extent of the y axis (the chart may round it outwards to a tick). */
  yMin: number;
  yMax: number;
  /** Where open bounds end (their arrows), inside [yMin, yMax]. */
  arrowLow: number;
  arrowHigh: number;
  logarithmic: boolean;
}

export const UNDATED_LABEL = 'undated';
const DAY_MS = 86_400_000;
/** Values of one slot share this fraction of the distance to the nearest other slot. */
const SLOT_SPREAD = 0.7;
/** Finite values further apart than this factor are drawn on a logarithmic axis. */
const LOG_RATIO = 1000;

function dayOf(iso: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  return Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS);
}

export function chartModel(series: FigureSeries): ChartModel {
  const points = series.points;
  // Slots: the distinct days, then the undated values.
  const days = new Map<number, string>();
  for (const p of points) {
    const day = p.date ? dayOf(p.date) : undefined;
    if (day !== undefined && !days.has(day)) days.set(day, p.date!);
  }
  const sortedDays = [...days.keys()].sort((a, b) => a - b);
  const first = sortedDays[0] ?? 0;
  const span = sortedDays.length ? sortedDays[sortedDays.length - 1]! - first : 0;
  const undatedX = sortedDays.length ? span + Math.max(1, Math.round(span * 0.15)) : 0;
  const slotOf = (p: FigureSeriesPoint) => {
    const day = p.date ? dayOf(p.date) : undefined;
    return day === undefined ? undatedX : day - first;
  };
  const ticks = sortedDays.map((d) => ({ x: d - first, label: days.get(d)! }));
  if (points.some((p) => !p.date || dayOf(p.date) === undefined)) ticks.push({ x: undatedX, label: UNDATED_LABEL });
  let gap = Infinity;
  for (let i = 1; i < ticks.length; i++) gap = Math.min(gap, ticks[i]!.x - ticks[i - 1]!.x);
  const width = SLOT_SPREAD * (Number.isFinite(gap) ? gap : 1);

  // y: every finite bound and value; an axis from 0 for non-negative values unless they span orders of magnitude.
  const finite: number[] = [];
  for (const p of points) {
    finite.push(p.value);
    if (p.min !== null) finite.push(p.min);
    if (p.max !== null) finite.push(p.max);
  }
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const logarithmic = lo > 0 && hi / lo > LOG_RATIO;
  const anyOpenHigh = points.some((p) => p.max === null);
  const anyOpenLow = points.some((p) => p.min === null);
  // An open bound runs to an arrow a little inside the axis, so the arrow head is not cut off at the edge.
  let yMin: number;
  let yMax: number;
  let arrowLow: number;
  let arrowHigh: number;
  if (logarithmic) {
    arrowLow = lo / 2.5;
    arrowHigh = hi * 2.5;
    yMin = lo / (anyOpenLow ? 4 : 1.5);
    yMax = hi * (anyOpenHigh ? 4 : 1.5);
  } else {
    const range = hi - lo || Math.abs(hi) || 1;
    arrowLow = lo - range * 0.12;
    arrowHigh = hi + range * 0.12;
    yMin = lo >= 0 && !anyOpenLow ? 0 : (anyOpenLow ? arrowLow : lo) - range * 0.06;
    yMax = (anyOpenHigh ? arrowHigh : hi) + range * 0.06;
  }

  // Values of a slot side by side, in series order (by article, then position).
  const bySlot = new Map<number, number[]>();
  points.forEach((p, i) => {
    const slot = slotOf(p);
    const list = bySlot.get(slot);
    if (list) list.push(i);
    else bySlot.set(slot, [i]);
  });
  const xOf = new Map<number, number>();
  for (const [slot, list] of bySlot) {
    list.forEach((i, k) => xOf.set(i, list.length === 1 ? slot : slot - width / 2 + (width * k) / (list.length - 1)));
  }

  const tracks: ArticleTrack[] = [];
  const trackOf = new Map<string, ArticleTrack>();
  points.forEach((p, i) => {
    let track = trackOf.get(p.uri);
    if (!track) {
      track = { label: p.label, headline: p.headline, points: [], plot: [] };
      trackOf.set(p.uri, track);
      tracks.push(track);
    }
    track.points.push(i);
    const x = xOf.get(i)!;
    const low = p.min ?? arrowLow;
    const high = p.max ?? arrowHigh;
    // A bound equal to the value ("more than 130,000" starts at it) is drawn by the value's marker.
    if (low !== p.value || p.min === null) track.plot.push({ x, y: low, point: i, role: 'low', open: p.min === null });
    track.plot.push({ x, y: p.value, point: i, role: 'value', open: false });
    if (high !== p.value || p.max === null) track.plot.push({ x, y: high, point: i, role: 'high', open: p.max === null });
    track.plot.push(null);
  });
  tracks.sort((a, b) => a.label.localeCompare(b.label));
  const lastX = ticks.length ? ticks[ticks.length - 1]!.x : 0;
  const pad = Math.max(width, 0.5);
  return { tracks, ticks, xMin: (ticks[0]?.x ?? 0) - pad, xMax: lastX + pad, yMin, yMax, arrowLow, arrowHigh, logarithmic };
}

/** "(130,000, ∞)", "[145,000, 155,000]" or "150,000": the interval a value asserts. */
export function intervalText(p: FigureSeriesPoint): string {
  if (p.min !== null && p.max !== null && p.min === p.max) return formatNumber(p.min);
  const low = p.min === null ? '−∞' : formatNumber(p.min);
  const high = p.max === null ? '∞' : formatNumber(p.max);
  return `${p.min !== null && p.minInclusive ? '[' : '('}${low}, ${high}${p.max !== null && p.maxInclusive ? ']' : ')'}`;
}

export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** What the chart says about a value besides its number: earlier, superseded, the annotator's decision. */
export function valueMarks(p: FigureSeriesPoint): string[] {
  const marks: string[] = [];
  if (p.earlier) marks.push('earlier value');
  if (p.superseded) marks.push('called earlier elsewhere');
  if (p.status) marks.push(`annotated: ${p.status}`);
  return marks;
}
