import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureCorpus, fixtureFolder, run, sampleCorpus } from '../../../test/fixtures/figures/fixtureCorpus';
import { conflictingFigure } from './conflictingFigure';

describe('conflicting-figure', () => {
  it('reports a business figure on each side, with who said what, when', () => {
    const corpus = fixtureFolder('business');
    const [blog, ...more] = run(conflictingFigure, corpus, 'acme-results-blog.txt');
    assert.equal(more.length, 0);
    assert.equal(blog!.covered, '$5.1bn');
    assert.match(blog!.message, /Reuters \(acme-results-blog, 25 Oct\): \$5\.1bn, but Acme Corp \(acme-results-wire, 24 Oct\): \$7\.4bn/);
    // The recap of the next day is a later report: it revises the blog's figure (superseded-figure), it does not conflict.
    assert.deepEqual(blog!.related!.map((r) => r.articleId.split('/').pop()).sort(), ['acme-results-wire.txt']);
    const data = blog!.data as { figure: { value: number; unit: string; max: number | null }; conflicts: Array<{ value: number; source: string }> };
    assert.equal(data.figure.value, 5.1e9);
    assert.equal(data.figure.unit, 'USD');
    assert.ok(data.conflicts.some((c) => c.value === 7.4e9 && c.source === 'Acme Corp'));
    const [wire] = run(conflictingFigure, corpus, 'acme-results-wire.txt');
    assert.equal(wire!.covered, '$7.4bn');
    assert.ok(wire!.related!.some((r) => r.articleId.endsWith('acme-results-blog.txt')));
  });

  it('reports a sport crowd figure on each side', () => {
    const corpus = fixtureFolder('sport');
    const [fanzine] = run(conflictingFigure, corpus, 'derby-fanzine.txt');
    assert.equal(fanzine!.covered, 'Some 38,000');
    assert.match(fanzine!.message, /the club \(derby-report, 11 Mar\): 52,000/);
    const [report] = run(conflictingFigure, corpus, 'derby-report.txt');
    assert.equal(report!.covered, '52,000');
  });

  it('stays silent on other companies, other times, compatible values and changes', () => {
    const business = fixtureFolder('business');
    assert.deepEqual(run(conflictingFigure, business, 'globex-results.txt'), [], 'Globex revenue is another quantity');
    assert.deepEqual(run(conflictingFigure, business, 'acme-customers-early.txt'), [], 'a count from before the update');
    assert.deepEqual(run(conflictingFigure, business, 'acme-customers-update.txt'), [], 'the stale side is reported as superseded instead');
    const sport = fixtureFolder('sport');
    assert.deepEqual(run(conflictingFigure, sport, 'derby-preview.txt'), [], 'a week later, and a projection');
    assert.deepEqual(run(conflictingFigure, sport, 'derby-roundup.txt'), [], 'vague quantities never conflict');
    const local = fixtureFolder('local');
    assert.deepEqual(run(conflictingFigure, local, 'flood-followup.txt'), [], 'the toll rose between the dates');
  });

  it('does not fire on the sample corpus (its troop dispute is a superseded figure)', () => {
    const corpus = sampleCorpus();
    for (const id of ['000', '001', '002', '003', '004']) assert.deepEqual(run(conflictingFigure, corpus, id), [], id);
  });

  it('compares owners: Russian and Ukrainian troops are different quantities', () => {
    const corpus = fixtureCorpus();
    corpus.setFromDisk('file:///x/a.txt', 'date 2022-02-16\nRussia has 150,000 troops near the border, officials said.');
    corpus.setFromDisk('file:///x/b.txt', 'date 2022-02-16\nUkraine has 250,000 troops near the border, officials said.');
    corpus.setFromDisk('file:///x/c.txt', 'date 2022-02-16\nRussia has 90,000 troops near the border, officials said.');
    assert.deepEqual(run(conflictingFigure, corpus, 'b.txt'), []);
    const [a] = run(conflictingFigure, corpus, 'a.txt');
    assert.equal(a!.related!.length, 1);
    assert.ok(a!.related![0]!.articleId.endsWith('c.txt'));
  });
});

describe('conflicting-figure on undated articles', () => {
  const rescue = 'Fisherman rescued after three days adrift off Harbour Point\n\nCoastguards said Arne Olsen, 32, was found clinging to his upturned boat off Harbour Point on Sunday.\n';
  const interview = 'Rescued fisherman Arne Olsen tells of three days adrift\n\nArne Olsen, 29, told reporters in Skagen Bay that he drank rainwater while adrift off Harbour Point.\n';
  const council = 'Council approves new library in Brendale\n\nMayor Carla Dunn, 29, said the library in Brendale would open next year.\n';

  it('finds one person\'s age given as 32 and 29 in two undated articles of one story', () => {
    const corpus = fixtureCorpus();
    corpus.setFromDisk('file:///n/rescue.txt', rescue);
    corpus.setFromDisk('file:///n/interview.txt', interview);
    const [finding, ...rest] = run(conflictingFigure, corpus, 'rescue.txt');
    assert.equal(rest.length, 0);
    assert.equal(finding!.covered, '32');
    assert.match(finding!.message, /age of Arne Olsen/);
    assert.ok(finding!.related![0]!.articleId.endsWith('interview.txt'));
  });

  it('never treats two undated articles as one time without a common story, nor two people\'s ages as one', () => {
    const corpus = fixtureCorpus();
    corpus.setFromDisk('file:///n/rescue.txt', rescue);
    corpus.setFromDisk('file:///n/council.txt', council);
    assert.deepEqual(run(conflictingFigure, corpus, 'rescue.txt'), []);
    const strangers = fixtureCorpus();
    strangers.setFromDisk('file:///n/a.txt', 'Storm floods the valley\n\nAt least 12 people were killed when the river burst its banks, police said.\n');
    strangers.setFromDisk('file:///n/b.txt', 'Bus crash on the coast road\n\nAt least 20 people were killed when a bus left the coast road, police said.\n');
    assert.deepEqual(run(conflictingFigure, strangers, 'a.txt'), [], 'undated, and two stories: never the same time');
  });
});
