import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureFolder, run, sampleCorpus } from '../../../test/fixtures/figures/fixtureCorpus';
import { vagueQuantity } from './vagueQuantity';

describe('vague-quantity', () => {
  it('flags 004\'s "more than 100,000 soldiers" against the 150,000 of the same date, without calling it a conflict', () => {
    const findings = run(vagueQuantity, sampleCorpus(), '004');
    const bound = findings.find((f) => f.covered === 'more than 100,000');
    assert.ok(bound, JSON.stringify(findings.map((f) => f.covered)));
    assert.match(bound!.message, /Biden \(000, 16 Feb\): 150,000/);
    assert.ok(bound!.related!.some((r) => r.articleId.includes('000_')));
    assert.ok(findings.some((f) => f.covered === 'Thousands'));
  });

  it('does not repeat what the superseded-figure rule says, nor flag the precise figures', () => {
    const corpus = sampleCorpus();
    for (const id of ['000', '002', '003']) assert.deepEqual(run(vagueQuantity, corpus, id), [], id);
  });

  it('flags vague sport and business quantities when a precise figure exists', () => {
    const [roundup] = run(vagueQuantity, fixtureFolder('sport'), 'derby-roundup.txt');
    assert.equal(roundup!.covered, 'Thousands');
    assert.match(roundup!.message, /52,000/);
    const [blog] = run(vagueQuantity, fixtureFolder('business'), 'acme-results-blog.txt');
    assert.equal(blog!.covered, 'Thousands');
  });

  it('is silent without a precise figure of the same time', () => {
    assert.deepEqual(run(vagueQuantity, fixtureFolder('sport'), 'derby-preview.txt'), [], 'a week after the precise counts');
    const alone = fixtureFolder('sport');
    alone.removeFromDisk([...alone.articles()].find((a) => a.id.endsWith('derby-report.txt'))!.id);
    alone.removeFromDisk([...alone.articles()].find((a) => a.id.endsWith('derby-fanzine.txt'))!.id);
    assert.deepEqual(run(vagueQuantity, alone, 'derby-roundup.txt'), []);
  });
});
