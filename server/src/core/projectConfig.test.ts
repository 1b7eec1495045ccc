import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import schema from '../../data/corpus-lens.schema.json';
import { RULES } from '../rules';
import { DEFAULT_SETTINGS } from '../shared/protocol';
import { effectiveSettings, findProjectConfig, KNOWN_RULE_IDS, parseProjectConfig, PROJECT_CONFIG_FILE, readProjectConfig } from './projectConfig';

const FILE = join(tmpdir(), 'corpus', PROJECT_CONFIG_FILE);
const at = (text: string, p: { start: number; end: number }) => text.slice(p.start, p.end);

test('a valid file gives its keys, knowledge-base paths made absolute against its folder', () => {
  const text = '{\n  // the team\'s corpus\n  "$schema": "corpus-lens-project",\n  "include": ["articles/**/*.txt"],\n  "exclude": ["**/drafts/**"],\n  "rules": { "malformed-figure": "error", "weekday-mismatch": "off" },\n  "knowledgeBase": ["kb/people.json"],\n}\n';
  const { config, problems } = parseProjectConfig(text, FILE);
  assert.deepEqual(problems, []);
  assert.deepEqual(config, {
    file: FILE,
    include: ['articles/**/*.txt'],
    exclude: ['**/drafts/**'],
    rules: { 'malformed-figure': 'error', 'weekday-mismatch': 'off' },
    knowledgeBase: [join(tmpdir(), 'corpus', 'kb', 'people.json')],
  });
  assert.deepEqual(parseProjectConfig('\uFEFF{}', FILE), { config: { file: FILE }, problems: [] }, 'a byte order mark is fine');
});

test('invalid JSON is an error at its place, and the file is not used', () => {
  const text = '{ "rules": { "weekday-mismatch": } }';
  const { config, problems } = parseProjectConfig(text, FILE);
  assert.equal(config, undefined);
  assert.ok(problems.length >= 1);
  assert.equal(problems[0]!.severity, 'error');
  assert.match(problems[0]!.message, /^Invalid JSON: ValueExpected/);
  assert.equal(problems[0]!.start, text.indexOf('}'));
  for (const empty of ['', '   ']) {
    const parsed = parseProjectConfig(empty, FILE);
    assert.equal(parsed.config, undefined);
    assert.match(parsed.problems[0]!.message, /^Invalid JSON/);
  }
});

test('schema violations are errors placed on the offending key or value', () => {
  const text = '{\n  "rule": {},\n  "include": "corpus/*.txt",\n  "rules": { "weekday-mismatch": "loud" }\n}';
  const { config, problems } = parseProjectConfig(text, FILE);
  assert.equal(config, undefined);
  const shown = problems.map((p) => [p.severity, p.message, at(text, p)]);
  assert.deepEqual(shown, [
    ['error', 'Unknown property "rule".', '"rule"'],
    ['error', 'include must be array.', '"corpus/*.txt"'],
    ['error', 'Must be one of: error, warning, information, hint, off.', '"loud"'],
  ]);
  const notObject = parseProjectConfig('[]', FILE);
  assert.equal(notObject.config, undefined);
  assert.deepEqual(notObject.problems.map((p) => p.message), ['The file must be object.']);
});

test('an unknown rule id is a warning on its key; the rest of the file applies', () => {
  const text = '{ "rules": { "weekday-missmatch": "error", "malformed-figure": "hint" } }';
  const { config, problems } = parseProjectConfig(text, FILE);
  assert.deepEqual(config?.rules, { 'malformed-figure': 'hint' });
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.severity, 'warning');
  assert.match(problems[0]!.message, /^Unknown rule "weekday-missmatch": it is ignored\. Rules: all-caps-name, /);
  assert.equal(at(text, problems[0]!), '"weekday-missmatch"');
  // A bad severity on an unknown rule is still an error.
  assert.equal(parseProjectConfig('{ "rules": { "nope": "loud" } }', FILE).config, undefined);
});

test('the schema names exactly the registered rules, with their default severities', () => {
  assert.deepEqual([...KNOWN_RULE_IDS].sort(), RULES.map((r) => r.id).sort());
  const properties = schema.properties.rules.properties as Record<string, { description: string }>;
  for (const rule of RULES) assert.match(properties[rule.id]!.description, new RegExp(`Default: ${rule.defaultSeverity}\\.$`), rule.id);
});

test('explicit settings override the file per key (rules per id); the file overrides the defaults', () => {
  const { config } = parseProjectConfig('{ "include": ["a/*.txt"], "rules": { "malformed-figure": "error", "weekday-mismatch": "off" }, "knowledgeBase": ["kb.json"] }', FILE);
  assert.deepEqual(effectiveSettings({}, undefined), DEFAULT_SETTINGS);
  const fromFile = effectiveSettings({}, config);
  assert.deepEqual(fromFile.include, ['a/*.txt']);
  assert.deepEqual(fromFile.exclude, DEFAULT_SETTINGS.exclude);
  assert.deepEqual(fromFile.rules, { 'malformed-figure': 'error', 'weekday-mismatch': 'off' });
  assert.deepEqual(fromFile.knowledgeBase, [join(tmpdir(), 'corpus', 'kb.json')]);
  const explicit = effectiveSettings({ include: ['b/*.txt'], rules: { 'weekday-mismatch': 'warning' }, knowledgeBase: [] }, config);
  assert.deepEqual(explicit.include, ['b/*.txt']);
  assert.deepEqual(explicit.rules, { 'malformed-figure': 'error', 'weekday-mismatch': 'warning' });
  assert.deepEqual(explicit.knowledgeBase, [], 'an explicit empty list is a choice, not a gap');
});

test('reading: a missing file is no file, an unreadable one a problem; the nearest file up the tree is found', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-config-'));
  try {
    assert.equal(await readProjectConfig(join(dir, PROJECT_CONFIG_FILE)), undefined);
    mkdirSync(join(dir, 'folder-not-file', PROJECT_CONFIG_FILE), { recursive: true });
    const unreadable = await readProjectConfig(join(dir, 'folder-not-file', PROJECT_CONFIG_FILE));
    assert.equal(unreadable?.config, undefined);
    assert.match(unreadable!.problems[0]!.message, /^Cannot read the file \(EISDIR\)/);
    writeFileSync(join(dir, PROJECT_CONFIG_FILE), '{ "rules": { "weekday-mismatch": "error" } }');
    mkdirSync(join(dir, 'corpus', 'deep'), { recursive: true });
    assert.equal(await findProjectConfig(join(dir, 'corpus', 'deep')), join(dir, PROJECT_CONFIG_FILE));
    // A folder named like the file is not the file: the search goes on above it.
    assert.equal(await findProjectConfig(join(dir, 'folder-not-file')), join(dir, PROJECT_CONFIG_FILE));
    const read = await readProjectConfig(join(dir, PROJECT_CONFIG_FILE));
    assert.deepEqual(read?.config?.rules, { 'weekday-mismatch': 'error' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
