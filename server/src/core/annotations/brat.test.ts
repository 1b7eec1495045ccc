import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { exportBrat, importBrat } from './brat';
import { CodePointIndex } from './codePoints';
import { buildAnnotatedText } from './edit';
import { orderedAttributes } from './format';
import { toCleanAnnotations } from './index';
import { randomAttributes, randomSource, randomSpans, randomText, randomType } from './randomText';
import { stripAnnotations } from './syntax';
import type { CleanAnnotation } from './types';

const fixtures = join(__dirname, '../../../../test/fixtures/annotations');

function comparable(annotations: readonly CleanAnnotation[]) {
  return annotations.map((a) => ({ start: a.start, end: a.end, type: a.type, attributes: orderedAttributes(a.attributes) }));
}

test('code point offsets: an emoji is one code point and two UTF-16 units', () => {
  const text = 'a😀b🇺🇦c';
  const index = new CodePointIndex(text);
  assert.equal(index.length, 6);
  assert.deepEqual([0, 1, 3, 4, 6, 8, 9].map((o) => index.toCodePoint(o)), [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((c) => index.toUtf16(c)), [0, 1, 3, 4, 6, 8, 9]);
  assert.equal(new CodePointIndex('\ud800x').length, 2, 'a lone surrogate counts as one');
});

test('export writes T, N, A and # lines with code point offsets', () => {
  const annotated = '😀 [[Vladimir Putin|person id=Q7747]] and [[more than 130,000 troops|figure min=130000 status=superseded source="US officials" note="line one\\nline two"]].';
  const { clean, annotations } = stripAnnotations(annotated);
  const { text, warnings } = exportBrat(clean, toCleanAnnotations(annotations));
  assert.deepEqual(warnings, []);
  assert.equal(
    text,
    [
      'T1\tperson 2 16\tVladimir Putin',
      'N1\tReference T1 Wikidata:Q7747\tVladimir Putin',
      'T2\tfigure 21 45\tmore than 130,000 troops',
      'A1\tmin T2 130000',
      'A2\tstatus T2 superseded',
      'A3\tsource T2 US%20officials',
      '#1\tAnnotatorNotes T2\tline one\\nline two',
      '',
    ].join('\n'),
  );
  assert.equal([...clean].slice(2, 16).join(''), 'Vladimir Putin', 'offsets count code points');
});

test('a surface over a line break exports as fragments and imports back whole', () => {
  const clean = 'more than\r\n130,000 troops';
  const annotations: CleanAnnotation[] = [{ start: 0, end: clean.length, type: 'figure', attributes: [] }];
  const { text } = exportBrat(clean, annotations);
  assert.equal(text, 'T1\tfigure 0 9;11 25\tmore than 130,000 troops\n');
  const back = importBrat(clean, text);
  assert.deepEqual(back.warnings, []);
  assert.deepEqual(comparable(back.annotations), comparable(annotations));
  assert.equal(back.text, '[[more than\\\r\n130,000 troops|figure]]');
});

test('import of a brat file with emoji, CRLF, aliases, notes, relations and overlaps', () => {
  const txt = readFileSync(join(fixtures, 'brat/emoji.txt'), 'utf8');
  const ann = readFileSync(join(fixtures, 'brat/emoji.ann'), 'utf8');
  const result = importBrat(txt, ann);
  assert.equal(result.text, readFileSync(join(fixtures, 'brat-imported/emoji.txt'), 'utf8'));
  assert.equal(stripAnnotations(result.text).clean, txt, 'the import strips back to the brat text');
  assert.deepEqual(stripAnnotations(result.text).errors, []);
  assert.deepEqual(
    result.warnings.map((w) => `${w.line}: ${w.message}`),
    [
      '6: "Putin" overlaps another annotation; inline annotations cannot overlap; skipped',
      '7: "troops\\r\\nwere" overlaps another annotation; inline annotations cannot overlap; skipped',
      '9: normalization to GeoNames is not kept (only Wikidata ids are)',
      '15: relation "R1\\tSpeaker Arg1:T5 Arg2:T1" cannot be an inline annotation; skipped',
      '16: event "E1\\tSay:T5" cannot be an inline annotation; skipped',
    ],
  );
  const figure = result.annotations.find((a) => a.type === 'figure')!;
  assert.deepEqual(figure.attributes, [
    { key: 'min', value: '130000' },
    { key: 'status', value: 'superseded' },
    { key: 'source', value: 'US officials' },
    { key: 'note', value: 'superseded by 150,000 (000)\nsee \\ notes' },
  ]);
});

test('brat export → import gives the same annotations and the same annotated text (fuzzed, astral characters included)', () => {
  const seed = 33;
  const next = randomSource(seed);
  for (let n = 0; n < 800; n++) {
    const clean = randomText(next, Math.floor(next() * 40));
    const annotations: CleanAnnotation[] = randomSpans(next, clean, 4).map((s) => ({
      ...s,
      type: randomType(next),
      attributes: randomAttributes(next).filter((a) => a.key !== 'custom-key' || a.value !== ''),
    }));
    const built = buildAnnotatedText(clean, annotations);
    const context = `seed ${seed} case ${n}: ${JSON.stringify(built.text)}`;
    const parsed = stripAnnotations(built.text);
    const exported = exportBrat(parsed.clean, toCleanAnnotations(parsed.annotations));
    assert.deepEqual(exported.warnings, [], context);
    const imported = importBrat(parsed.clean, exported.text);
    assert.deepEqual(imported.warnings, [], context);
    assert.deepEqual(comparable(imported.annotations), comparable(toCleanAnnotations(parsed.annotations)), context);
    assert.equal(imported.text, built.text, context);
  }
});
