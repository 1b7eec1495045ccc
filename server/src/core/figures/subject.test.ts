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
