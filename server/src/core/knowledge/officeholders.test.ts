import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusIndex } from '../corpusIndex';
import { entityHoverMarkdown } from '../../features/entityHover';
import { KnowledgeBase } from './knowledgeBase';
import { loadOfficeholders, Officeholders, titleNamesOffice, withTableCountryNames, type CompiledOfficeholders } from './officeholders';
import { formerRoleOn, rolesOn } from './roles';
import { loadGazetteer } from './gazetteer';

/** A small table: two ministers named John Mwangi, a former prime minister, a president and a vice president. */
const table: CompiledOfficeholders = {
  version: 1,
  about: 'test',
  sources: [],
  countries: ['Kenya', 'Ghana', 'Freedonia', 'United States'],
  titles: [
    'Minister of Foreign Affairs (Kenya)', 'Minister of Finance (Ghana)', 'Prime Minister of Freedonia',
    'President of the United States', 'Vice President of the United States', 'Senator (Freedonia)',
  ],
  people: [
    ['John Mwangi', 'Q900001', [[0, 0, '2005-01-10', '2008-04-17']]],
    ['John Mwangi', 'Q900002', [[1, 1, '2006-02-01', '2010-06-30']]],
    ['Rufus T. Firefly', '', [[2, 2, '2000-03-01', '2004-05-31']]],
    ['Walter Bush', 'Q900003', [[3, 3, '2001-01-20', '2009-01-20']]],
    ['Dick Bush', 'Q900004', [[4, 3, '2001-01-20', '2009-01-20']]],
    ['Olga Pavlovna Smirnova', 'Q900005', [[5, 2, '2003-01-01', '2011-01-01']]],
    ['Rufus Kamau', '', [[2, 2, '2000-03-01', '2004-05-31']]],
  ],
};
const people = new Officeholders(table);
const day = (year: number, month: number, dayOfMonth: number) => ({ year, month, day: dayOfMonth });

test('same-name people are told apart by the office written near the name and by the date', () => {
  const foreign = people.choose('John Mwangi', { date: day(2007, 3, 1), title: 'Kenyan Foreign Minister' });
  assert.equal(foreign?.person.wikidata, 'Q900001');
  assert.equal(foreign?.choice.ambiguous, false);
  const finance = people.choose('John Mwangi', { date: day(2007, 3, 1), title: 'Finance Minister' });
  assert.equal(finance?.person.wikidata, 'Q900002');
  // After the Kenyan's term only the Ghanaian holds office: the date decides.
  assert.equal(people.choose('John Mwangi', { date: day(2009, 6, 1) })?.person.wikidata, 'Q900002');
});

test('the country of the article separates same-name people', () => {
  const chosen = people.choose('John Mwangi', { date: day(2007, 3, 1), countries: new Set(['Ghana']) });
  assert.equal(chosen?.person.wikidata, 'Q900002');
});

test('a link the context cannot decide says it is not sure', () => {
  const chosen = people.choose('John Mwangi', { date: day(2007, 3, 1) });
  assert.ok(chosen, 'still linked, to the better-recorded reading');
  assert.equal(chosen.choice.ambiguous, true);
  assert.equal(chosen.choice.confidence, 'low');
  const unique = people.choose('Rufus T. Firefly', { date: day(2002, 1, 1) });
  assert.equal(unique?.choice.confidence, 'high');
  assert.equal(unique?.choice.ambiguous, false);
});

test('a unique name links only around its period of activity', () => {
  assert.ok(people.choose('Rufus T. Firefly', { date: day(2006, 1, 1) }), 'two years after: a former prime minister');
  assert.equal(people.choose('Rufus T. Firefly', { date: day(1980, 1, 1) }), undefined, 'twenty years before the first office');
  assert.equal(people.choose('Olga Pavlovna Smirnova', { date: day(2030, 1, 1) }), undefined, 'a legislator long after the seat');
});

test('shorter and misspelled forms of a name find the person', () => {
  assert.equal(people.lookup('Rufus Firefly').people[0]?.name, 'Rufus T. Firefly');
  assert.equal(people.lookup('Olga Smirnova').people[0]?.name, 'Olga Pavlovna Smirnova');
  const misspelled = people.choose('Rufus T. Fireflly', { date: day(2002, 1, 1), countries: new Set(['Freedonia']) });
  assert.equal(misspelled?.person.name, 'Rufus T. Firefly');
  assert.equal(misspelled?.choice.confidence, 'low');
  assert.equal(people.choose('Rufus T. Fireflly', { date: day(2006, 1, 1), countries: new Set(['Freedonia']) }), undefined, 'another spelling only for someone in office');
  assert.equal(people.choose('Rufus T. Fireflly', { date: day(2002, 1, 1) }), undefined, 'and only when the country or the office agrees');
  assert.equal(people.choose('Firefly', { date: day(2002, 1, 1) }), undefined, 'a surname alone is not a full name');
});

