import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseArticle } from './article';
import { formatIso } from './dates';

const corpus = join(__dirname, '../../../corpus');
const seed = (name: string) => readFileSync(join(corpus, name), 'utf8');

test('a "date YYYY-MM-DD" prefix on the first line is the dateline, and the body follows on that line', () => {
  const a = parseArticle(seed('000_e84a3163cd5655f9.txt'));
  assert.equal(formatIso(a.header.dateline!.date), '2022-02-16');
  assert.equal(a.header.dateline!.text, 'date 2022-02-16');
  assert.equal(a.header.headline, undefined);
  assert.ok(a.text.slice(a.paragraphs[0]!.start).startsWith('Russia has no plans'));
  assert.ok(a.paragraphs.some((p) => p.heading && a.text.slice(p.start, p.end) === 'Russia Ukraine crisis'));
});

test('headline, compact date and source URL lines form the header', () => {
  const a = parseArticle(seed('001_978851898b15b31b.txt'));
  assert.equal(a.header.headline!.text, 'Russia says it is pulling back some of its troops from the Ukrainian border');
  assert.equal(formatIso(a.header.dateline!.date), '2022-02-15');
  assert.equal(a.header.sourceUrl!.text, 'https://news.yahoo.com/russia-says-pulling-back-troops-084846743.html');
  assert.ok(a.text.slice(a.paragraphs[0]!.start).startsWith('US Secretary of State'));
  assert.equal(a.paragraphs.length, 22, 'one paragraph per line when lines end sentences');
});

test('an article with no header has no dateline and starts its body at 0', () => {
  const a = parseArticle(seed('002_1cd903209d84dacb.txt'));
  assert.equal(a.header.dateline, undefined);
  assert.equal(a.header.bodyStart, 0);
  assert.equal(a.boilerplate.map((b) => b.kind).join(), 'aggregator');
});

test('breadcrumbs glued to the headline are navigation; captions and trailers are boilerplate', () => {
  const a = parseArticle(seed('004_1bc4e39af3ea47f4.txt'));
  assert.equal(a.header.headline!.text, 'Russia says it’s begun to pull back troops from Ukraine border; NATO urges caution');
  const kinds = a.boilerplate.map((b) => `${b.kind}:${a.text.slice(b.start, b.end).slice(0, 11)}`);
  assert.deepEqual(kinds, ['navigation:HomeTrading', 'caption:T-72B3 Main', 'caption:Russian Def', 'comments:No comments', 'comments:leave a com']);
  const c = parseArticle(seed('003_03d3abf5e2ddca13.txt'));
  assert.deepEqual(
    [...new Set(c.boilerplate.map((b) => b.kind))],
    ['syndication', 'copyright', 'aggregator', 'related', 'back-to-top'],
  );
});

test('sentences respect abbreviations, initials and closing quotes', () => {
  const text = 'U.S. President Joe Biden met Dr. Smith on Feb. 16. "We will see," he said. Edith M. Lederer wrote it! Then 3.5 more.';
  const a = parseArticle(text);
  const sentences = a.sentences.map((s) => text.slice(s.start, s.end));
  assert.deepEqual(sentences, [
    'U.S. President Joe Biden met Dr. Smith on Feb. 16.',
    '"We will see," he said.',
    'Edith M. Lederer wrote it!',
    'Then 3.5 more.',
  ]);
});

test('tokens keep codes, numbers and curly apostrophes whole', () => {
  const text = 'T-72B3 tanks, 150,000 troops and $7.4bn; it’s G7 vs COVID-19 — see https://example.com/a?b=1.';
  const a = parseArticle(text);
  const words = a.tokens.map((t) => t.text);
  for (const w of ['T-72B3', '150,000', '7.4bn', 'it’s', 'G7', 'COVID-19', 'https://example.com/a?b=1']) {
    assert.ok(words.includes(w), `${w} in ${words.join(' | ')}`);
  }
});

test('spans stay exact with CRLF, CR, a BOM-less emoji line and mojibake', () => {
  const text = 'Headline with itâ€™s\r\n20220215\r\n\r\n🇺🇦 Kyiv said on Tuesday that itâ€™s calm.\rSecond line here.\r';
  const a = parseArticle(text);
  assert.equal(formatIso(a.header.dateline!.date), '2022-02-15');
  assert.equal(a.header.headline!.text, 'Headline with itâ€™s');
  const words = a.tokens.map((t) => text.slice(t.start, t.end));
  assert.ok(words.includes('itâ€™s'), 'mojibake apostrophe stays inside the word');
  assert.ok(words.includes('Kyiv'));
  assert.deepEqual(a.mojibake.map((m) => [m.text, m.repaired]), [['â€™', '’'], ['â€™', '’']]);
  for (const t of a.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.equal(a.paragraphs.length, 2);
});

test('never throws on hostile input', () => {
  const inputs = ['', '\n\n\n', '\r', '\u0000\u0001', 'x'.repeat(200_000), '1,'.repeat(100_000), '\ud800 lone surrogate', '[[', '.'.repeat(10_000)];
  for (const input of inputs) {
    const a = parseArticle(input);
    assert.ok(a.tokens.every((t) => t.end <= input.length));
  }
});
