import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyEdits } from './edit';
import { parseAnnotations, stripAnnotations } from './syntax';

const ISSUE_EXAMPLE =
  'Russian President [[Vladimir Putin|person id=Q7747]] visited [[Kharkov|place ref="Kharkiv"]] as ' +
  '[[more than 130,000 troops|figure min=130000 unit=troops status=superseded source="US officials"]] waited.';

test('the issue\'s examples parse into surface, type and ordered attributes with spans', () => {
  const { annotations, errors } = parseAnnotations(ISSUE_EXAMPLE);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    annotations.map((a) => [a.surface, a.type, a.attributes.map((x) => `${x.key}=${x.value}`)]),
    [
      ['Vladimir Putin', 'person', ['id=Q7747']],
      ['Kharkov', 'place', ['ref=Kharkiv']],
      ['more than 130,000 troops', 'figure', ['min=130000', 'unit=troops', 'status=superseded', 'source=US officials']],
    ],
  );
  const putin = annotations[0]!;
  assert.equal(ISSUE_EXAMPLE.slice(putin.start, putin.end), '[[Vladimir Putin|person id=Q7747]]');
  assert.equal(ISSUE_EXAMPLE.slice(putin.surfaceSpan.start, putin.surfaceSpan.end), 'Vladimir Putin');
  assert.equal(ISSUE_EXAMPLE.slice(putin.typeSpan.start, putin.typeSpan.end), 'person');
  const source = annotations[2]!.attributes[3]!;
  assert.equal(ISSUE_EXAMPLE.slice(source.keySpan.start, source.keySpan.end), 'source');
  assert.equal(ISSUE_EXAMPLE.slice(source.valueSpan.start, source.valueSpan.end), '"US officials"');
  assert.equal(source.quoted, true);
  assert.equal(annotations.some((a) => a.hasErrors), false);
});

test('stripping gives the text without annotations, and clean spans point at the surfaces', () => {
  const { clean, annotations } = stripAnnotations(ISSUE_EXAMPLE);
  assert.equal(clean, 'Russian President Vladimir Putin visited Kharkov as more than 130,000 troops waited.');
  for (const a of annotations) assert.equal(clean.slice(a.clean.start, a.clean.end), a.surface);
});

test('text without annotations comes back as the same string and an identity map', () => {
  const text = 'No annotations here: a | b ] c [ d \\ e';
  const { clean, map } = stripAnnotations(text);
  assert.equal(clean, text);
  assert.equal(map.identity, true);
  assert.equal(map.toClean(7), 7);
  assert.equal(map.toAnnotated(7), 7);
});

test('escapes in the surface: \\], \\|, \\[, \\\\ and an escaped line break', () => {
  const text = '[[a\\]\\]b\\|c\\\\d\\[\\[e\\\r\nf|person]] tail';
  const { clean, annotations, errors } = stripAnnotations(text);
  assert.deepEqual(errors, []);
  assert.equal(annotations[0]!.surface, 'a]]b|c\\d[[e\r\nf');
  assert.equal(clean, 'a]]b|c\\d[[e\r\nf tail');
});

test('a backslash before other characters in a surface is literal', () => {
  assert.equal(stripAnnotations('[[C:\\temp|place]]').clean, 'C:\\temp');
});

test('outside annotations, "\\[[" is a literal "[[" and "\\\\" before "[[" is one backslash', () => {
  assert.equal(stripAnnotations('see \\[[x|person]] here').clean, 'see [[x|person]] here');
  assert.equal(stripAnnotations('see \\\\[[x|person]] here').clean, 'see \\x here');
  assert.equal(stripAnnotations('see \\\\\\[[x|person]] here').clean, 'see \\[[x|person]] here');
  assert.equal(stripAnnotations('a \\ b \\\\ c').clean, 'a \\ b \\\\ c', 'backslashes elsewhere are literal');
});

test('in a run of "[", the last two open the annotation', () => {
  const { clean, annotations } = stripAnnotations('x [[[Kyiv|place]] y');
  assert.equal(clean, 'x [Kyiv y');
  assert.equal(annotations[0]!.start, 3);
});

test('quoted values: escapes \\" \\\\ \\n \\r \\t \\[ \\]; "]]" inside quotes does not close', () => {
  const { annotations, errors } = parseAnnotations('[[x|figure note="a \\"q\\" b\\\\c\\nd\\te ]] \\[\\[f\\]\\]"]]');
  assert.deepEqual(errors, []);
  assert.equal(annotations[0]!.attributes[0]!.value, 'a "q" b\\c\nd\te ]] [[f]]');
});

