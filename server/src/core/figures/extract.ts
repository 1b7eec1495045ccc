// Figure extraction: the grammar, then the readers of subject, source, framing and date, per figure.
// Never throws: a failure inside returns no figures rather than breaking the article's analysis.
import { AttributionReader } from './attribution';
import { buildTokenContext } from './context';
import { figureDateOf, findDatedMentions, type DatedMention } from './figureDate';
import { readFramings } from './framing';
import { scanFigureCores, type FigureCore } from './grammar';
import { scanTokens, splitSentenceSpans, type FigToken } from './scanner';
import { headClassOf, readSubject } from './subject';
import type { Span } from '../types';
import type { Figure, FigureTextInput } from './types';

export function extractFigures(input: FigureTextInput | string): Figure[] {
  const normalized: FigureTextInput = typeof input === 'string' ? { text: input } : input;
  try {
    return extractUnchecked(normalized);
  } catch {
    return [];
  }
}

function extractUnchecked(input: FigureTextInput): Figure[] {
  const { text } = input;
  const regions = input.regions ?? [{ start: 0, end: text.length }];
  const tokens: FigToken[] = [];
  const headingTokenRanges: Span[] = [];
  for (const region of regions) {
    const from = tokens.length;
    for (const t of scanTokens(text, region.start, region.end)) tokens.push(t);
    if (region.heading && tokens.length > from) headingTokenRanges.push({ start: from, end: tokens.length });
  }
  if (tokens.length === 0) return [];
  const sentences = input.sentences ?? splitSentenceSpans(tokens);
  const ctx = buildTokenContext(text, tokens, sentences);
  const cores = scanFigureCores(text, tokens);
  if (cores.length === 0) return [];

  const mentions: DatedMention[] = input.dateMentions ?? findDatedMentions(text, regions, input.referenceDate);
  const attribution = new AttributionReader(ctx);
  const framings = readFramings(ctx, cores);
  const figures: Figure[] = [];
  let heading = 0;
  for (let n = 0; n < cores.length; n++) {
    const core = cores[n]!;
    const reading = readSubject(ctx, core);
    const start = tokens[core.first]!.start;
    const end = tokens[core.last]!.end;
    const sentence = ctx.sentenceOf[core.first]!;
    const sentenceSpan = { start: tokens[ctx.sentenceFirst[sentence]!]!.start, end: tokens[ctx.sentenceEnd[sentence]! - 1]!.end };
    // Every figure has the same object shape (optional fields present, undefined): comparisons across the corpus
    // read them for every pair, and one shape keeps those reads fast.
    const figure: Figure = {
      start,
      end,
      text: text.slice(start, end),
      kind: core.kind,
      dimension: core.dimension,
      unit: core.unit,
      unitScale: core.unitScale,
      value: core.value,
      min: core.min,
      max: core.max,
      minInclusive: core.minInclusive,
      maxInclusive: core.maxInclusive,
      qualifier: core.qualifier,
      date: figureDateOf(mentions, sentenceSpan, { start, end }, input.referenceDate, text),
      framing: framings[n]!.framing,
      scope: reading.scope,
      quantityKey: '',
      writing: core.writing,
      qualifierText: core.qualifierText || undefined,
      subject: reading.subject,
      owner: reading.owner || undefined,
      source: attribution.sourceFor(core),
      replacedBy: framings[n]!.replacedBy,
      inHeading: undefined,
    };
    while (heading < headingTokenRanges.length && headingTokenRanges[heading]!.end <= core.first) heading++;
    if (heading < headingTokenRanges.length && headingTokenRanges[heading]!.start <= core.first) figure.inHeading = true;
    figures.push(figure);
  }
  // An earlier value without its own noun counts what its replacement counts: "…150,000 troops, up from 130,000".
  for (const figure of figures) {
    if (figure.replacedBy === undefined) continue;
    const target = figures[figure.replacedBy]!;
    if (target.subject && (!figure.subject || figure.subject.headClass === target.subject.headClass)) {
      if (!figure.subject) figure.subject = { ...target.subject };
      if (!figure.owner && target.owner) figure.owner = target.owner;
      figure.scope = mergeScope(figure.scope, target.scope);
    }
  }
  for (const figure of figures) finishUnitAndKey(figure);
  return figures;
}

function mergeScope(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

/** Counts take their unit from what they count; every figure gets the key of its quantity bucket. */
function finishUnitAndKey(figure: Figure): void {
  const headClass = figure.subject?.headClass ?? '';
  if (figure.dimension === 'count') figure.unit = headClass || 'count';
  figure.quantityKey = quantityKeyOf(figure.dimension, headClass, figure.subject?.event);
}

/** "count|military personnel", "count|people/deaths", "money|loans". */
export function quantityKeyOf(dimension: string, headClass: string, event?: string): string {
  return event ? `${dimension}|${headClass}/${event}` : `${dimension}|${headClass}`;
}

export { headClassOf };
export type { FigureCore };
