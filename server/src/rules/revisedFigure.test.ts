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

  it('takes a running total that grows many times over within a month for a revision, not a jump in another story', () => {
    const news = corpus({
      'a.txt': storm('2031-03-01', 'Officials in Torshavn said 30 people have been killed so far.'),
      'b.txt': storm('2031-03-11', 'The storm has so far killed 310 people in the islands, officials in Torshavn said.'),
    });
    assert.equal(run(revisedFigure, news, 'a.txt')[0]?.covered, '30');
    const jump = corpus({
      'a.txt': storm('2031-03-01', 'Officials in Torshavn said the storm killed 30 people on Monday.'),
      'b.txt': 'Ferry sinks off Norway\ndate 2031-03-11\n\nA ferry from Torshavn sank near Bergen and 310 people were killed, police in Bergen said.\n',
    });
    assert.deepEqual(run(revisedFigure, jump, 'a.txt'), []);
  });

  it('finds a running total months later behind many other reports of the same kind', () => {
    const articles: Record<string, string> = {
      'a.txt': storm('2031-01-05', 'So far 40 fishermen from Torshavn have died at sea since the season opened.'),
      'z.txt': storm('2031-07-01', 'So far 52 fishermen from Torshavn have died at sea since the season opened.'),
    };
    // Other stories' tolls in between: more than a bounded scan of the nearest reports would weigh.
    for (let i = 0; i < 90; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(2 + Math.floor(i / 28)).padStart(2, '0');
      articles[`other-${i}.txt`] = `Bus crash in Town${i}\ndate 2031-${month}-${day}\n\nPolice in Town${i} said ${3 + (i % 5)} people were killed in the crash.\n`;
    }
    const [finding] = run(revisedFigure, corpus(articles), 'a.txt');
    assert.equal(finding?.covered, '40');
    assert.ok(finding!.related!.some((r) => r.articleId.endsWith('z.txt')));
  });

  it('names the figure of a later article that shares most with it: the same person, not the one beside', () => {
    const news = corpus({
      'a.txt': 'Primary race in Freedonia\ndate 2031-03-01\n\nSenator Ada Lindqvist had the most pledged delegates, with 60.\n',
      'b.txt': 'Primary race in Freedonia\ndate 2031-03-15\n\nGovernor Bo Karlsen was left with a total of 1,124 pledged delegates; Senator Ada Lindqvist trailed him with a total of 815.\n',
    });
    const [finding] = run(revisedFigure, news, 'a.txt');
    assert.equal(finding?.covered, '60');
    assert.match(finding!.message, /815/);
    assert.doesNotMatch(finding!.message, /1,124/);
  });

  it('is silent on the sample corpus', () => {
    const seeds = sampleCorpus();
    for (const id of ['000', '001', '002', '003', '004']) assert.deepEqual(run(revisedFigure, seeds, id), [], id);
  });
});
