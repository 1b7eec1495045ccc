import assert from 'node:assert/strict';
import { test } from 'node:test';
import { garbledReference } from './garbledReference';
import { corpusOf, findingsOf } from './testing';

test('a truncated organization name inside a title is flagged with the full name', () => {
  const corpus = corpusOf({ 'a.txt': 'Meanwhile Nat Secretary General Jens Stoltenberg said there were no signs of de-escalation.' });
  const [finding] = findingsOf(garbledReference, corpus, 'a.txt');
  assert.equal(finding?.surface, 'Nat');
  assert.equal(finding?.data?.replacement, 'NATO');
  assert.equal(finding?.data?.correctedTitle, 'NATO Secretary General');
});

test('the right name, or a person without such a role, is not flagged', () => {
  const corpus = corpusOf({ 'a.txt': 'NATO Secretary General Jens Stoltenberg spoke. German Chancellor Olaf Scholz listened.' });
  assert.deepEqual(findingsOf(garbledReference, corpus, 'a.txt'), []);
});