test('a surname with a title links to the one holder of that office on the date', () => {
  assert.equal(people.chooseByTitle('Bush', 'President', { date: day(2005, 5, 1) })?.person.name, 'Walter Bush');
  assert.equal(people.chooseByTitle('Bush', 'Vice President', { date: day(2005, 5, 1) })?.person.name, 'Dick Bush');
  assert.equal(people.chooseByTitle('Bush', 'President', { date: day(2012, 5, 1) }), undefined, 'nobody of that surname held it then');
  assert.equal(people.chooseByTitle('Bush', 'Mr', { date: day(2005, 5, 1) }), undefined, 'an honorific names no office');
  assert.ok(titleNamesOffice('Foreign Minister', 'Minister of Foreign Affairs (Kenya)'));
  assert.ok(!titleNamesOffice('Prime Minister', 'Minister of Foreign Affairs (Kenya)'));
});

test('an out-of-period role is not shown as current, and the hover says "former"', () => {
  const firefly = people.entry(people.lookup('Rufus T. Firefly').people[0]!);
  assert.deepEqual(rolesOn(firefly.roles, day(2006, 1, 1)), []);
  assert.equal(formerRoleOn(firefly.roles, day(2006, 1, 1))?.title, 'Prime Minister of Freedonia');
  assert.equal(formerRoleOn(firefly.roles, day(2002, 1, 1)), undefined);

  const kb = new KnowledgeBase(undefined, loadGazetteer, () => people);
  const corpus = new CorpusIndex({ knowledgeBase: kb });
  const text = [
    'Firefly returns to Freedonia',
    'date 2006-01-01',
    '',
    'Former prime minister Rufus T. Firefly returned to the capital on Sunday. Firefly said he would not stand again.',
  ].join('\n');
  corpus.setFromDisk('file:///news/firefly.txt', text);
  const article = corpus.get('file:///news/firefly.txt')!;
  const mentions = article.entities.filter((m) => m.type === 'person');
  const full = mentions.find((m) => m.text === 'Rufus T. Firefly');
  assert.ok(full?.entityKey, 'the full name links');
  assert.ok(full.entityKey.startsWith('oh:'), 'no Wikidata id is made up for a person the table has none for');
  const hover = entityHoverMarkdown(corpus, article, full);
  assert.match(hover, /former \*\*Prime Minister of Freedonia\*\*/);
  assert.doesNotMatch(hover, /Wikidata:/);
});

test('a surname alone links only after the article has named the person in full', () => {
  const kb = new KnowledgeBase(undefined, loadGazetteer, () => people);
  const corpus = new CorpusIndex({ knowledgeBase: kb });
  const text = [
    'Opposition rallies in Freedonia',
    'date 2002-06-01',
    '',
    'Thousands marched in the capital on Saturday. Mr Kamau was not seen at the rally, organisers said.',
    '',
    'Prime Minister Rufus Kamau later told reporters that the protest was lawful. Kamau said talks would follow.',
  ].join('\n');
  corpus.setFromDisk('file:///news/rally.txt', text);
  const article = corpus.get('file:///news/rally.txt')!;
  const surnames = article.entities.filter((m) => m.text === 'Kamau');
  assert.ok(surnames.length >= 2, 'both surname mentions are recognized');
  const fullStart = article.entities.find((m) => m.text === 'Rufus Kamau')!.start;
  for (const m of surnames) {
    if (m.start < fullStart) assert.equal(m.entityKey, undefined, 'before the full name: not linked');
    else assert.ok(m.entityKey?.startsWith('oh:'), 'after the full name: linked');
  }
});

test('the shipped table covers the news years with dated offices and real Wikidata ids only', () => {
  const shipped = loadOfficeholders();
  assert.ok(shipped, 'server/data/officeholders.json.gz loads');
  assert.ok(shipped.size > 10_000);
  const blair = shipped.choose('Tony Blair', { date: day(2005, 7, 8) });
  assert.equal(blair?.person.wikidata, 'Q9545');
  assert.ok(rolesOn(blair.person.roles, day(2005, 7, 8)).some((r) => /Prime Minister/.test(r.title)));
  assert.ok(!rolesOn(blair.person.roles, day(2008, 1, 1)).some((r) => /Prime Minister/.test(r.title)), 'not prime minister after June 2007');
  const merkel = shipped.lookup('Angela Merkel').people[0];
  assert.ok(merkel && !merkel.wikidata, 'supplement rows carry no id');
});

