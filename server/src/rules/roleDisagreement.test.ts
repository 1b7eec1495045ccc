import assert from 'node:assert/strict';
import { test } from 'node:test';
import { roleDisagreement } from './roleDisagreement';
import { corpusOf, findingsOf } from './testing';

test('different offices for one person in the same week are flagged on each side', () => {
  const corpus = corpusOf({
    'a.txt': 'date 2022-02-15\nUkrainian Foreign Minister Dmytro Kuleba said talks would go on.',
    'b.txt': 'date 2022-02-16\nUkrainian Defence Minister Dmytro Kuleba said talks would go on.',
  });
  const [finding] = findingsOf(roleDisagreement, corpus, 'a.txt');
  assert.equal(finding?.surface, 'Ukrainian Foreign Minister');
  assert.equal(finding?.related?.[0]?.articleId, 'file:///corpus/b.txt');
  assert.equal(findingsOf(roleDisagreement, corpus, 'b.txt').length, 1);
});

test('word order, nationality and truncation do not make a different office, nor do distant dates', () => {
  const corpus = corpusOf({
    'a.txt': 'date 2022-02-15\nUS Secretary of State Antony Blinken spoke.',
    'b.txt': 'date 2022-02-15\nState Secretary Antony Blinken spoke.',
    'c.txt': 'date 2022-02-15\nNATO Secretary General Jens Stoltenberg spoke.',
    'd.txt': 'date 2022-02-15\nNat Secretary General Jens Stoltenberg spoke.',
    'e.txt': 'date 2016-01-01\nUkrainian Ambassador Dmytro Kuleba spoke.',
    'f.txt': 'date 2022-02-15\nUkrainian Foreign Minister Dmytro Kuleba spoke.',
  });
  for (const name of ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt']) assert.deepEqual(findingsOf(roleDisagreement, corpus, name), [], name);
});
