import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureCorpus, fixtureFolder, run, sampleCorpus } from '../../../test/fixtures/figures/fixtureCorpus';
import { malformedFigure } from './malformedFigure';
import { corpusOf, findingsOf } from './testing';

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

  it('flags one amount of an article written with two currencies', () => {
    const corpus = corpusOf({
      'fine.txt': 'Regulator fines bank\n2024-03-01\nThe bank must pay a fine of £3.9bn, the regulator said.\n\nLawyers called the fine of €3.9bn excessive.\n',
    });
    const [clash, ...rest] = findingsOf(malformedFigure, corpus, 'fine.txt');
    assert.equal(rest.length, 0);
    assert.equal(clash!.surface, '€3.9bn');
    assert.equal(clash!.severity, 'information');
    assert.equal((clash!.data as { problem: string }).problem, 'unit-clash');
    assert.equal(clash!.related?.length, 1);
  });

  it('does not call conversions, different amounts or other articles a unit clash', () => {
    const corpus = corpusOf({
      'fare.txt': 'Airline profits rise\n2024-03-01\nThe fare is €6.53 ($8.06), and the group earned €1.3bn ($1.6 billion; £0.9bn).\n\nThe old fare of €5 compares with a fare of $9 elsewhere.\n',
      'coin.txt': 'Mint shows a giant coin\n2024-03-01\nThe coin has a face value of CA$1 million, the mint said.\n\nCollectors say its face value of $1 million is symbolic.\n',
    });
    assert.deepEqual(findingsOf(malformedFigure, corpus, 'fare.txt'), []);
    assert.deepEqual(findingsOf(malformedFigure, corpus, 'coin.txt'), [], 'a bare "$" after "CA$" is the same dollar');
    const business = fixtureFolder('business');
    for (const name of ['acme-results-wire.txt', 'acme-results-blog.txt']) {
      assert.ok(!run(malformedFigure, business, name).some((f) => (f.data as { problem: string }).problem === 'unit-clash'), name);
    }
  });

  it('flags decimals only on counts of whole things that are not averages', () => {
    const corpus = corpusOf({
      'nurses.txt': 'Hospital hires staff\n2024-03-01\nThe ministry hired 2.600 nurses last year.\n',
      'fractions.txt': [
        'Markets and measures',
        '2024-03-01',
        'The index closed at 10,363.02 points after a 344.65-point fall.',
        '',
        'The yuan traded at 8.28 to the dollar, and the new engine is 2.6 times more efficient.',
        '',
        'Families here have an average of 2.4 children, and the star has 4.3 solar masses.',
        '',
        'Each household owns 1.5 cars per adult.',
      ].join('\n'),
    });
    const [nurses, ...rest] = findingsOf(malformedFigure, corpus, 'nurses.txt');
    assert.equal(rest.length, 0);
    assert.equal(nurses!.surface, '2.600');
    assert.equal((nurses!.data as { replacementText: string }).replacementText, '2,600');
    assert.deepEqual(findingsOf(malformedFigure, corpus, 'fractions.txt'), []);
  });

  it('flags a decimal comma among commas for thousands and a space after "US$"', () => {
    const corpus = corpusOf({
      'poll.txt': 'Runoff result\n2024-03-01\nShe won 53,9% of the vote while 3,163,096 people voted.\n\nThe state closed a US$ 24 billion gap and spent $ 8.9bn on aid.\n',
    });
    assert.deepEqual(findingsOf(malformedFigure, corpus, 'poll.txt').map((f) => [f.surface, (f.data as { problem: string }).problem]), [
      ['53,9', 'decimal-mark'],
      ['US$ 24 billion', 'space-after-currency'],
      ['$ 8.9bn', 'space-after-currency'],
    ]);
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
