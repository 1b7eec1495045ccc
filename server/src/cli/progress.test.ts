import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Progress, type ProgressStream } from './progress';

function stream(isTTY: boolean): ProgressStream & { text: string } {
  return { isTTY, columns: 60, text: '', write(t: string) { this.text += t; } };
}

test('on a terminal the bar is drawn, throttled, always at the end, and cleared', () => {
  let clock = 0;
  const out = stream(true);
  const progress = new Progress('Reading', 4, out, () => clock);
  progress.update(1);
  progress.update(2); // within the redraw interval: skipped
  clock += 150;
  progress.update(3);
  progress.update(4); // the last step is always drawn
  progress.done();
  const frames = out.text.split('\r').filter(Boolean);
  assert.deepEqual(frames, [
    'Reading [######------------------] 1/4\x1b[K',
    'Reading [##################------] 3/4\x1b[K',
    'Reading [########################] 4/4\x1b[K',
    '\x1b[K',
  ]);
});

test('anywhere else, nothing at all', () => {
  const out = stream(false);
  const progress = new Progress('Reading', 4, out);
  for (let i = 1; i <= 4; i++) progress.update(i);
  progress.done();
  assert.equal(out.text, '');
});

test('a terminal that does not tell its width gets the whole line', () => {
  const out = { isTTY: true, columns: 0, text: '', write(t: string) { this.text += t; } };
  new Progress('Checking', 2, out).update(1);
  assert.equal(out.text, '\rChecking [############------------] 1/2\x1b[K');
});
