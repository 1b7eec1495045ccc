// Claim clusters across articles, kept incrementally.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toDayNumber } from '../dates';
import { FigureClusterIndex, clusterIdOf } from './clusters';
import { storyTermsOf } from './evidence';
import { extractFigures } from './extract';

const dated = (text: string, day: number) => extractFigures({ text, referenceDate: { year: 2022, month: 2, day } });

describe('figure clusters', () => {
  it('groups the same quantity across articles, whatever the word for it', () => {
    const index = new FigureClusterIndex();
    index.upsertArticle('a', dated('Russia has 150,000 troops near Ukraine, Biden said.', 15));
    index.upsertArticle('b', dated('Russia has sent more than 130,000 soldiers near Ukraine.', 15));
    index.upsertArticle('c', dated('Acme reported revenue of $7.4bn.', 15));
    const cluster = index.clusterOf('a', 0)!;
    assert.equal(cluster.id, 'count|military personnel', 'the key proposes candidates; owners are evidence');
    assert.deepEqual([...cluster.articleIds()].sort(), ['a', 'b']);
    assert.notEqual(index.clusterOf('c', 0)!.id, cluster.id);
    assert.deepEqual([...index.articlesAffectedBy('a')], ['b']);
  });

  it('keeps a figure whose quantity cannot be told to its own article', () => {
    const [counted] = extractFigures('They counted 4,500 shelters.');
    assert.equal(clusterIdOf('x', counted!), 'count|shelter');
    const [bare] = extractFigures('They counted 4,500 on Monday.');
    assert.equal(clusterIdOf('x', bare!), 'count||@x', 'nothing counted: compared with nothing');
  });

  it('updates incrementally and reports the articles an edit affects', () => {
    const index = new FigureClusterIndex();
    // One story: the three articles share their story terms (names and headline words).
    const story = storyTermsOf(['Troops', 'gather', 'near', 'Ukraine'], ['place:russia', 'place:ukraine']);
    const upsert = (id: string, figures: ReturnType<typeof dated>) => index.upsertArticle(id, figures, true, story);
    upsert('a', dated('Russia has 150,000 troops near Ukraine.', 15));
    upsert('b', dated('Russia has 130,000 troops near Ukraine.', 15));
    upsert('far', dated('Russia has 100,000 troops near Ukraine.', 1));
    assert.deepEqual([...upsert('b', dated('Acme posted revenue of $7.4bn.', 15))].sort(), ['a', 'far'], 'b left the troop cluster: a, and far (which b revised), are affected');
    assert.deepEqual([...index.clusterOf('a', 0)!.articleIds()].sort(), ['a', 'far']);
    assert.deepEqual([...upsert('b', dated('Russia has 120,000 troops near Ukraine.', 15))].sort(), ['a', 'far']);
    const elsewhere = index.upsertArticle('other', dated('Russia has 125,000 troops near Ukraine.', 15));
    assert.deepEqual([...elsewhere], [], 'an article of no common story affects none');
    index.removeArticle('other');
    assert.deepEqual([...index.removeArticle('a')].sort(), ['b', 'far']);
    assert.equal(index.clusterOf('b', 0)!.size, 2);
    index.removeArticle('b');
    index.removeArticle('far');
    assert.equal(index.clusterCount, 0, 'empty clusters are dropped');
    assert.equal(index.articleCount, 0);
  });

  it('finds members around a date with a window', () => {
    const index = new FigureClusterIndex();
    for (let day = 1; day <= 20; day++) index.upsertArticle(`d${day}`, dated('Russia has 150,000 troops near Ukraine.', day));
    const cluster = index.clusterOf('d10', 0)!;
    const near = cluster.around(toDayNumber({ year: 2022, month: 2, day: 10 })).map((m) => m.articleId);
    assert.deepEqual(near, ['d10', 'd9', 'd11', 'd8', 'd12'], 'nearest days first');
    assert.deepEqual(cluster.around(toDayNumber({ year: 2022, month: 2, day: 10 }), 2, 3).map((m) => m.articleId), ['d10', 'd9', 'd11'], 'bounded');
    assert.deepEqual(cluster.around(undefined, 2, 2).map((m) => m.articleId), ['d20', 'd19'], 'undated: the most recent first');
  });
});
