import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureCorpus, fixtureFolder, run, sampleCorpus } from '../../../test/fixtures/figures/fixtureCorpus';
import { conflictWithinArticle } from './conflictWithinArticle';

function single(text: string) {
  const corpus = fixtureCorpus();
  corpus.setFromDisk('file:///x/one.txt', text);
  return run(conflictWithinArticle, corpus, 'one.txt');
}

describe('conflict-within-article', () => {
  it('reports two death tolls for the same day in one article', () => {
    const [f, ...rest] = run(conflictWithinArticle, fixtureFolder('local'), 'flood-update.txt');
    assert.equal(rest.length, 0);
    assert.equal(f!.covered, 'Five');
    assert.match(f!.message, /police \(flood-update, 8 Jan\): Three/);
    assert.equal(f!.related!.length, 1);
  });

  it('reports business and sport figures that disagree', () => {
    assert.equal(single('date 2023-10-25\nAcme reported revenue of $7.4bn, the company said. Later it said Acme revenue was $5.2bn.').length, 1);
    assert.equal(single('date 2023-03-12\nA crowd of 52,000 watched United beat City, the club said. Police said 38,000 fans watched the match.').length, 1);
  });

  it('is silent when one value is framed as earlier, a change or a projection', () => {
    assert.deepEqual(run(conflictWithinArticle, fixtureFolder('local'), 'flood-followup.txt'), []);
    assert.deepEqual(single('date 2023-10-26\nAcme revenue rose to $7.4bn from $6.9bn a year earlier.'), []);
    assert.deepEqual(single('date 2023-10-26\nAcme revenue was $7.4bn. Acme expects revenue to reach $8bn next year.'), []);
    assert.deepEqual(single('date 2023-10-26\nAcme revenue was $7.4bn, up from a previous estimate of $7.1bn.'), []);
    assert.deepEqual(single('date 2024-01-09\nThree people died on Monday. By Tuesday five people had died.'), [], 'different days');
  });

  it('is silent on the sample corpus', () => {
    const corpus = sampleCorpus();
    for (const id of ['000', '001', '002', '003', '004']) assert.deepEqual(run(conflictWithinArticle, corpus, id), [], id);
  });
});
