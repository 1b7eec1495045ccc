import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '../..');
const cli = join(root, 'dist/cli.js');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('check --format json prints valid JSON with the seeds\' datelines', () => {
  const { code, stdout } = run('check', 'corpus', '--format', 'json');
  assert.equal(code, 0);
  const report = JSON.parse(stdout) as { articles: Array<{ file: string; dateline: string | null }>; diagnostics: unknown[] };
  const datelines = Object.fromEntries(report.articles.map((a) => [a.file.replace(/^.*\//, '').slice(0, 3), a.dateline]));
  assert.deepEqual(datelines, { '000': '2022-02-16', '001': '2022-02-15', '002': null, '003': null, '004': null });
});

test('dates resolves 000\'s "Tuesday" to 2022-02-15', () => {
  const { code, stdout } = run('dates', 'corpus/000_e84a3163cd5655f9.txt', '--format', 'jsonl');
  assert.equal(code, 0);
  const rows = stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; resolved: string });
  assert.deepEqual(rows.map((r) => [r.text, r.resolved]), [['date 2022-02-16', '2022-02-16'], ['Tuesday', '2022-02-15']]);
});

test('text format is file:line:col severity code message; exit 1 only with errors', () => {
  const fixture = 'test/fixtures/dates/weekday-mismatch.txt';
  // weekday-mismatch is a hint by default (too rare on real news to bound its precision); --rule raises it.
  const hint = run('check', fixture);
  assert.equal(hint.code, 0);
  assert.match(hint.stdout, /^test\/fixtures\/dates\/weekday-mismatch\.txt:4:40 hint weekday-mismatch "Tuesday" does not match/m);
  const warning = run('check', fixture, '--rule', 'weekday-mismatch=warning');
  assert.equal(warning.code, 0);
  assert.match(warning.stdout, /^test\/fixtures\/dates\/weekday-mismatch\.txt:4:40 warning weekday-mismatch /m);
  const asError = run('check', fixture, '--rule', 'weekday-mismatch=error');
  assert.equal(asError.code, 1);
  assert.match(asError.stdout, / error weekday-mismatch /);
  const off = run('check', fixture, '--rule', 'weekday-mismatch=off');
  assert.equal(off.stdout, '');
});

test('bad usage exits 2 with a message', () => {
  for (const args of [['frobnicate'], ['check', '--format', 'xml'], ['check', 'no/such/folder'], ['check', '--rule', 'x'], ['check', '--bogus']]) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /corpus-lens: /);
  }
});

test('binary and oversized files are skipped with a message, not a crash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-cli-'));
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x41, 0, 0x42]));
  writeFileSync(join(dir, 'big.txt'), 'word '.repeat(5000));
  writeFileSync(join(dir, 'ok.txt'), 'date 2022-02-16\nFine on Tuesday.');
  const r = run('check', dir, '--max-file-size-mb', '0.01', '--format', 'json');
  assert.equal(r.code, 0);
  const report = JSON.parse(r.stdout) as { articles: unknown[]; skipped: Array<{ reason: string }> };
  assert.equal(report.articles.length, 1);
  assert.deepEqual(report.skipped.map((s) => s.reason.split(' ')[0]).sort(), ['binary', 'too']);
});

test('entities, figures and dates print the file\'s own text at the offsets they print, escapes and all', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-cli-'));
  // Surfaces that escape a line break (LF and CRLF) and a "|": their clean text differs from the file's.
  const text = 'Troops return\n20220216\n\nOfficials in [[New\\\nYork|place]] met [[Vladimir\\|Putin|person]] and ' +
    '[[Joe\\\r\nBiden|person]] in Kyiv on [[Tuesday,\\\nFeb. 15|date]], counting [[130,000\\\ntroops|figure]] and 2,000 more.\n';
  const file = join(dir, 'a.txt');
  writeFileSync(file, text);
  for (const command of ['entities', 'figures', 'dates']) {
    const r = run(command, file, '--format', 'jsonl');
    assert.equal(r.code, 0, r.stderr);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { start: number; end: number; text: string });
    assert.ok(rows.length >= 2, `${command}: ${r.stdout}`);
    for (const row of rows) assert.equal(text.slice(row.start, row.end), row.text, `${command}: ${JSON.stringify(row)}`);
    if (command === 'entities') assert.ok(rows.some((row) => /\\\r?\n/.test(row.text)), `${command} reports an escaped line break: ${r.stdout}`);
  }
});
