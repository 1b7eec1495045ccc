// The CLI and the project file .corpus-lens.json: found from the first path argument upwards, under the flags.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const root = join(__dirname, '../..');
const cli = join(root, 'dist/cli.js');

/** Dateline 2022-02-16 (a Wednesday): a weekday mismatch, and "$ 1 billion" is a malformed figure. */
const ARTICLE = [
  'Troops said to return to their bases after drills',
  '20220216',
  'Officials said on Tuesday, Feb. 16 that some units had begun returning to their bases.',
  'The aid package is worth $ 1 billion, said the envoy Zorblax Quenty.',
  '',
].join('\n');

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** "severity rule" of every finding line of `check`'s text output. */
const findings = (stdout: string) => stdout.split('\n').filter(Boolean).map((l) => l.split(' ').slice(1, 3).join(' '));

describe('CLI with a project file', () => {
  let dir: string;
  const write = (relative: string, text: string) => {
    mkdirSync(dirname(join(dir, relative)), { recursive: true });
    writeFileSync(join(dir, relative), text);
  };

  before(() => {
    assert.ok(spawnSync(process.execPath, [cli, 'help']).status === 0, 'dist/cli.js is missing: run node scripts/build.mjs first');
    dir = mkdtempSync(join(tmpdir(), 'corpus-lens-cli-config-'));
    write('corpus/a.txt', ARTICLE);
    write('articles/b.txt', ARTICLE);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('without one, the defaults', () => {
    const r = run(dir, 'check', 'corpus');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(findings(r.stdout), ['hint weekday-mismatch', 'warning malformed-figure']);
  });

  it('check prints the severities the file gives, found from the first path argument upwards', () => {
    write('.corpus-lens.json', JSON.stringify({ rules: { 'malformed-figure': 'error', 'weekday-mismatch': 'off' } }));
    for (const [cwd, path] of [[dir, 'corpus'], [join(dir, 'corpus'), 'a.txt'], [root, join(dir, 'corpus', 'a.txt')]] as const) {
      const r = run(cwd, 'check', path);
      assert.equal(r.code, 1, `${cwd} ${path}: an error exits 1; ${r.stderr}`);
      assert.deepEqual(findings(r.stdout), ['error malformed-figure'], `${cwd} ${path}`);
    }
  });

  it('a --rule flag wins for its rule id; the file keeps the others', () => {
    const r = run(dir, 'check', 'corpus', '--rule', 'malformed-figure=information');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(findings(r.stdout), ['information malformed-figure']);
    const json = JSON.parse(run(dir, 'check', 'corpus', '--format', 'json', '--rule', 'weekday-mismatch=hint').stdout) as { diagnostics: Array<{ code: string; severity: string }> };
    assert.deepEqual(json.diagnostics.map((d) => `${d.severity} ${d.code}`), ['hint weekday-mismatch', 'error malformed-figure']);
  });

  it('include and exclude in the file are relative to its folder; --include wins', () => {
    write('.corpus-lens.json', JSON.stringify({ include: ['articles/**/*.txt'], exclude: ['**/drafts/**'] }));
    write('articles/drafts/c.txt', ARTICLE);
    const report = (r: { stdout: string }) => (JSON.parse(r.stdout) as { articles: Array<{ file: string }> }).articles.map((a) => a.file).sort();
    assert.deepEqual(report(run(dir, 'check', '--format', 'json')), [join('articles', 'b.txt')]);
    assert.deepEqual(report(run(dir, 'check', 'articles', '--format', 'json')), [join('articles', 'b.txt')]);
    assert.deepEqual(report(run(dir, 'check', '.', '--format', 'json', '--include', 'corpus/*.txt')), [join('corpus', 'a.txt')]);
    rmSync(join(dir, 'articles', 'drafts'), { recursive: true });
  });

  it('knowledge-base files named in the file, relative to it, link names', () => {
    const entities = () => run(dir, 'entities', 'corpus', '--format', 'jsonl').stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; id: string | null });
    write('.corpus-lens.json', '{}');
    assert.equal(entities().find((e) => e.text === 'Zorblax Quenty')?.id, null);
    write('kb/people.json', JSON.stringify({ entities: [{ key: 'zorblax-quenty', name: 'Zorblax Quenty', type: 'person' }] }));
    write('.corpus-lens.json', JSON.stringify({ knowledgeBase: ['kb/people.json'] }));
    assert.equal(entities().find((e) => e.text === 'Zorblax Quenty')?.id, 'zorblax-quenty');
  });

  it('an invalid file is reported on stderr with its place, exit 2, and nothing checked', () => {
    for (const [text, message] of [
      ['{ "rules": { "weekday-mismatch": } }', /^\.corpus-lens\.json:1:34 error project-config Invalid JSON: ValueExpected/m],
      ['{\n  "rules": { "weekday-mismatch": "loud" }\n}', /^\.corpus-lens\.json:2:34 error project-config Must be one of: error, warning, information, hint, off\./m],
      ['{ "rulez": {} }', /^\.corpus-lens\.json:1:3 error project-config Unknown property "rulez"\./m],
    ] as const) {
      write('.corpus-lens.json', text);
      const r = run(dir, 'check', 'corpus');
      assert.equal(r.code, 2, text);
      assert.equal(r.stdout, '', text);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /corpus-lens: \.corpus-lens\.json is not valid/);
      assert.doesNotMatch(r.stderr, /Usage:|\n\s+at /, 'no usage text, no stack trace');
    }
  });

  it('an unknown rule id is a warning on stderr, and the rest of the file applies', () => {
    write('.corpus-lens.json', '{ "rules": { "weekday-missmatch": "off", "weekday-mismatch": "error" } }');
    const r = run(dir, 'check', 'corpus');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^\.corpus-lens\.json:1:14 warning project-config Unknown rule "weekday-missmatch": it is ignored\./m);
    assert.deepEqual(findings(r.stdout), ['error weekday-mismatch', 'warning malformed-figure']);
  });

  it('--config names the file; a missing one is bad usage', () => {
    write('other.json', JSON.stringify({ rules: { 'malformed-figure': 'off', 'weekday-mismatch': 'off' } }));
    const r = run(dir, 'check', 'corpus', '--config', 'other.json');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const missing = run(dir, 'check', 'corpus', '--config', 'nope.json');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--config nope\.json: no such file/);
  });
});
