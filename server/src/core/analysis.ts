// Everything the core knows about one article, computed once per text version.
import { stripAnnotations, type StrippedText } from './annotations';
import { parseArticle, releaseTokens, type Article } from './article';
import { ArticlePositions } from './positions';
import { findDateMentions, resolveDateMention, type DateMention, type ResolvedDate } from './dates';
import { findEntityMentions, recognizeModelMentions, type EntityMentionInText } from './entities';
import { figuresOfArticle, storyTermsOfArticle, type Figure } from './figures';
import { addGazetteerEntries, type EntityMention, type EntityType } from './recognition';
import { loadGazetteer } from './knowledge/gazetteer';
import { KnowledgeBase } from './knowledge/knowledgeBase';
import type { CalendarDate } from './types';

export interface DateInText extends DateMention {
  resolved?: ResolvedDate;
}

export interface AnalyzedArticle {
  /** The article's URI (file:///…), its identity everywhere. */
  id: string;
  /** The text as the editor or the file holds it, annotations included. */
  documentText: string;
  /** The clean text (annotations stripped): every span of the analysis is an offset into it. */
  text: string;
  /** Clean offsets ↔ document positions. */
  positions: ArticlePositions;
  /** The inline annotations: the annotator's decisions, authoritative over recognition. */
  annotations: StrippedText;
  article: Article;
  /** The article's own date, from its dateline. */
  dateline?: CalendarDate;
  /** Year used for dates written without one when there is no dateline, from full dates in the text. */
  yearHint?: number;
  dates: DateInText[];
  /** People, places and organizations, linked to the knowledge base where possible. */
  entities: EntityMentionInText[];
  /** The recognizer's raw output, kept so knowledge-base edits relink without recognizing again. */
  modelMentions: EntityMention[];
  /** Figures: values with their interval, unit, subject, source, date and framing. */
  figures: Figure[];
  /** What the article's story is, for telling one story's figures from another's (see figures/evidence.ts). */
  storyTerms: Uint32Array;
}

/** What analysis needs besides the text; shared by every article of a corpus. */
export interface AnalysisEnvironment {
  knowledgeBase: KnowledgeBase;
}

let defaultEnvironment: AnalysisEnvironment | undefined;

/** Places of at least this many people are in the recognizer's gazetteer (smaller ones only link). */
const LEXICON_POPULATION_FLOOR = 100_000;

export function defaultAnalysisEnvironment(): AnalysisEnvironment {
  if (!defaultEnvironment) {
    defaultEnvironment = { knowledgeBase: new KnowledgeBase() };
    feedRecognizerLexicon(defaultEnvironment.knowledgeBase);
  }
  return defaultEnvironment;
}

/** The knowledge base's names and the gazetteer's major places become recognizer features (they inform, not force). */
export function feedRecognizerLexicon(kb: KnowledgeBase): void {
  const entries: Array<{ name: string; type: EntityType }> = [];
  for (const e of kb.entries()) for (const name of [e.name, ...e.aliases, ...e.variants]) if (/^\p{Lu}/u.test(name)) entries.push({ name, type: e.type });
  const gazetteer = loadGazetteer();
  if (gazetteer) for (const name of gazetteer.majorPlaceNames(LEXICON_POPULATION_FLOOR)) entries.push({ name, type: 'place' });
  addGazetteerEntries(entries);
}

export function analyzeArticle(id: string, documentText: string, environment: AnalysisEnvironment = defaultAnalysisEnvironment()): AnalyzedArticle {
  const annotations = stripAnnotations(documentText);
  const text = annotations.clean;
  const article = parseArticle(text);
  const dateline = article.header.dateline?.date;
  const mentions: DateInText[] = [];
  for (const paragraph of article.paragraphs) {
    if (paragraph.boilerplate && paragraph.boilerplate !== 'caption') continue;
    for (const m of findDateMentions(text, paragraph)) mentions.push(m);
  }
  const yearHint = dateline?.year ?? commonYear(mentions);
  const reference = dateline;
  for (const m of mentions) {
    let resolved = resolveDateMention(m, reference);
    if (!resolved && !reference && yearHint && m.explicit && m.explicit.year === undefined) {
      resolved = resolveDateMention({ ...m, explicit: { ...m.explicit, year: yearHint } }, undefined);
      if (resolved) resolved = { ...resolved, explanation: `no dateline; year ${yearHint} taken from other dates in the article` };
    }
    if (resolved) m.resolved = resolved;
  }
  const modelMentions = recognizeModelMentions(article);
  const entities = findEntityMentions(article, environment.knowledgeBase, modelMentions, annotations.annotations);
  const positions = new ArticlePositions(documentText, annotations.map);
  const analyzed: AnalyzedArticle = { id, documentText, text, positions, annotations, article, dates: mentions, entities, modelMentions, figures: [], storyTerms: new Uint32Array(0) };
  if (dateline) analyzed.dateline = dateline;
  if (yearHint) analyzed.yearHint = yearHint;
  analyzed.figures = figuresOfArticle(analyzed);
  analyzed.storyTerms = storyTermsOfArticle(analyzed);
  releaseTokens(article);
  return analyzed;
}

function commonYear(mentions: DateMention[]): number | undefined {
  const counts = new Map<number, number>();
  for (const m of mentions) {
    const y = m.explicit?.year;
    if (y !== undefined) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [year, n] of counts) if (best === undefined || n > counts.get(best)!) best = year;
  return best;
}

/** The same article with its entities linked again against a changed knowledge base. */
export function relinkEntities(analyzed: AnalyzedArticle, environment: AnalysisEnvironment): AnalyzedArticle {
  const entities = findEntityMentions(analyzed.article, environment.knowledgeBase, analyzed.modelMentions, analyzed.annotations.annotations);
  return { ...analyzed, entities, storyTerms: storyTermsOfArticle({ ...analyzed, entities }) };
}
