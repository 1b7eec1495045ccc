import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCleanAnnotations } from './index';
import { figureReferenceTo, findReferencedSpan, formatFigureReference, parseFigureReference, referenceTargetUri } from './references';
import { stripAnnotations } from './syntax';

test('text references: FILE#TEXT is the first occurrence, FILE#TEXT@N the N-th', () => {
  assert.deepEqual(parseFigureReference('000_e84a3163cd5655f9.txt#150,000'), {
    ok: true,
    reference: { file: '000_e84a3163cd5655f9.txt', kind: 'text', text: '150,000', occurrence: 1 },
  });
  assert.deepEqual(parseFigureReference('002_1cd903209d84dacb.txt#130,000 troops@3'), {
    ok: true,
    reference: { file: '002_1cd903209d84dacb.txt', kind: 'text', text: '130,000 troops', occurrence: 3 },
  });
  assert.deepEqual(parseFigureReference('#a@b#c'), { ok: true, reference: { file: '', kind: 'text', text: 'a@b#c', occurrence: 1 } });
});

test('anchor references: FILE#anchor:NAME', () => {
  assert.deepEqual(parseFigureReference('../other/x.txt#anchor:troops-feb15'), {
    ok: true,
    reference: { file: '../other/x.txt', kind: 'anchor', anchor: 'troops-feb15' },
  });
});

test('bad references say what is wrong', () => {
  for (const bad of ['no-hash.txt', 'x.txt#', 'x.txt#@2', 'x.txt#abc@0', '/abs/x.txt#1', 'C:\\x.txt#1', 'file:///x.txt#1', 'x.txt#anchor:bad name']) {
    const parsed = parseFigureReference(bad);
    assert.equal(parsed.ok, false, bad);
    assert.ok(!parsed.ok && parsed.message.length > 5);
  }
});

test('format and parse agree, and text ending in @digits gets an explicit occurrence', () => {
  for (const value of ['a.txt#150,000', 'a.txt#150,000@2', 'a.txt#anchor:x-1', '#x@5@1', 'dir/a b.txt#more than 130,000']) {
    const parsed = parseFigureReference(value);
    assert.ok(parsed.ok, value);
    assert.equal(formatFigureReference(parsed.reference), value);
  }
  assert.equal(formatFigureReference({ file: '', kind: 'text', text: 'x@5', occurrence: 1 }), '#x@5@1');
});

test('resolving and building references against an article', () => {
  const article = stripAnnotations('Up to 150,000 troops. Later 150,000 again. [[190,000|figure anchor=peak]] now.');
  const target = { clean: article.clean, annotations: toCleanAnnotations(article.annotations).map((a, i) => ({ ...a, clean: article.annotations[i]!.clean })) };
  const second = article.clean.indexOf('150,000', article.clean.indexOf('150,000') + 1);
  assert.equal(figureReferenceTo('000.txt', target, { start: second, end: second + 7 }), '000.txt#150,000@2');
  assert.equal(figureReferenceTo('000.txt', target, { start: 6, end: 13 }), '000.txt#150,000');
  const peak = article.annotations[0]!.clean;
  assert.equal(figureReferenceTo('000.txt', target, peak), '000.txt#anchor:peak');
  for (const value of ['000.txt#150,000@2', '000.txt#anchor:peak']) {
    const parsed = parseFigureReference(value);
    assert.ok(parsed.ok);
    const span = findReferencedSpan(parsed.reference, target);
    assert.ok(span);
    assert.equal(figureReferenceTo('000.txt', target, span), value);
  }
  const broken = parseFigureReference('000.txt#150,000@3');
  assert.ok(broken.ok);
  assert.equal(findReferencedSpan(broken.reference, target), undefined);
});

test('reference files resolve against the referencing article\'s URI', () => {
  assert.equal(referenceTargetUri('file:///c/corpus/002.txt', '000_e84a3163cd5655f9.txt'), 'file:///c/corpus/000_e84a3163cd5655f9.txt');
  assert.equal(referenceTargetUri('file:///c/corpus/002.txt', '../other/a b.txt'), 'file:///c/other/a%20b.txt');
  assert.equal(referenceTargetUri('file:///c/corpus/002.txt', ''), 'file:///c/corpus/002.txt');
});
