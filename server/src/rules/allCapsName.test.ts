import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allCapsName } from './allCapsName';
import { corpusOf, findingsOf } from './testing';

test('flags a name in capitals and offers the canonical spelling', () => {
  const corpus = corpusOf({ 'a.txt': 'Ukrainian Foreign Minister DMYTRO KULEBA is also skeptical.' });
  const [finding, ...rest] = findingsOf(allCapsName, corpus, 'a.txt');
  assert.equal(rest.length, 0);
  assert.equal(finding!.surface, 'DMYTRO KULEBA');
  assert.equal(finding!.data?.replacement, 'Dmytro Kuleba');
});

test('acronyms and normal names are fine', () => {
  const corpus = corpusOf({ 'a.txt': 'NATO and the IMF met Dmytro Kuleba in Kyiv.' });
  assert.deepEqual(findingsOf(allCapsName, corpus, 'a.txt'), []);
});
