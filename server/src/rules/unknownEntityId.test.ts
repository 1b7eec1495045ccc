import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpusOf, findingsOf } from './testing';
import { unknownEntityId } from './unknownEntityId';

test('an id in no knowledge base is an error, with the id of the entry the surface names', () => {
  const text = 'date 2022-02-16\n[[Vladimir Putin|person id=Q1]] and [[Hank Scorpio|person id=Q99999999]].\n';
  const [putin, scorpio] = findingsOf(unknownEntityId, corpusOf({ 'a.txt': text }), 'a.txt');
  assert.equal(text.slice(putin!.start, putin!.end), 'Q1');
  assert.deepEqual((putin!.data as { suggestion: { id: string } }).suggestion.id, 'Q7747');
  assert.equal(text.slice(scorpio!.start, scorpio!.end), 'Q99999999');
  assert.equal((scorpio!.data as { suggestion?: unknown }).suggestion, undefined);
});

test('known ids, and annotations without an id, are fine', () => {
  const text = 'date 2022-02-16\n[[Putin|person id=Q7747]] met [[Kharkov|place ref=Kharkiv]].\n';
  assert.deepEqual(findingsOf(unknownEntityId, corpusOf({ 'a.txt': text }), 'a.txt'), []);
});
