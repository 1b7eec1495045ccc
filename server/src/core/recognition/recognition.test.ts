import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { addGazetteerEntries, dataDir, loadRecognizer, recognizeEntities, type EntityMention } from './index';
import { loadModelFile, MODEL_FILE_NAME } from './model';
import { normalizeCase } from './linking';
import { tokenize } from './tokenize';

const corpusDir = path.resolve(__dirname, '../../../../corpus');
const corpusFiles = fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort() : [];

function article(prefix: string): string {
  const file = corpusFiles.find((f) => f.startsWith(prefix));
  assert.ok(file, `corpus article ${prefix}_*.txt is missing from ${corpusDir}`);
  return fs.readFileSync(path.join(corpusDir, file), 'utf8');
}

function mentionsOf(prefix: string): { text: string; mentions: EntityMention[] } {
  const text = article(prefix);
  return { text, mentions: recognizeEntities(text) };
}

function assertValidOffsets(text: string, mentions: EntityMention[]): void {
  let previousEnd = 0;
  for (const m of mentions) {
    assert.ok(Number.isInteger(m.start) && Number.isInteger(m.end) && m.start < m.end && m.end <= text.length, `bad span ${JSON.stringify(m)}`);
    assert.equal(text.slice(m.start, m.end), m.text);
    assert.ok(m.start >= previousEnd, `mentions overlap or are out of order at ${m.start}`);
    previousEnd = m.end;
    assert.ok(['person', 'place', 'organization'].includes(m.type));
    assert.equal(typeof m.canonicalKey, 'string');
  }
}

test('the model file loads from the data folder found relative to the module', () => {
  const dir = dataDir();
  assert.ok(fs.existsSync(path.join(dir, MODEL_FILE_NAME)), `no ${MODEL_FILE_NAME} in ${dir}`);
  assert.equal(path.basename(dir), 'data');
  const model = loadModelFile(path.join(dir, MODEL_FILE_NAME));
  assert.ok(model.hashBits >= 16 && model.hashBits <= 22);
  assert.equal(model.weights.length, (1 << model.hashBits) * 13);
  assert.ok(model.weights.some((w) => w !== 0), 'all weights are zero');
  assert.ok(model.lexicon.phrases.size > 100, 'the lexicon is empty');
  assert.ok(fs.statSync(path.join(dir, MODEL_FILE_NAME)).size <= 3 * 1024 * 1024, 'the model file is larger than 3 MB');
  assert.equal(loadRecognizer(), loadRecognizer(), 'the shipped model is loaded once');
});

test('the five corpus articles are there', () => {
  assert.equal(corpusFiles.length, 5, `expected 5 articles in ${corpusDir}`);
});

const PEOPLE: [string, string][] = [
  ['000', 'Vladimir Putin'], ['000', 'Joe Biden'],
  ['001', 'Antony Blinken'], ['001', 'Dmytro Kuleba'], ['001', 'Olaf Scholz'], ['001', 'Jens Stoltenberg'],
  ['001', 'Vladimir Putin'], ['001', 'Dmitry Peskov'], ['001', 'Sergey Lavrov'], ['001', 'Igor Konashenkov'],
  ['002', 'Vladimir Putin'], ['002', 'Olaf Scholz'], ['002', 'Jens Stoltenberg'], ['002', 'DMYTRO KULEBA'], ['002', 'Antony Blinken'],
  ['003', 'Dmytro Kuleba'], ['003', 'Olaf Scholz'], ['003', 'Vladimir Putin'], ['003', 'Volodymyr Zelenskyy'], ['003', 'Liz Truss'],
  ['004', 'Vladimir Putin'], ['004', 'Joe Biden'], ['004', 'Olaf Scholz'], ['004', 'Antony Blinken'], ['004', 'Boris Johnson'],
];
const PLACES: [string, string][] = [
  ['000', 'Kyiv'], ['000', 'Kharkov'], ['000', 'Odessa'], ['000', 'Lviv'], ['000', 'Moscow'],
  ['001', 'Kyiv'], ['001', 'Lviv'], ['001', 'Moscow'],
  ['002', 'Kyiv'], ['002', 'Lviv'],
  ['003', 'Kyiv'], ['003', 'Moscow'],
  ['004', 'Kyiv'], ['004', 'Lviv'], ['004', 'Moscow'], ['004', 'St. Petersburg'],
];

test('corpus persons are recognized as persons', () => {
  for (const [prefix, name] of PEOPLE) {
    const { mentions } = mentionsOf(prefix);
    const found = mentions.filter((m) => m.text === name);
    assert.ok(found.length > 0, `${name} not found in ${prefix}`);
    assert.ok(found.every((m) => m.type === 'person'), `${name} in ${prefix} typed ${found.map((m) => m.type).join(', ')}`);
  }
});

