// Amounts restated in another currency or unit are conversions of the first, never claims of their own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFigures } from './extract';

const read = (text: string) => extractFigures(text).map((f) => [f.text, f.framing, f.writing.conversionOf]);

describe('conversions', () => {
  it('marks every restatement in brackets as a conversion of the first amount', () => {
    assert.deepEqual(read('Turnover slipped to 789m euros ($1.03bn; £548m) last year.'), [
      ['789m euros', 'current', undefined],
      ['$1.03bn', 'conversion', 0],
      ['£548m', 'conversion', 0],
    ]);
    assert.deepEqual(read('Net profit reached ISK 11,000 million (Euro 142 million).'), [
      ['ISK 11,000 million', 'current', undefined],
      ['Euro 142 million', 'conversion', 0],
    ]);
    assert.deepEqual(read('Each share closed at €6.53 ($8.06) in Dublin.'), [['€6.53', 'current', undefined], ['$8.06', 'conversion', 0]]);
    assert.deepEqual(read('Volunteers were paid 60 euros (about US$ 72) each.').map((f) => f[1]), ['current', 'conversion']);
    assert.deepEqual(read('A reward of 5,000 dinars (US$3,400) was posted.').map((f) => f[1]), ['current', 'conversion']);
  });

  it('marks measures in another unit, in brackets or after "or"', () => {
    assert.deepEqual(read('The missile flies 2,000 km (1,200 miles).').map((f) => f[1]), ['current', 'conversion']);
    assert.deepEqual(read('Its range is 2000 km or 1,240 miles.').map((f) => f[1]), ['current', 'conversion']);
    assert.deepEqual(read('The surge reached 18 to 23 feet (5.5 to 7 metres).').map((f) => f[1]), ['current', 'conversion']);
  });

  it('leaves amounts in brackets that are not restatements alone', () => {
    // another company's figure after its name
    assert.deepEqual(read('Its profit beat Easyjet ($74m) and British Airways ($240m).').map((f) => f[1]), ['current', 'current']);
    // the same currency, or a bracket that goes on with words
    assert.deepEqual(read('The fund holds $5m ($3m of it in cash).').map((f) => f[1]), ['current', 'current']);
    // an earlier value in brackets
    assert.deepEqual(read('Revenue was €4bn (up from €3bn).').map((f) => f[1]), ['current', 'previous']);
    // a share of a count is another quantity, not a conversion
    assert.deepEqual(read('She won 17,562 votes (42%).').map((f) => f[1]), ['current', 'current']);
  });
});
