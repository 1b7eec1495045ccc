import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureCorpus, fixtureFolder, run, sampleCorpus } from '../../../test/fixtures/figures/fixtureCorpus';
import { malformedFigure } from './malformedFigure';

describe('malformed-figure', () => {
  it('flags "$ 1 billion" in 002 with the edit that fixes it', () => {
    const [f, ...rest] = run(malformedFigure, sampleCorpus(), '002');
    assert.equal(rest.length, 0);
    assert.equal(f!.covered, '$ 1 billion');
    const data = f!.data as { problem: string; replacementText: string; edit: { start: number; end: number; newText: string } };
    assert.equal(data.problem, 'space-after-currency');
    assert.equal(data.replacementText, '$1 billion');
    assert.equal(data.edit.end - data.edit.start, 1);
  });

  it('flags broken digit groups, a decimal comma, and a count with decimals', () => {
    const findings = run(malformedFigure, fixtureFolder('writing'), 'budget-typos.txt');
    assert.deepEqual(findings.map((f) => [f.covered, (f.data as { problem: string }).problem]), [
      ['$ 5 million', 'space-after-currency'],
      ['1,50,000', 'separators'],
      ['7,4', 'decimal-mark'],
      ['3.400', 'fractional-count'],
    ]);
  });

  it('flags a unit clash between articles (pounds and euros for one takeover)', () => {
    const corpus = fixtureFolder('business');
    const [wire] = run(malformedFigure, corpus, 'acme-results-wire.txt');
    const [blog] = run(malformedFigure, corpus, 'acme-results-blog.txt');
    assert.equal(wire!.covered, '£3.9bn');
    assert.equal(blog!.covered, '4.5bn euros');
    assert.equal(wire!.severity, 'information');
    assert.ok(wire!.related!.some((r) => r.articleId.endsWith('acme-results-blog.txt')));
  });

  it('accepts well-written figures, European grouping used throughout, and other articles of the corpus', () => {
    assert.deepEqual(run(malformedFigure, fixtureFolder('writing'), 'budget-clean.txt'), []);
    const corpus = fixtureCorpus();
    corpus.setFromDisk('file:///x/eu.txt', 'Attendance was 1.234.567 people, up from 1.100.000.');
    assert.deepEqual(run(malformedFigure, corpus, 'eu.txt'), []);
    const sample = sampleCorpus();
    for (const id of ['000', '001', '003', '004']) assert.deepEqual(run(malformedFigure, sample, id), [], id);
    assert.deepEqual(run(malformedFigure, fixtureFolder('sport'), 'derby-report.txt'), []);
  });
});
