import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scalingExponent } from '../bench/scaling';

describe('bench scaling exponent', () => {
  it('is 1 for time proportional to size and 2 for quadratic time', () => {
    const sizes = [1_000, 10_000, 100_000];
    assert.ok(Math.abs(scalingExponent(sizes.map((n) => ({ articles: n, indexSeconds: n / 700 })))! - 1) < 1e-9);
    assert.ok(Math.abs(scalingExponent(sizes.map((n) => ({ articles: n, indexSeconds: (n / 1000) ** 2 })))! - 2) < 1e-9);
  });

  it('ignores sizes that failed and needs two measured sizes', () => {
    assert.equal(scalingExponent([{ articles: 1_000, indexSeconds: 2 }, { articles: 10_000, indexSeconds: null }]), null);
    const withFailure = scalingExponent([{ articles: 1_000, indexSeconds: 1 }, { articles: 10_000, indexSeconds: 10 }, { articles: 100_000, indexSeconds: null }]);
    assert.ok(Math.abs(withFailure! - 1) < 1e-9);
  });
});
