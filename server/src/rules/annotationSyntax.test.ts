import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotationSyntax } from './annotationSyntax';
import { corpusOf, findingsOf } from './testing';

test('malformed annotations are errors in document offsets, with the parser\'s fix', () => {
  const text = 'date 2022-02-16\n[[Putin|persn]] met [[Scholz in Moscow.\n';
  const findings = findingsOf(annotationSyntax, corpusOf({ 'a.txt': text }), 'a.txt');
  assert.equal(findings.length, 2);
  assert.ok(findings.every((f) => f.offsets === 'document'));
  const [unknownType, unclosed] = findings;
  assert.equal(text.slice(unknownType!.start, unknownType!.end), 'persn');
  assert.equal((unknownType!.data as { code: string }).code, 'unknown-type');
  assert.match(JSON.stringify(unknownType!.data), /person/);
  assert.equal((unclosed!.data as { code: string }).code, 'unclosed');
});

test('well-formed annotations and literal brackets are fine', () => {
  const text = 'date 2022-02-16\n[[Vladimir Putin|person id=Q7747]] said \\[[not an annotation]].\n';
  assert.deepEqual(findingsOf(annotationSyntax, corpusOf({ 'a.txt': text }), 'a.txt'), []);
});

test('wiki and scraped markup that opens no annotation of ours is text, with a hint at most', () => {
  const text = [
    'date 2031-03-01',
    '[[Image:Harbour at dawn.jpg|thumb|220px|Boats in the harbour before the storm.',
    'Pupils did better in [[arithmetic|sums] than last year.',
    '[[File:Map of the bay.png',
    'The mayor of [[Tórshavn|plase said so.',
    '',
  ].join('\n');
  const findings = findingsOf(annotationSyntax, corpusOf({ 'a.txt': text }), 'a.txt');
  const codes = findings.map((f) => `${(f.data as { code: string }).code}:${f.severity ?? 'error'}`);
  assert.deepEqual(codes, ['not-an-annotation:hint', 'not-an-annotation:hint', 'not-an-annotation:hint', 'unclosed:error'],
    'an unknown word after "|" is markup; a word close to one of our types ("plase") is an annotation left open');
});
