import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDigits } from './digits';

describe('digits', () => {
  it('reads separators', () => {
    assert.deepEqual(parseDigits('150,000'), { value: 150000, decimals: 0, trailingZeros: 4, thousandsSeparator: ',' });
    assert.equal(parseDigits('67.7')!.value, 67.7);
    assert.equal(parseDigits('1,234.5')!.value, 1234.5);
    assert.equal(parseDigits('1.234,5')!.value, 1234.5);
    assert.equal(parseDigits('1.234.567')!.thousandsSeparator, '.');
    assert.equal(parseDigits('150\u00a0000')!.value, 150000);
  });

  it('reports problems and codes', () => {
    assert.match(parseDigits('1,50,000')!.problem!, /three/);
    assert.match(parseDigits('1,234.567,8')!.problem!, /inconsistent/);
    assert.equal(parseDigits('3.5.2')!.code, true);
    assert.equal(parseDigits('007')!.code, true);
    assert.equal(parseDigits('1'.repeat(40)), undefined);
  });
});