test('CRLF, BOM and emoji around annotations keep offsets right', () => {
  const text = '\ufeffLine one 😀\r\n[[Kyiv|place]] 🇺🇦 and\r\n[[Kharkiv|place]]\r\n';
  const { clean, annotations, map } = stripAnnotations(text);
  assert.equal(clean, '\ufeffLine one 😀\r\nKyiv 🇺🇦 and\r\nKharkiv\r\n');
  for (const a of annotations) {
    assert.equal(clean.slice(a.clean.start, a.clean.end), a.surface);
    assert.equal(map.toClean(a.surfaceSpan.start), a.clean.start);
    assert.equal(map.toAnnotated(a.clean.start, 'start'), a.surfaceSpan.start);
    assert.equal(map.toAnnotated(a.clean.end, 'end'), a.surfaceSpan.end);
  }
});

test('the offset map: start side goes inside the annotation, end side stops before "|type]]"', () => {
  const text = 'ab [[Kyiv|place]] cd';
  const { map } = stripAnnotations(text);
  // clean: "ab Kyiv cd"
  assert.equal(map.toClean(0), 0);
  assert.equal(map.toClean(3), 3, 'the "[[" maps to the surface start');
  assert.equal(map.toClean(4), 3);
  assert.equal(map.toClean(5), 3, 'surface start');
  assert.equal(map.toClean(9), 7, 'surface end');
  assert.equal(map.toClean(12), 7, 'inside "|place]]"');
  assert.equal(map.toClean(17), 7, 'just after "]]"');
  assert.equal(map.toClean(18), 8);
  assert.equal(map.toClean(text.length), 10);
  assert.equal(map.toAnnotated(3, 'start'), 5);
  assert.equal(map.toAnnotated(3, 'end'), 3);
  assert.equal(map.toAnnotated(7, 'end'), 9);
  assert.equal(map.toAnnotated(7, 'start'), 17);
  assert.deepEqual(map.spanToAnnotated({ start: 3, end: 7 }), { start: 5, end: 9 });
  assert.deepEqual(map.spanToClean({ start: 3, end: 17 }), { start: 3, end: 7 });
  assert.equal(map.toClean(-4), 0);
  assert.equal(map.toClean(1e9), 10);
});

test('the start side of an escaped surface character stays before its backslash', () => {
  const text = '[[\\[x|place]]';
  const { map, clean } = stripAnnotations(text);
  assert.equal(clean, '[x');
  assert.equal(map.toAnnotated(0, 'start'), 2, 'at the backslash, not after it');
  assert.equal(map.toAnnotated(1, 'start'), 4);
});

test('every map round trip: toClean(toAnnotated(c)) === c on both sides', () => {
  const text = 'x \\\\[[a\\|b|person]] \\[[ [[c|place]][[d|place]] \\';
  const { clean, map } = stripAnnotations(text);
  for (let c = 0; c <= clean.length; c++) {
    assert.equal(map.toClean(map.toAnnotated(c, 'start')), c);
    assert.equal(map.toClean(map.toAnnotated(c, 'end')), c);
  }
});

test('malformed annotations stay as written and say why', () => {
  const cases: Array<[string, string]> = [
    ['a [[Putin b', 'unclosed'],
    ['a [[Putin|person b\nnext', 'unclosed'],
    ['[[outer [[Putin|person]] x|person]]', 'nested'],
    ['[[Putin]]', 'missing-surface-separator'],
    ['[[Putin|person note="open]]', 'unterminated-quote'],
  ];
  for (const [text, code] of cases) {
    const { errors, clean } = stripAnnotations(text);
    assert.equal(errors[0]?.code, code, text);
    assert.ok(errors[0]!.message.length > 10);
    if (code !== 'nested') assert.equal(clean, text, `${text} stays literal`);
  }
  const nested = stripAnnotations('[[outer [[Putin|person]] x|person]]');
  assert.equal(nested.annotations.length, 1, 'the inner annotation still parses');
  assert.equal(nested.clean, '[[outer Putin x|person]]');
});

