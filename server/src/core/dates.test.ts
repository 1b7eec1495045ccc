import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDateMentions, formatIso, formatLong, parseDateString, resolveDateMention, weekdayOf } from './dates';

test('parses the dateline forms seen in scraped news', () => {
  const cases: Array<[string, string | undefined]> = [
    ['2022-02-16', '2022-02-16'],
    ['20220215', '2022-02-15'],
    ['February 14, 2022', '2022-02-14'],
    ['Feb. 14, 2022', '2022-02-14'],
    ['Tue, 15 Feb 2022', '2022-02-15'],
    ['15 February 2022', '2022-02-15'],
    ['2022-02-16T10:00:00Z', '2022-02-16'],
    ['2022/02/16', '2022-02-16'],
    ['16/02/2022', '2022-02-16'],
    ['05/06/2022', undefined], // day and month cannot be told apart
    ['2022-02-30', undefined],
    ['20221340', undefined],
    ['Russia says troops pull back', undefined],
  ];
  for (const [input, expected] of cases) {
    const parsed = parseDateString(input);
    assert.equal(parsed && formatIso(parsed), expected, input);
  }
});

test('weekday arithmetic', () => {
  assert.equal(weekdayOf({ year: 2022, month: 2, day: 16 }), 3); // Wednesday
  assert.equal(weekdayOf({ year: 1970, month: 1, day: 1 }), 4);
  assert.equal(formatLong({ year: 2022, month: 2, day: 15 }), 'Tuesday, 15 February 2022');
});

test('finds weekdays, explicit dates and weekday-date pairs', () => {
  const text = 'Putin spoke on Tuesday. The invasion may begin on Wednesday Feb. 16. Talks on February 14, 2022 and 16 February. Sun readers, today.';
  const mentions = findDateMentions(text);
  assert.deepEqual(
    mentions.map((m) => [m.kind, m.text]),
    [
      ['weekday', 'Tuesday'],
      ['weekday-date', 'Wednesday Feb. 16'],
      ['date', 'February 14, 2022'],
      ['date', '16 February'],
      ['relative', 'today'],
    ],
  );
  assert.equal(mentions[0]!.end - mentions[0]!.start, 'Tuesday'.length, 'a sentence-final period is not part of the weekday');
});

test('a weekday resolves to the most recent one on or before the dateline, or the next one in future tense', () => {
  const dateline = { year: 2022, month: 2, day: 16 }; // a Wednesday
  const [past] = findDateMentions('Putin welcomed talks on Tuesday');
  assert.equal(formatIso(resolveDateMention(past!, dateline)!.date), '2022-02-15');
  const [same] = findDateMentions('He spoke on Wednesday');
  assert.equal(formatIso(resolveDateMention(same!, dateline)!.date), '2022-02-16');
  const [future] = findDateMentions('Scholz is due to meet Putin on Tuesday');
  assert.equal(formatIso(resolveDateMention(future!, dateline)!.date), '2022-02-22');
  assert.equal(resolveDateMention(past!, undefined), undefined, 'no dateline, no resolution');
});

test('a date without a year takes the year nearest the dateline', () => {
  const [m] = findDateMentions('on Dec. 30');
  assert.equal(formatIso(resolveDateMention(m!, { year: 2023, month: 1, day: 2 })!.date), '2022-12-30');
});

test('"may" the verb is not a date, and codes are not dates', () => {
  assert.deepEqual(findDateMentions('Prices may 5 times rise. The T-72B3 and G7 met.'), []);
  assert.deepEqual(findDateMentions('It happened on Monday, May 23.').map((m) => m.text), ['Monday, May 23']);
});
