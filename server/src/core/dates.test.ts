import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateTense, findDateMentions, formatIso, formatLong, parseDateString, resolveDateMention, sentenceAround, weekdayOf } from './dates';

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

function tenseOf(sentence: string, date: string): string | undefined {
  const at = sentence.indexOf(date);
  return dateTense(sentence, at, at + date.length);
}

test('the verb nearest a date tells whether it is told as past', () => {
  const past: Array<[string, string]> = [
    ['On June 3, the minister resigned over the affair.', 'June 3'],
    ['The agency reported June 3 that exports had fallen.', 'June 3'],
    ['The bridge, which was closed for repairs, reopened on June 3.', 'June 3'],
    ['Talks stalled in May, but on June 3 the two sides signed a deal.', 'June 3'],
    ['A spokesman said that on June 3 the pipeline burst near the border.', 'June 3'],
    ['"We will appeal," the lawyer said, and the court adjourned on June 3.', 'June 3'],
  ];
  for (const [sentence, date] of past) assert.equal(tenseOf(sentence, date), 'past', sentence);
  const future: Array<[string, string]> = [
    ['The ministers will meet in Oslo on June 3.', 'June 3'],
    ['The museum is expected to reopen on June 3.', 'June 3'],
    ['On June 3 the council will vote on the budget.', 'June 3'],
  ];
  for (const [sentence, date] of future) assert.equal(tenseOf(sentence, date), 'future', sentence);
});

test('plans, deadlines, periods and named events are not told as past, even in a past sentence', () => {
  const notPast: Array<[string, string]> = [
    ['The hearing was moved and has been rescheduled for June 3.', 'June 3'],
    ['He was released on bail and told to report to a police station on June 3.', 'June 3'],
    ['The union announced a walkout for June 3.', 'June 3'],
    ['The new fares, approved last week, apply starting June 3.', 'June 3'],
    ['The exhibition, opened by the mayor, runs from June 3 till October.', 'June 3'],
    ['The old rules were kept in force beyond June 3, 2031 to the end of the decade.', 'June 3, 2031'],
    ['Parliament approved a levy effective from June 3, 2031.', 'June 3, 2031'],
    ['The rebels announced a truce as of Friday 3rd June 2031.', 'Friday 3rd June 2031'],
    ['The party has not named a candidate for the regional election on June 3.', 'June 3'],
    ['Observers rejected the announced June 3 polling date as too early.', 'June 3'],
    ['The director added that the merger may be signed on June 3.', 'June 3'],
    ['The ministry announced that after June 3, 2031 every new car must be electric.', 'June 3, 2031'],
    ['The trial of the former mayor was adjourned until June 3.', 'June 3'],
    ['The first leg is followed by the final on June 3.', 'June 3'],
    ['Voters in the valley were able to vote unhindered on June 3.', 'June 3'],
  ];
  for (const [sentence, date] of notPast) assert.notEqual(tenseOf(sentence, date), 'past', sentence);
});

test('a quotation keeps its own tense, and adjectives from participles are not verbs', () => {
  assert.equal(tenseOf('"The vote will be held on June 3," the mayor said.', 'June 3'), 'future');
  assert.equal(tenseOf('She wrote that "the fair opened on June 3" and left.', 'June 3'), 'past');
  assert.notEqual(tenseOf('The mayor said smoking will be banned in enclosed spaces on June 3.', 'June 3'), 'past');
});

test('sentences end at stops, not at abbreviations', () => {
  const text = 'Troops left. U.S. officials met Gen. Ortiz on Feb. 3 in Kabul. Talks follow.';
  const at = text.indexOf('Feb. 3');
  const s = sentenceAround(text, at, at + 6);
  assert.equal(text.slice(s.start, s.end), 'U.S. officials met Gen. Ortiz on Feb. 3 in Kabul');
});

function resolvedIn(text: string, date: string, dateline: { year: number; month: number; day: number }): string | undefined {
  const mention = findDateMentions(text).find((m) => m.text === date);
  const resolved = mention && resolveDateMention(mention, dateline);
  return resolved && formatIso(resolved.date);
}

