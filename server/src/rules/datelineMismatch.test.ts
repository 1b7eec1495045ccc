import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateInUrl, datelineMismatch } from './datelineMismatch';
import { dateAfterDateline } from './dateAfterDateline';
import { corpusOf, findingsOf } from './testing';

function check(text: string) {
  return findingsOf(datelineMismatch, corpusOf({ 'a.txt': text }), 'a.txt');
}

test('reads the date of a URL path in its usual forms', () => {
  assert.deepEqual(dateInUrl('https://example.com/world/2022/02/14/russia-troops/')?.date, { year: 2022, month: 2, day: 14 });
  assert.deepEqual(dateInUrl('https://example.com/news/2022-02-14-russia-troops')?.date, { year: 2022, month: 2, day: 14 });
  assert.deepEqual(dateInUrl('https://example.com/a_20220214_b.html')?.date, { year: 2022, month: 2, day: 14 });
  assert.equal(dateInUrl('https://example.com/story/1234567890'), undefined);
  assert.equal(dateInUrl('https://example.com/2022/13/45/bad'), undefined, 'not a calendar date');
});

test('a URL dated days away from the dateline flags the dateline, with the URL date as related information', () => {
  const text = 'Troops pull back\ndate 2022-02-18\nhttps://example.com/world/2022/02/14/troops-pull-back/\n\nRussia said some units were returning to base.';
  const [finding, ...rest] = check(text);
  assert.equal(rest.length, 0);
  assert.equal(finding?.surface, 'date 2022-02-18');
  assert.match(finding!.message, /The dateline says Friday, 18 February 2022, but the source URL is dated Monday, 14 February 2022/);
  assert.equal(text.slice(finding!.related![0]!.start, finding!.related![0]!.end), '2022/02/14');
  assert.deepEqual(finding!.data, { dateline: '2022-02-18', urlDate: '2022-02-14' });
});

test('later days told as past flag the dateline (sport)', () => {
  const [finding] = check('date 2023-05-02\nUnited won 3-1 at home on May 6, the club announced. On May 7 the coach said he was pleased.');
  assert.match(finding!.message, /tells of Sunday, 7 May 2023 as past \(and 1 more day after the dateline\)/);
  assert.equal(finding!.related?.length, 2);
});

test('no finding when the URL agrees within a day, has no date, or there is no dateline', () => {
  assert.equal(check('date 2022-02-15\nhttps://example.com/2022/02/14/story/\n\nText.').length, 0, 'a day apart');
  assert.equal(check('date 2022-02-15\nhttps://example.com/story/123/\n\nText.').length, 0);
  assert.equal(check('https://example.com/2022/02/14/story/\n\nText.').length, 0);
  assert.equal(check('date 2022-02-16\nThe ministers will meet on Feb. 20 in Munich.').length, 0, 'a future date');
});

test('two or more later days told as past: the article was written or updated after its dateline', () => {
  const text = 'date 2019-04-02\nOn April 5, the mayor said the bridge was unsafe. On April 8, engineers closed it.';
  const [finding, ...rest] = check(text);
  assert.equal(rest.length, 0);
  assert.equal(finding?.surface, 'date 2019-04-02');
  assert.match(finding!.message, /tells of Monday, 8 April 2019 as past \(and 1 more day after the dateline\), so it was written or updated on that day or later/);
  assert.deepEqual(finding!.related!.map((r) => text.slice(r.start, r.end)), ['April 5', 'April 8']);
});

test('a single later day is the date rule\'s to report; later plans are nobody\'s', () => {
  assert.equal(check('date 2019-04-02\nOn April 5, the mayor said the bridge was unsafe.').length, 0, 'one day: the date may be the error');
  assert.equal(check('date 2019-04-02\nEngineers will close the bridge on April 5 and reopen it on April 8.').length, 0);
  assert.equal(check('date 2019-04-02\nThe vote has been rescheduled for April 5, with results due April 8.').length, 0);
});

test('with a URL that disagrees, the later day joins the one finding on the dateline', () => {
  const text = 'date 2019-04-02\nhttps://example.com/2019/04/06/bridge/\n\nOn April 5, the mayor said the bridge was unsafe.';
  const [finding] = check(text);
  assert.match(finding!.message, /source URL is dated Saturday, 6 April 2019; and the text tells of Friday, 5 April 2019 as past/);
  const corpus = corpusOf({ 'a.txt': text });
  assert.equal(findingsOf(dateAfterDateline, corpus, 'a.txt').length, 0);
});
