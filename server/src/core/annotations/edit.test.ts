import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotateSpans, applyEdits, buildAnnotatedText, editAnnotation, encodeOutsideText, removeAnnotations } from './edit';
import { randomAttributes, randomSource, randomSpans, randomText, randomType } from './randomText';
import { stripAnnotations } from './syntax';
import type { CleanAnnotation } from './types';

test('literal "[[" in clean text is escaped so it does not open an annotation', () => {
  assert.equal(encodeOutsideText('see [[x|person]]', false), 'see \\[[x|person]]');
  assert.equal(encodeOutsideText('a\\[[b', false), 'a\\\\\\[[b');
  assert.equal(encodeOutsideText('[[[x', false), '[\\[[x');
  assert.equal(encodeOutsideText('end [[', false), 'end \\[[');
  assert.equal(encodeOutsideText('end [[', true), 'end [[', 'the run joins the following annotation');
  assert.equal(encodeOutsideText('back\\', true), 'back\\\\', 'a backslash before an annotation is doubled');
  assert.equal(encodeOutsideText('back\\', false), 'back\\');
  for (const clean of ['see [[x|person]]', 'a\\[[b', '[[[x', 'end [[', '\\\\[[', '[[a]] [[b|c]]']) {
    assert.equal(stripAnnotations(encodeOutsideText(clean, false)).clean, clean);
    const built = `${encodeOutsideText(clean, true)}[[y|place]]`;
    assert.equal(stripAnnotations(built).clean, `${clean}y`, built);
  }
});

test('annotateSpans wraps spans and returns minimal edits; the clean text is unchanged', () => {
  const text = 'He met Putin in Kyiv.';
  const result = annotateSpans(text, [
    { start: 16, end: 20, type: 'place' },
    { start: 7, end: 12, type: 'person', attributes: { id: 'Q7747' } },
  ]);
  assert.equal(result.text, 'He met [[Putin|person id=Q7747]] in [[Kyiv|place]].');
  assert.deepEqual(result.edits, [
    { start: 7, end: 12, newText: '[[Putin|person id=Q7747]]' },
    { start: 16, end: 20, newText: '[[Kyiv|place]]' },
  ]);
  assert.deepEqual(result.refused, []);
  assert.equal(applyEdits(text, result.edits), result.text);
});

test('annotateSpans refuses overlaps with existing annotations and with each other, and empty spans', () => {
  const text = 'He met [[Putin|person]] in Kyiv.';
  const result = annotateSpans(text, [
    { start: 3, end: 12, type: 'person' },
    { start: 27, end: 31, type: 'place' },
    { start: 28, end: 30, type: 'place' },
    { start: 5, end: 5, type: 'place' },
    { start: 8, end: 4, type: 'place' },
  ]);
  assert.equal(result.text, 'He met [[Putin|person]] in [[Kyiv|place]].');
  assert.deepEqual(result.refused.map((r) => r.reason).sort(), [
    'empty or out-of-range span',
    'empty or out-of-range span',
    'overlaps another requested span',
    'overlaps the annotation [[Putin|person]]',
  ]);
});

test('annotateSpans takes clean offsets when asked (what recognizers produce)', () => {
  const text = '[[Putin|person]] met Scholz';
  const { clean } = stripAnnotations(text);
  const start = clean.indexOf('Scholz');
  const result = annotateSpans(text, [{ start, end: start + 6, type: 'person' }], { offsets: 'clean' });
  assert.equal(result.text, '[[Putin|person]] met [[Scholz|person]]');
});

test('annotating next to "[" and "\\" keeps their meaning', () => {
  const cases: Array<[string, string]> = [
    ['a\\b', 'b'], // backslash before the new "[["
    ['[b', 'b'], // "[" before the new "[["
    ['\\[[b', 'b'], // an escaped "[[" right before
    ['x\\', 'x'],
    ['b[[c', 'b'], // a malformed "[[" after the span
  ];
  for (const [text, word] of cases) {
    const { clean } = stripAnnotations(text);
    const start = clean.indexOf(word);
    const result = annotateSpans(text, [{ start, end: start + word.length, type: 'person' }], { offsets: 'clean' });
    const after = stripAnnotations(result.text);
    assert.equal(after.clean, clean, `${text} → ${result.text}`);
    assert.equal(after.annotations.length, 1, `${text} → ${result.text}`);
    assert.equal(after.annotations[0]!.surface, word);
    const removed = removeAnnotations(result.text).text;
    if (stripAnnotations(text).errors.length === 0) assert.equal(removed, text, `${result.text}: removing gives back ${text}`);
    else assert.equal(stripAnnotations(removed).clean, clean, `${result.text}: removing keeps the clean text of ${text}`);
  }
});

