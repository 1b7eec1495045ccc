// Who states a figure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFigures } from './extract';

const source = (text: string, index = 0) => extractFigures(text)[index]?.source;

describe('figure source', () => {
  it('reads "X said" before the figure, skipping adverbials', () => {
    assert.equal(source('Biden on Tuesday said Russia had gathered over 150,000 troops near Ukraine.')?.name, 'Biden');
    assert.equal(source('The US said Russia had collected more than 130,000 troops near the border.')?.name, 'the US');
    assert.equal(source('US officials say 150,000 troops are near the border.')?.name, 'US officials');
  });

  it('reads "according to X" anywhere in the sentence', () => {
    assert.equal(source('According to Biden, 150,000 Russian troops are now stationed near Ukraine.')?.name, 'Biden');
    assert.equal(source("Some troops left, according to the country's Interfax news agency, while 5,000 stayed.")?.name, 'Interfax');
    assert.equal(source('One in four Ukrainians would fight, according to thinktank Chatham House.')?.name, 'Chatham House');
  });

  it('reads a source that closes the sentence', () => {
    const f = extractFigures('The capital has about 4,500 such sites, including metro stations, the mayor said.')[0]!;
    assert.equal(f.source?.name, 'the mayor');
    assert.equal(f.source?.cue, 'said');
    assert.equal(source('The club sold 52,000 tickets, said Jane Doe, its chief executive.')?.name, 'Jane Doe');
  });

  it('reads the owner of an estimate', () => {
    const figures = extractFigures('According to Biden, 150,000 troops are there, up from a previous US estimate of 130,000 troops.');
    assert.equal(figures[1]!.source?.name, 'US');
    assert.equal(figures[1]!.source?.cue, 'estimate');
  });

  it('falls back on the sentence before, in the same paragraph only', () => {
    const same = extractFigures('Officials said on Monday that the city was ready. There are 4,500 shelters.')[0]!;
    assert.equal(same.source?.name, 'Officials');
    assert.equal(same.source?.fromPreviousSentence, true);
    assert.equal(source('Officials said on Monday that the city was ready.\nThere are 4,500 shelters.'), undefined);
  });

  it('does not read a name or a plural noun as a speech verb', () => {
    assert.equal(source('The team of six was denied visas to the United States.'), undefined);
    assert.equal(source('Migrants drove outstanding asylum claims over 150,000.'), undefined);
    assert.equal(source('The United States says 150,000 troops are there.')?.name, 'The United States'.replace('The', 'the'));
  });

  it('does not take a speaker whose words follow the figure', () => {
    assert.equal(source('Russia had collected more than 130,000 troops and officials said an invasion could occur this week.'), undefined);
    assert.equal(source('Acme, which serves 2.9 million customers, announced a new pricing plan on Friday.'), undefined);
  });
});
