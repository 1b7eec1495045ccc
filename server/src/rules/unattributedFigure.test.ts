import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureCorpus, fixtureFolder, run, sampleCorpus } from '../../../test/fixtures/figures/fixtureCorpus';
import { unattributedFigure } from './unattributedFigure';

function single(text: string) {
  const corpus = fixtureCorpus();
  corpus.setFromDisk('file:///x/one.txt', text);
  return run(unattributedFigure, corpus, 'one.txt');
}

describe('unattributed-figure', () => {
  it('hints at precise sport figures with no source', () => {
    const findings = run(unattributedFigure, fixtureFolder('sport'), 'derby-report.txt');
    assert.deepEqual(findings.map((f) => f.covered), ['25', '74,310']);
    assert.equal(unattributedFigure.defaultSeverity, 'hint');
  });

  it('hints at a precise business figure with no source', () => {
    const [f] = single('Acme posted revenue of $7.4bn in the quarter.');
    assert.equal(f!.covered, '$7.4bn');
  });

  it('accepts a source in the sentence, after it, or in the sentence before', () => {
    assert.deepEqual(single('Acme posted revenue of $7.4bn, the company said.'), []);
    assert.deepEqual(single('According to Reuters, Acme posted revenue of $7.4bn.'), []);
    assert.deepEqual(single('Officials said on Monday that the city was ready. There are 4,500 shelters in the city.'), []);
  });

  it('accepts the source of the next sentence when it opens with it, or when the figure is quoted there', () => {
    assert.deepEqual(single('The ferry carries 37,000 passengers a week. According to Jones, the route pays for itself.'), []);
    assert.deepEqual(single('"There are 450 families in the shelters. We need help," the mayor said.'), []);
    assert.equal(single('The ferry carries 37,000 passengers a week. The route pays for itself, Jones said.').length, 1,
      'a source later in the paragraph that does not open its sentence is not the figure\'s');
  });

  it('ignores vague, bounded, small, headline and non-current figures', () => {
    assert.deepEqual(single('Thousands of fans came.'), []);
    assert.deepEqual(single('More than 50,000 fans came.'), []);
    assert.deepEqual(single('Two players were injured.'), []);
    assert.deepEqual(single('Shares rose 5% on Monday.'), [], 'a change');
    assert.deepEqual(run(unattributedFigure, sampleCorpus(), '000'), [], 'the crosshead "150,000 Russian troops…" is a heading');
  });
});
