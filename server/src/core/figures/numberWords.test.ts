import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWordNumber } from './numberWords';
import { scanTokens } from './scanner';

const read = (text: string) => {
  const tokens = scanTokens(text);
  const n = parseWordNumber(tokens, 0);
  return n && { value: n.value, words: text.slice(0, tokens[n.last]!.end), band: n.band };
};

describe('number words', () => {
  it('reads compound numbers', () => {
    assert.deepEqual(read('one hundred and fifty thousand troops'), { value: 150000, words: 'one hundred and fifty thousand', band: undefined });
    assert.equal(read('twenty-five minutes')!.value, 25);
    assert.equal(read('twenty five minutes')!.value, 25);
    assert.equal(read('three million people')!.value, 3e6);
    assert.equal(read('a thousand cuts')!.value, 1000);
    assert.equal(read('half a million people')!.value, 500000);
    assert.equal(read('two dozen eggs')!.value, 24);
  });

  it('reads vague quantities as bands', () => {
    assert.deepEqual(read('tens of thousands of troops')!.band, { min: 20000, max: 100000, maxInclusive: false });
    assert.deepEqual(read('hundreds of thousands of people')!.band, { min: 200000, max: 1e6, maxInclusive: false });
    assert.deepEqual(read('dozens of people')!.band, { min: 24, max: 100, maxInclusive: false });
    assert.deepEqual(read('a few thousand fans')!.band, { min: 2000, max: 6000, maxInclusive: false });
  });

  it('refuses what is not a number', () => {
    assert.equal(read('one of them'), undefined);
    assert.equal(read('a few people'), undefined);
    assert.equal(read('tens of people'), undefined);
    assert.equal(read('and fifty'), undefined);
  });
});
