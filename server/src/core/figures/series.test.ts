// The series behind the figure comparison chart.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleEndingWith, sampleCorpus } from '../../../../test/fixtures/figures/fixtureCorpus';
import { CorpusIndex } from '../corpusIndex';
import { figureIndexAt, figureSeries, SENTENCE_MAX } from './series';

describe('figure series', () => {
  it('holds every value of the troop count of 002 across the sample corpus, dated, marked and in order', () => {
    const corpus = sampleCorpus();
    const article = articleEndingWith(corpus, '002');
    const index = article.figures.findIndex((f) => f.text === 'more than 130,000');
    const series = figureSeries(article, corpus, index)!;
    assert.equal(series.cluster, 'count|military personnel');
    assert.deepEqual(series.points.map((p) => `${p.date ?? 'undated'} ${p.label} ${p.text} ${p.min}..${p.max ?? 'open'}${p.earlier ? ' earlier' : ''}${p.superseded ? ' superseded' : ''}${p.selected ? ' *' : ''}`), [
      '2022-02-15 001 tens of thousands 20000..100000',
      '2022-02-15 001 over 150,000 150000..open',
      '2022-02-15 001 roughly 130,000 117000..143000 earlier',
      '2022-02-16 000 150,000 145000..155000',
      '2022-02-16 000 150,000 145000..155000',
      '2022-02-16 000 130,000 125000..135000 earlier',
      'undated 002 more than 130,000 130000..open superseded *',
      'undated 003 more than 130,000 130000..open superseded',
      'undated 004 Thousands 2000..10000',
      'undated 004 more than 100,000 100000..open',
    ]);
    const selected = series.points.find((p) => p.selected)!;
    assert.equal(selected.source, 'the US');
    assert.match(selected.sentence, /^The US said Russia had collected more than 130,000 troops near the border with Ukraine/);
    assert.equal(article.text.slice(selected.start, selected.end), 'more than 130,000');
    assert.equal(series.points.find((p) => p.label === '000')!.dateFrom, 'dateline');
  });

  it('brings values into the charted unit and keeps the annotator\'s status', () => {
    const corpus = new CorpusIndex();
    const headline = 'date 2022-03-01\nRussian troops near Ukraine\n\n';
    corpus.setFromDisk('file:///c/a.txt', `${headline}Russian troops were massed 30 km from the border with Ukraine, officials said.\n`);
    corpus.setFromDisk('file:///c/b.txt', `${headline}Russian troops were massed [[20 miles|figure status=disputed]] from the border with Ukraine, officials said.\n`);
    const a = corpus.get('file:///c/a.txt')!;
    const series = figureSeries(a, corpus, figureIndexAt(a, a.text.indexOf('30 km'))!)!;
    const miles = series.points.find((p) => p.text === '20 miles');
    assert.ok(miles, `series: ${JSON.stringify(series.points.map((p) => p.text))}`);
    assert.ok(Math.abs(miles.value - 32.18688) < 1e-6, `20 miles in km: ${miles.value}`);
    assert.equal(miles.unit, 'mile');
    assert.equal(miles.status, 'disputed');
    assert.equal(series.points.find((p) => p.text === '30 km')!.status, null);
  });

  it('cuts a long sentence around the figure', () => {
    const corpus = new CorpusIndex();
    const long = `${'Officials said that the long list of reasons went on and on '.repeat(6)}with 4,000 people displaced by the floods ${'and more words followed after it '.repeat(6)}.`;
    corpus.setFromDisk('file:///c/long.txt', `date 2022-03-01\nFloods\n\n${long}\n`);
    const a = corpus.get('file:///c/long.txt')!;
    const series = figureSeries(a, corpus, figureIndexAt(a, a.text.indexOf('4,000'))!)!;
    const sentence = series.points[0]!.sentence;
    assert.ok(sentence.length <= SENTENCE_MAX + 2, `${sentence.length}`);
    assert.match(sentence, /^….*4,000 people.*…$/);
  });
});
