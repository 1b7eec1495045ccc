// Figures of an analysed article: the extractor fed with the article model's paragraphs (page furniture left out),
// sentences, dateline and resolved date mentions.
import type { AnalyzedArticle } from '../analysis';
import type { Span } from '../types';
import { entityIdentity } from '../entityIndex';
import { loadGazetteer } from '../knowledge/gazetteer';
import { extractFigures } from './extract';
import { storyTermsOf } from './evidence';
import type { DatedMention } from './figureDate';
import type { Figure } from './types';

/** What figure extraction reads of an analysed article (so it can run inside the analysis itself). */
export type FigureSourceArticle = Pick<AnalyzedArticle, 'text' | 'article' | 'dates' | 'dateline'> & Partial<Pick<AnalyzedArticle, 'entities'>>;

export function figuresOfArticle(analyzed: FigureSourceArticle): Figure[] {
  const { article } = analyzed;
  const regions: Array<Span & { heading?: boolean }> = [];
  const headline = article.header.headline;
  if (headline && headline.end <= (article.paragraphs[0]?.start ?? Infinity)) {
    regions.push({ start: headline.start, end: headline.end, heading: true });
  }
  for (const p of article.paragraphs) {
    if (p.boilerplate) continue;
    const region: Span & { heading?: boolean } = { start: p.start, end: p.end };
    if (p.heading) region.heading = true;
    regions.push(region);
  }
  const dateMentions: DatedMention[] = analyzed.dates.map((m) => {
    const dated: DatedMention = { start: m.start, end: m.end, text: m.text };
    if (m.resolved) dated.date = m.resolved.date;
    if (m.kind === 'weekday' || m.kind === 'relative') dated.relative = true;
    return dated;
  });
  const sentences = article.sentences.map((s) => ({ start: s.start, end: s.end }));
  if (headline && regions[0]?.heading && regions[0].start === headline.start) sentences.unshift({ start: headline.start, end: headline.end });
  const entities = (analyzed.entities ?? []).map((m) => ({ start: m.start, end: m.end, type: m.type, identity: entityIdentity(m), name: m.canonical, ...countryOf(m) }))
    .sort((a, b) => a.start - b.start);
  return extractFigures({
    text: analyzed.text,
    entities,
    regions,
    sentences,
    ...(analyzed.dateline ? { referenceDate: analyzed.dateline } : {}),
    dateMentions,
    countryOfDemonym,
  });
}

/** "Lebanese" → LB, from the gazetteer's demonyms (none when the gazetteer is not built). */
function countryOfDemonym(word: string): string | undefined {
  return loadGazetteer()?.countryOfDemonym(word)?.code;
}

/** The article's story terms (see evidence.ts): the names it mentions and its headline's content words. */
export function storyTermsOfArticle(analyzed: Pick<AnalyzedArticle, 'text' | 'article' | 'entities'>): Uint32Array {
  const headline = analyzed.article.header.headline;
  const words = headline ? analyzed.text.slice(headline.start, headline.end).split(/[^\p{L}\p{N}'’-]+/u) : [];
  return storyTermsOf(words, analyzed.entities.map(entityIdentity));
}

/**
 * The country of a place, for telling one place's figures from another's: a gazetteer place's own ("geo:LB:Beirut" is
 * in LB), else the gazetteer's first reading of its name (a knowledge-base place such as Ukraine).
 */
function countryOf(m: { type: string; entityKey?: string | undefined; canonical: string }): { country?: string } {
  const key = m.entityKey;
  let code = key?.startsWith('geo:') ? key.slice(4, 6) : undefined;
  if (!code && m.type === 'place') {
    let known = placeCountries.get(m.canonical);
    if (known === undefined) placeCountries.set(m.canonical, (known = loadGazetteer()?.lookup(m.canonical)[0]?.countryCode ?? null));
    code = known ?? undefined;
  }
  return code && /^[A-Z]{2}$/.test(code) ? { country: code } : {};
}

const placeCountries = new Map<string, string | null>();
