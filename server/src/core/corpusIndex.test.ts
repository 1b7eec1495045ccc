import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusIndex } from './corpusIndex';

const A = 'file:///corpus/a.txt';

test('an open editor wins over the disk until it closes', () => {
  const corpus = new CorpusIndex();
  assert.equal(corpus.setFromDisk(A, 'date 2022-02-16\nDisk text.'), true);
  corpus.setFromEditor(A, 'date 2022-02-16\nUnsaved text.', 3);
  assert.equal(corpus.editorVersion(A), 3);
  assert.equal(corpus.setFromDisk(A, 'date 2022-02-16\nNewer disk text.'), false, 'disk changes wait while the editor is open');
  assert.match(corpus.get(A)!.text, /Unsaved/);
  assert.equal(corpus.closeEditor(A), true);
  assert.match(corpus.get(A)!.text, /Newer disk text/);
  assert.equal(corpus.editorVersion(A), undefined);
});

test('a file deleted on disk stays while its editor is open, and goes when it closes', () => {
  const corpus = new CorpusIndex();
  corpus.setFromDisk(A, 'x');
  corpus.setFromEditor(A, 'x', 1);
  assert.equal(corpus.removeFromDisk(A), false);
  assert.ok(corpus.has(A));
  corpus.closeEditor(A);
  assert.equal(corpus.has(A), false);
});

test('unchanged text is not analysed again', () => {
  const corpus = new CorpusIndex();
  corpus.setFromDisk(A, 'same');
  const first = corpus.get(A);
  assert.equal(corpus.setFromDisk(A, 'same'), false);
  assert.equal(corpus.get(A), first);
  assert.equal(corpus.size, 1);
  assert.deepEqual([...corpus.articles()].map((a) => a.id), [A]);
});
