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

test('checks the other common weekday-date forms', () => {
  // 19 March 2011 was a Saturday, 22 March a Tuesday, 10 March a Thursday.
  const cases: Array<[string, string]> = [
    ['date 2011-03-25\nThe ferry sank on Friday, the 19th of March.', 'Friday'],
    ['date 2011-03-25\nThe ferry sank Monday (March 22) near the cape.', 'Monday'],
    ['date 2011-03-25\nThe ferry sank on Wed March 10 near the cape.', 'Wed'],
    ['date 2011-03-25\nThe ferry sank on Sunday 22nd March near the cape.', 'Sunday'],
  ];
  for (const [text, written] of cases) {
    const [finding, ...rest] = check(text);
    assert.equal(rest.length, 0, text);
    assert.equal(text.slice(finding!.start, finding!.end), written, text);
  }
  assert.equal(check('date 2011-03-25\nThe ferry sank on Saturday, the 19th of March.').length, 0);
  assert.equal(check('date 2011-03-25\nThe ferry sank Tuesday (March 22) near the cape.').length, 0);
});

test('far from the dateline, the year is the one in which weekday and date agree', () => {
  // 28 May was a Friday in 2004 and a Saturday in 2005: an article of January 2006 means 2004.
  assert.equal(check('date 2006-01-20\nThe governor was sworn in on Friday, May 28, at the old palace.').length, 0);
  assert.equal(check('date 2004-06-01\nThe governor was sworn in on Thursday, May 28, at the old palace.').length, 1, 'near the dateline');
});