test('semantic errors keep the annotation (it strips) and offer fixes that remove the error', () => {
  const cases: Array<[string, string, string]> = [
    ['[[Putin|persn]]', 'unknown-type', '[[Putin|person]]'],
    ['[[Putin|Person]]', 'unknown-type', '[[Putin|person]]'],
    ['[[Putin|org]]', 'unknown-type', '[[Putin|organization]]'],
    ['[[Putin|person qid=Q7747]]', 'unknown-key', '[[Putin|person id=Q7747]]'],
    ['[[x|figure stauts=verified]]', 'unknown-key', '[[x|figure status=verified]]'],
    ['[[x|figure id=troops]]', 'unknown-key', '[[x|figure anchor=troops]]'],
    ['[[Putin|person id=7747]]', 'bad-value', '[[Putin|person id=Q7747]]'],
    ['[[Putin|person id=https://www.wikidata.org/wiki/Q7747]]', 'bad-value', '[[Putin|person id=Q7747]]'],
    ['[[x|figure min=130,000]]', 'bad-value', '[[x|figure min=130000]]'],
    ['[[x|figure status=superseeded]]', 'bad-value', '[[x|figure status=superseded]]'],
    ['[[x|figure status=outdated]]', 'bad-value', '[[x|figure status=superseded]]'],
    ['[[x|date value=2022/2/15]]', 'bad-value', '[[x|date value=2022-02-15]]'],
    ['[[x|figure source=US officials]]', 'missing-value', '[[x|figure source="US officials"]]'],
    ['[[x|figure unit=troops unit=soldiers]]', 'duplicate-key', '[[x|figure unit=troops]]'],
    ['[[a|b|person]]', 'unescaped-bar', '[[a\\|b|person]]'],
    ['[[x|figure note="a\\qb"]]', 'bad-escape', '[[x|figure note="a\\\\qb"]]'],
    ['[[Putin|person id=Q7747', 'unclosed', '[[Putin|person id=Q7747]]'],
  ];
  for (const [text, code, fixed] of cases) {
    const { errors, annotations } = stripAnnotations(text);
    const error = errors.find((e) => e.code === code);
    assert.ok(error, `${text}: expected ${code}, got ${errors.map((e) => e.code).join(', ')}`);
    if (code !== 'unclosed') assert.equal(annotations[0]?.hasErrors, true, text);
    assert.ok(error.fix, `${text}: a fix`);
    assert.equal(applyEdits(text, error.fix.edits), fixed, text);
    assert.deepEqual(stripAnnotations(fixed).errors, [], `${fixed} has no errors left`);
  }
});

test('errors without a clear fix still have spans and messages', () => {
  const cases: Array<[string, string]> = [
    ['[[Putin|]]', 'missing-type'],
    ['[[Putin|id=Q7747]]', 'missing-type'],
    ['[[|person]]', 'empty-surface'],
    ['[[x|figure status]]', 'missing-value'],
    ['[[x|figure status=]]', 'missing-value'],
    ['[[x|figure ="a"]]', 'missing-value'],
    ['[[x|figure "a"]]', 'missing-value'],
    ['[[x|figure a]b]]', 'unexpected-character'],
    ['[[x|figure min=5 max=3]]', 'bad-value'],
    ['[[x|figure anchor=a]] [[y|figure anchor=a]]', 'duplicate-anchor'],
    ['[[x|person status=verified]]', 'unknown-key'],
    ['[[x|figure ref=nohash]]', 'bad-value'],
    ['[[x|date value=2022-02-30]]', 'bad-value'],
  ];
  for (const [text, code] of cases) {
    const { errors, clean } = stripAnnotations(text);
    const error = errors.find((e) => e.code === code);
    assert.ok(error, `${text}: expected ${code}, got ${errors.map((e) => `${e.code}`).join(', ')}`);
    assert.ok(error.end >= error.start && error.end <= text.length);
    assert.ok(!clean.includes('|'), `${text} still strips`);
  }
  assert.match(stripAnnotations('[[x|person status=verified]]').errors[0]!.message, /status is a key of figure annotations/);
});

test('an unclosed annotation with prose after it gets no "]]" fix (the end is not clear)', () => {
  const { errors } = stripAnnotations('[[Putin|person said on Tuesday that');
  assert.equal(errors[0]!.code, 'unclosed');
  assert.equal(errors[0]!.fix, undefined);
});

test('an annotation may not span an unescaped line break, in the surface or after it', () => {
  assert.equal(stripAnnotations('[[Vladimir\nPutin|person]]').errors[0]!.code, 'unclosed');
  assert.equal(stripAnnotations('[[Putin|person\nid=Q7747]]').errors[0]!.code, 'unclosed');
  const ok = stripAnnotations('[[Vladimir\\\nPutin|person]]');
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.clean, 'Vladimir\nPutin');
});

test('fixtures: the annotated sample has no errors; each malformed line has its error', () => {
  const fixtures = join(__dirname, '../../../../test/fixtures/annotations');
  const sample = readFileSync(join(fixtures, 'annotated.txt'), 'utf8');
  const parsed = stripAnnotations(sample);
  assert.deepEqual(parsed.errors, []);
  assert.equal(parsed.annotations.length, 13);
  assert.match(parsed.clean, /Literal brackets stay text: \[\[citation needed\]\], a\|b, C:\\temp, 😀 and Kyiv\|Kiev\./);
  for (const line of readFileSync(join(fixtures, 'malformed.txt'), 'utf8').split('\n').filter(Boolean)) {
    const code = line.slice(0, line.indexOf(':'));
    const codes = stripAnnotations(line).errors.map((e) => e.code);
    assert.ok(codes.includes(code as (typeof codes)[number]), `${line}: got ${codes.join(', ')}`);
  }
});
