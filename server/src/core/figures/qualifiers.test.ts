import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { disjoint, intervalFor, isPrecise, roundingUnit } from './qualifiers';

describe('qualifiers to intervals', () => {
  it('trusts a bare number to its last significant digit, at most ±5 %', () => {
    assert.equal(roundingUnit(0, 4, 1), 10000);
    assert.equal(roundingUnit(1, 0, 1e9), 1e8);
    assert.deepEqual(intervalFor({ value: 150000, qualifier: 'exact', unit: 10000 }), { min: 145000, max: 155000, minInclusive: true, maxInclusive: false });
    assert.deepEqual(intervalFor({ value: 100, qualifier: 'exact', unit: 100 }), { min: 95, max: 105, minInclusive: true, maxInclusive: false });
    assert.deepEqual(intervalFor({ value: 25, qualifier: 'exact', unit: 1, isPercent: true }), { min: 24.5, max: 25.5, minInclusive: true, maxInclusive: false });
  });

  it('maps each qualifier to its documented band', () => {
    assert.deepEqual(intervalFor({ value: 130000, qualifier: 'more-than', unit: 10000 }), { min: 130000, max: Infinity, minInclusive: false, maxInclusive: false });
    assert.deepEqual(intervalFor({ value: 4500, qualifier: 'approximately', unit: 100 }), { min: 4050, max: 4950, minInclusive: true, maxInclusive: true });
    assert.deepEqual(intervalFor({ value: 2000, qualifier: 'nearly', unit: 1000 }), { min: 1800, max: 2000, minInclusive: true, maxInclusive: false });
    assert.deepEqual(intervalFor({ value: 30, qualifier: 'less-than', unit: 10 }), { min: 0, max: 30, minInclusive: true, maxInclusive: false });
    assert.deepEqual(intervalFor({ value: 200, qualifier: 'at-most', unit: 100 }), { min: 0, max: 200, minInclusive: true, maxInclusive: true });
  });

  it('tells disjoint intervals and precise ones', () => {
    const a = { min: 145000, max: 155000, minInclusive: true, maxInclusive: false };
    assert.equal(disjoint(a, { min: 155000, max: 160000, minInclusive: true, maxInclusive: true }), true, 'half-open touch');
    assert.equal(disjoint(a, { min: 130000, max: Infinity, minInclusive: false, maxInclusive: false }), false);
    assert.equal(isPrecise(a), true);
    assert.equal(isPrecise({ min: 20000, max: 100000, minInclusive: true, maxInclusive: false }), false);
  });
});
