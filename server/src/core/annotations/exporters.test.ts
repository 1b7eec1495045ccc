import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportConll, exportJsonl } from './exporters';
import { toCleanAnnotations } from './index';
import { stripAnnotations } from './syntax';

const ANNOTATED = '🇺🇦 [[Kyiv|place id=Q1899]]: 😀 [[Vladimir Putin|person id=Q7747]] said [[more than 130,000 troops|figure min=130000 status=superseded]].\nNew line.';

test('JSONL: text, Prodigy spans and doccano labels in code points (Python string indices)', () => {
  const { clean, annotations } = stripAnnotations(ANNOTATED);
  const { text, warnings } = exportJsonl(clean, toCleanAnnotations(annotations), { file: 'x.txt' });
  assert.deepEqual(warnings, []);
  assert.ok(text.endsWith('\n') && !text.slice(0, -1).includes('\n'), 'one line');
  const row = JSON.parse(text) as { text: string; spans: Array<Record<string, unknown>>; label: Array<[number, number, string]>; meta: unknown };
  assert.equal(row.text, clean);
  assert.deepEqual(row.meta, { file: 'x.txt' });
  const codePoints = [...clean];
  for (const span of row.spans) {
    assert.equal(codePoints.slice(span.start as number, span.end as number).join(''), span.text);
  }
  assert.deepEqual(row.spans[0], { start: 3, end: 7, label: 'place', text: 'Kyiv', kb_id: 'Q1899', attributes: { id: 'Q1899' } });
  assert.deepEqual(row.spans[1]!.start, 11, 'flag (2 code points) + space + Kyiv + ": " + emoji (1) + space');
  assert.deepEqual(row.label, [[3, 7, 'place'], [11, 25, 'person'], [31, 55, 'figure']]);
  assert.deepEqual(row.spans[2]!.attributes, { min: '130000', status: 'superseded' });
});

test('CoNLL: BIO per token, a blank line between sentences and lines', () => {
  const { clean, annotations } = stripAnnotations(ANNOTATED);
  const { text, warnings } = exportConll(clean, toCleanAnnotations(annotations));
  assert.deepEqual(warnings, []);
  assert.equal(
    text,
    [
      '-DOCSTART-\tO',
      '',
      '🇺\tO', // the tokenizer splits a flag into its two regional indicators
      '🇦\tO',
      'Kyiv\tB-place',
      ':\tO',
      '😀\tO',
      'Vladimir\tB-person',
      'Putin\tI-person',
      'said\tO',
      'more\tB-figure',
      'than\tI-figure',
      '130,000\tI-figure',
      'troops\tI-figure',
      '.\tO',
      '',
      'New\tO',
      'line\tO',
      '.\tO',
      '',
      '',
    ].join('\n'),
  );
});

test('CoNLL warns when an annotation covers part of a token', () => {
  const { clean, annotations } = stripAnnotations("[[Kharkov|place]]'s mayor and [[US|place]]-[[Russia|place]] talks");
  const { text, warnings } = exportConll(clean, toCleanAnnotations(annotations));
  assert.match(text, /^Kharkov's\tB-place$/m);
  assert.match(text, /^US-Russia\tB-place$/m);
  assert.equal(warnings.length, 4);
});
