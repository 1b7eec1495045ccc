// Helpers for rule tests: a corpus from literal texts, and a rule's findings on one of its articles.
import { CorpusIndex } from '../core/corpusIndex';
import type { Finding, Rule } from './types';

export function corpusOf(articles: Record<string, string>): CorpusIndex {
  const corpus = new CorpusIndex();
  for (const [name, text] of Object.entries(articles)) corpus.setFromDisk(`file:///corpus/${name}`, text);
  return corpus;
}

export function findingsOf(rule: Rule, corpus: CorpusIndex, name: string): Array<Finding & { surface: string }> {
  const article = corpus.get(`file:///corpus/${name}`);
  if (!article) throw new Error(`no article ${name}`);
  return rule.check({ article, corpus }).map((f) => ({ ...f, surface: article.text.slice(f.start, f.end) }));
}
