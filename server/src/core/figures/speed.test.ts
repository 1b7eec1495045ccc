// Speed of figure extraction and clustering, measured on the bundled code as the server runs it (esbuild), since
// the test loader adds overhead of its own. The figures that count come from `npm run bench`; the bounds here are
// ten times the targets, to catch a hang or a quadratic step on a shared machine, not to measure.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sampleArticle, type FigureSpeed } from './speed';

const here = dirname(fileURLToPath(import.meta.url));

it('extracts and clusters the figures of a 5 KB article, and reads a 1 MB junk line, within ten times the targets', async () => {
  assert.ok(Math.abs(sampleArticle(1).length - 5000) < 10);
  const dir = mkdtempSync(join(tmpdir(), 'figure-speed-'));
  try {
    const outfile = join(dir, 'speed.cjs');
    await build({ entryPoints: [join(here, 'speed.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
    const { measureFigureSpeed } = createRequire(import.meta.url)(outfile) as { measureFigureSpeed: (o: object) => FigureSpeed };
    const speed = measureFigureSpeed({ articles: 200, corpus: 2000 });
    console.log(`figures (bundled): extract+cluster of a 5 KB article with ${speed.figuresPerArticle.toFixed(0)} figures: median ` +
      `${speed.extractAndClusterMsMedian.toFixed(2)} ms (target 2), p95 ${speed.extractAndClusterMsP95.toFixed(2)} ms; ` +
      `1 MB digits-and-commas line ${speed.pathologicalLineMs.toFixed(1)} ms (target < 100)`);
    assert.ok(speed.figuresPerArticle > 10, 'the sample articles have figures');
    assert.ok(speed.extractAndClusterMsMedian < 20, `median ${speed.extractAndClusterMsMedian} ms (target 2 ms)`);
    assert.ok(speed.pathologicalLineMs < 1000, `${speed.pathologicalLineMs} ms (target 100 ms)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
