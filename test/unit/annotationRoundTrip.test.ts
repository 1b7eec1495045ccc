// Round trips of inline annotations over the seed corpus and fuzzed text, through the core API and the CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { analyzeArticle } from '../../server/src/core/analysis';
import {
  annotateSpans, buildAnnotatedText, exportBrat, importBrat, orderedAttributes, removeAnnotations, stripAnnotations, toCleanAnnotations,
  type CleanAnnotation,
} from '../../server/src/core/annotations';
import { randomAttributes, randomSource, randomSpans, randomText, randomType } from '../../server/src/core/annotations/randomText';
import { tokenize } from '../../server/src/core/tokenize';

const root = join(__dirname, '../..');
const corpus = join(root, 'corpus');
const cli = join(root, 'dist/cli.js');
const seeds = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
const temporary: string[] = [];
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-annotations-'));
  temporary.push(dir);
  return dir;
}

function comparable(annotations: readonly CleanAnnotation[]) {
  return annotations.map((a) => ({ start: a.start, end: a.end, type: a.type, attributes: orderedAttributes(a.attributes) }));
}

/** Each seed as it is, with CRLF line ends, with a BOM, and with emoji and brackets mixed in. */
function seedVariants(): Array<[string, string]> {
  const variants: Array<[string, string]> = [];
  for (const name of seeds) {
    const text = readFileSync(join(corpus, name), 'utf8');
    variants.push([name, text]);
    variants.push([`${name} (CRLF)`, text.replace(/\r?\n/g, '\r\n')]);
    variants.push([`${name} (BOM, emoji, brackets)`, `\ufeff😀 ${text.replace(/Ukraine/g, 'Ukraine 🇺🇦 [[x]] a|b \\').replace(/Russia\b/g, '[[Russia')}`]);
  }
  return variants;
}

test('there are seeds to test', () => {
  assert.ok(seeds.length >= 5, `found ${seeds.length} seeds in corpus/`);
});

test('every seed strips to itself (no annotations) with an identity map', () => {
  for (const name of seeds) {
    const text = readFileSync(join(corpus, name), 'utf8');
    const { clean, map, annotations } = stripAnnotations(text);
    assert.equal(clean, text, name);
    assert.equal(map.identity, true, name);
    assert.equal(annotations.length, 0, name);
  }
});

test('annotating every recognized entity of every seed and removing them all gives each seed back byte for byte', () => {
  for (const name of seeds) {
    const text = readFileSync(join(corpus, name), 'utf8');
    const entities = analyzeArticle(`file:///corpus/${name}`, text).entities;
    assert.ok(entities.length > 0, `${name}: the recognizer found entities`);
    const requests = entities.map((m) => ({
      start: m.start,
      end: m.end,
      type: m.type,
      attributes: m.entityKey && /^Q\d+$/.test(m.entityKey) ? { id: m.entityKey } : { ref: m.canonical },
    }));
    const annotated = annotateSpans(text, requests);
    assert.deepEqual(annotated.refused, [], name);
    const stripped = stripAnnotations(annotated.text);
    assert.equal(stripped.clean, text, `${name}: strip gives the seed back`);
    assert.deepEqual(stripped.errors, [], name);
    assert.equal(stripped.annotations.length, entities.length, name);
    for (const [i, m] of entities.entries()) assert.deepEqual(stripped.annotations[i]!.clean, { start: m.start, end: m.end }, `${name}: offsets of ${m.text}`);
    assert.equal(removeAnnotations(annotated.text).text, text, `${name}: removing every annotation gives the seed back`);
  }
});

test('annotating every word of every seed variant, then stripping and removing, gives it back byte for byte', () => {
  for (const [name, text] of seedVariants()) {
    const base = buildAnnotatedText(stripAnnotations(text).clean, []).text; // the variant with its literal "[[" escaped
    const { clean } = stripAnnotations(base);
    const words = tokenize(clean).filter((t) => t.kind === 'word').map((t, i) => ({ start: t.start, end: t.end, type: i % 2 ? 'person' : 'place' }));
    const annotated = annotateSpans(base, words, { offsets: 'clean' });
    assert.deepEqual(annotated.refused, [], name);
    assert.equal(stripAnnotations(annotated.text).clean, clean, name);
    assert.equal(removeAnnotations(annotated.text).text, base, name);
  }
});

