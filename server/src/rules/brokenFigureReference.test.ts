import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brokenFigureReference } from './brokenFigureReference';
import { corpusOf, findingsOf } from './testing';

const target = 'date 2022-02-16\nBiden said 150,000 troops were near Ukraine, up from 130,000.\n';

test('a reference to a figure that exists in another article is fine, by text or by anchor', () => {
  const corpus = corpusOf({
    'a.txt': target.replace('150,000', '[[150,000|figure anchor=biden]]'),
    'b.txt': 'date 2022-02-16\n[[more than 130,000|figure status=superseded ref="a.txt#150,000"]] troops.\n',
    'c.txt': 'date 2022-02-16\n[[more than 130,000|figure status=superseded ref="a.txt#anchor:biden"]] troops.\n',
  });
  assert.deepEqual(findingsOf(brokenFigureReference, corpus, 'b.txt'), []);
  assert.deepEqual(findingsOf(brokenFigureReference, corpus, 'c.txt'), []);
});

test('a missing article, text or anchor breaks the reference', () => {
  const corpus = corpusOf({
    'a.txt': target,
    'b.txt': 'date 2022-02-16\n[[x|figure ref="gone.txt#150,000"]] [[y|figure ref="a.txt#160,000"]] [[z|figure ref="a.txt#anchor:nope"]]\n',
  });
  const findings = findingsOf(brokenFigureReference, corpus, 'b.txt');
  assert.deepEqual(findings.map((f) => f.message.replace(/^Broken figure reference: /, '').split(' ')[0]), ['the', '"160,000"', 'no']);
});
