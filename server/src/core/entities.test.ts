import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeArticle } from './analysis';
import { CorpusIndex } from './corpusIndex';
import { entitySkippedBoilerplate, extendsKnownName } from './entities';

const corpusDir = join(__dirname, '../../../corpus');
const corpus = new CorpusIndex();
for (const name of readdirSync(corpusDir).filter((n) => n.endsWith('.txt'))) {
  corpus.setFromDisk(`file:///corpus/${name}`, readFileSync(join(corpusDir, name), 'utf8'));
}
const seed = (prefix: string) => [...corpus.articles()].find((a) => a.id.includes(`/${prefix}_`))!;

test('every person and place of the seeds links to the right entry', () => {
  const expected: Record<string, Array<[string, string]>> = {
    '000': [['Vladimir Putin', 'vladimir-putin'], ['Joe Biden', 'joe-biden'], ['Kharkov', 'kharkiv'], ['Odessa', 'odesa'], ['Kyiv', 'kyiv'], ['Lviv', 'lviv']],
    '001': [['Antony Blinken', 'antony-blinken'], ['Dmytro Kuleba', 'dmytro-kuleba'], ['Olaf Scholz', 'olaf-scholz'], ['Dmitry Peskov', 'dmitry-peskov'], ['Maria Zakharova', 'maria-zakharova'], ['Jens Stoltenberg', 'jens-stoltenberg'], ['Georgia', 'georgia-country']],
    '002': [['DMYTRO KULEBA', 'dmytro-kuleba'], ['Jens Stoltenberg', 'jens-stoltenberg'], ['Julianne Smith', 'julianne-smith'], ['Belgorod', 'belgorod'], ['Blinken', 'antony-blinken']],
    '003': [['Liz Truss', 'liz-truss'], ['Anniken Huitfeldt', 'anniken-huitfeldt'], ['Crimea', 'crimea'], ['Vadym Prystaiko', 'vadym-prystaiko'], ['Zelenskyy', 'volodymyr-zelenskyy']],
    '004': [['Igor Konashenkov', 'igor-konashenkov'], ['Boris Johnson', 'boris-johnson'], ['Zbigniew Rau', 'zbigniew-rau'], ['Jake Sullivan', 'jake-sullivan'], ['St. Petersburg', 'saint-petersburg']],
  };
  for (const [prefix, pairs] of Object.entries(expected)) {
    const article = seed(prefix);
    for (const [surface, key] of pairs) {
      const found = article.entities.find((m) => m.text === surface);
      assert.ok(found, `${prefix}: "${surface}" not recognized`);
      assert.equal(found.entityKey, key, `${prefix}: "${surface}"`);
    }
  }
});

test('titles stay out of the span and become the role', () => {
  const scholz = seed('001').entities.find((m) => m.text === 'Olaf Scholz')!;
  assert.equal(scholz.role, 'German Chancellor');
  const kuleba = seed('002').entities.find((m) => m.text === 'DMYTRO KULEBA')!;
  assert.equal(kuleba.role, 'Ukrainian Foreign Minister');
  assert.equal(kuleba.canonical, 'Dmytro Kuleba');
});

