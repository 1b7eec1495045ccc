// Property-based fuzzing of the command line on generated files: random bytes, invalid UTF-8, NULs, BOMs and
// hostile article text, a hundred files per folder. Every command must finish without crashing, and every offset it
// prints must point at the text it prints (the file's text, decoded as the CLI decodes it).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { stripAnnotations } from '../../server/src/core/annotations';
import { decodeArticleBytes } from '../../server/src/core/text';
import { SEED, Latencies, casesFor, fileBytes, megabyteLine, reportSummary } from './support';

const root = join(__dirname, '../..');
const cli = join(root, 'dist/cli.js');
const latencies = new Latencies();
const cases: Record<string, number> = {};
const checks: Record<string, number> = {};
const BATCH = 210;

function run(kind: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 30 });
  latencies.record(kind, performance.now() - started);
  assert.equal(r.signal, null, `${args.join(' ')}: killed by ${r.signal}`);
  // 3 is the CLI's "crashed" exit code (an exception reached main).
  // check and export exit 1 when a file has an error-severity finding (malformed annotations).
  assert.ok(r.status === 0 || ((args[0] === 'check' || args[0] === 'export') && r.status === 1), `${args.join(' ')} exited ${r.status}:\n${r.stderr.slice(-3000)}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Row {
  file: string;
  start: number;
  end: number;
  text: string;
}

function lines(stdout: string): Row[] {
  return stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);
}

describe('fuzz: the command line on generated files', { timeout: 60 * 60_000 }, () => {
  const dirs: string[] = [];
  after(() => {
    reportSummary({ part: 'cli', seed: SEED, cases, checks, latencies: latencies.rows(), bounded: [] });
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('check, entities, figures, dates, export and import', () => {
    const total = casesFor('cli');
    const all = fc.sample(fileBytes(80), { seed: SEED, numRuns: total });
    for (let from = 0; from < all.length; from += BATCH) {
      const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-cli-fuzz-'));
      dirs.push(dir);
      const texts = new Map<string, string | undefined>();
      all.slice(from, from + BATCH).forEach((bytes, i) => {
        const path = join(dir, `f${from + i}.txt`);
        writeFileSync(path, bytes);
        const decoded = decodeArticleBytes(bytes);
        texts.set(path, decoded.ok ? decoded.text : undefined);
        cases.files = (cases.files ?? 0) + 1;
      });
      const textOf = (file: string) => {
        const text = texts.get(file);
        assert.ok(text !== undefined, `${file} is reported but was not readable text`);
        return text!;
      };
      for (const command of ['entities', 'figures', 'dates']) {
        const { stdout } = run(command, [command, dir, '--format', 'jsonl']);
        for (const row of lines(stdout)) {
          const text = textOf(row.file);
          assert.ok(row.start >= 0 && row.start <= row.end && row.end <= text.length, `${command}: ${JSON.stringify(row)} outside the file`);
          assert.equal(text.slice(row.start, row.end), row.text, `${command}: the text at the offsets of ${JSON.stringify(row)}`);
        }
      }
      const report = JSON.parse(run('check', ['check', dir, '--format', 'json']).stdout) as {
        diagnostics: Array<{ file: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
        skipped: Array<{ path: string; reason: string }>;
      };
      for (const d of report.diagnostics) {
        const fileLines = textOf(d.file).split(/\r\n|\r|\n/);
        for (const p of [d.range.start, d.range.end]) {
          assert.ok(p.line < fileLines.length && p.character <= fileLines[p.line]!.length, `check: ${JSON.stringify(d.range)} outside ${d.file}`);
        }
      }
      const unreadable = [...texts.values()].filter((t) => t === undefined).length;
      assert.equal(report.skipped.length, unreadable, `check skips exactly the binary files: ${JSON.stringify(report.skipped)}`);
      for (const format of ['brat', 'jsonl', 'conll']) run(`export ${format}`, ['export', '--format', format, '--out', join(dir, `out-${format}`), dir]);
      const bratDir = join(dir, 'out-brat');
      run('import brat', ['import', '--format', 'brat', bratDir, '--out', join(dir, 'imported')]);
      // An import of our own export gives back each article's clean text.
      for (const [path, text] of texts) {
        const name = path.slice(dir.length + 1);
        const imported = join(dir, 'imported', name);
        if (text === undefined || !existsSync(imported)) continue;
        assert.equal(stripAnnotations(readFileSync(imported, 'utf8')).clean, stripAnnotations(text).clean, `import of the export of ${name}`);
        checks['export/import round trips'] = (checks['export/import round trips'] ?? 0) + 1;
      }
      assert.ok(readdirSync(bratDir).some((n) => n.endsWith('.ann')), 'brat export wrote .ann files');
    }
    assert.equal(cases.files, total);
  });

  it('a megabyte line and a 10 MB file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-cli-fuzz-'));
    dirs.push(dir);
    const line = fc.sample(megabyteLine(), { seed: SEED, numRuns: 1 })[0]!;
    writeFileSync(join(dir, 'line.txt'), line);
    cases['1 MB line'] = 1;
    const { stdout } = run('entities (1 MB line)', ['entities', join(dir, 'line.txt'), '--format', 'jsonl']);
    for (const row of lines(stdout)) assert.equal(line.slice(row.start, row.end), row.text);
    writeFileSync(join(dir, 'ten.txt'), 'Kyiv said [[x|person]] on Tuesday.\n'.repeat(300_000));
    cases['10 MB'] = 1;
    const report = JSON.parse(run('check (10 MB, skipped)', ['check', join(dir, 'ten.txt'), '--format', 'json']).stdout) as { skipped: Array<{ reason: string }> };
    assert.match(report.skipped[0]?.reason ?? '', /too large/);
  });
});
