import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkSet, parseStory } from '../eval/newswire/build.mjs';

const setDir = join(__dirname, '../eval/newswire');

test('the news-wire dev set matches its source and every gold span slices its text', () => {
  assert.deepEqual(checkSet(join(setDir, 'dev'), readFileSync(join(setDir, 'stories.src.txt'), 'utf8')), []);
});

test('the news-wire set holds 25–40 stories with top-level names of each type, none overlapping', () => {
  const golds = readdirSync(join(setDir, 'dev')).filter((f) => f.endsWith('.gold.jsonl'));
  assert.ok(golds.length >= 25 && golds.length <= 40, `${golds.length} stories`);
  const types = new Set<string>();
  for (const file of golds) {
    const top = readFileSync(join(setDir, 'dev', file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { start: number; end: number; type: string; nested: boolean })
      .filter((r) => !r.nested);
    for (const r of top) types.add(r.type);
    for (let i = 1; i < top.length; i++) assert.ok(top[i]!.start >= top[i - 1]!.end, `${file}: top-level names overlap at ${top[i]!.start}`);
  }
  assert.deepEqual([...types].sort(), ['organization', 'person', 'place']);
});

test('the markup gives UTF-16 offsets, nested names inside names, and event names apart', () => {
  const story = parseStory('t', '[Bank of [Canada]{loc}]{org} met [Zoë]{per} at the [Tour of [Spain]{loc}]{evt}; [Japan]{org/loc} won.\n');
  assert.equal(story.text, 'Bank of Canada met Zoë at the Tour of Spain; Japan won.\n');
  assert.deepEqual(story.gold.map((g) => [g.text, g.type, g.nested, g.alt_type]), [
    ['Bank of Canada', 'organization', false, undefined], ['Canada', 'place', true, undefined], ['Zoë', 'person', false, undefined],
    ['Spain', 'place', false, undefined], ['Japan', 'organization', false, 'place'],
  ]);
  assert.deepEqual(story.other.map((o) => [o.text, o.type]), [['Tour of Spain', 'event']]);
  const astral = parseStory('u', '🙂 [Kyiv]{loc}\n').gold[0]!;
  assert.deepEqual([astral.start, astral.end], [3, 7], 'the emoji is two UTF-16 code units');
  assert.throws(() => parseStory('bad', '[Open]{xyz}'), /unknown tag/);
});
