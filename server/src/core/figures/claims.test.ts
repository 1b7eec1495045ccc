// Comparing figures as claims, and the records the CLI and hovers show.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleEndingWith, sampleCorpus } from '../../../../test/fixtures/figures/fixtureCorpus';
import { conflicting, describeClaim, figureRecord, sameQuantityRows, sameTime } from './claims';
import { figureCorpusOf } from './corpusFigures';
import { extractFigures } from './extract';

const at = (text: string, day: number) => extractFigures({ text, referenceDate: { year: 2022, month: 2, day } })[0]!;

describe('claims', () => {
  it('decides "the same time" by where dates come from', () => {
    const written15 = at('On Tuesday officials counted 130,000 troops.', 16);
    const dateline16 = at('Officials counted 150,000 troops.', 16);
    const dateline18 = at('Officials counted 150,000 troops.', 18);
    const dateline19 = at('Officials counted 150,000 troops.', 19);
    const written14 = at('On Monday officials counted 130,000 troops.', 16);
    assert.equal(sameTime(written15, dateline16), true, 'reported the day after');
    assert.equal(sameTime(written14, dateline16), false);
    assert.equal(sameTime(written15, written14), false, 'two written dates must agree');
    assert.equal(sameTime(dateline16, dateline18), true, 'datelines within 2 days');
    assert.equal(sameTime(dateline16, dateline19), false);
    assert.equal(sameTime(dateline16, extractFigures('Officials counted 150,000 troops.')[0]!), true, 'undated');
  });

  it('compares intervals, units and owners', () => {
    const a = at('Russia has 150,000 troops.', 16);
    assert.equal(conflicting(a, at('Russia has over 150,000 troops.', 16)), false);
    assert.equal(conflicting(a, at('Russia has 149,000 troops.', 16)), false, 'rounding bands overlap');
    assert.equal(conflicting(a, at('Russia has 130,000 troops.', 16)), true);
    assert.equal(conflicting(a, at('Ukraine has 130,000 troops.', 16)), false, 'another owner');
    assert.equal(conflicting(a, at('Russia has tens of thousands of troops.', 16)), false, 'vague');
    assert.equal(conflicting(at('It cost $5bn.', 16), at('It cost €7bn.', 16)), false, 'currencies do not compare');
    assert.equal(conflicting(at('It is 30 km away.', 16), at('It is 19 miles away.', 16)), false, 'km and miles convert');
    assert.equal(describeClaim('001', at('Biden on Tuesday said Russia had gathered over 150,000 troops.', 15)), 'Biden (001, 15 Feb): over 150,000');
  });

  it('gives the CLI record and the hover table', () => {
    const corpus = sampleCorpus();
    const article = articleEndingWith(corpus, '002');
    const view = figureCorpusOf(corpus);
    const figures = view.article(article.id)!.figures;
    const index = figures.findIndex((f) => f.text === 'more than 130,000');
    assert.deepEqual(figureRecord(article.id, figures[index]!), {
      start: figures[index]!.start, end: figures[index]!.end, text: 'more than 130,000', min: 130000, max: null,
      unit: 'military personnel', subject: 'troops near the border with Ukraine', source: 'the US', date: null,
      cluster: 'count|military personnel',
    });
    const rows = sameQuantityRows(view, article.id, index);
    assert.deepEqual(rows.map((r) => `${r.date ?? 'undated'} ${r.label} ${r.source ?? '-'} ${r.figure.text}`), [
      '2022-02-15 001 - tens of thousands',
      '2022-02-15 001 Biden over 150,000',
      '2022-02-15 001 Biden roughly 130,000',
      '2022-02-16 000 - 150,000',
      '2022-02-16 000 Biden 150,000',
      '2022-02-16 000 US 130,000',
      'undated 002 the US more than 130,000',
      'undated 003 - more than 130,000',
      'undated 004 - Thousands',
      'undated 004 - more than 100,000',
    ]);
  });
});
