import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportBrat, importBrat } from './brat';
import { annotationCursorAt } from './cursor';
import { annotateSpans, removeAnnotations } from './edit';
import { exportConll, exportJsonl } from './exporters';
import { toCleanAnnotations } from './index';
import { randomSource, randomText } from './randomText';
import { stripAnnotations } from './syntax';

/** Random UTF-16 code units, heavy on the characters the syntax uses. */
function randomUnits(next: () => number, length: number): string {
  const special = '[[]]|\\"= \n\r\t#@:';
  let out = '';
  for (let i = 0; i < length; i++) {
    const r = next();
    out += r < 0.6 ? special[Math.floor(next() * special.length)] : String.fromCharCode(Math.floor(next() * 0x10000));
  }
  return out;
}

test('nothing throws on random input, and the offset map is consistent', () => {
  const seed = 424242;
  const next = randomSource(seed);
  for (let n = 0; n < 3000; n++) {
    const text = n % 2 ? randomUnits(next, Math.floor(next() * 60)) : randomText(next, Math.floor(next() * 30));
    const context = `seed ${seed} case ${n}: ${JSON.stringify(text)}`;
    const { clean, map, annotations, errors } = stripAnnotations(text);
    assert.equal(map.cleanLength, clean.length, context);
    for (let c = 0; c <= clean.length; c++) {
      assert.equal(map.toClean(map.toAnnotated(c, 'start')), c, context);
      assert.equal(map.toClean(map.toAnnotated(c, 'end')), c, context);
    }
    let previous = 0;
    for (let o = 0; o <= text.length; o++) {
      const c = map.toClean(o);
      assert.ok(c >= previous, `${context}: toClean is monotonic`);
      previous = c;
    }
    for (const e of errors) assert.ok(e.start >= 0 && e.end <= text.length && e.start <= e.end, context);
    for (const a of annotations) assert.equal(clean.slice(a.clean.start, a.clean.end), a.surface, context);
    const offset = Math.floor(next() * (text.length + 1));
    annotationCursorAt(text, offset);
    const spans = [{ start: Math.floor(next() * text.length), end: Math.floor(next() * (text.length + 1)), type: 'person' }];
    annotateSpans(text, spans);
    removeAnnotations(text);
    const cleanAnnotations = toCleanAnnotations(annotations);
    exportJsonl(clean, cleanAnnotations);
    exportConll(clean, cleanAnnotations);
    const brat = exportBrat(clean, cleanAnnotations);
    importBrat(clean, brat.text);
    importBrat(text, randomUnits(next, 40));
  }
});

test('parsing is linear on adversarial input', () => {
  const size = 200_000;
  const inputs: Record<string, string> = {
    'openers only': '[['.repeat(size / 2),
    'unclosed surfaces': '[[a '.repeat(size / 4),
    'unclosed quotes': '[[a|b k="'.repeat(size / 9),
    'long "[" run': `${'['.repeat(size)}x|person]]`,
    'backslashes before openers': `${'\\'.repeat(size)}[[x|person]]`,
    'escaped openers': '\\[['.repeat(size / 3),
    'many annotations': '[[a|person]] '.repeat(size / 13),
    'bars and brackets': '[[a|b|c]] ]] | ['.repeat(size / 16),
  };
  for (const [name, text] of Object.entries(inputs)) {
    const started = performance.now();
    const { clean } = stripAnnotations(text);
    const elapsed = performance.now() - started;
    assert.ok(clean.length <= text.length);
    // A quadratic pass over 200,000 characters takes minutes; linear takes milliseconds.
    assert.ok(elapsed < 2000, `${name}: ${elapsed.toFixed(0)} ms for ${text.length} characters`);
  }
});
