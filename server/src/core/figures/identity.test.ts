// Telling one quantity from another: each piece of evidence, positive and negative, in sentences written for the test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../analysis';
import { CONFLICT_MAX_RATIO, isIdentifiable, storySimilarity, victimsOf, whyDifferent } from './identity';
import type { Figure } from './types';

function figure(text: string, pick: string, date = '2031-03-01'): Figure {
  const article = analyzeArticle(`file:///t/${encodeURIComponent(text.slice(0, 20))}.txt`, `Headline\ndate ${date}\n\n${text}\n`);
  const f = article.figures.find((x) => x.text === pick || x.text.endsWith(pick));
  if (!f) throw new Error(`no figure "${pick}" in: ${article.figures.map((x) => x.text).join(', ')}`);
  return f;
}

const within = { sameArticle: true, story: 1 };
const why = (a: Figure, b: Figure, ratio = true) => whyDifferent(a, b, within, ratio ? { undated: false, maxRatio: CONFLICT_MAX_RATIO } : { undated: false });

describe('figure identity', () => {
  it('compares nothing when nothing is counted', () => {
    assert.equal(isIdentifiable(figure('She was one of six, she said.', 'six')), false);
    assert.equal(why(figure('Three were seen.', 'Three'), figure('Nine were seen.', 'Nine')), 'nothing counted');
    assert.equal(isIdentifiable(figure('Police said 40 protesters were arrested in the square.', '40')), true);
  });

  it('reads people harmed as one quantity whatever noun counts them, and keeps victims apart', () => {
    const toll = figure('The death toll from the storm rose to 96, officials said.', '96');
    const people = figure('Officials said 63 people were killed in the storm.', '63');
    assert.equal(toll.quantityKey, 'count|harm/deaths');
    assert.equal(people.quantityKey, 'count|harm/deaths');
    assert.equal(why(toll, people), undefined);
    const soldiers = figure('Officials said 40 soldiers were killed in the storm.', '40');
    assert.equal(victimsOf(soldiers), 'troop');
    assert.equal(why(people, soldiers), 'different victims');
    assert.equal(figure('The storm killed 12 people and injured 40 in the valley.', '40').quantityKey, 'count|harm/injuries');
  });

  it('takes the owner from the recognizer, not from a capitalised word or a mojibake fragment', () => {
    const f = figure('Â£160m was raised, and Acme said the sale brought Â£40m.', '£40m');
    assert.notEqual(f.owner, 'â');
    assert.equal(figure('Russia has 150,000 troops near the border.', '150,000').owner, 'russia');
  });

  it('tells apart owners, subjects, people, occasions, parts and thresholds', () => {
    assert.equal(why(figure('Russia has 150,000 troops near the border.', '150,000'), figure('Ukraine has 120,000 troops near the border.', '120,000')), 'different owners');
    assert.equal(why(figure('Labor won 45 council seats, the party said.', '45'), figure('Labor won 60 parliament seats, the party said.', '60')), 'different subjects');
    assert.equal(why(figure('The crash killed 15 people near the airport.', '15'), figure('The protest killed 20 people near the airport.', '20')), 'different occasions');
    assert.equal(why(figure('The blast killed 15 people in the market.', '15'), figure('Another 20 people were killed in the market.', '20')), 'a part');
    assert.equal(why(figure('Biden has 1,124 delegates after the primaries.', '1,124'), figure('A candidate needs 1,991 delegates to win the primaries.', '1,991')), 'a part');
  });

  it('reads values an order of magnitude apart as different quantities in a conflict', () => {
    const nine = figure('An air strike killed 9 people in the district.', '9');
    const many = figure('Fighting in the district has killed 75 people.', '75');
    assert.equal(why(nine, many), 'values an order of magnitude apart');
    assert.notEqual(why(nine, many, false), 'values an order of magnitude apart');
  });

  it('needs a closer story when either figure is undated', () => {
    const a = figure('Officials in Torshavn said 12 people died.', '12');
    const b = figure('Officials in Torshavn said 19 people died.', '19');
    const pair = { sameArticle: false, story: 0.2 };
    assert.equal(whyDifferent(a, b, pair, { undated: false }), undefined);
    assert.equal(whyDifferent(a, b, pair, { undated: true }), 'different stories');
    assert.equal(storySimilarity(new Uint32Array([1, 2, 3]), new Uint32Array([2, 3, 4, 5])), 2 / 3);
  });

  it('reads ages as the age of a person', () => {
    const age = figure('Arne Olsen, 32, was found on Sunday.', '32');
    assert.equal(age.quantityKey, 'duration|age');
    assert.equal(age.owner, 'arne olsen');
    assert.equal(figure('Police said the 29-year-old Arne Olsen was found.', '29-year-old').quantityKey, 'duration|age');
    const bracketed = figure('Reports say Teodor Halvorsen (71), the former minister, was elected.', '71');
    assert.equal(bracketed.quantityKey, 'duration|age');
    assert.equal(bracketed.owner, 'teodor halvorsen');
    assert.notEqual(figure('Votes: Halvorsen (42), Olsen (10), others.', '42').quantityKey, 'duration|age');
  });

  it('places a figure in the countries of its sentence\'s demonyms, and a people counted by its demonym in its own', () => {
    const displaced = figure('Aid groups and Lebanese officials estimate about 700,000 people were displaced since the bombing began.', '700,000');
    assert.ok(displaced.evidence.countries.includes('LB'), displaced.evidence.countries.join());
    const israelis = figure('Across Lebanon and Israel, at least 36 Israelis have been killed.', 'at least 36');
    assert.deepEqual(israelis.evidence.countries, ['IL']);
    const lebanese = figure('Across Lebanon and Israel, more than 350 Lebanese have been killed.', 'more than 350');
    assert.equal(why(israelis, lebanese, false), 'different countries');
  });

  it('reads shooting as violence and a named blaze as a fire', () => {
    assert.equal(figure('As a result of Hezbollah fire, at least 24 people have been killed.', 'at least 24').evidence.occasion, 'violence');
    assert.equal(figure('Troops said 12 people were wounded by rocket fire overnight.', '12').evidence.occasion, 'violence');
    assert.equal(figure('Officials said 72 people died in the Grenfell fire.', '72').evidence.occasion, 'fire');
  });

  it('reads "as of" as a running total', () => {
    assert.equal(figure('As of today, officials confirmed the virus has infected over 200 people.', 'over 200').evidence.cumulative, true);
    assert.equal(figure('Officials confirmed the virus infected 200 people on Monday.', '200').evidence.cumulative, false);
  });
});
