import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ambiguousPlace } from './ambiguousPlace';
import { corpusOf, findingsOf } from './testing';

const flagged = (text: string) => {
  const corpus = corpusOf({ 'a.txt': text });
  return findingsOf(ambiguousPlace, corpus, 'a.txt').map((f) => f.surface);
};

test('Georgia with nothing around it to decide is flagged', () => {
  const corpus = corpusOf({ 'a.txt': 'Heavy rain fell across Georgia overnight.' });
  const [finding] = findingsOf(ambiguousPlace, corpus, 'a.txt');
  assert.equal(finding?.surface, 'Georgia');
  assert.ok((finding?.data?.readings as unknown[]).length >= 2);
  assert.deepEqual(flagged('Heavy rain fell across Valencia overnight.'), ['Valencia']);
});

test('context decides: a NATO sentence means the country, Atlanta means the state', () => {
  const corpus = corpusOf({
    'a.txt': 'Russia insisted that Ukraine and Georgia be banned from joining NATO.',
    'b.txt': 'Storms hit Atlanta and much of Georgia, the governor said.',
    'c.txt': 'Officials in Paris and Kyiv met.',
  });
  for (const name of ['a.txt', 'b.txt', 'c.txt']) assert.deepEqual(findingsOf(ambiguousPlace, corpus, name), [], name);
});

test('the sentence decides: a city before the name, a country after it, places of its kind beside it', () => {
  assert.deepEqual(flagged('The conference opened in Dalton, Georgia, on a wet morning.'), []);
  assert.deepEqual(flagged('The band played two nights in Valencia, Spain, before flying home.'), []);
  assert.deepEqual(flagged('Snow closed schools in Ohio, Texas and Georgia this week.'), []);
  assert.deepEqual(flagged('Envoys from Armenia and Georgia signed the accord.'), []);
});

test('the article decides when the sentence does not', () => {
  assert.deepEqual(flagged('Floods in the Caucasus\n\nRivers burst their banks near Tbilisi on Monday.\n\nHeavy rain fell across Georgia overnight.'), []);
  assert.deepEqual(flagged('A Georgian minister spoke.\n\nHeavy rain fell across Georgia overnight.'), []);
});

test('a reading far less known than another is not one a reader would confuse', () => {
  // Florida is also a department of Uruguay; the US state is what a reader thinks of.
  assert.deepEqual(flagged('Heavy rain fell across Florida overnight.'), []);
});

test('directions, seas, lines, streets, longer names and clubs are not ambiguous places', () => {
  assert.deepEqual(flagged('Its trade with the West grew, and the South lagged behind.'), []);
  assert.deepEqual(flagged('A tanker ran aground in the Red Sea on Friday.'), []);
  assert.deepEqual(flagged('Delays hit the Georgia line of the tram network.'), []);
  assert.deepEqual(flagged('The Georgia Dome was sold, and the Valencia Street shops closed.'), []);
  assert.deepEqual(flagged('Valencia drew 1-1 with the visitors on Sunday night.'), []);
});

test('a name listed with companies is one of them', () => {
  assert.deepEqual(flagged('The fair drew Intel, Nokia and Valencia to its halls.'), []);
});

test('names in the source URL are not text', () => {
  assert.deepEqual(flagged('Rain in the south\ndate 2020-01-02\nhttps://example.org/wiki/Rain_in_Georgia\n\nIt rained on Monday.'), []);
});
