// The corpus figure index as the corpus index keeps it: add/remove per analysed version, affected articles.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../corpusIndex';
import { conflictingFigure } from '../../rules/conflictingFigure';
import { articleLabel, FigureCorpus, figureCorpusOf } from './corpusFigures';

function wiredCorpus() {
  const index = new CorpusIndex();
  const figures = new FigureCorpus();
  index.addIndexer(figures);
  return { index: Object.assign(index, { figures }), figures };
}

describe('figure corpus', () => {
  it('labels articles for messages', () => {
    assert.equal(articleLabel('file:///home/x/corpus/001_978851898b15b31b.txt'), '001');
    assert.equal(articleLabel('file:///home/x/corpus/acme%20results.txt'), 'acme results');
  });

  it('follows the corpus index as an indexer and reports the articles an edit affects', () => {
    const { index, figures } = wiredCorpus();
    index.setFromDisk('file:///c/a.txt', 'date 2022-02-15\nRussia has gathered 150,000 troops near Ukraine, Biden said.');
    index.setFromDisk('file:///c/b.txt', 'date 2022-02-15\nRussia has gathered 100,000 troops near Ukraine, officials said.');
    index.setFromDisk('file:///c/c.txt', 'date 2022-02-15\nAcme reported revenue of $7.4bn, the company said.');
    figures.takeAffected();
    assert.equal(figureCorpusOf(index), figures, 'the wired index is used as is');
    assert.equal(conflictingFigure.check({ article: index.get('file:///c/a.txt')!, corpus: index }).length, 1);

    index.setFromEditor('file:///c/b.txt', 'date 2022-02-15\nRussia has gathered 150,000 troops near Ukraine, officials said.', 2);
    assert.deepEqual([...figures.takeAffected()].sort(), ['file:///c/a.txt', 'file:///c/b.txt']);
    assert.equal(conflictingFigure.check({ article: index.get('file:///c/a.txt')!, corpus: index }).length, 0);

    index.removeFromDisk('file:///c/c.txt');
    assert.deepEqual([...figures.takeAffected()], ['file:///c/c.txt'], 'no other article shares its quantity');
    assert.equal(figures.size, 2);
  });

  it('builds an index on demand for a corpus view that has none', () => {
    const index = new CorpusIndex();
    index.setFromDisk('file:///c/a.txt', 'date 2022-02-15\nRussia has gathered 150,000 troops near Ukraine, Biden said.');
    index.setFromDisk('file:///c/b.txt', 'date 2022-02-15\nRussia has gathered 100,000 troops near Ukraine, officials said.');
    const [finding] = conflictingFigure.check({ article: index.get('file:///c/b.txt')!, corpus: index });
    assert.match(finding!.message, /Biden \(a, 15 Feb\): 150,000/);
  });
});
