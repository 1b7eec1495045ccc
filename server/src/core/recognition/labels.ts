// BILOU labels over the three entity types, and the Viterbi decoder that respects their grammar.

import type { EntityType } from './types';

export const LABEL_TYPES: readonly EntityType[] = ['person', 'place', 'organization'];
/** O, then B, I, L, U for each type. */
export const LABEL_COUNT = 1 + 4 * LABEL_TYPES.length;
export const OUTSIDE = 0;
export const enum Part { Begin = 0, Inside = 1, Last = 2, Unit = 3 }

export function labelOf(typeIndex: number, part: Part): number {
  return 1 + typeIndex * 4 + part;
}
export function labelType(label: number): number {
  return label === OUTSIDE ? -1 : (label - 1) >> 2;
}
export function labelPart(label: number): Part {
  return ((label - 1) & 3) as Part;
}

/** Whether `next` may follow `prev` (prev = -1 for the start of a sequence). */
export function transitionAllowed(prev: number, next: number): boolean {
  const prevOpen = prev > 0 && (labelPart(prev) === Part.Begin || labelPart(prev) === Part.Inside);
  if (prevOpen) {
    return next !== OUTSIDE && labelType(next) === labelType(prev) && (labelPart(next) === Part.Inside || labelPart(next) === Part.Last);
  }
  return next === OUTSIDE || labelPart(next) === Part.Begin || labelPart(next) === Part.Unit;
}

export function endAllowed(label: number): boolean {
  return label === OUTSIDE || labelPart(label) === Part.Last || labelPart(label) === Part.Unit;
}

const ALLOWED: Uint8Array = (() => {
  const table = new Uint8Array((LABEL_COUNT + 1) * LABEL_COUNT);
  for (let prev = -1; prev < LABEL_COUNT; prev++) {
    for (let next = 0; next < LABEL_COUNT; next++) table[(prev + 1) * LABEL_COUNT + next] = transitionAllowed(prev, next) ? 1 : 0;
  }
  return table;
})();

/** For each label, the labels that may precede it inside a sequence. */
const PREDECESSORS: Uint8Array[] = Array.from({ length: LABEL_COUNT }, (_, next) => {
  const list: number[] = [];
  for (let prev = 0; prev < LABEL_COUNT; prev++) if (ALLOWED[(prev + 1) * LABEL_COUNT + next]) list.push(prev);
  return Uint8Array.from(list);
});

/**
 * Best label sequence for tokens [from, to) given emission scores (token-major, LABEL_COUNT per token) and
 * transition scores ((LABEL_COUNT + 1) rows: row 0 is the start of a sequence). Writes into `out`.
 */
export function viterbi(
  emissions: Float32Array,
  transitions: Float32Array,
  from: number,
  to: number,
  out: Uint8Array,
  scratch: { score: Float64Array; back: Uint8Array },
  outside?: Uint8Array,
): void {
  const L = LABEL_COUNT;
  const len = to - from;
  if (len <= 0) return;
  if (scratch.score.length < len * L) {
    scratch.score = new Float64Array(len * L * 2);
    scratch.back = new Uint8Array(len * L * 2);
  }
  const score = scratch.score;
  const back = scratch.back;
  for (let l = 0; l < L; l++) {
    score[l] = ALLOWED[l] ? transitions[l]! + emissions[from * L + l]! : -Infinity;
  }
  for (let t = 1; t < len; t++) {
    const row = t * L;
    const prevRow = row - L;
    const em = (from + t) * L;
    // A token certainly outside names can only be O (its other labels score -1e6): one label to score, not thirteen.
    if (outside !== undefined && outside[from + t]) {
      let best = -Infinity;
      let arg = 0;
      const preds = PREDECESSORS[OUTSIDE]!;
      for (let q = 0; q < preds.length; q++) {
        const p = preds[q]!;
        const s = score[prevRow + p]! + transitions[(p + 1) * L + OUTSIDE]!;
        if (s > best) { best = s; arg = p; }
      }
      for (let l = 1; l < L; l++) { score[row + l] = -Infinity; back[row + l] = 0; }
      score[row + OUTSIDE] = best + emissions[em + OUTSIDE]!;
      back[row + OUTSIDE] = arg;
      continue;
    }
    for (let l = 0; l < L; l++) {
      let best = -Infinity;
      let arg = 0;
      const preds = PREDECESSORS[l]!;
      for (let q = 0; q < preds.length; q++) {
        const p = preds[q]!;
        const s = score[prevRow + p]! + transitions[(p + 1) * L + l]!;
        if (s > best) { best = s; arg = p; }
      }
      score[row + l] = best + emissions[em + l]!;
      back[row + l] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const lastRow = (len - 1) * L;
  for (let l = 0; l < L; l++) {
    if (!endAllowed(l)) continue;
    if (score[lastRow + l]! > best) { best = score[lastRow + l]!; arg = l; }
  }
  for (let t = len - 1; t >= 0; t--) {
    out[from + t] = arg;
    arg = back[t * L + arg]!;
  }
}
