import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkArticle } from '.';
import { dateAfterDateline } from './dateAfterDateline';
import { corpusOf, findingsOf } from './testing';

function check(text: string) {
  return findingsOf(dateAfterDateline, corpusOf({ 'a.txt': text }), 'a.txt');
}

test('a date told as past after the dateline is flagged, with how many days after', () => {
  const [finding, ...rest] = check('date 2022-02-16\nRussia said on Feb. 18 that some units had returned to their bases.');
  assert.equal(rest.length, 0);
  assert.equal(finding?.surface, 'Feb. 18');
  assert.match(finding!.message, /18 February 2022.*told as past.*2 days after the article's dateline \(Wednesday, 16 February 2022\)/);
  assert.deepEqual(finding!.data, { date: '2022-02-18', dateline: '2022-02-16', daysAfter: 2 });
});

test('business and sport: results and matches reported before they happened', () => {
  assert.equal(check('February 14, 2022\nAcme reported on February 15, 2022 that revenue rose 12%.').length, 1);
  assert.equal(check('date 2023-05-02\nUnited won 3-1 at home on May 6, the club announced.').length, 1);
});

test('dates before or on the dateline, future plans and undated articles are not flagged', () => {
  assert.equal(check('date 2022-02-16\nRussia said on Feb. 15 that some units had returned.').length, 0, 'before the dateline');
  assert.equal(check('date 2022-02-16\nOfficials said on Feb. 16 that talks had ended.').length, 0, 'the dateline itself');
  assert.equal(check('date 2022-02-16\nThe ministers will meet on Feb. 20 in Munich.').length, 0, 'future');
  assert.equal(check('date 2022-02-16\nThe summit is scheduled for February 20, officials said.').length, 0, 'scheduled');
  assert.equal(check('date 2023-05-02\nThe derby on May 6 is sold out.').length, 0, 'no past-tense verb: a plan or a fixture');
  assert.equal(check('Russia said on Feb. 18, 2022 that some units had returned.').length, 0, 'no dateline to compare with');
  assert.equal(check('date 2022-02-16\nOn Tuesday, Russia said units had returned.').length, 0, 'a weekday resolves to the past');
});

test('a date annotation with a value settles the finding; the dateline stays in question', () => {
  const corpus = corpusOf({ 'a.txt': 'date 2022-02-16\nRussia said on [[Feb. 18|date value=2022-02-18]] that some units had returned.' });
  const ids = checkArticle(corpus.get('file:///corpus/a.txt')!, corpus).map((f) => f.ruleId);
  assert.ok(!ids.includes('date-after-dateline'), ids.join());
  assert.ok(ids.includes('dateline-mismatch'), ids.join());
});
