import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ambiguousPlace } from './ambiguousPlace';
import { corpusOf, findingsOf } from './testing';

test('Georgia with nothing around it to decide is flagged', () => {
  const corpus = corpusOf({ 'a.txt': 'Heavy rain fell across Georgia overnight.' });
  const [finding] = findingsOf(ambiguousPlace, corpus, 'a.txt');
  assert.equal(finding?.surface, 'Georgia');
  assert.ok((finding?.data?.readings as unknown[]).length >= 2);
});

test('context decides: a NATO sentence means the country, Atlanta means the state', () => {
  const corpus = corpusOf({
    'a.txt': 'Russia insisted that Ukraine and Georgia be banned from joining NATO.',
    'b.txt': 'Storms hit Atlanta and much of Georgia, the governor said.',
    'c.txt': 'Officials in Paris and Kyiv met.',
  });
  for (const name of ['a.txt', 'b.txt', 'c.txt']) assert.deepEqual(findingsOf(ambiguousPlace, corpus, name), [], name);
});