test('Spanish second surnames and Arabic articles may be left out or written in, on either side', () => {
  const names = new Officeholders({
    version: 1, about: 'test', sources: [], countries: ['Mexico', 'Colombia', 'Syria', 'Iran', 'United States'],
    titles: ['President of Mexico', 'President of Colombia', 'President of Syria', 'Head of the Office (Iran)', 'President of the United States', 'Advisor to the President'],
    people: [
      ['Vicente Fox Quesada', 'Q1', [[0, 0, '2000-12-01', '2006-11-30']]],
      ['Álvaro Uribe', 'Q2', [[1, 1, '2002-08-07', '2010-08-07']]],
      ['Bashar al-Assad', 'Q3', [[2, 2, '2000-07-17', '']]],
      ['Mohammad Mohammadi Golpayegani', 'Q4', [[3, 3, '1990-01-01', '']]],
      ['Donald Trump', 'Q5', [[4, 4, '2017-01-20', '2021-01-20']]],
      ['Ivanka Trump', 'Q6', [[5, 4, '2017-03-29', '2021-01-20']]],
    ],
  });
  const date = day(2006, 3, 1);
  assert.equal(names.choose('Vicente Fox', { date, title: 'Mexican President', countries: new Set(['Mexico']) })?.person.wikidata, 'Q1');
  assert.equal(names.choose('Alvaro Uribe Velez', { date, title: 'President of Colombia', countries: new Set(['Colombia']) })?.person.wikidata, 'Q2');
  assert.equal(names.choose('Bashar Assad', { date, title: 'Syrian President', countries: new Set(['Syria']) })?.person.wikidata, 'Q3');
  // Two shortenings never meet: "Mohammad Mir-Mohammadi" is not Mohammad Mohammadi Golpayegani.
  assert.equal(names.choose('Mohammad Mir-Mohammadi', { date: day(2020, 3, 3), countries: new Set(['Iran']) }), undefined);
  // An advisor to the president is no president: "President Trump" is the one president of that surname.
  assert.equal(names.chooseByTitle('Trump', 'President', { date: day(2019, 5, 1) })?.person.wikidata, 'Q5');
  assert.equal(titleNamesOffice('President', 'Advisor to the President'), false);
});

test('a former office-holder links long after when the title names the office; "President Chen" is Chen Shui-bian', () => {
  const names = new Officeholders({
    version: 1, about: 'test', sources: [], countries: ['United States', 'Lebanon', 'Taiwan'],
    titles: ['United States Secretary of Defense', 'Prime Minister of Lebanon', 'President of Taiwan', 'Managing Director of the International Monetary Fund'],
    people: [
      ['Caspar Weinberger', 'Q1', [[0, 0, '1981-01-21', '1987-11-23']]],
      ['Rafic Hariri', 'Q2', [[1, 1, '2000-10-23', '2004-10-21']]],
      ['Chen Shui-bian', 'Q3', [[2, 2, '2000-05-20', '2008-05-20']]],
      ['Rodrigo Rato', 'Q4', [[3, -1, '2004-06-07', '2007-10-31']]],
    ],
  });
  const us = new Set(['United States']);
  assert.equal(names.choose('Caspar Weinberger', { date: day(2006, 3, 28), title: 'former Secretary of Defense', countries: us })?.person.wikidata, 'Q1');
  // Without the title, twenty years on, the name alone is too weak.
  assert.equal(names.choose('Caspar Weinberger', { date: day(2006, 3, 28), countries: us }), undefined);
  // Another spelling of a former prime minister: both the title and the country must describe him.
  const lebanon = new Set(['Lebanon']);
  assert.equal(names.choose('Rafik Hariri', { date: day(2005, 3, 6), title: 'former Lebanese Prime Minister', countries: lebanon })?.person.wikidata, 'Q2');
  assert.equal(names.choose('Rafik Hariri', { date: day(2005, 3, 6), countries: lebanon }), undefined);
  assert.equal(names.chooseByTitle('Chen', 'President', { date: day(2005, 3, 28) })?.person.wikidata, 'Q3');
  assert.equal(names.choose('Rodrigo de Rato', { date: day(2006, 9, 1), title: 'IMF Managing Director' })?.person.wikidata, 'Q4');
});

test('"President Hu" is Hu Jintao, and the gazetteer\'s "Türkiye" is the table\'s Turkey', () => {
  const names = new Officeholders({
    version: 1, about: 'test', sources: [], countries: ['China', 'Turkey'],
    titles: ['President of China', 'President of Turkey'],
    people: [
      ['Hu Jintao', 'Q1', [[0, 0, '2003-03-15', '2013-03-14']]],
      ['Recep Tayyip Erdoğan', 'Q2', [[1, 1, '2014-08-28', '']]],
    ],
  });
  assert.equal(names.chooseByTitle('Hu', 'President', { date: day(2008, 7, 3) })?.person.wikidata, 'Q1');
  assert.equal(names.chooseByTitle('Erdoğan', 'Turkish president', { date: day(2020, 1, 11), countries: withTableCountryNames(new Set(['Türkiye'])) })?.person.wikidata, 'Q2');
  assert.equal(names.chooseByTitle('Erdoğan', 'Turkish president', { date: day(2020, 1, 11), countries: new Set(['Türkiye']) }), undefined);
});
