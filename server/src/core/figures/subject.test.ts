// What a figure counts, whose it is, and what it is about.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFigures } from './extract';

const first = (text: string) => {
  const [f] = extractFigures(text);
  assert.ok(f, `no figure in ${text}`);
  return f;
};

describe('figure subject', () => {
  it('takes the head noun with its modifiers and place', () => {
    const f = first("According to Biden, 150,000 Russian troops are stationed near Ukraine and Belarus.");
    assert.equal(f.subject?.text, 'Russian troops');
    assert.equal(f.subject?.head, 'troop');
    assert.equal(f.subject?.headClass, 'military personnel');
    assert.deepEqual(f.subject?.modifiers, ['russian']);
    assert.equal(f.owner, 'russia');
    const near = first('Russia has sent more than 130,000 troops near Ukraine, raising fears.');
    assert.equal(near.subject?.text, 'troops near Ukraine');
    assert.equal(near.owner, 'russia');
    const border = first("Moscow moved 5,000 soldiers stationed near Ukraine's border.");
    assert.equal(border.subject?.text, "soldiers stationed near Ukraine's border");
  });

  it('puts troops, soldiers and forces in one class', () => {
    const classes = ['150,000 troops', '150,000 soldiers', '150,000 forces', '150,000 servicemen'].map((t) => first(`They sent ${t}.`).subject?.headClass);
    assert.deepEqual(new Set(classes), new Set(['military personnel']));
  });

  it('reads the subject of a money figure on its left', () => {
    const f = first('Blinken said the US would offer sovereign loan guarantees to Ukraine of up to $1 billion.');
    assert.equal(f.subject?.text, 'loan guarantees to Ukraine');
    assert.equal(f.subject?.headClass, 'loans');
    const revenue = first('Acme reported revenue of $7.4bn for the quarter.');
    assert.equal(revenue.subject?.head, 'revenue');
    const crowd = first('A crowd of 52,000 watched United beat City.');
    assert.equal(crowd.subject?.headClass, 'spectators');
  });

  it('reads what happened to the people counted', () => {
    assert.equal(first('Three people died in the floods.').subject?.event, 'deaths');
    assert.equal(first('Rescuers evacuated about 400 residents overnight.').subject?.event, 'displaced');
    assert.equal(first('At least 12 people were injured.').subject?.event, 'injuries');
    assert.notEqual(first('Three people died.').quantityKey, first('Three people were evacuated.').quantityKey);
  });

  it('scopes a quantity by the names around it', () => {
    const f = first('Globex reported revenue of $2.2bn for the third quarter.');
    assert.ok(f.scope.includes('globex'));
    const possessive = first("Acme's 12,000 employees were told on Monday.");
    assert.equal(possessive.owner, 'acme');
    assert.equal(possessive.subject?.headClass, 'jobs');
  });
});

describe('figure subject on real-news patterns', () => {
  const all = (text: string) => extractFigures(text);
  it('reads a state after a count or a range as people harmed', () => {
    const dead = first('The collapse left 15 dead.');
    assert.equal(dead.quantityKey, 'count|harm/deaths');
    const range = all('Six days of fighting in the port have left over 240 to 250 dead.');
    assert.equal(range.find((f) => f.text === 'over 240')?.quantityKey, 'count|harm/deaths');
    const alternative = first('"Five or possibly six people appear to have been killed," the minister said.');
    assert.equal(alternative.subject?.head, 'people');
    assert.equal(alternative.quantityKey, 'count|harm/deaths');
  });

  it('gives both ends of a qualified range the whole interval, and reads "3 to 1" as no range', () => {
    const [low, high] = all('At least five to ten police officers have been killed.');
    assert.deepEqual([low!.min, high!.min], [5, 5]);
    assert.equal(low!.max, high!.max);
    assert.equal(high!.subject?.head, 'officer');
    const [three] = all('Romney led his rivals by more than a 3 to 1 margin.');
    assert.notEqual(three!.subject?.head, 'margin');
  });

  it('reads a people named by its demonym and followed by another count', () => {
    const [lebanese, israelis] = all('Estimates say that more than 350 Lebanese and at least 36 Israelis have been killed.');
    assert.equal(lebanese!.subject?.text, 'Lebanese');
    assert.equal(lebanese!.quantityKey, 'count|harm/deaths');
    assert.equal(israelis!.subject?.text, 'Israelis');
  });

  it('reads what money is "in" only when a measured noun follows', () => {
    assert.equal(first('The insurer paid US$ 218 million in bonuses to its executives.').subject?.headClass, 'pay');
    assert.equal(first('It was hard to justify $165 million in extra pay.').subject?.headClass, 'pay');
    assert.notEqual(first('The firm earned $3 billion in the first quarter.').subject?.head, 'quarter');
  });

  it('reads wind speeds on either side of the figure as one measure', () => {
    const advisory = first('The advisory said maximum sustained winds were near 180 mph.');
    const later = first('Its wind speeds reached 185 mph at landfall.');
    assert.equal(advisory.subject?.headClass, 'speed');
    assert.equal(later.subject?.headClass, 'speed');
    assert.equal(advisory.quantityKey, later.quantityKey);
  });

  it('reads a toll named before a bracketed aside, and "the total of" what is counted', () => {
    const toll = first('The total death toll of the army in the region (excluding contractors employed privately) reached 100 this morning with a soldier dying from injuries.');
    assert.equal(toll.quantityKey, 'count|harm/deaths');
    const total = first('The blast has raised the total of American soldiers to die in the war to 4,000.');
    assert.equal(total.subject?.text, 'American soldiers');
    assert.equal(total.quantityKey, 'count|harm/deaths');
    assert.equal(total.owner, 'united states');
  });

  it('gives a bare "total of" the noun of the figure before it in the sentence', () => {
    const [, second] = all('Karlsen was left with a total of 1,124 pledged delegates; Lindqvist trailed him with a total of 815.');
    assert.equal(second!.subject?.head, 'delegate');
  });
});
