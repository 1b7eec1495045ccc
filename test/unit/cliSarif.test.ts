// check --format sarif against the official SARIF 2.1.0 schema; --max-warnings; no progress output off a terminal.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import Ajv from 'ajv';
import { RULES } from '../../server/src/rules';

const root = join(__dirname, '../..');
const cli = join(root, 'dist/cli.js');
/** The OASIS schema (see docs/data-sources.md); draft-04, which ajv 8 does not read as such. */
const SCHEMA_PATH = join(root, 'test/fixtures/sarif/sarif-schema-2.1.0.json');

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Region { startLine: number; startColumn: number; endLine: number; endColumn: number }
interface PhysicalLocation { artifactLocation: { uri: string; uriBaseId?: string }; region: Region }
interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<{ id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }> } };
    columnKind: string;
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Array<{ physicalLocation: PhysicalLocation }>; relatedLocations?: Array<{ physicalLocation: PhysicalLocation; message: { text: string } }> }>;
  }>;
}

function sarifValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  // Its draft-04 keywords mean the same in draft-07 but for the boolean exclusiveMinimum/Maximum: make sure it has none.
  assert.doesNotMatch(JSON.stringify(schema), /"exclusive(Minimum|Maximum)"/);
  const { $schema, id, ...draft07 } = schema;
  assert.match(String($schema), /draft-04/);
  assert.match(String(id), /sarif-schema-2\.1\.0\.json$/);
  // Formats (uri, date-time) need a plugin: the test checks the URIs itself.
  return new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(draft07);
}

/** The text a SARIF region covers, counting UTF-16 code units from 1, as columnKind says. */
function regionText(text: string, region: Region): string {
  const lines = text.split(/\r\n|\r|\n/);
  assert.equal(region.startLine, region.endLine, 'these findings sit on one line');
  return lines[region.startLine - 1]!.slice(region.startColumn - 1, region.endColumn - 1);
}

test('check --format sarif on the sample corpus is valid SARIF 2.1.0 and says what the text output says', () => {
  assert.ok(existsSync(cli), 'dist/cli.js is missing: run node scripts/build.mjs first');
  const r = run(root, 'check', 'corpus', '--format', 'sarif');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '', 'stderr is not a terminal: no progress, no summary');
  const log = JSON.parse(r.stdout) as SarifLog;
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  // A broken log must fail, or the check above proves nothing.
  assert.equal(validate({ ...log, runs: [{ ...log.runs[0], columnKind: 'bytes' }] }), false);

  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const [sarif] = log.runs;
  assert.equal(sarif!.columnKind, 'utf16CodeUnits');
  const driver = sarif!.tool.driver;
  assert.equal(driver.name, 'corpus-lens');
  assert.equal(driver.version, (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);
  assert.ok(existsSync(fileURLToPath(driver.informationUri)), driver.informationUri);
  assert.deepEqual(driver.rules.map((x) => x.id), RULES.map((x) => x.id));
  for (const [i, rule] of driver.rules.entries()) {
    assert.ok(rule.helpUri.endsWith(`docs/rules/${rule.id}.md`) && existsSync(fileURLToPath(rule.helpUri)), rule.helpUri);
    assert.equal(rule.shortDescription.text, RULES[i]!.summary);
    assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[RULES[i]!.defaultSeverity]);
  }

  const text = run(root, 'check', 'corpus');
  const textFindings = text.stdout.split('\n').filter((l) => l && !l.startsWith('  '));
  assert.equal(sarif!.results.length, textFindings.length);
  const base = sarif!.originalUriBaseIds.SRCROOT!.uri;
  assert.equal(fileURLToPath(base).replace(/[\\/]$/, ''), root);
  for (const [i, result] of sarif!.results.entries()) {
    const location = result.locations[0]!.physicalLocation;
    assert.equal(location.artifactLocation.uriBaseId, 'SRCROOT');
    const file = fileURLToPath(new URL(location.artifactLocation.uri, base));
    const [where, severity, ruleId] = textFindings[i]!.split(' ');
    assert.equal(`${location.artifactLocation.uri}:${location.region.startLine}:${location.region.startColumn}`, where);
    assert.equal(result.ruleId, ruleId);
    assert.equal(driver.rules[result.ruleIndex]!.id, ruleId);
    assert.equal(result.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[severity!]);
    assert.ok(existsSync(file), file);
    for (const related of result.relatedLocations ?? []) {
      assert.ok(existsSync(fileURLToPath(new URL(related.physicalLocation.artifactLocation.uri, base))));
      assert.ok(related.message.text.length > 0);
    }
  }
  assert.ok(sarif!.results.some((x) => x.relatedLocations?.length), 'the sample corpus has cross-article findings with related places');
});

test('SARIF regions are 1-based UTF-16 columns: an emoji before a finding counts two', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-sarif-'));
  try {
    const article = 'Troops return\n20220216\n🎉 Officials said on Tuesday, Feb. 16 that units left.\n';
    writeFileSync(join(dir, 'a b.txt'), article);
    const r = run(dir, 'check', 'a b.txt', '--format', 'sarif');
    const result = (JSON.parse(r.stdout) as SarifLog).runs[0]!.results.find((x) => x.ruleId === 'weekday-mismatch');
    assert.ok(result, r.stdout);
    const location = result.locations[0]!.physicalLocation;
    assert.equal(location.artifactLocation.uri, 'a%20b.txt');
    assert.equal(location.region.startLine, 3);
    assert.equal(location.region.startColumn, article.split('\n')[2]!.indexOf('Tuesday') + 1);
    assert.match(regionText(article, location.region), /^Tuesday/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--max-warnings N: exit 1 with more than N warnings, and bad values are bad usage', () => {
  const fixture = 'test/fixtures/dates/weekday-mismatch.txt';
  // weekday-mismatch is a hint by default: raised, the fixture has a warning to count.
  const raise = ['--rule', 'weekday-mismatch=warning'];
  const warnings = JSON.parse(run(root, 'check', fixture, ...raise, '--format', 'json').stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'warning').length as number;
  assert.ok(warnings >= 1);
  const over = run(root, 'check', fixture, ...raise, '--max-warnings', String(warnings - 1));
  assert.equal(over.code, 1);
  assert.match(over.stderr, new RegExp(`corpus-lens: ${warnings} warnings, more than --max-warnings ${warnings - 1}`));
  assert.equal(run(root, 'check', fixture, ...raise, '--max-warnings', String(warnings)).code, 0);
  assert.equal(run(root, 'check', fixture, ...raise, '--format', 'sarif', '--max-warnings', '0').code, 1, 'the format does not matter');
  for (const bad of ['-1', 'many', '1.5']) assert.equal(run(root, 'check', fixture, '--max-warnings', bad).code, 2, bad);
  assert.equal(run(root, 'dates', fixture, '--max-warnings', '1').code, 2, 'only for check');
});

test('with stderr not a terminal, nothing but the summary goes to stderr', () => {
  for (const args of [['check', 'corpus'], ['entities', 'corpus'], ['check', 'corpus', '--format', 'json']]) {
    const r = run(root, ...args);
    assert.doesNotMatch(r.stderr, /\r|\x1b|Reading|Checking/, args.join(' '));
    assert.equal(r.stderr, args[0] === 'check' && args.length === 2 ? `corpus-lens: 5 articles, ${r.stdout.split('\n').filter((l) => l && !l.startsWith('  ')).length} diagnostics, 0 errors\n` : '', args.join(' '));
  }
});
