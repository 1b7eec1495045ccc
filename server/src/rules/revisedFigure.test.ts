import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../core/corpusIndex';
import { run, sampleCorpus } from '../../../test/fixtures/figures/fixtureCorpus';
import { revisedFigure } from './revisedFigure';

function corpus(articles: Record<string, string>): CorpusIndex {
  const index = new CorpusIndex();
  for (const [name, text] of Object.entries(articles)) index.setFromDisk(`file:///news/${name}`, text);
  return index;
}

const storm = (date: string, sentence: string) => `Storm Alder batters the Faroe coast\ndate ${date}\n\n${sentence}\n`;

describe('revised-figure', () => {
  it('reports a toll that a later report of the same story gives as higher, with the later report as related', () => {
    const news = corpus({
      'a.txt': storm('2031-03-01', 'Officials in Torshavn said 12 people have been killed since the storm reached the islands.'),
      'b.txt': storm('2031-03-03', 'The storm has so far killed 19 people in the islands, officials in Torshavn said on Monday.'),
    });
    const [finding, ...rest] = run(revisedFigure, news, 'a.txt');
    assert.equal(rest.length, 0);
    assert.equal(finding!.covered, '12');
    assert.match(finding!.message, /Revised by later reports: "12".*19/);
    assert.ok(finding!.related![0]!.articleId.endsWith('b.txt'));
    assert.deepEqual(run(revisedFigure, news, 'b.txt'), [], 'the latest report is not revised');
  });

  it('is silent on another quantity: other victims, another occasion, values far apart, a part', () => {
    const news = corpus({
      'a.txt': storm('2031-03-01', 'Officials in Torshavn said 12 people have been killed since the storm reached the islands.'),
      'soldiers.txt': storm('2031-03-02', 'Officials in Torshavn said 17 soldiers have been killed since the storm reached the islands.'),
      'crash.txt': storm('2031-03-02', 'Officials in Torshavn said a helicopter crash killed 15 people during the storm.'),
      'far.txt': storm('2031-03-02', 'Officials in Torshavn said 400 people have been killed since the storm reached the islands.'),
      'part.txt': storm('2031-03-02', 'Officials in Torshavn said another 16 people have been killed since the storm reached the islands.'),
    });
    assert.deepEqual(run(revisedFigure, news, 'a.txt'), []);
  });

  it('is silent on reports of the same day, reports more than a month later, undated articles and other stories', () => {
    const news = corpus({
      'a.txt': storm('2031-03-01', 'Officials in Torshavn said the storm killed 12 people on the islands.'),
      'same-day.txt': storm('2031-03-01', 'Officials in Torshavn said the storm killed 14 people on the islands.'),
      'months.txt': storm('2031-06-01', 'Officials in Torshavn said the storm killed 20 people on the islands.'),
      'other.txt': 'Quarry collapse in Bolivia\ndate 2031-03-02\n\nRescuers in Potosi said 16 miners have been killed in the collapse.\n',
    });
    assert.deepEqual(run(revisedFigure, news, 'a.txt'), []);
    const undated = corpus({
      'a.txt': 'Storm Alder batters the Faroe coast\n\nOfficials in Torshavn said 12 people have been killed since the storm reached the islands.\n',
      'b.txt': 'Storm Alder batters the Faroe coast\n\nOfficials in Torshavn said 19 people have been killed since the storm reached the islands.\n',
    });
    assert.deepEqual(run(revisedFigure, undated, 'a.txt'), [], 'no date: no order in time');
  });

  it('links running totals of one named thing months apart', () => {
    const news = corpus({
      'a.txt': storm('2031-03-01', 'So far 40 fishermen from Torshavn have died at sea since the season opened.'),
      'b.txt': storm('2031-07-01', 'So far 52 fishermen from Torshavn have died at sea since the season opened.'),
    });
    const [finding] = run(revisedFigure, news, 'a.txt');
    assert.equal(finding?.covered, '40');
  });

  it('is silent on the sample corpus', () => {
    const seeds = sampleCorpus();
    for (const id of ['000', '001', '002', '003', '004']) assert.deepEqual(run(revisedFigure, seeds, id), [], id);
  });
});