test('corpus places are recognized as places', () => {
  for (const [prefix, name] of PLACES) {
    const { mentions } = mentionsOf(prefix);
    const found = mentions.filter((m) => m.text === name);
    assert.ok(found.length > 0, `${name} not found in ${prefix}`);
    assert.ok(found.some((m) => m.type === 'place'), `${name} in ${prefix} typed ${found.map((m) => m.type).join(', ')}`);
  }
  // "Kyiv" after "in" or "from" is the city, never anything else.
  const { text, mentions } = mentionsOf('001');
  const at = text.indexOf('Embassy in Kyiv') + 'Embassy in '.length;
  assert.equal(mentions.find((m) => m.start === at)?.type, 'place');
});

test('titles stay outside the span and become the role', () => {
  const cases: [string, string, string, string][] = [
    ['001', 'German Chancellor Olaf Scholz', 'Olaf Scholz', 'German Chancellor'],
    ['001', 'US Secretary of State Antony Blinken', 'Antony Blinken', 'US Secretary of State'],
    ['001', 'Ukrainian Foreign Minister Dmytro Kuleba', 'Dmytro Kuleba', 'Ukrainian Foreign Minister'],
    ['001', 'NATO Secretary General Jens Stoltenberg', 'Jens Stoltenberg', 'NATO Secretary General'],
    ['001', 'Russian President Vladimir Putin', 'Vladimir Putin', 'Russian President'],
    ['002', 'Ukrainian Foreign Minister DMYTRO KULEBA', 'DMYTRO KULEBA', 'Ukrainian Foreign Minister'],
    ['004', 'U.K. Prime Minister Boris Johnson', 'Boris Johnson', 'U.K. Prime Minister'],
  ];
  for (const [prefix, phrase, name, role] of cases) {
    const { text, mentions } = mentionsOf(prefix);
    const at = text.indexOf(phrase);
    assert.ok(at >= 0, `"${phrase}" not in ${prefix}`);
    const start = at + phrase.length - name.length;
    const mention = mentions.find((m) => m.start === start);
    assert.ok(mention, `no mention at "${name}" in ${prefix}`);
    assert.equal(mention.text, name);
    assert.equal(mention.type, 'person');
    assert.equal(mention.role, role);
  }
  // An appositive title after the name.
  const { mentions } = mentionsOf('002');
  assert.equal(mentions.find((m) => m.text === 'Julianne Smith')?.role, 'US Ambassador to NATO');
});

test('short and all-caps mentions link to the full name', () => {
  const a = mentionsOf('000').mentions;
  assert.ok(a.filter((m) => m.text === 'Putin').every((m) => m.canonicalKey === 'Vladimir Putin'));
  assert.ok(a.filter((m) => m.text === 'Biden').length > 0);
  assert.ok(a.filter((m) => m.text === 'Biden').every((m) => m.canonicalKey === 'Joe Biden'));
  const b = mentionsOf('002').mentions;
  assert.equal(b.find((m) => m.text === 'DMYTRO KULEBA')?.canonicalKey, 'Dmytro Kuleba');
  assert.ok(b.filter((m) => m.text === 'Blinken').every((m) => m.canonicalKey === 'Antony Blinken'));
  assert.equal(b.find((m) => m.text === 'IMF')?.canonicalKey, 'International Monetary Fund');
  assert.equal(normalizeCase('DMYTRO KULEBA'), 'Dmytro Kuleba');
  assert.equal(normalizeCase('NATO'), 'NATO');
});

