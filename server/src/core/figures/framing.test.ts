// How a sentence frames a figure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFigures } from './extract';

const framings = (text: string) => extractFigures(text).map((f) => [f.text, f.framing, f.replacedBy]);

describe('figure framing', () => {
  it('marks the earlier value and what replaced it', () => {
    assert.deepEqual(framings('According to Biden, 150,000 Russian troops are near Ukraine, up from a previous US estimate of 130,000 troops.'), [
      ['150,000', 'current', undefined],
      ['130,000', 'previous', 0],
    ]);
    assert.deepEqual(framings('Biden said Russia had gathered over 150,000 troops, which was up from the prior estimate of roughly 130,000.'), [
      ['over 150,000', 'current', undefined],
      ['roughly 130,000', 'previous', 0],
    ]);
    assert.deepEqual(framings('The toll rose from three to five.'), [['three', 'previous', 1], ['five', 'current', undefined]]);
    assert.deepEqual(framings('Revenue was $7.4bn, compared with $6.9bn a year earlier.'), [['$7.4bn', 'current', undefined], ['$6.9bn', 'previous', 0]]);
  });

  it('gives an earlier value without a noun the subject of its replacement', () => {
    const figures = extractFigures('Biden said Russia had gathered over 150,000 troops near Ukraine, up from roughly 130,000.');
    assert.equal(figures[1]!.subject?.headClass, 'military personnel');
    assert.equal(figures[1]!.quantityKey, figures[0]!.quantityKey);
  });

  it('marks changes and projections', () => {
    assert.deepEqual(framings('Shares rose 5% and sales increased by $2bn.').map((f) => f[1]), ['change', 'change']);
    assert.deepEqual(framings('Acme expects revenue to reach $8bn.').map((f) => f[1]), ['projected']);
    assert.deepEqual(framings('A crowd of 61,000 is expected on Sunday.').map((f) => f[1]), ['projected']);
    assert.deepEqual(framings('Inflation rose to 7%.').map((f) => f[1]), ['current']);
  });

  it('reads "from … to" as a change even with words between, and its end as current', () => {
    assert.deepEqual(framings('The number fell from 36,185 in 2003 to 28,041 last year.'), [
      ['36,185', 'previous', 1],
      ['28,041', 'current', undefined],
    ]);
    assert.deepEqual(framings('The council cut the routes it serves from 52 to 12.'), [['52', 'previous', 1], ['12', 'current', undefined]]);
    // A range word before "from" makes an interval, read by the grammar as one figure.
    assert.deepEqual(framings('Fees ranging from 10 to 20 dollars apply.'), [['10 to 20 dollars', 'current', undefined]]);
  });

  it('reads a change before a phrase of time after it', () => {
    assert.deepEqual(framings('Sales were up £40m on last year.').map((f) => f[1]), ['change']);
    assert.deepEqual(framings('The number of members rose by 75 million last year to 925 million.').map((f) => f[1]), ['change', 'current']);
    assert.deepEqual(framings('The index closed at 10,363.02 points, an increase of 146.75.').map((f) => f[1]), ['current', 'change']);
    assert.deepEqual(framings('Profit was $5.1bn a year earlier.').map((f) => f[1]), ['previous']);
  });

  it('reads a loss as an amount, not a change', () => {
    assert.deepEqual(framings('The airline reported a loss of £39m.').map((f) => f[1]), ['current']);
    assert.deepEqual(framings('The closure means the loss of 625 jobs.').map((f) => f[1]), ['current']);
    assert.deepEqual(framings('Shares suffered a loss of 5%.').map((f) => f[1]), ['change']);
  });
});
