import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusIndex } from './corpusIndex';
import { annotationProgress, entityMentions, entityRows, normalizedFigure, quantityLabel, quantityRows, snippetAround } from './corpusViews';
import { articleNotes, markSpans } from './editorMarks';
import type { Figure } from './figures/types';

const A = 'file:///corpus/001_aaaaaaaa.txt';
const B = 'file:///corpus/002_bbbbbbbb.txt';
const TEXT_A = 'Troops stay\ndate 2022-02-16\n\nUkrainian Foreign Minister Dmytro Kuleba said on Tuesday that more than 130,000 troops remained near Ukraine. Inspectors checked about 4,500 sites.\n';
const TEXT_B = 'Talks\ndate 2022-02-17\n\n[[Dmytro Kuleba|person]] met NATO officials in Brussels. Kuleba said [[150,000|figure]] troops were there.\n';

function corpus(): CorpusIndex {
  const c = new CorpusIndex();
  c.setFromDisk(A, TEXT_A);
  c.setFromDisk(B, TEXT_B);
  return c;
}

test('a snippet keeps the span in sight within its line, cut at words, with its place marked', () => {
  const text = 'First line.\nA long line where the name Dmytro Kuleba sits between many other words that run on and on.\nLast.';
  const start = text.indexOf('Dmytro');
  const s = snippetAround(text, { start, end: start + 'Dmytro Kuleba'.length }, 10, 12);
  assert.equal(s.text.slice(...s.highlight), 'Dmytro Kuleba');
  assert.ok(s.text.startsWith('…') && s.text.endsWith('…'), s.text);
  assert.ok(!s.text.includes('\n') && !s.text.includes('First') && !s.text.includes('Last'));
  const whole = snippetAround('Kuleba spoke.', { start: 0, end: 6 });
  assert.deepEqual(whole, { text: 'Kuleba spoke.', highlight: [0, 6] });
});

test('entities are grouped by type, counted per article, and filtered by written form', () => {
  const c = corpus();
  const people = entityRows(c).get('person') ?? [];
  const kuleba = people.find((r) => r.name === 'Dmytro Kuleba');
  assert.ok(kuleba, JSON.stringify(people));
  assert.equal(kuleba.articles, 2);
  assert.equal(kuleba.mentions, 3);
  assert.deepEqual([...entityRows(c, 'kuléba').values()].flat().map((r) => r.name), ['Dmytro Kuleba'], 'accents and case are ignored');
  const mentions = entityMentions(c, kuleba.identity);
  assert.deepEqual(mentions.map((a) => [a.label, a.rows.length]), [['001', 1], ['002', 2]]);
  assert.deepEqual(mentions[1]!.rows.map((r) => r.annotated), [true, false]);
});

test('quantities with findings come first, then the larger ones', () => {
  const c = corpus();
  const noFindings = quantityRows(c, () => []);
  const troops = noFindings.find((q) => q.label === 'military personnel (count)');
  assert.ok(troops && troops.figures === 2 && troops.articles === 2, JSON.stringify(noFindings));
  assert.equal(noFindings[0]!.label, 'military personnel (count)', 'the larger quantity first');
  assert.ok(noFindings.some((q) => q.label === 'site (count)'), JSON.stringify(noFindings));
  const flagged = quantityRows(c, (article, index) => (article.figures[index]?.text === 'about 4,500' ? [{ ruleId: 'x', severity: 'warning' }] : []));
  assert.deepEqual(flagged.slice(0, 2).map((q) => [q.label, q.findings]), [['site (count)', 1], ['military personnel (count)', 0]]);
  const hintsOnly = quantityRows(c, () => [{ ruleId: 'x', severity: 'hint' }]);
  assert.ok(hintsOnly.every((q) => q.findings === 0), 'hints are not counted as findings');
  assert.equal(quantityLabel('count|people/deaths'), 'people, deaths (count)');
  assert.equal(quantityLabel('length|length'), 'length');
});

test('a figure is written out as its interval in plain digits and its unit', () => {
  const base = { unit: 'military personnel', minInclusive: false, maxInclusive: true, qualifier: 'more-than' } as Figure;
  assert.equal(normalizedFigure({ ...base, min: 130000, max: Infinity }), '> 130,000 military personnel');
  assert.equal(normalizedFigure({ ...base, unit: 'USD', min: 7.4e9, max: 7.4e9, qualifier: 'exact' }), '7,400,000,000 USD');
  assert.equal(normalizedFigure({ ...base, unit: 'percent', min: 0, max: 5, qualifier: 'less-than', maxInclusive: false }), '< 5%');
  assert.equal(normalizedFigure({ ...base, unit: 'site', min: 4275, max: 4725, qualifier: 'approximately' }), '4,275–4,725 site');
});

test('annotation progress counts annotated mentions and figures against recognized ones, least done first', () => {
  const rows = annotationProgress(corpus());
  assert.deepEqual(rows.map((r) => r.label), ['001', '002']);
  const b = rows[1]!;
  assert.equal(b.entities.annotated, 1);
  assert.ok(b.entities.recognized >= 3, JSON.stringify(b));
  assert.deepEqual(b.figures, { annotated: 1, recognized: 1 });
  assert.equal(rows[0]!.entities.annotated, 0);
});

test('marks: annotation markup as written, entities and figures around it, never overlapping', () => {
  const c = corpus();
  const article = c.get(B)!;
  const marks = markSpans(article);
  const text = (m: { start: number; end: number }) => TEXT_B.slice(m.start, m.end);
  assert.deepEqual(marks.filter((m) => m.kind === 'annotation').map(text), ['[[', '|person]]', '[[', '|figure]]']);
  const person = marks.find((m) => m.kind === 'person' && text(m) === 'Dmytro Kuleba');
  assert.ok(person?.annotated);
  assert.ok(marks.some((m) => m.kind === 'figure' && text(m) === '150,000' && m.annotated));
  for (let i = 1; i < marks.length; i++) assert.ok(marks[i]!.start >= marks[i - 1]!.end, `marks ${i - 1} and ${i} overlap`);
});

test('notes: resolved dates and normalised figures go after the text, past any annotation markup', () => {
  const c = corpus();
  const a = c.get(A)!;
  assert.deepEqual(articleNotes(a, { dates: false, figures: false }), []);
  const dates = articleNotes(a, { dates: true, figures: false });
  const tuesday = dates.find((n) => n.offset === TEXT_A.indexOf('Tuesday') + 'Tuesday'.length);
  assert.equal(tuesday?.label, '→ 2022-02-15');
  const figures = articleNotes(c.get(B)!, { dates: false, figures: true });
  const note = figures.find((n) => n.kind === 'figure');
  assert.ok(note, JSON.stringify(figures));
  assert.equal(note.offset, TEXT_B.indexOf('|figure]]') + '|figure]]'.length);
  assert.match(note.label, /^→ .*military personnel$/);
});
