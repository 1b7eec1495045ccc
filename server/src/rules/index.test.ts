import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES } from './index';

const root = join(__dirname, '../../..');

test('rules are registered once each, sorted, with stable kebab-case ids', () => {
  const ids = RULES.map((r) => r.id);
  assert.deepEqual(ids, [...ids].sort());
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z]+(?:-[a-z]+)*$/);
});

test('every rule has its doc page, a README row, and a test beside it', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const rule of RULES) {
    assert.ok(existsSync(join(root, 'docs/rules', `${rule.id}.md`)), `docs/rules/${rule.id}.md`);
    assert.ok(readme.includes(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`), `README row for ${rule.id}`);
    assert.ok(rule.summary.length > 10, `${rule.id} has a summary`);
    const file = rule.id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    assert.ok(existsSync(join(__dirname, `${file}.test.ts`)), `${file}.test.ts beside ${file}.ts`);
  }
});
