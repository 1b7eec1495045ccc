import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultAnalysisEnvironment } from '../core/analysis';
import { readTitle } from '../core/recognition/roles';
import { compareReadings, jurisdictionResolver, roleDisagreement } from './roleDisagreement';
import { corpusOf, findingsOf } from './testing';

const resolve = jurisdictionResolver(defaultAnalysisEnvironment().knowledgeBase);
const read = (title: string) => readTitle(title, resolve);
const verdict = (a: string, b: string) => compareReadings(read(a), read(b));

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

test('a head of government called head of state in another article of the week is flagged', () => {
  const corpus = corpusOf({
    'a.txt': 'date 2011-05-02\nThe talks were opened by President Halvard Brenne in the capital.',
    'b.txt': 'date 2011-05-05\nA letter from Prime Minister Halvard Brenne was read to the delegates.',
  });
  assert.equal(findingsOf(roleDisagreement, corpus, 'a.txt')[0]?.surface, 'President');
  assert.equal(findingsOf(roleDisagreement, corpus, 'b.txt')[0]?.surface, 'Prime Minister');
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

test('honorifics are not offices', () => {
  const corpus = corpusOf({
    'a.txt': 'date 2010-06-01\nMr Halvard Brenne opened the bridge on Monday.',
    'b.txt': 'date 2010-06-02\nPrime Minister Halvard Brenne praised the engineers.',
    'c.txt': 'date 2010-06-03\nDr Halvard Brenne was thanked by the mayor.',
  });
  for (const name of ['a.txt', 'b.txt', 'c.txt']) assert.deepEqual(findingsOf(roleDisagreement, corpus, name), [], name);
  assert.equal(corpus.get('file:///corpus/a.txt')?.entities.find((m) => m.type === 'person')?.role, 'Mr');
  assert.equal(read('Mr').offices.length, 0);
  assert.equal(read('Her Excellency Dr').offices.length, 0);
});

test('wordings of one office are one office', () => {
  for (const [a, b] of [
    ['UK Prime Minister', 'British Prime Minister'],
    ['Prime Minister of the United Kingdom', 'Prime Minister'],
    ['Premier', 'Prime Minister'],
    ['White House spokesman', 'White House press secretary'],
    ['Foreign Affairs Minister', 'Minister for Foreign Affairs'],
    ['Defense Secretary', 'Defence Minister'],
    ['Republican governor', 'Hawaii Governor'],
    ['Minister', 'Health Minister'],
  ]) assert.equal(verdict(a!, b!), 'agree', `${a} / ${b}`);
  assert.equal(verdict('Foreign Minister', 'Interior Minister'), 'disagree');
  assert.equal(verdict('Deputy Prime Minister', 'Prime Minister'), 'disagree');
  assert.equal(verdict('Senator', 'Congressman'), 'disagree');
});

test('words glued from a headline or an earlier sentence are not part of the office', () => {
  assert.equal(verdict('Band Aid Prime Minister', 'Prime Minister'), 'agree');
  assert.equal(verdict('Chancellor Chancellor', 'German Chancellor'), 'agree');
  const glued = read('Band Aid\nPrime Minister');
  assert.equal(glued.start, 'Band Aid\n'.length);
  assert.equal(read("Australia's Prime Minister. Mr").offices.length, 0);
  const corpus = corpusOf({
    'a.txt': 'date 2009-04-01\nChancellor Chancellor Ilse Marquardt arrived late.',
    'b.txt': 'date 2009-04-02\nGerman Chancellor Ilse Marquardt left early.',
  });
  assert.deepEqual(findingsOf(roleDisagreement, corpus, 'a.txt'), []);
});

test('past and future offices are not current ones', () => {
  assert.equal(read('former Prime Minister').offices.length, 0);
  assert.equal(read('ex-President').offices.length, 0);
  assert.equal(read('then-Governor').offices.length, 0);
  assert.equal(read('President-elect').offices.length, 0);
  const corpus = corpusOf({
    'a.txt': 'date 2012-09-10\nFormer Prime Minister Halvard Brenne visited the school.',
    'b.txt': 'date 2012-09-11\nPresident Halvard Brenne visited the port.',
  });
  assert.deepEqual(findingsOf(roleDisagreement, corpus, 'b.txt'), []);
  assert.deepEqual(findingsOf(roleDisagreement, corpus, 'a.txt'), []);
});

test('undated articles overlap nothing', () => {
  const corpus = corpusOf({
    'a.txt': 'Interior Minister Orla Venn toured the flooded towns.',
    'b.txt': 'date 2013-01-08\nFinance Minister Orla Venn presented the budget.',
  });
  assert.deepEqual(findingsOf(roleDisagreement, corpus, 'a.txt'), []);
  assert.deepEqual(findingsOf(roleDisagreement, corpus, 'b.txt'), []);
});

test('two people of one name are kept apart when their titles disagree on who they are', () => {
  const corpus = corpusOf({
    'a.txt': 'date 2014-11-03\nFisheries Minister Tomas Vell announced new quotas.',
    'b.txt': 'date 2014-11-04\nThe rugby captain Tomas Vell scored twice. Coach Tomas Vell was pleased, said Trade Minister Tomas Vell.',
    'c.txt': 'date 2014-11-04\nAustralian Trade Minister Ruth Camden met Canadian Health Minister Ruth Camden.',
  });
  assert.deepEqual(findingsOf(roleDisagreement, corpus, 'a.txt'), []);
  assert.deepEqual(findingsOf(roleDisagreement, corpus, 'c.txt'), []);
  assert.equal(verdict('Australian Trade Minister', 'Canadian Health Minister'), 'unrelated');
  // Without the sports titles, the two ministries are one person's and disagree.
  const control = corpusOf({
    'a.txt': 'date 2014-11-03\nFisheries Minister Tomas Vell announced new quotas.',
    'b.txt': 'date 2014-11-04\nThe quotas were criticised, said Trade Minister Tomas Vell.',
  });
  assert.equal(findingsOf(roleDisagreement, control, 'a.txt').length, 1);
  // A surname alone may be anyone of that family.
  const surnames = corpusOf({
    'a.txt': 'date 2005-09-12\nPresident Vell signed the bill.',
    'b.txt': 'date 2005-09-13\nGovernor Vell signed the bill.',
  });
  assert.deepEqual(findingsOf(roleDisagreement, surnames, 'a.txt'), []);
});

test('a seat in a legislature, a party post or an organisation does not contradict a government office', () => {
  for (const [a, b] of [
    ['Senator', 'Defence Minister'],
    ['Greens Leader', 'Senator'],
    ['LDP President', 'Prime Minister'],
    ['Party chair', 'Interior Minister'],
    ['Opposition leader', 'President'],
  ]) assert.notEqual(verdict(a!, b!), 'disagree', `${a} / ${b}`);
});

test('a person holding two offices at once, written with "and", is not flagged', () => {
  const corpus = corpusOf({
    'a.txt': 'date 2005-03-27\nThe decree was signed by acting Prime Minister and President Tomas Vell on Sunday.',
    'b.txt': 'date 2005-03-29\nThe crowd cheered acting President and Prime Minister Tomas Vell in the square.',
  });
  assert.deepEqual(findingsOf(roleDisagreement, corpus, 'a.txt'), []);
  assert.deepEqual(findingsOf(roleDisagreement, corpus, 'b.txt'), []);
  assert.equal(verdict('acting Prime Minister and President', 'President'), 'agree');
  const control = corpusOf({
    'a.txt': 'date 2005-03-27\nThe decree was signed by President Tomas Vell on Sunday.',
    'b.txt': 'date 2005-03-29\nThe crowd cheered Prime Minister Tomas Vell in the square.',
  });
  assert.equal(findingsOf(roleDisagreement, control, 'a.txt').length, 1);
});

test('a party post does not make another person of a politician, a company post does', () => {
  const party = corpusOf({
    'a.txt': 'date 2016-02-01\nThe party chairman and Prime Minister Orla Venn opened the congress.',
    'b.txt': 'date 2016-02-03\nPresident Orla Venn closed the congress.',
  });
  assert.equal(findingsOf(roleDisagreement, party, 'b.txt').length, 1);
  const company = corpusOf({
    'a.txt': 'date 2016-02-01\nThe Acme Corporation chairman Orla Venn opened the plant. Finance Minister Orla Venn was not there.',
    'b.txt': 'date 2016-02-03\nInterior Minister Orla Venn closed the border.',
  });
  assert.deepEqual(findingsOf(roleDisagreement, company, 'b.txt'), []);
});

test('a title joined by "and" to another person\'s name is not that person\'s', () => {
  const corpus = corpusOf({
    'a.txt': 'date 2017-06-01\nThe meeting between Prime Minister Orla Venn and President Tomas Vell lasted an hour.',
    'b.txt': 'date 2017-06-02\nPrime Minister Tomas Vell flew home.',
  });
  assert.equal(findingsOf(roleDisagreement, corpus, 'a.txt').find((f) => f.surface === 'President')?.ruleId, 'role-disagreement');
});