test('fuzz: random non-overlapping spans over seeds and random Unicode (with [[, ]], |, \\, emoji, CRLF) strip back exactly', () => {
  const seed = 2022;
  const next = randomSource(seed);
  const texts = seedVariants().map(([, t]) => t);
  for (let n = 0; n < 600; n++) {
    const source = texts[n % texts.length]!;
    const from = Math.floor(next() * source.length);
    const clean = n % 3 === 0 ? randomText(next, 60) : source.slice(from, from + 400) + randomText(next, 20);
    const annotations = randomSpans(next, clean, 6).map((s) => ({ ...s, type: randomType(next), attributes: randomAttributes(next) }));
    const built = buildAnnotatedText(clean, annotations);
    const context = `seed ${seed} case ${n}`;
    assert.deepEqual(built.refused, [], context);
    const parsed = stripAnnotations(built.text);
    assert.equal(parsed.clean, clean, context);
    assert.deepEqual(comparable(toCleanAnnotations(parsed.annotations)), comparable(annotations), context);
    assert.equal(removeAnnotations(built.text).text, buildAnnotatedText(clean, []).text, context);
    const brat = exportBrat(parsed.clean, toCleanAnnotations(parsed.annotations));
    const back = importBrat(parsed.clean, brat.text);
    assert.deepEqual(comparable(back.annotations), comparable(toCleanAnnotations(parsed.annotations)), `${context}: brat round trip`);
    assert.equal(back.text, built.text, `${context}: brat round trip text`);
  }
});

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary copy of the seeds with some annotations, one of them next to an emoji. */
function annotatedCopy(): { dir: string; texts: Map<string, string> } {
  const dir = temporaryDir();
  const texts = new Map<string, string>();
  for (const name of seeds) {
    let text = readFileSync(join(corpus, name), 'utf8');
    if (name.startsWith('002')) text = `😀 ${text}`;
    const words = [
      { word: 'Putin', type: 'person', attributes: { id: 'Q7747' } },
      { word: 'Ukraine', type: 'place', attributes: { id: 'Q212', note: 'the country, "not" the region' } },
      { word: '130,000', type: 'figure', attributes: { min: '130000', status: 'superseded', source: 'US officials', ref: '000_e84a3163cd5655f9.txt#150,000' } },
    ];
    const requests = words.flatMap((w) => {
      const start = text.indexOf(w.word);
      return start < 0 ? [] : [{ start, end: start + w.word.length, type: w.type, attributes: w.attributes }];
    });
    text = annotateSpans(text, requests).text;
    writeFileSync(join(dir, name), text);
    texts.set(name, text);
  }
  return { dir, texts };
}

