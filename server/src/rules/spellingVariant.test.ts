import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spellingVariant } from './spellingVariant';
import { corpusOf, findingsOf } from './testing';

test('flags transliterations the knowledge base normalizes', () => {
  const corpus = corpusOf({ 'a.txt': 'date 2022-02-16\nThe embassy may move to Kharkov or Odessa, officials in Kiev said.' });
  const findings = findingsOf(spellingVariant, corpus, 'a.txt');
  assert.deepEqual(findings.map((f) => [f.surface, f.data?.canonical]), [['Kharkov', 'Kharkiv'], ['Odessa', 'Odesa'], ['Kiev', 'Kyiv']]);
});

test('canonical names, short forms and aliases are not variants', () => {
  const corpus = corpusOf({ 'a.txt': 'date 2022-02-16\nVladimir Putin met officials in Kyiv and Kharkiv. Putin said the US and America agree.' });
  assert.deepEqual(findingsOf(spellingVariant, corpus, 'a.txt'), []);
});
