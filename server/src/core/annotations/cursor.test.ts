import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotationCursorAt } from './cursor';

/** The context at the "¦" in the text. */
function at(marked: string) {
  const offset = marked.indexOf('¦');
  return annotationCursorAt(marked.replace('¦', ''), offset);
}

test('outside annotations there is no context', () => {
  assert.equal(at('plain ¦text'), undefined);
  assert.equal(at('[[Putin|person]] ¦after'), undefined);
});

test('in the surface', () => {
  assert.deepEqual(at('x [[Put¦in|person]]'), { annotationStart: 2, kind: 'surface' });
  assert.deepEqual(at('x [[Put¦'), { annotationStart: 2, kind: 'surface' });
});

test('typing the type, complete or not', () => {
  assert.deepEqual(at('[[Putin|pe¦'), { annotationStart: 0, kind: 'type', prefix: 'pe', replace: { start: 8, end: 10 } });
  assert.deepEqual(at('[[Putin|¦'), { annotationStart: 0, kind: 'type', prefix: '', replace: { start: 8, end: 8 } });
  assert.deepEqual(at('[[Putin|per¦son id=Q7747]]'), { annotationStart: 0, kind: 'type', prefix: 'per', replace: { start: 8, end: 14 } });
});

test('typing a key, with the keys already present', () => {
  assert.deepEqual(at('[[Putin|person id=Q7747 ¦'), {
    annotationStart: 0, kind: 'key', type: 'person', prefix: '', replace: { start: 24, end: 24 }, presentKeys: ['id'],
  });
  assert.deepEqual(at('[[x|figure status=verified so¦]]'), {
    annotationStart: 0, kind: 'key', type: 'figure', prefix: 'so', replace: { start: 27, end: 29 }, presentKeys: ['status'],
  });
});

test('typing a value, bare or quoted', () => {
  assert.deepEqual(at('[[x|figure status=¦'), {
    annotationStart: 0, kind: 'value', type: 'figure', key: 'status', prefix: '', replace: { start: 18, end: 18 }, quoted: false,
  });
  assert.deepEqual(at('[[x|figure status=ver¦ified]]'), {
    annotationStart: 0, kind: 'value', type: 'figure', key: 'status', prefix: 'ver', replace: { start: 18, end: 26 }, quoted: false,
  });
  assert.deepEqual(at('[[x|figure source="US off¦icials"]]'), {
    annotationStart: 0, kind: 'value', type: 'figure', key: 'source', prefix: 'US off', replace: { start: 18, end: 32 }, quoted: true,
  });
  assert.deepEqual(at('[[Putin|person id=Q77¦'), {
    annotationStart: 0, kind: 'value', type: 'person', key: 'id', prefix: 'Q77', replace: { start: 18, end: 21 }, quoted: false,
  });
});
