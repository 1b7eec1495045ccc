// The figures of the sample corpus: values, intervals, subjects, sources, dates and framing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleEndingWith, sampleCorpus } from '../../../../test/fixtures/figures/fixtureCorpus';
import { figuresOf } from './corpusFigures';

const corpus = sampleCorpus();
const figures = (id: string) => figuresOf(articleEndingWith(corpus, id));
const summary = (id: string) => figures(id).map((f) => f.text);

describe('figures of the sample corpus', () => {
  it('finds exactly the quantities, and no dates, years, codes or page furniture', () => {
    assert.deepEqual(summary('000'), ['150,000', '150,000', '130,000']);
    assert.deepEqual(summary('001'), ['tens of thousands', 'over 150,000', 'roughly 130,000']);
    assert.deepEqual(summary('002'), ['less than 30 km', 'more than 130,000', '$ 1 billion']);
    assert.deepEqual(summary('003'), ['more than 130,000', '48-hour', 'about 4,500']);
    assert.deepEqual(summary('004'), ['Thousands', 'more than 100,000', 'one in four']);
  });

  it("reads 000: Biden's 150,000 Russian troops on the dateline, up from the US estimate of 130,000", () => {
    const [heading, current, previous] = figures('000');
    assert.equal(heading!.inHeading, true);
    assert.equal(current!.source?.name, 'Biden');
    assert.equal(current!.subject?.text, 'Russian troops');
    assert.equal(current!.unit, 'military personnel');
    assert.deepEqual(current!.date.date, { year: 2022, month: 2, day: 16 });
    assert.equal(previous!.framing, 'previous');
    assert.equal(previous!.replacedBy, 1);
    assert.equal(previous!.source?.name, 'US');
    assert.equal(previous!.quantityKey, current!.quantityKey);
  });

  it('reads 001: over 150,000 on Tuesday 15 February, said Biden', () => {
    const [, over, roughly] = figures('001');
    assert.equal(over!.source?.name, 'Biden');
    assert.deepEqual(over!.date.date, { year: 2022, month: 2, day: 15 });
    assert.equal(over!.date.basis, 'relative');
    assert.equal(over!.min, 150000);
    assert.equal(over!.max, Infinity);
    assert.equal(roughly!.framing, 'previous');
    assert.equal(roughly!.min, 117000);
  });

  it('reads 002: the US said more than 130,000 troops; loans of $ 1 billion', () => {
    const [km, troops, money] = figures('002');
    assert.equal(km!.unit, 'km');
    assert.equal(troops!.source?.name, 'the US');
    assert.equal(troops!.owner, 'russia');
    assert.equal(troops!.date.basis, 'unknown', '002 has no dateline');
    assert.equal(money!.unit, 'USD');
    assert.equal(money!.subject?.text, 'sovereignty loans to Ukraine');
    assert.equal(money!.source?.name, 'Blinken');
  });

  it('reads 003 and 004: the mayor, Chatham House, and 48 hours as a duration', () => {
    const [, hours, sites] = figures('003');
    assert.equal(hours!.dimension, 'duration');
    assert.equal(sites!.source?.name, 'the mayor');
    const [, soldiers, ratio] = figures('004');
    assert.equal(soldiers!.subject?.headClass, 'military personnel');
    assert.equal(ratio!.value, 0.25);
    assert.equal(ratio!.source?.name, 'Chatham House');
  });

  it('puts every troop count of the corpus in one cluster key', () => {
    const keys = new Set<string>();
    for (const id of ['000', '001', '002', '003', '004']) for (const f of figures(id)) if (f.unit === 'military personnel') keys.add(f.quantityKey);
    assert.deepEqual([...keys], ['count|military personnel']);
  });
});