test('CLI: export --format brat then import --out gives back the annotated articles byte for byte', () => {
  if (!existsSync(cli)) {
    assert.fail('dist/cli.js is missing: run node scripts/build.mjs first');
  }
  const { dir, texts } = annotatedCopy();
  const brat = join(dir, 'brat');
  const exported = run('export', '--format', 'brat', '--out', brat, ...seeds.map((s) => join(dir, s)));
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(exported.stderr, new RegExp(`exported ${seeds.length} articles`));
  for (const name of seeds) {
    const clean = readFileSync(join(brat, name), 'utf8');
    assert.equal(clean, readFileSync(join(corpus, name), 'utf8').replace(/^/, name.startsWith('002') ? '😀 ' : ''), `${name}: the brat .txt is the clean text`);
    assert.ok(existsSync(join(brat, name.replace(/\.txt$/, '.ann'))));
  }
  const ann002 = readFileSync(join(brat, '002_1cd903209d84dacb.ann'), 'utf8');
  const clean002 = readFileSync(join(brat, '002_1cd903209d84dacb.txt'), 'utf8');
  const putin = /^T\d+\tperson (\d+) (\d+)\tPutin$/m.exec(ann002);
  assert.ok(putin, ann002);
  assert.equal([...clean002].slice(Number(putin[1]), Number(putin[2])).join(''), 'Putin', 'brat offsets count the emoji as one code point');
  assert.match(ann002, /^N\d+\tReference T\d+ Wikidata:Q7747\tPutin$/m);
  assert.match(ann002, /^A\d+\tstatus T\d+ superseded$/m);
  assert.match(readFileSync(join(brat, '000_e84a3163cd5655f9.ann'), 'utf8'), /^#\d+\tAnnotatorNotes T\d+\tthe country, "not" the region$/m);
  assert.ok(existsSync(join(brat, 'annotation.conf')));

  const back = join(dir, 'back');
  const imported = run('import', '--format', 'brat', brat, '--out', back);
  assert.equal(imported.code, 0, imported.stderr);
  for (const name of seeds) {
    assert.equal(readFileSync(join(back, name), 'utf8'), texts.get(name), `${name}: import gives back the annotated article`);
    const a = stripAnnotations(texts.get(name)!);
    const b = stripAnnotations(readFileSync(join(back, name), 'utf8'));
    assert.deepEqual(comparable(toCleanAnnotations(b.annotations)), comparable(toCleanAnnotations(a.annotations)), name);
  }
});

test('CLI: import without --out rewrites the brat folder in place, once', () => {
  const { dir, texts } = annotatedCopy();
  const brat = join(dir, 'brat');
  assert.equal(run('export', '--out', brat, dir).code, 0);
  const first = run('import', brat);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /imported 5 articles .* in place/);
  for (const name of seeds) assert.equal(readFileSync(join(brat, name), 'utf8'), texts.get(name), name);
  const second = run('import', brat);
  assert.equal(second.code, 0);
  assert.match(second.stderr, /already has inline annotations/);
  for (const name of seeds) assert.equal(readFileSync(join(brat, name), 'utf8'), texts.get(name), `${name}: unchanged by a second import`);
});

test('CLI: export --format jsonl and conll', () => {
  const { dir } = annotatedCopy();
  const out = join(dir, 'out');
  mkdirSync(out);
  assert.equal(run('export', '--format', 'jsonl', '--out', out, dir).code, 0);
  const rows = readFileSync(join(out, 'corpus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; spans: Array<{ start: number; end: number; text: string; label: string }>; meta: { file: string } });
  assert.equal(rows.length, seeds.length);
  for (const row of rows) {
    for (const s of row.spans) assert.equal([...row.text].slice(s.start, s.end).join(''), s.text, `${row.meta.file}: code point offsets`);
  }
  assert.ok(rows.some((r) => r.spans.some((s) => s.label === 'figure' && s.text === '130,000')));
  assert.equal(run('export', '--format', 'conll', '--out', out, dir).code, 0);
  const conll = readFileSync(join(out, 'corpus.conll'), 'utf8');
  assert.equal(conll.split('-DOCSTART-').length - 1, seeds.length);
  assert.match(conll, /^Putin\tB-person$/m);
  assert.match(conll, /^130,000\tB-figure$/m);
});

test('CLI: export reports malformed annotations and exits 1; bad usage exits 2', () => {
  const dir = temporaryDir();
  writeFileSync(join(dir, 'bad.txt'), 'A [[Putin|persn]] and [[Kyiv\n');
  const r = run('export', '--out', join(dir, 'out'), join(dir, 'bad.txt'));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /bad\.txt:1:11 error annotation-unknown-type unknown type "persn"/);
  assert.match(r.stderr, /bad\.txt:1:23 error annotation-unclosed/);
  for (const args of [['export', dir], ['export', '--format', 'text', '--out', dir], ['import'], ['import', '--format', 'jsonl', dir], ['dates', '--out', dir]]) {
    const bad = run(...args);
    assert.equal(bad.code, 2, args.join(' '));
  }
});
