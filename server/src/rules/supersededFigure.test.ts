import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureFolder, run, sampleCorpus } from '../../../test/fixtures/figures/fixtureCorpus';
import { supersededFigure } from './supersededFigure';

describe('superseded-figure', () => {
  it('reports the troop count of 002 and 003 with related information into 000 and 001', () => {
    const corpus = sampleCorpus();
    for (const id of ['002', '003']) {
      const findings = run(supersededFigure, corpus, id);
      assert.equal(findings.length, 1, id);
      const [f] = findings;
      assert.equal(f!.covered, 'more than 130,000');
      assert.match(f!.message, /Biden \(001, 15 Feb\): over 150,000/);
      assert.match(f!.message, /Biden \(000, 16 Feb\): 150,000/);
      const targets = new Set(f!.related!.map((r) => r.articleId.split('/').pop()!.slice(0, 3)));
      assert.deepEqual([...targets].sort(), ['000', '001']);
      const data = f!.data as { replacementText: string; figure: { min: number; max: number | null; minInclusive: boolean } };
      assert.equal(data.figure.min, 130000);
      assert.equal(data.figure.max, null);
      assert.equal(data.figure.minInclusive, false);
      assert.ok(['150,000', 'over 150,000'].includes(data.replacementText));
    }
  });

  it('leaves the articles that report the update alone', () => {
    const corpus = sampleCorpus();
    for (const id of ['000', '001', '004']) assert.deepEqual(run(supersededFigure, corpus, id), [], id);
  });

  it('reports a business count cited after its update, not one cited before', () => {
    const corpus = fixtureFolder('business');
    const [stale, ...rest] = run(supersededFigure, corpus, 'acme-customers-stale.txt');
    assert.equal(rest.length, 0);
    assert.equal(stale!.covered, '2.9 million');
    assert.match(stale!.message, /3\.2 million, up from 2\.9 million/);
    assert.deepEqual(run(supersededFigure, corpus, 'acme-customers-early.txt'), [], 'written before the update');
    assert.deepEqual(run(supersededFigure, corpus, 'acme-customers-update.txt'), []);
  });

  it('does not call a dated earlier value superseded', () => {
    assert.deepEqual(run(supersededFigure, fixtureFolder('local'), 'flood-update.txt'), [], '"three on Monday" was true on Monday');
  });
});
