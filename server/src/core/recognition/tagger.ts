// The statistical part of recognition: tokens → features → scores → Viterbi labels → token spans.

import { decodeLabels, emissionScores, labelsToSpans, type TokenSpan } from './decode';
import { computeTokenFacts, extractFeatures, type TokenFacts } from './features';
import type { Lexicon } from './lexicon';
import { tokenize, type RecognitionTokens } from './tokenize';

export interface TaggerWeights {
  hashBits: number;
  lexicon: Lexicon;
  weights: Int16Array | Float32Array;
  weightScale: number;
  transitionScores: Float32Array;
}

export interface TaggedText {
  tokens: RecognitionTokens;
  facts: TokenFacts;
  scores: Float32Array;
  labels: Uint8Array;
  spans: TokenSpan[];
}

export function tagText(text: string, model: TaggerWeights): TaggedText {
  const tokens = tokenize(text);
  const facts = computeTokenFacts(tokens);
  const table = extractFeatures(tokens, facts, model.lexicon, { hashBits: model.hashBits });
  const scores = emissionScores(table, model.weights, model.weightScale, tokens.count);
  const labels = decodeLabels(scores, model.transitionScores, facts, tokens.count, table.outside);
  return { tokens, facts, scores, labels, spans: labelsToSpans(labels) };
}
