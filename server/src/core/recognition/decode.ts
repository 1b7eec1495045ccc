// From token features to labels and spans: emission scores, Viterbi per sequence, BILOU → spans.

import type { TokenFacts, TokenFeatureTable } from './features';
import { LABEL_COUNT, labelPart, labelType, OUTSIDE, Part, viterbi } from './labels';

if (LABEL_COUNT !== 13) throw new Error("emissionScores is unrolled for 13 labels");

/** Score given to labels other than O on tokens that are certainly outside names. */
const FORBIDDEN = -1e6;

export function emissionScores(table: TokenFeatureTable, weights: Int16Array | Float32Array, scale: number, tokenCount: number): Float32Array {
  const L = LABEL_COUNT;
  const scores = new Float32Array(tokenCount * L);
  const { offsets, ids, outside } = table;
  for (let i = 0; i < tokenCount; i++) {
    const row = i * L;
    if (outside[i]) {
      for (let l = 1; l < L; l++) scores[row + l] = FORBIDDEN;
      continue;
    }
    // Thirteen running sums in locals: the JIT keeps them in registers.
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0;
    const end = offsets[i + 1]!;
    for (let k = offsets[i]!; k < end; k++) {
      const b = ids[k]! * 13;
      s0 += weights[b]!; s1 += weights[b + 1]!; s2 += weights[b + 2]!; s3 += weights[b + 3]!;
      s4 += weights[b + 4]!; s5 += weights[b + 5]!; s6 += weights[b + 6]!; s7 += weights[b + 7]!;
      s8 += weights[b + 8]!; s9 += weights[b + 9]!; s10 += weights[b + 10]!; s11 += weights[b + 11]!; s12 += weights[b + 12]!;
    }
    scores[row] = s0 * scale; scores[row + 1] = s1 * scale; scores[row + 2] = s2 * scale; scores[row + 3] = s3 * scale;
    scores[row + 4] = s4 * scale; scores[row + 5] = s5 * scale; scores[row + 6] = s6 * scale; scores[row + 7] = s7 * scale;
    scores[row + 8] = s8 * scale; scores[row + 9] = s9 * scale; scores[row + 10] = s10 * scale; scores[row + 11] = s11 * scale;
    scores[row + 12] = s12 * scale;
  }
  return scores;
}

/** Decodes each sequence (line or sentence) separately; sequences with only outside tokens stay O. */
export function decodeLabels(scores: Float32Array, transitions: Float32Array, facts: TokenFacts, tokenCount: number, outside?: Uint8Array): Uint8Array {
  const labels = new Uint8Array(tokenCount);
  const scratch = { score: new Float64Array(64 * LABEL_COUNT), back: new Uint8Array(64 * LABEL_COUNT) };
  let from = 0;
  let candidates = 0;
  for (let i = 0; i <= tokenCount; i++) {
    if (i === tokenCount || (i > from && facts.sequence[i] !== facts.sequence[from])) {
      if (candidates > 0 || !outside) viterbi(scores, transitions, from, i, labels, scratch, outside);
      from = i;
      candidates = 0;
    }
    if (i < tokenCount && (!outside || !outside[i])) candidates++;
  }
  return labels;
}

export interface TokenSpan {
  /** First token. */
  first: number;
  /** One past the last token. */
  last: number;
  typeIndex: number;
}

export function labelsToSpans(labels: Uint8Array): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open = -1;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (label === OUTSIDE) { open = -1; continue; }
    const part = labelPart(label);
    if (part === Part.Unit) { spans.push({ first: i, last: i + 1, typeIndex: labelType(label) }); open = -1; }
    else if (part === Part.Begin) open = i;
    else if (part === Part.Last && open >= 0) { spans.push({ first: open, last: i + 1, typeIndex: labelType(label) }); open = -1; }
  }
  return spans;
}