test('next to a malformed "[[", annotating keeps it and removing escapes it (its clean text stays)', () => {
  const text = '[[Putin';
  const result = annotateSpans(text, [{ start: 2, end: 7, type: 'person' }]);
  assert.equal(result.text, '[[[[Putin|person]]');
  const removed = removeAnnotations(result.text).text;
  assert.equal(removed, '\\[[Putin');
  assert.equal(stripAnnotations(removed).clean, text);
  assert.deepEqual(stripAnnotations(removed).errors, []);
});

test('removing an annotation that made an earlier "[[" fail escapes that "[[" instead of completing it', () => {
  const text = '[[a [[b|person]] c|place]]';
  assert.equal(stripAnnotations(text).annotations.length, 1);
  const removed = removeAnnotations(text);
  assert.equal(stripAnnotations(removed.text).clean, stripAnnotations(text).clean);
  assert.equal(stripAnnotations(removed.text).annotations.length, 0);
  assert.equal(removed.text, '\\[[a b c|place]]');
  assert.equal(applyEdits(text, removed.edits), removed.text);
});

test('removing an annotation behind a chain of malformed "[[" escapes every one of them', () => {
  // Each escape completes the "[[" before it, one more than the retry loop used to allow.
  for (const depth of [1, 3, 5, 12]) {
    const text = `${'[[a'.repeat(depth)}[[New|person]]|place id=Q1]]`;
    const removed = removeAnnotations(text);
    const after = stripAnnotations(removed.text);
    assert.equal(after.clean, stripAnnotations(text).clean, `depth ${depth}: ${removed.text}`);
    assert.equal(after.annotations.length, 0, `depth ${depth}: ${removed.text}`);
    assert.equal(removed.text, `${'\\[[a'.repeat(depth)}New|place id=Q1]]`);
  }
});

test('removeAnnotations leaves surfaces and can select annotations', () => {
  const text = 'A [[Putin|person]] and [[Kyiv|place]] and [[130,000|figure]].';
  assert.equal(removeAnnotations(text).text, 'A Putin and Kyiv and 130,000.');
  assert.equal(removeAnnotations(text, (a) => a.type === 'place').text, 'A [[Putin|person]] and Kyiv and [[130,000|figure]].');
  assert.deepEqual(removeAnnotations('plain').edits, []);
  assert.equal(removeAnnotations('[[a|person]][[b|place]]').text, 'ab');
  assert.equal(removeAnnotations('[[\\[|person]][[b|place]]', (a) => a.type === 'person').text, '[[[b|place]]', 'the "[" joins the next "[["');
  assert.equal(removeAnnotations('[[\\[|person]][b').text, '\\[[b', 'the "[" and "[b" make a "[[" that must be escaped');
});

test('editAnnotation rewrites one annotation in canonical form', () => {
  const text = '[[130,000 troops|figure source="US officials"]]';
  const a = stripAnnotations(text).annotations[0]!;
  const edit = editAnnotation(a, { attributes: { status: 'superseded', ref: '000_e84a3163cd5655f9.txt#150,000', source: null } });
  assert.equal(applyEdits(text, [edit]), '[[130,000 troops|figure status=superseded ref=000_e84a3163cd5655f9.txt#150,000]]');
  assert.equal(applyEdits(text, [editAnnotation(a, { type: 'place' })]), '[[130,000 troops|place source="US officials"]]');
});

