import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  TARGET_ARTICLE_BYTES,
  ensureSyntheticCorpus,
  generateArticle,
  writeSyntheticCorpus,
} from '../bench/syntheticCorpus';

const projectRoot = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'corpus-lens-synthetic-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const SAMPLE = Array.from({ length: 600 }, (_, index) => generateArticle(index, 7));

describe('synthetic corpus', () => {
  it('writes byte-identical files for the same count and seed', () => {
    const first = writeSyntheticCorpus(join(scratch, 'a'), 40, 11);
    const second = writeSyntheticCorpus(join(scratch, 'b'), 40, 11);
    assert.equal(first.files.length, 40);
    assert.deepEqual(
      readdirSync(join(scratch, 'a', 'corpus')),
      Array.from({ length: 40 }, (_, i) => `${String(i).padStart(5, '0')}.txt`),
    );
    for (let i = 0; i < 40; i++) {
      assert.ok(readFileSync(first.files[i]!).equals(readFileSync(second.files[i]!)), `file ${i} differs`);
    }
    assert.equal(first.bytes, second.bytes);
  });

  it('gives different articles for another seed or another index', () => {
    assert.notEqual(generateArticle(3, 11), generateArticle(3, 12));
    assert.notEqual(generateArticle(3, 11), generateArticle(4, 11));
    assert.equal(new Set(SAMPLE).size, SAMPLE.length);
  });

  it('keeps every article within 5 KB ± 30%', () => {
    const sizes = SAMPLE.map((text) => Buffer.byteLength(text, 'utf8'));
    for (const [index, size] of sizes.entries()) {
      assert.ok(size >= TARGET_ARTICLE_BYTES * 0.7 && size <= TARGET_ARTICLE_BYTES * 1.3, `article ${index} is ${size} bytes`);
    }
    const mean = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
    assert.ok(Math.abs(mean - TARGET_ARTICLE_BYTES) < TARGET_ARTICLE_BYTES * 0.1, `mean size ${mean}`);
  });

  it('covers the messy features real articles have', () => {
    const some = (pattern: RegExp) => SAMPLE.filter((text) => pattern.test(text)).length;
    const expectations: Array<[string, RegExp]> = [
      ['dateline "date YYYY-MM-DD"', /^\s*date \d{4}-\d\d-\d\d/m],
      ['dateline YYYYMMDD', /^\d{8}\r?$/m],
      ['dateline "February 14, 2022"', /^(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\r?$/m],
      ['dateline "Feb. 16, 2022"', /^(Jan|Feb|Aug|Sept|Oct|Nov|Dec)\. \d{1,2}, \d{4}\r?$/m],
      ['dateline ISO timestamp', /^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z\r?$/m],
      ['source URL line', /^https:\/\/\S+\r?$/m],
      ['byline', /^By [A-Z]/m],
      ['weekday phrase', /\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/],
      ['weekday with date', /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? (Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d/],
      ['cardinal with separators', /\b\d{1,3},\d{3}\b/],
      ['"more than N"', /more than \d/],
      ['"tens of thousands"', /tens of thousands/],
      ['money in bn', /\$\d+(\.\d+)?bn/],
      ['money in euros', /\d+(\.\d+)?bn euros/],
      ['percentage', /\d+\.\d%/],
      ['distance', /\d+ km\b/],
      ['curly quotes', /\u201c[^\u201d]+\u201d/],
      ['mojibake', /\u00e2\u20ac\u2122/],
      ['emoji', /\p{Extended_Pictographic}/u],
      ['CRLF line ends', /\r\n/],
      ['"Related Articles"', /Related Articles/],
      ['"Back to top button"', /Back to top button/],
      ['copyright line', /Copyright (\u00a9|\u00c2\u00a9) 20\d\d/],
      ['aggregator notice', /is an automatic aggregator/],
    ];
    for (const [name, pattern] of expectations) assert.ok(some(pattern) > 0, `no article has ${name}`);
    // Each of those messy features stays a minority, like in real crawls.
    assert.ok(some(/\r\n/) < SAMPLE.length * 0.25, 'too many CRLF articles');
    assert.ok(some(/\u00e2\u20ac/) < SAMPLE.length * 0.15, 'too many mojibake articles');
  });

  it('does not copy paragraphs from the sample corpus', () => {
    const corpusDir = join(projectRoot, 'corpus');
    const seedParagraphs = readdirSync(corpusDir)
      .filter((name) => name.endsWith('.txt'))
      .flatMap((name) => readFileSync(join(corpusDir, name), 'utf8').split(/\n+/))
      .map((line) => line.trim())
      .filter((line) => line.length > 120);
    assert.ok(seedParagraphs.length > 10, 'sample corpus paragraphs not found');
    const generated = SAMPLE.join('\n');
    for (const paragraph of seedParagraphs) assert.ok(!generated.includes(paragraph), `copied: ${paragraph.slice(0, 60)}…`);
  });

  it('reuses a complete cached corpus and regenerates an incomplete one', () => {
    const root = join(scratch, 'cache');
    const fresh = ensureSyntheticCorpus(12, 5, root);
    assert.equal(fresh.cached, false);
    const mtime = statSync(fresh.files[3]!).mtimeMs;
    const again = ensureSyntheticCorpus(12, 5, root);
    assert.equal(again.cached, true);
    assert.equal(again.bytes, fresh.bytes);
    assert.equal(statSync(again.files[3]!).mtimeMs, mtime);
    rmSync(fresh.files[7]!);
    const repaired = ensureSyntheticCorpus(12, 5, root);
    assert.equal(repaired.cached, false);
    assert.equal(readFileSync(repaired.files[7]!, 'utf8'), generateArticle(7, 5));
  });
});
