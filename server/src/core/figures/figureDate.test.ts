// When a figure holds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFigures } from './extract';

const reference = { year: 2022, month: 2, day: 16 };
const dateOf = (text: string) => extractFigures({ text, referenceDate: reference })[0]!.date;

describe('figure date', () => {
  it('resolves a weekday in the sentence against the dateline', () => {
    const d = dateOf('Biden on Tuesday said Russia had gathered over 150,000 troops.');
    assert.deepEqual(d.date, { year: 2022, month: 2, day: 15 });
    assert.equal(d.basis, 'relative');
    assert.equal(d.mention?.text, 'Tuesday');
  });

  it('takes an explicit date in the sentence', () => {
    const d = dateOf('On February 14, 2022, officials counted 130,000 troops.');
    assert.deepEqual(d.date, { year: 2022, month: 2, day: 14 });
    assert.equal(d.basis, 'explicit');
  });

  it('falls back on the dateline, and is unknown without one', () => {
    const d = dateOf('Officials counted 130,000 troops.');
    assert.deepEqual(d.date, reference);
    assert.equal(d.basis, 'dateline');
    assert.equal(d.dayNumber, Date.UTC(2022, 1, 16) / 86_400_000);
    assert.deepEqual(extractFigures('Officials counted 130,000 troops.')[0]!.date, { date: undefined, dayNumber: undefined, basis: 'unknown', mention: undefined });
  });

  it('does not take a date from another clause after the figure', () => {
    const figures = extractFigures({ text: 'The toll rose to five, up from three on Monday.', referenceDate: reference });
    assert.equal(figures[0]!.date.basis, 'dateline');
    assert.deepEqual(figures[1]!.date.date, { year: 2022, month: 2, day: 14 });
  });
});
