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

test('a person or a place in capitals in running text is flagged', () => {
  const corpus = corpusOf({ 'a.txt': 'date 2021-03-01\nHeadline\n\nThe envoy MARTA KOWAL arrived on Monday. Flights to NEW ORLEANS resumed on Tuesday.' });
  assert.deepEqual(findingsOf(allCapsName, corpus, 'a.txt').map((f) => f.surface), ['MARTA KOWAL', 'NEW ORLEANS']);
});

test('acronyms and normal names are fine', () => {
  const corpus = corpusOf({ 'a.txt': 'NATO and the IMF met Dmytro Kuleba in Kyiv. He watched US TV and bought an HD DVD player from BSE CORP.' });
  assert.deepEqual(findingsOf(allCapsName, corpus, 'a.txt'), []);
});

test('headings, shouted labels and transcript speakers are not running text', () => {
  const corpus = corpusOf({
    'a.txt': 'MARTA KOWAL WINS THE VOTE\ndate 2021-03-01\n\nThe poster read "FIND MARTA KOWAL NOW" in red.\n\nNEW CHAPTER FOR NEW ORLEANS BEGINS\n\nMARTA KOWAL: We will rebuild the port.',
  });
  assert.deepEqual(findingsOf(allCapsName, corpus, 'a.txt'), []);
});