test('possessives stay out of the span', () => {
  const text = seed('000').text;
  for (const m of seed('000').entities) assert.ok(!/['’]s$/.test(m.text), `"${m.text}" at ${m.start} keeps its possessive`);
  assert.ok(seed('000').entities.some((m) => m.text === 'Russia' && /^['’]s/.test(text.slice(m.end))));
});

test('no headline fragment, boilerplate or organization is typed as a person or place', () => {
  const junk = /^(?:Back to top|Related Articles|HomeTrading|No comments|leave a comment|Copyright)/;
  const organizations = new Set(['NATO', 'Kremlin', 'Interfax', 'Sputnik', 'Associated Press', 'White House', 'IMF', 'Reuters', 'CNN', 'Sky News', 'Politico', 'CBS News', 'Maxar Technologies', 'Getty Images', 'Anadolu Agency', 'Chatham House', 'OSCE', 'European Union']);
  for (const article of corpus.articles()) {
    const boilerplate = entitySkippedBoilerplate(article.article);
    for (const m of article.entities) {
      assert.ok(!junk.test(m.text), `${m.text} in ${article.id}`);
      assert.ok(!boilerplate.some((b) => m.start >= b.start && m.end <= b.end), `"${m.text}" found inside boilerplate of ${article.id}`);
      if (organizations.has(m.text)) assert.equal(m.type, 'organization', `${m.text} typed ${m.type} in ${article.id}`);
    }
  }
});

test('short mentions chain to the full name within an article', () => {
  const article = seed('000');
  const putins = article.entities.filter((m) => m.entityKey === 'vladimir-putin');
  assert.ok(putins.some((m) => m.text === 'Putin'));
  assert.ok(putins.every((m) => m.canonical === 'Vladimir Putin'));
});

test('the entity index counts mentions across the corpus', () => {
  const kuleba = corpus.entityIndex.occurrences('dmytro-kuleba')!;
  assert.deepEqual([...kuleba.byArticle.keys()].map((id) => id.replace(/^.*\/(\d{3})_.*$/, '$1')).sort(), ['001', '002', '003']);
});

test('the names of a wire credit line are entities, and the line still gives no figure', () => {
  const article = seed('003');
  const start = article.text.indexOf('Karmanau reports from Kyiv');
  const end = article.text.indexOf('\n', start);
  assert.ok(article.article.boilerplate.some((b) => b.kind === 'syndication' && b.start <= start && b.end >= end), 'the credit line is boilerplate');
  const inLine = article.entities.filter((m) => m.start >= start && m.end <= end);
  const named = (type: string) => inLine.filter((m) => m.type === type).map((m) => m.text);
  for (const person of ['Angela Charlton', 'Sylvie Corbet', 'Geir Moulson', 'Jill Lawless', 'Edith M. Lederer', 'Jan M. Olsen', 'Robert Burns']) {
    assert.ok(named('person').includes(person), `credit-line person "${person}" not found`);
  }
  for (const place of ['Kyiv', 'Paris', 'Berlin', 'London', 'Copenhagen', 'Denmark', 'Washington']) {
    assert.ok(named('place').includes(place), `credit-line place "${place}" not found`);
  }
  assert.deepEqual(article.figures.filter((f) => f.start < end && f.end > start).map((f) => f.text), []);
});

test('a number in a credit line is no figure, while the same number in the body is', () => {
  const body = 'MOSCOW, Feb. 15, 2022 — Russia said 10,000 troops were pulling back from the border on Tuesday.';
  const credit = (ending: string) => `Troops pull back from border\n\n${body}\n\nAssociated Press writers Angela Charlton in Paris and Geir Moulson in Berlin, who met 12 officials, ${ending}\n`;
  const withCredit = analyzeArticle('file:///credit.txt', credit('contributed to this report.'));
  const creditStart = withCredit.text.indexOf('Associated Press writers');
  assert.deepEqual(withCredit.figures.filter((f) => f.start >= creditStart).map((f) => f.text), []);
  assert.deepEqual(withCredit.entities.filter((m) => m.start >= creditStart && m.type !== 'organization').map((m) => `${m.type}:${m.text}`),
    ['person:Angela Charlton', 'place:Paris', 'person:Geir Moulson', 'place:Berlin']);
  const asProse = analyzeArticle('file:///prose.txt', credit('said the talks would go on.'));
  assert.ok(asProse.figures.some((f) => f.start >= creditStart && /12/.test(f.text)), 'control: outside a credit line the number is a figure');
});

test('a known name inside a longer name keeps the longer name; a title before a known name still goes', () => {
  const text = 'Sony said demand was strong in Europe and North America.\n\nOlympic champion Michael Johnson won the 200 metres.\n\n' +
    'Russian President Vladimir Putin met German Chancellor Olaf Scholz in Moscow.\n';
  const entities = analyzeArticle('file:///longer.txt', text).entities.map((m) => `${m.type}:${m.text}`);
  for (const expected of ['place:North America', 'person:Michael Johnson', 'person:Vladimir Putin', 'person:Olaf Scholz']) {
    assert.ok(entities.includes(expected), `${expected} missing from ${entities.join(', ')}`);
  }
  assert.ok(!entities.includes('place:America') && !entities.includes('person:Johnson'), entities.join(', '));
});

test('a known name inside a longer name gives way to it, unless a title is what makes it longer', () => {
  const spanOf = (text: string, part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
  const cases: Array<[string, string, string, boolean]> = [
    ['The U.S. Department of Agriculture notes', 'U.S. Department of Agriculture', 'U.S.', true],
    ['popular in North America today', 'North America', 'America', true],
    ['a Washington Post report', 'Washington Post', 'Washington', true],
    ['Russian President Vladimir Putin said', 'Russian President Vladimir Putin', 'Vladimir Putin', false],
    ['to Kharkov or Odessa', 'Kharkov or Odessa', 'Kharkov', false],
    ['named United States Secretary of State today', 'United States Secretary of State', 'United States', false],
    ['the UN General Assembly voted', 'UN General Assembly', 'UN', true],
    ['the Department of Agriculture of', 'Department of Agriculture of', 'Department', false],
  ];
  for (const [text, model, known, expected] of cases) {
    assert.equal(extendsKnownName(text, spanOf(text, model), spanOf(text, known)), expected, `${model} / ${known}`);
  }
});

test('a country code before a currency sign is no place; a person span does not take in a known place', () => {
  const index = new CorpusIndex();
  index.setFromDisk('file:///corpus/x_currency.txt', 'Court frees ferry owner\n\nThe owner was released on US$ 20,000 bail in Spain on Thursday, officials said.\n');
  const article = [...index.articles()][0]!;
  assert.ok(!article.entities.some((m) => m.text === 'US'), article.entities.map((m) => m.text).join(', '));
  const text = 'date 2015-03-05\nSpain arrests a former Ukrainian minister\n\nUkraine Yuriy Kolobov was arrested in Spain on Thursday.\n';
  const person = { start: text.indexOf('Ukraine Yuriy'), end: text.indexOf(' was arrested') };
  const place = { start: person.start, end: person.start + 'Ukraine'.length };
  assert.equal(extendsKnownName(text, { ...person, type: 'person' }, { ...place, type: 'place' }), false);
});

test('words of a web address are no entities; an Arabic surname keeps its article', () => {
  const index = new CorpusIndex();
  index.setFromDisk('file:///corpus/x_address.txt', 'Iraqi leader visits Jordan\ndate 2006-07-07\nhttps://en.wikinews.org/wiki/US_president_Bush_visits_Jordan\n\nIraqi Prime Minister Nouri al-Maliki arrived in Amman on Friday, officials said.\n');
  const article = [...index.articles()][0]!;
  const url = article.text.indexOf('https://');
  const urlEnd = article.text.indexOf('\n', url);
  assert.ok(!article.entities.some((m) => m.start >= url && m.end <= urlEnd), article.entities.map((m) => m.text).join(', '));
  assert.ok(article.entities.some((m) => m.type === 'person' && m.text === 'Nouri al-Maliki'), article.entities.map((m) => m.text).join(', '));
});

test('an article with more names than a call can take arguments: no stack overflow, every name kept', () => {
  // Spreading the list of names into push() threw RangeError past ~120,000 names.
  const article = analyzeArticle('file:///many.txt', '[[a|person]] '.repeat(130_000));
  assert.equal(article.entities.length, 130_000);
  assert.ok(article.entities.every((m) => m.text === 'a' && m.type === 'person'));
});
