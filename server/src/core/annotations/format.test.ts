import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeSurface, formatAnnotation, formatValue, orderedAttributes } from './format';
import { randomAttributes, randomSource, randomText, randomType } from './randomText';
import { parseAnnotations } from './syntax';

test('formatAnnotation writes the issue\'s examples exactly', () => {
  assert.equal(formatAnnotation({ surface: 'Vladimir Putin', type: 'person', attributes: { id: 'Q7747' } }), '[[Vladimir Putin|person id=Q7747]]');
  assert.equal(formatAnnotation({ surface: 'Kharkov', type: 'place', attributes: { ref: 'Kharkiv' } }), '[[Kharkov|place ref=Kharkiv]]');
  assert.equal(
    formatAnnotation({
      surface: 'more than 130,000 troops',
      type: 'figure',
      attributes: { source: 'US officials', status: 'superseded', unit: 'troops', min: 130000 },
    }),
    '[[more than 130,000 troops|figure min=130000 unit=troops status=superseded source="US officials"]]',
  );
});

test('keys come in canonical order; unknown keys follow in the order given; undefined and null are skipped', () => {
  assert.deepEqual(
    orderedAttributes([{ key: 'zeta', value: '1' }, { key: 'note', value: 'n' }, { key: 'alpha', value: '2' }, { key: 'id', value: 'Q1' }]).map((a) => a.key),
    ['id', 'note', 'zeta', 'alpha'],
  );
  assert.equal(formatAnnotation({ surface: 'x', type: 'person', attributes: { note: undefined, id: null, by: 'ana' } }), '[[x|person by=ana]]');
});

test('values are bare when they are one word, else quoted with escapes', () => {
  assert.equal(formatValue('Q7747'), 'Q7747');
  assert.equal(formatValue('002_1cd903209d84dacb.txt#150,000@2'), '002_1cd903209d84dacb.txt#150,000@2');
  assert.equal(formatValue('Харків'), 'Харків');
  assert.equal(formatValue(''), '""');
  assert.equal(formatValue('US officials'), '"US officials"');
  assert.equal(formatValue('a"b\\c\nd\re\tf[g]h'), '"a\\"b\\\\c\\nd\\re\\tf\\[g\\]h"');
  assert.equal(formatValue('a=b'), '"a=b"');
  assert.equal(formatValue('a|b'), '"a|b"');
});

test('surfaces escape \\, |, [, ] and line breaks (CRLF as one)', () => {
  assert.equal(escapeSurface('a|b'), 'a\\|b');
  assert.equal(escapeSurface('[[x]]'), '\\[\\[x\\]\\]');
  assert.equal(escapeSurface('c:\\x'), 'c:\\\\x');
  assert.equal(escapeSurface('a\r\nb\nc\rd'), 'a\\\r\nb\\\nc\\\rd');
  assert.equal(escapeSurface('😀 Kyiv'), '😀 Kyiv');
});

test('parse(format(x)) gives back x for random surfaces, types and attributes', () => {
  const seed = 20220215;
  const next = randomSource(seed);
  for (let n = 0; n < 2000; n++) {
    let surface = randomText(next, 1 + Math.floor(next() * 12));
    if (!surface) surface = 'x';
    const spec = { surface, type: randomType(next), attributes: randomAttributes(next) };
    const written = formatAnnotation(spec);
    const { annotations } = parseAnnotations(written);
    const context = `seed ${seed} case ${n}: ${JSON.stringify(written)}`;
    assert.equal(annotations.length, 1, context);
    const a = annotations[0]!;
    assert.equal(a.start, 0, context);
    assert.equal(a.end, written.length, context);
    assert.equal(a.surface, spec.surface, context);
    assert.equal(a.type, spec.type, context);
    assert.deepEqual(a.attributes.map((x) => ({ key: x.key, value: x.value })), orderedAttributes(spec.attributes), context);
    assert.equal(formatAnnotation({ surface: a.surface, type: a.type, attributes: a.attributes }), written, `${context}: format is stable`);
  }
});
