import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spellingVariant } from './spellingVariant';
import { corpusOf, findingsOf } from './testing';

test('flags transliterations the knowledge base normalizes', () => {
  const corpus = corpusOf({ 'a.txt': 'date 2022-02-16\nThe embassy may move to Kharkov or Odessa, officials in Kiev said.' });
  const findings = findingsOf(spellingVariant, corpus, 'a.txt');
  assert.deepEqual(findings.map((f) => [f.surface, f.data?.canonical, f.data?.replacement]), [['Kharkov', 'Kharkiv', 'Kharkiv'], ['Odessa', 'Odesa', 'Odesa'], ['Kiev', 'Kyiv', 'Kyiv']]);
});

test('canonical names, short forms and aliases are not variants', () => {
  const corpus = corpusOf({ 'a.txt': 'date 2022-02-16\nVladimir Putin met officials in Kyiv and Kharkiv. Putin said the US and America agree.' });
  assert.deepEqual(findingsOf(spellingVariant, corpus, 'a.txt'), []);
});

test("the corpus's own spelling decides: the one most articles write is the style", () => {
  const corpus = corpusOf({
    'a.txt': 'date 2008-04-01\nThe talks were chaired by Sergei Lavrov in a hotel.',
    'b.txt': 'date 2008-04-03\nReporters waited for Sergei Lavrov at the airport.',
    'c.txt': 'date 2008-04-05\nSergey Lavrov flew home on the fifth.',
  });
  assert.deepEqual(findingsOf(spellingVariant, corpus, 'a.txt'), []);
  assert.deepEqual(findingsOf(spellingVariant, corpus, 'b.txt'), []);
  const [finding] = findingsOf(spellingVariant, corpus, 'c.txt');
  assert.equal(finding?.surface, 'Sergey Lavrov');
  assert.equal(finding?.data?.replacement, 'Sergei Lavrov');
  assert.match(finding?.message ?? '', /"Sergei" in 2 articles and "Sergey" in 1 article/);
});

test('a corpus that writes one spelling throughout has no variants, even the one the knowledge base calls so', () => {
  const corpus = corpusOf({
    'a.txt': 'date 2020-05-01\nVolodymyr Zelensky spoke to the farmers.',
    'b.txt': 'date 2020-05-02\nZelensky answered questions from the press.',
  });
  assert.deepEqual(findingsOf(spellingVariant, corpus, 'a.txt'), []);
  assert.deepEqual(findingsOf(spellingVariant, corpus, 'b.txt'), []);
});

test("the article's date: the older spelling was usual before the change, the newer one after it", () => {
  const corpus = corpusOf({
    'a.txt': 'date 2006-07-01\nThe delegation landed in Kiev on Saturday.',
    'b.txt': 'date 2022-07-01\nThe delegation landed in Kyiv on Saturday.',
    'c.txt': 'date 2023-01-10\nA new bridge opened in Odessa.',
  });
  assert.deepEqual(findingsOf(spellingVariant, corpus, 'a.txt'), [], 'Kiev was the usual English spelling in 2006');
  assert.deepEqual(findingsOf(spellingVariant, corpus, 'b.txt'), []);
  assert.equal(findingsOf(spellingVariant, corpus, 'c.txt')[0]?.data?.replacement, 'Odesa');
  // Before the change, the newer spelling is no mistake either, unless the corpus clearly writes the older one.
  const early = corpusOf({ 'a.txt': 'date 2005-02-01\nTrains to Kharkiv were cancelled.' });
  assert.deepEqual(findingsOf(spellingVariant, early, 'a.txt'), []);
  const olderStyle = corpusOf({
    'a.txt': 'date 2005-02-01\nParliament met in Kiev on Tuesday.',
    'b.txt': 'date 2005-02-03\nSnow closed the roads around Kiev.',
    'c.txt': 'date 2005-02-04\nThe mayor of Kyiv opened a new metro station.',
  });
  assert.equal(findingsOf(spellingVariant, olderStyle, 'c.txt')[0]?.data?.replacement, 'Kiev');
});

test('against the spelling usual on the date, the corpus needs a clear majority to make its own style', () => {
  const two = corpusOf({
    'a.txt': 'date 2022-05-01\nShips left Odessa at dawn.',
    'b.txt': 'date 2022-05-02\nThe port of Odessa reopened.',
  });
  assert.equal(findingsOf(spellingVariant, two, 'a.txt').length, 1, 'two articles do not outweigh the date');
  const house = corpusOf({
    'a.txt': 'date 2022-05-01\nShips left Odessa at dawn.',
    'b.txt': 'date 2022-05-02\nThe port of Odessa reopened.',
    'c.txt': 'date 2022-05-03\nGrain reached Odessa by rail.',
    'd.txt': 'date 2022-05-04\nA convoy arrived in Odesa.',
  });
  assert.deepEqual(findingsOf(spellingVariant, house, 'a.txt'), [], 'three articles make the house style');
  assert.deepEqual(findingsOf(spellingVariant, house, 'd.txt'), [], 'the spelling usual on its date is no mistake');
});

test('names in a list of short lines (links, sources) are titles, not prose', () => {
  const corpus = corpusOf({
    'a.txt': 'date 2022-03-01\nHeadline\n\nThe first paragraph tells the story in a long enough sentence to be prose for anyone.\n\nLinks\n\nNews from Kiev today\n\nPhotos of the harbour\n\nThe last paragraph closes the story with another sentence that is long enough to be prose.',
  });
  assert.deepEqual(findingsOf(spellingVariant, corpus, 'a.txt'), []);
});

test('an article changing the corpus majority re-checks the articles of that name', () => {
  const corpus = corpusOf({
    'a.txt': 'date 2008-04-01\nThe talks were chaired by Sergei Lavrov in a hotel.',
    'b.txt': 'date 2008-04-03\nSergey Lavrov flew home on the third.',
  });
  corpus.takeAffected();
  assert.deepEqual(findingsOf(spellingVariant, corpus, 'b.txt'), [], 'one article each: the knowledge base name stands');
  corpus.setFromDisk('file:///corpus/c.txt', 'date 2008-04-05\nReporters waited for Sergei Lavrov at the airport.');
  const affected = corpus.takeAffected();
  assert.ok(affected.has('file:///corpus/b.txt'));
  assert.equal(findingsOf(spellingVariant, corpus, 'b.txt')[0]?.data?.replacement, 'Sergei Lavrov');
});