test('buildAnnotatedText refuses empty, overlapping and pair-splitting annotations', () => {
  const clean = 'ab😀cd';
  const built = buildAnnotatedText(clean, [
    { start: 0, end: 2, type: 'person', attributes: [] },
    { start: 1, end: 3, type: 'person', attributes: [] },
    { start: 3, end: 5, type: 'person', attributes: [] },
    { start: 4, end: 4, type: 'person', attributes: [] },
    { start: 2, end: 4, type: 'place', attributes: [] },
    { start: 4, end: 6, type: 'person', attributes: [] },
    { start: 5, end: 6, type: 'person', attributes: [] },
  ]);
  assert.equal(built.text, '[[ab|person]][[😀|place]][[cd|person]]');
  assert.deepEqual(built.refused.map((r) => r.reason).sort(), [
    'empty span',
    'overlaps another annotation',
    'splits a character (surrogate pair)',
    'splits a character (surrogate pair)',
  ]);
});

test('fuzz: build from random clean text and spans, strip → the same clean text and annotations', () => {
  const seed = 7747;
  const next = randomSource(seed);
  for (let n = 0; n < 1500; n++) {
    const clean = randomText(next, Math.floor(next() * 40));
    const annotations: CleanAnnotation[] = randomSpans(next, clean, 1 + Math.floor(next() * 5)).map((s) => ({
      ...s,
      type: randomType(next),
      attributes: randomAttributes(next),
    }));
    const built = buildAnnotatedText(clean, annotations);
    const context = `seed ${seed} case ${n}: ${JSON.stringify(clean)} → ${JSON.stringify(built.text)}`;
    assert.deepEqual(built.refused, [], context);
    const stripped = stripAnnotations(built.text);
    assert.equal(stripped.clean, clean, context);
    assert.deepEqual(stripped.errors.filter((e) => e.code !== 'bad-value' && e.code !== 'unknown-key' && e.code !== 'empty-surface'), [], context);
    assert.deepEqual(
      stripped.annotations.map((a) => [a.clean.start, a.clean.end, a.type]),
      annotations.map((a) => [a.start, a.end, a.type]),
      context,
    );
    for (const a of stripped.annotations) {
      assert.equal(stripped.map.toClean(a.start), a.clean.start, context);
      assert.equal(stripped.map.toClean(a.end), a.clean.end, context);
    }
  }
});

test('fuzz: annotate and remove on random annotated text (malformed parts included) never change the clean text', () => {
  const seed = 130000;
  const next = randomSource(seed);
  for (let n = 0; n < 1500; n++) {
    const text = randomText(next, Math.floor(next() * 40));
    const before = stripAnnotations(text);
    const spans = randomSpans(next, text, 1 + Math.floor(next() * 4)).map((s) => ({ ...s, type: randomType(next) }));
    const annotated = annotateSpans(text, spans);
    const context = `seed ${seed} case ${n}: ${JSON.stringify(text)} → ${JSON.stringify(annotated.text)}`;
    assert.equal(applyEdits(text, annotated.edits), annotated.text, context);
    const after = stripAnnotations(annotated.text);
    assert.equal(after.clean, before.clean, context);
    assert.equal(after.annotations.length, before.annotations.length + spans.length - annotated.refused.length, context);
    const removed = removeAnnotations(annotated.text, () => next() < 0.5);
    assert.equal(applyEdits(annotated.text, removed.edits), removed.text, context);
    assert.equal(stripAnnotations(removed.text).clean, before.clean, `${context} → removed ${JSON.stringify(removed.text)}`);
    const all = removeAnnotations(annotated.text);
    const bare = stripAnnotations(all.text);
    assert.equal(bare.clean, before.clean, context);
    assert.equal(bare.annotations.length, 0, context);
  }
});

test('annotating then removing gives back the original text byte for byte', () => {
  const seed = 150000;
  const next = randomSource(seed);
  for (let n = 0; n < 1000; n++) {
    // Clean texts without annotations of their own (as articles before annotating): encode once.
    const original = buildAnnotatedText(randomText(next, Math.floor(next() * 40)), []).text;
    const spans = randomSpans(next, stripAnnotations(original).clean, 3).map((s) => ({ ...s, type: randomType(next), attributes: randomAttributes(next) }));
    const annotated = annotateSpans(original, spans, { offsets: 'clean' });
    assert.equal(removeAnnotations(annotated.text).text, original, `seed ${seed} case ${n}: ${JSON.stringify(original)} ↔ ${JSON.stringify(annotated.text)}`);
  }
});