test('possessives stay outside the span', () => {
  const { text, mentions } = mentionsOf('000');
  const at = text.indexOf("Russia's");
  const mention = mentions.find((m) => m.start === at);
  assert.ok(mention, 'no mention at "Russia\'s"');
  assert.equal(mention.text, 'Russia');
  for (const prefix of ['000', '001', '002', '003', '004']) {
    for (const m of mentionsOf(prefix).mentions) assert.ok(!/['’]s$/.test(m.text), `possessive inside "${m.text}" in ${prefix}`);
  }
  assert.deepEqual(tokenize("Hwang Hee-Chan's header").texts, ['Hwang', 'Hee-Chan', "'s", 'header']);
});

test('headline fragments and page furniture are never persons or places', () => {
  const junk = ['Back to top button', 'Related Articles', 'HomeTrading News', 'No comments', 'leave a comment', 'Copyright Registered', 'USTimeToday'];
  for (const prefix of ['000', '001', '002', '003', '004']) {
    const { text, mentions } = mentionsOf(prefix);
    for (const phrase of junk) {
      for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
        const hit = mentions.find((m) => (m.type === 'person' || m.type === 'place') && m.start < at + phrase.length && at < m.end);
        assert.equal(hit, undefined, `"${phrase}" in ${prefix} gave ${hit?.type} "${hit?.text}"`);
      }
    }
    for (const m of mentions) {
      if (m.type !== 'organization') assert.ok(!/^(HomeTrading|NewsRussia|Home)$/.test(m.text), `furniture "${m.text}" typed ${m.type}`);
    }
  }
});

test('organizations are not typed as persons or places', () => {
  const organizations = ['NATO', 'Kremlin', 'White House', 'Associated Press', 'Sky News', 'International Monetary Fund'];
  for (const prefix of ['000', '001', '002', '003', '004']) {
    for (const m of mentionsOf(prefix).mentions) {
      if (organizations.includes(m.text)) assert.equal(m.type, 'organization', `"${m.text}" in ${prefix}`);
    }
  }
});

test('skip ranges yield no mentions', () => {
  const text = article('003');
  const all = recognizeEntities(text);
  const copyright = text.indexOf('Copyright ©');
  assert.ok(copyright > 0);
  const skipped = recognizeEntities(text, { skip: [{ start: copyright, end: text.length }] });
  assert.ok(skipped.length < all.length);
  assert.ok(skipped.every((m) => m.end <= copyright));
  assert.ok(skipped.some((m) => m.text === 'Olaf Scholz'));
});

test('offsets are UTF-16 indices with CRLF, a BOM and emoji', () => {
  for (const prefix of ['001', '003']) {
    const text = article(prefix);
    const lf = recognizeEntities(text);
    const crlf = '\uFEFF😀 ' + text.replace(/\n/g, '\r\n');
    const mentions = recognizeEntities(crlf);
    assertValidOffsets(crlf, mentions);
    assert.deepEqual(mentions.map((m) => [m.text, m.type]), lf.map((m) => [m.text, m.type]));
  }
});

test('recognition is deterministic', () => {
  const text = article('004');
  assert.deepEqual(recognizeEntities(text), recognizeEntities(text));
});

test('never throws on odd input', () => {
  let seed = 12345;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const pieces = ['A', 'z', ' ', '\n', '\r', '\r\n', '.', "'s", '’', '-', 'É', 'ß', '😀', '\uD800', '\uDFFF', '\u0000', '\u200B', 'Ⅻ', '٣', 'İ', 'ﬀ', 'Mr.', 'U.S.', '"', '(', 'Putin', 'KYIV'];
  const inputs: string[] = ['', ' ', '\n\n\n', "'s", 'A', 'U.S.', '\uD800', '😀😀', 'A'.repeat(5000), 'Mr. Mr. Mr.'];
  for (let n = 0; n < 200; n++) {
    let s = '';
    const length = Math.floor(random() * 200);
    for (let i = 0; i < length; i++) s += random() < 0.5 ? pieces[Math.floor(random() * pieces.length)] : String.fromCharCode(Math.floor(random() * 0x10000));
    inputs.push(s);
  }
  inputs.push('Vladimir Putin met Olaf Scholz in Moscow. '.repeat(25000)); // about 1 MB on one line
  for (const input of inputs) {
    const mentions = recognizeEntities(input);
    assertValidOffsets(input, mentions);
  }
  assert.deepEqual(recognizeEntities(undefined as unknown as string), []);
});

test('extra gazetteer entries (the places index) make a place of an unknown town', () => {
  const text = article('002');
  addGazetteerEntries([{ name: 'Belgorod', type: 'place' }]);
  const mentions = recognizeEntities(text);
  const belgorod = mentions.filter((m) => m.text === 'Belgorod');
  assert.ok(belgorod.length > 0, 'Belgorod not found');
  assert.ok(belgorod.every((m) => m.type === 'place'), `Belgorod typed ${belgorod.map((m) => m.type).join(', ')}`);
});

test('an organization head takes its "of", "for" or "on" phrase and gives the name its type', () => {
  const typed = (text: string) => recognizeEntities(text).map((m) => `${m.text}/${m.type}`);
  const found = typed('The request was advanced by the Municipality of Livorno in 2010, and the Joint Council for the Welfare of Immigrants objected.');
  assert.ok(found.includes('Municipality of Livorno/organization'), found.join(', '));
  assert.ok(found.includes('Joint Council for the Welfare of Immigrants/organization'), found.join(', '));
  // A date after "on" is not part of the name; a place the gazetteer knows keeps its type.
  addGazetteerEntries([{ name: 'West Bank', type: 'place' }]);
  const dated = typed('The bill went to Congress on March 14, while troops stayed in the West Bank.');
  assert.ok(!dated.some((m) => m.includes('March')), dated.join(', '));
  assert.ok(dated.includes('West Bank/place'), dated.join(', '));
});

test('capitalized words after "the" that end in an organization head are one organization; "Team" and a country are a team', () => {
  const typed = (text: string) => recognizeEntities(text).map((m) => `${m.text}/${m.type}`);
  const found = typed('He spoke to members of the Refugee Council in London. Later Team Canada won the final.');
  assert.ok(found.includes('Refugee Council/organization'), found.join(', '));
  assert.ok(found.includes('Team Canada/organization'), found.join(', '));
});

test('person spans leave out honorifics, callings and caption labels', () => {
  const persons = (text: string) => recognizeEntities(text).filter((m) => m.type === 'person').map((m) => m.text);
  assert.ok(persons('A video featuring Scientologist Tom Cruise was removed on Monday.').includes('Tom Cruise'));
  const caption = persons('Barack Obama met student Ahmed Mohamed Image: Twitter. Mohamed was pleased.');
  assert.ok(caption.includes('Ahmed Mohamed'), caption.join(', '));
  assert.ok(!caption.some((p) => /Image/.test(p)), caption.join(', '));
});

test('in a match report a short form of a team country is the team too; a lower-case verb splits a span', () => {
  const text = 'Sweden beat South Korea 1 – 0 in the World Cup match on Monday. The goal came from a penalty. ' +
    'Korea substituted Park Joo-Ho in the 28th minute. The referee booked two players. ' +
    'Later Belgium beat Panama 3 – 0 in the tournament, and Korea had a chance to equalise in the final minute.';
  const found = recognizeEntities(text).map((m) => `${m.text}/${m.type}`);
  assert.ok(found.includes('Korea/organization'), found.join(', '));
  assert.ok(!found.some((m) => m.includes('substituted')), found.join(', '));
});

test('a name and the acronym in brackets it spells out are one organization; a spelled-out thing is not', () => {
  const typed = (text: string) => recognizeEntities(text).map((m) => `${m.text}/${m.type}`);
  const found = typed('Deputies of Movimento 5 Stelle (M5S) objected. The secretary general of CEI (Italian Episcopal Conference) agreed.');
  for (const name of ['Movimento 5 Stelle', 'M5S', 'CEI', 'Italian Episcopal Conference']) assert.ok(found.includes(`${name}/organization`), `${name}: ${found.join(', ')}`);
  const thing = typed('Troops found an improvised bomb, an Improvised Explosive Device (IED), near the road.');
  assert.ok(!thing.some((m) => m.startsWith('Improvised')), thing.join(', '));
});

test('a lone head or title after "the" is no name; a title after a place name is not part of it', () => {
  addGazetteerEntries([{ name: 'Los Angeles', type: 'place' }]);
  const found = recognizeEntities('The Court ruled on Monday. A detective for the Los Angeles Sheriff\'s office said the Pope had written.').map((m) => `${m.text}/${m.type}`);
  assert.ok(!found.some((m) => /^(?:Court|Pope)\//.test(m)), found.join(', '));
  assert.ok(found.includes('Los Angeles/place'), found.join(', '));
});

test('a country run into the name of the person after it is split from it', () => {
  const found = recognizeEntities('The President of Mexico Vicente Fox defended emigrants on Friday. Fox spoke in Chicago.').map((m) => `${m.text}/${m.type}`);
  assert.ok(found.includes('Vicente Fox/person'), found.join(', '));
  assert.ok(!found.some((m) => m.startsWith('Mexico Vicente')), found.join(', '));
});

test('a name followed by a version number is a product, in every mention', () => {
  const persons = recognizeEntities("Apple's Safari 5 gained users. Safari is popular, said Jones.").filter((m) => m.type === 'person').map((m) => m.text);
  assert.ok(!persons.includes('Safari'), persons.join(', '));
  assert.ok(persons.includes('Jones'), persons.join(', '));
});

test('rules that add or drop words keep real names whole', () => {
  const persons = (text: string) => recognizeEntities(text).filter((m) => m.type === 'person').map((m) => m.text);
  // A rank is no first name; an amount after a name is no version number.
  const soldiers = persons('The soldier was named as Private Damien Raymond Jackson, 19. His friend Peter Buck lent Fred DeLuca 1,000 dollars.');
  assert.ok(!soldiers.some((p) => p.startsWith('Private')), soldiers.join(', '));
  assert.ok(soldiers.includes('Fred DeLuca'), soldiers.join(', '));
});

test('a lone demonym left over from a split span is no place', () => {
  const found = recognizeEntities('Officials in the Indian city of Bangalore said the name will change.').map((m) => `${m.text}/${m.type}`);
  assert.ok(!found.includes('Indian/place'), found.join(', '));
});
