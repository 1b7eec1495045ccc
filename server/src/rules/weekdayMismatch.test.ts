import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusIndex } from '../core/corpusIndex';
import { weekdayMismatch } from './weekdayMismatch';

function check(text: string) {
  const corpus = new CorpusIndex();
  corpus.setFromDisk('file:///a.txt', text);
  return weekdayMismatch.check({ article: corpus.get('file:///a.txt')!, corpus });
}

test('flags a weekday that does not match its explicit date', () => {
  const text = 'date 2022-02-16\nThey met on Tuesday, Feb. 16, 2022, in Geneva.';
  const [finding, ...rest] = check(text);
  assert.equal(rest.length, 0);
  assert.equal(text.slice(finding!.start, finding!.end), 'Tuesday');
  assert.match(finding!.message, /Wednesday, 16 February 2022 was a Wednesday, not a Tuesday/);
  assert.deepEqual(finding!.data, { written: 'Tuesday', correctWeekday: 'Wednesday', date: '2022-02-16', dateText: 'Tuesday, Feb. 16, 2022' });
});

test('takes the year from the dateline when the date has none, and from other dates when there is no dateline', () => {
  assert.equal(check('20220215\nThe summit is on Friday Feb. 16.').length, 1);
  assert.equal(check('On February 14, 2022 they warned of Friday Feb. 16.').length, 1);
});

test('no finding when weekday and date agree, or when no year can be known', () => {
  assert.equal(check('date 2022-02-16\nIt may begin on Wednesday Feb. 16.').length, 0);
  assert.equal(check('Feb. 16 (Wednesday) was calm; 15 February 2022 too.').length, 0);
  assert.equal(check('It may begin on Tuesday Feb. 16.').length, 0, 'no year anywhere: undecidable, so silent');
  assert.equal(check('date 2022-02-16\nHe spoke on Tuesday.').length, 0, 'a lone weekday is resolved, not checked');
});

test('flags the parenthesised form too', () => {
  const text = 'date 2022-02-16\nOn Feb. 16 (Thursday) talks resumed.';
  const [finding] = check(text);
  assert.equal(text.slice(finding!.start, finding!.end), 'Thursday');
});
