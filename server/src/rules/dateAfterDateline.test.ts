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

test('a past report days after the dateline says the article may have been written or updated later', () => {
  const [finding, ...rest] = check('date 2019-04-02\nOn April 5, the mayor said the bridge would stay shut.');
  assert.equal(rest.length, 0);
  assert.equal(finding?.surface, 'April 5');
  assert.match(finding!.message, /3 days after the article's dateline.*written or updated after its dateline/);
  assert.equal(check('date 2019-04-02\nThe broadcaster reported April 4 that the strike had ended.').length, 1, 'a reporting verb just before the date');
  assert.equal(check('date 2019-04-02\nOn May 20, 2019 the court ruled against the port authority.').length, 1, 'a full date, weeks later');
});

test('plans, schedules, deadlines and periods in past sentences are not flagged', () => {
  const futures = [
    'The hearing was cancelled and has been rescheduled for April 9.',
    'She was charged and bailed to appear before the magistrates on April 9.',
    'The show, curated by the museum, is to be seen from April 9 till June.',
    'The singer has signed with the label, starting April 9.',
    'The council agreed to keep the discount beyond April 9, 2019 to the end of 2020.',
    'Crowds demanded that the local elections to be held on April 9 be fair.',
    'The chairman added that the sale may be completed on April 9.',
    'The rebels have not promised calm for the provincial election on April 9.',
    'The unions have called a national strike for 9 April.',
    'The singer was due to open the festival gala on April 9.',
    'A fee rise was announced, effective from April 9, 2019.',
    'The minister resigned, with her deputy in charge until April 9.',
    'The agency announced that after April 9, 2019 all drivers must carry a permit.',
    'The minister promised a ruling on April 9.',
    'Officials confirmed the summit would take place on April 9.',
  ];
  for (const sentence of futures) assert.equal(check(`date 2019-04-02\n${sentence}`).length, 0, sentence);
});

test('a past date without a year is not pushed after the dateline into the wrong year', () => {
  assert.equal(check('date 2019-11-20\nThe bloc grew when two states had joined it on January 1.').length, 0, 'January 1 of 2019');
  assert.equal(check('date 2019-01-25\nShe quit two years after she was sworn in May 30 as mayor.').length, 0, 'an earlier May 30');
  assert.equal(check('date 2019-11-20\nThe port was blockaded in 2016. Riots began on December 3 of that year.').length, 0, 'of that year');
  assert.equal(check('date 2019-11-20\nThe band split on December 3 last year.').length, 0, 'last year');
  assert.equal(check('date 2019-09-06\nTwo men accused of planning the hijackings on September 11 were named.').length, 0, 'the attacks of 2001');
});

test('several later days told as past are left to dateline-mismatch, once, on the dateline', () => {
  const text = 'date 2019-04-02\nOn April 5, the mayor said the bridge was unsafe. On April 8, engineers closed it.';
  assert.equal(check(text).length, 0);
  const corpus = corpusOf({ 'a.txt': text });
  const ids = checkArticle(corpus.get('file:///corpus/a.txt')!, corpus).map((f) => f.ruleId);
  assert.deepEqual(ids.filter((id) => id.startsWith('date')), ['dateline-mismatch']);
});

test('the date stamp of a listed story is not a day told as past', () => {
  assert.equal(check('date 2019-04-02\nRelated news:\n\nHarbour talks postponed April 9, 2019.\n').length, 0);
});
