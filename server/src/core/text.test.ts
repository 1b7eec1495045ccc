import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeArticleBytes, LineIndex } from './text';

test('LF, CRLF and lone CR each end a line', () => {
  const text = 'a\nbb\r\nccc\rdddd';
  const lines = new LineIndex(text);
  assert.deepEqual(lines.lineStarts, [0, 2, 6, 10]);
  assert.deepEqual(lines.positionAt(text.indexOf('ccc')), { line: 2, character: 0 });
  assert.deepEqual(lines.positionAt(text.indexOf('dddd') + 2), { line: 3, character: 2 });
  assert.equal(lines.offsetAt({ line: 1, character: 1 }), 3);
  assert.equal(lines.lineContentEnd(1), 4, 'the CRLF is not part of the line content');
});

test('positions count UTF-16 code units, so an emoji is two', () => {
  const text = '🇺🇦 Kyiv\n😀x';
  const lines = new LineIndex(text);
  assert.deepEqual(lines.positionAt(text.indexOf('Kyiv')), { line: 0, character: 5 });
  assert.deepEqual(lines.positionAt(text.indexOf('x')), { line: 1, character: 2 });
  assert.equal(lines.offsetAt({ line: 1, character: 2 }), text.indexOf('x'));
});

test('offsetAt clamps past the end of a line and of the text', () => {
  const lines = new LineIndex('ab\r\ncd');
  assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2);
  assert.equal(lines.offsetAt({ line: 9, character: 0 }), 6);
  assert.equal(lines.positionAt(-5).character, 0);
});

test('decoding drops a UTF-8 BOM and refuses binary', () => {
  const withBom = decodeArticleBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]));
  assert.deepEqual(withBom, { ok: true, text: 'A', hadBom: true });
  const binary = decodeArticleBytes(new Uint8Array([0x41, 0x00, 0x42]));
  assert.equal(binary.ok, false);
  const invalid = decodeArticleBytes(new Uint8Array([0xff, 0x41]));
  assert.equal(invalid.ok && invalid.text, '\ufffdA', 'invalid UTF-8 becomes U+FFFD instead of throwing');
});
