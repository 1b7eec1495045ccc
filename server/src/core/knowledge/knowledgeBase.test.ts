import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KnowledgeBase } from './knowledgeBase';
import { isAllCapsName, normalizeName, titleCase } from './names';
import { formatPeriod, rolesOn } from './roles';
import { parseUserKnowledgeBase } from './userKnowledgeBase';

test('names normalize across case, diacritics, possessives and dots', () => {
  assert.equal(normalizeName('Zelenskyy’s'), 'zelenskyy');
  assert.equal(normalizeName('U.S.'), 'us');
  assert.equal(normalizeName('Lwów'), 'lwow');
  assert.equal(normalizeName('DMYTRO KULEBA'), 'dmytro kuleba');
  assert.equal(normalizeName('the Kremlin'), 'kremlin');
  assert.ok(isAllCapsName('DMYTRO KULEBA'));
  assert.ok(!isAllCapsName('NATO'), 'an acronym is not a shouted name');
  assert.equal(titleCase('DMYTRO KULEBA'), 'Dmytro Kuleba');
});

test('built-in entries carry transliterations and dated roles', () => {
  const kb = new KnowledgeBase();
  assert.equal(kb.lookup('Kiev')[0]?.name, 'Kyiv');
  assert.equal(kb.lookup('Kharkov')[0]?.name, 'Kharkiv');
  assert.equal(kb.lookup('Odessa')[0]?.name, 'Odesa');
  assert.equal(kb.lookup('Zelensky')[0]?.name, 'Volodymyr Zelenskyy');
  const kuleba = kb.lookup('DMYTRO KULEBA')[0]!;
  const roles = rolesOn(kuleba.roles, { year: 2022, month: 2, day: 15 });
  assert.deepEqual(roles.map((r) => r.title), ['Minister of Foreign Affairs of Ukraine']);
  assert.equal(formatPeriod(roles[0]!), '2020-03-04–2024-09-05');
  assert.deepEqual(rolesOn(kuleba.roles, { year: 2025, month: 1, day: 1 }), []);
  const truss = kb.lookup('Liz Truss')[0]!;
  assert.deepEqual(rolesOn(truss.roles, { year: 2022, month: 2, day: 15 }).map((r) => r.title), ['Foreign Secretary of the United Kingdom']);
});

test('a partial date bound holds for the whole month', () => {
  assert.equal(rolesOn([{ title: 'x', from: '2020-08', to: '2023-11' }], { year: 2023, month: 11, day: 30 }).length, 1);
  assert.equal(rolesOn([{ title: 'x', from: '2020-08', to: '2023-11' }], { year: 2023, month: 12, day: 1 }).length, 0);
  assert.equal(rolesOn([{ title: 'x', from: '2020-08' }], { year: 2020, month: 8, day: 1 }).length, 1);
});

test('Wikidata ids appear only on entries that carry a well-known id', () => {
  const kb = new KnowledgeBase();
  assert.equal(kb.lookup('Vladimir Putin')[0]?.wikidata, 'Q7747');
  for (const entry of kb.entries()) if (entry.wikidata) assert.match(entry.wikidata, /^Q[1-9]\d*$/);
});

test('user entries extend and override the built-in ones, and say so', () => {
  const kb = new KnowledgeBase();
  const { entries, problems } = parseUserKnowledgeBase(
    JSON.stringify({ entities: [
      { key: 'kyiv', name: 'Kyiv', type: 'place', aliases: ['Kiev'], description: 'Our own note.' },
      { key: 'acme-corp', name: 'Acme Corp', type: 'organization', aliases: ['Acme'] },
    ] }),
    '/ws/corpus/.corpus-lens/entities.json',
  );
  assert.deepEqual(problems, []);
  kb.setUserFile('/ws/corpus/.corpus-lens/entities.json', entries);
  const kyiv = kb.lookup('Kiev')[0]!;
  assert.equal(kyiv.description, 'Our own note.');
  assert.equal(kyiv.source.kind, 'user');
  assert.equal(kyiv.overrides?.kind, 'built-in');
  assert.equal(kb.lookup('Acme')[0]?.key, 'acme-corp');
  kb.removeUserFile('/ws/corpus/.corpus-lens/entities.json');
  assert.equal(kb.lookup('Acme').length, 0);
  assert.equal(kb.lookup('Kiev')[0]?.source.kind, 'built-in');
});

test('broken JSON and schema errors are placed where they are, and good entries still load', () => {
  const text = '{\n  "entities": [\n    { "key": "a", "name": "A", "type": "person" },\n    { "key": "b", "name": "B", "type": "planet" },\n    { "key": "c", "name": "C", "type": "place", "colour": "red" }\n  ]\n';
  const { entries, problems } = parseUserKnowledgeBase(text, 'x.json');
  assert.deepEqual(entries.map((e) => e.key), ['a']);
  const at = (p: { start: number; end: number }) => text.slice(p.start, p.end);
  assert.ok(problems.some((p) => /Invalid JSON/.test(p.message)), 'the missing closing brace is reported');
  assert.ok(problems.some((p) => /one of: person, place, organization/.test(p.message) && at(p) === '"planet"'));
  assert.ok(problems.some((p) => /Unknown property "colour"/.test(p.message) && at(p) === '"colour"'));
});

test('places come from the gazetteer when no entry knows them, and generic words do not', () => {
  const kb = new KnowledgeBase();
  const lyon = kb.lookupPlace('Lyon');
  assert.equal(lyon?.country, 'France');
  assert.ok((lyon?.population ?? 0) > 100_000);
  assert.equal(kb.lookupPlace('West'), undefined);
  assert.equal(kb.placeFacts(kb.lookup('Kharkiv')[0]!)?.region, 'Kharkiv');
  assert.ok(kb.distinctPlaceReadings('Georgia').length >= 2);
  assert.ok(kb.isDemonymOrCountry('Ukrainian'));
});