test('a past date without a year is the most recent such day, unless it is only days after the dateline', () => {
  const november = { year: 2011, month: 11, day: 20 };
  assert.equal(resolvedIn('The two states had joined the customs union on January 1.', 'January 1', november), '2011-01-01');
  const january = { year: 2012, month: 1, day: 25 };
  assert.equal(resolvedIn('He resigned 20 months after he was sworn in May 30 as governor.', 'May 30', january), '2011-05-30');
  const march = { year: 2012, month: 3, day: 10 };
  assert.equal(resolvedIn('On March 14, the regulator fined the bank.', 'March 14', march), '2012-03-14', 'an update or a late dateline');
  assert.equal(resolvedIn('The regulator will fine the bank on March 14.', 'March 14', march), '2012-03-14');
  assert.equal(resolvedIn('The price is expected to ease after a record high on February 20.', 'February 20', march), '2012-02-20', 'a future clause keeps the nearest');
  assert.equal(resolvedIn('The derby on April 2 is sold out.', 'April 2', march), '2012-04-02', 'no tense: the nearest');
  assert.equal(resolvedIn('The derby on December 2 is sold out.', 'December 2', march), '2011-12-02', 'no tense: the nearest');
});

test('a year the text gives around a date wins over the guess', () => {
  const dateline = { year: 2012, month: 3, day: 10 };
  assert.equal(resolvedIn('The band split on October 4 last year.', 'October 4', dateline), '2011-10-04');
  assert.equal(resolvedIn('The band will tour on October 4 next year.', 'October 4', dateline), '2013-10-04');
  assert.equal(resolvedIn("Crowds marked last year's October 4 anniversary.", 'October 4', dateline), '2011-10-04');
  assert.equal(resolvedIn('The port was blockaded in 1998. Riots began on May 2 of that year.', 'May 2', dateline), '1998-05-02');
  assert.equal(resolvedIn('The fair ran from May 2 until October 30, 1911.', 'May 2', dateline), '1911-05-02');
  assert.equal(resolvedIn('The lamps were sold from May 2 through to October 2011.', 'May 2', dateline), '2011-05-02');
  assert.equal(resolvedIn('A first round was set for April 8, 2012 and a runoff on May 2.', 'May 2', dateline), '2012-05-02');
  assert.equal(resolvedIn('In 2010, floods were reported first on May 2, then in June.', 'May 2', dateline), '2010-05-02');
});

test('a year read off other dates of the sentence yields to the tense', () => {
  const dateline = { year: 2012, month: 3, day: 10 };
  const text = 'Police said on February 2, 2012 that men who fought at the port on December 3 were sought.';
  assert.equal(resolvedIn(text, 'December 3', dateline), '2011-12-03');
});

test('"September 11" told as past just after the dateline is the day of the 2001 attacks', () => {
  const dateline = { year: 2012, month: 9, day: 6 };
  assert.equal(resolvedIn('Five men accused of plotting the hijackings on September 11 were named.', 'September 11', dateline), '2001-09-11');
  assert.equal(resolvedIn('A memorial will open on September 11.', 'September 11', dateline), '2012-09-11');
});

test('finds weekday-date pairs in their other common forms', () => {
  const text = 'It fell on Saturday, the 19th of March. Rain came Tuesday (March 22) and Thurs March 10. Polls closed Wed Nov 8; voting day, Thursday 4th May, and Tuesday 16 of July.';
  assert.deepEqual(
    findDateMentions(text).filter((m) => m.kind === 'weekday-date').map((m) => m.text),
    ['Saturday, the 19th of March', 'Tuesday (March 22)', 'Thurs March 10', 'Wed Nov 8', 'Thursday 4th May', 'Tuesday 16 of July'],
  );
  assert.deepEqual(findDateMentions('On 4 May be careful.').map((m) => m.text), [], '"May be" is the verb');
});

test('a weekday far from the dateline picks the year in which it fits the date', () => {
  const january = { year: 2006, month: 1, day: 20 };
  // 28 May was a Friday in 2004, a Saturday in 2005.
  assert.equal(resolvedIn('The governor was sworn in on Friday, May 28, in the old palace.', 'Friday, May 28', january), '2004-05-28');
  const may = { year: 2004, month: 5, day: 30 };
  assert.equal(resolvedIn('The governor was sworn in on Saturday, May 28, in the old palace.', 'Saturday, May 28', may), '2004-05-28', 'near the dateline the year is certain');
});
