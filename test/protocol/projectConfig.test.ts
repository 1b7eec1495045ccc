// The project file .corpus-lens.json over the real protocol: its rule severities reach the published diagnostics,
// a change on disk re-publishes, explicit settings win over it, and a broken file is told and not used.
import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { PROJECT_CONFIG_GLOB } from '../../server/src/shared/protocol';
import { SERVER_PATH, makeWorkspace, start, textOfRange, type LspTestClient, type TempWorkspace } from '../support/lspClient';

const FILE_CHANGE = { Created: 1, Changed: 2, Deleted: 3 } as const;
const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

/** Dateline 2022-02-16 (a Wednesday): a weekday mismatch, and "$ 1 billion" is a malformed figure. */
const ARTICLE = [
  'Troops said to return to their bases after drills',
  '20220216',
  'Officials said on Tuesday, Feb. 16 that some units had begun returning to their bases.',
  'The aid package is worth $ 1 billion, the ministry said.',
  '',
].join('\n');

const severityOf = (ds: Diagnostic[], code: string) => ds.find((d) => d.code === code)?.severity;
/** The severities of the two rules in one publication; undefined when the rule published nothing. */
const severities = (ds: Diagnostic[]) => ({ weekday: severityOf(ds, 'weekday-mismatch'), figure: severityOf(ds, 'malformed-figure') });
const expect = (weekday: number | undefined, figure: number | undefined) => (ds: Diagnostic[]) => {
  const s = severities(ds);
  return s.weekday === weekday && s.figure === figure;
};

describe('project file .corpus-lens.json', { timeout: 120_000 }, () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  let article: string;
  let configUri: string;

  const writeConfig = (text: string) => {
    workspace.write('.corpus-lens.json', text);
    client.changeWatchedFiles([{ uri: configUri, type: FILE_CHANGE.Changed }]);
  };

  before(async () => {
    assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run \`node scripts/build.mjs\` first`);
    workspace = makeWorkspace({
      'corpus/a.txt': ARTICLE,
      'articles/b.txt': ARTICLE,
      '.corpus-lens.json': JSON.stringify({ rules: { 'malformed-figure': 'error', 'weekday-mismatch': 'off' } }),
    });
    article = workspace.uri('corpus/a.txt');
    configUri = workspace.uri('.corpus-lens.json');
    // Only what a user set goes to the server, as from VS Code: nothing here, so the file decides.
    client = await start({ workspaceFolders: [workspace.dir], explicitSettingsOnly: true });
    await client.waitForIndexed();
  });

  after(async () => {
    await client?.stop();
    workspace?.remove();
  });

  it('watches the file', () => {
    const watchers = client.registrations
      .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
      .flatMap((r) => (r.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern));
    assert.ok(watchers.includes(PROJECT_CONFIG_GLOB), `watchers: ${JSON.stringify(watchers)}`);
  });

  it('publishes the severities the file gives: malformed-figure an error, weekday-mismatch off', async () => {
    const ds = await client.waitForDiagnostics(article);
    assert.deepEqual(severities(ds), { weekday: undefined, figure: SEVERITY.error }, JSON.stringify(ds));
    assert.equal(textOfRange(ARTICLE, ds.find((d) => d.code === 'malformed-figure')!.range), '$ 1 billion');
  });

  it('publishes again when the file changes on disk', async () => {
    const mark = client.diagnosticsMark();
    writeConfig(JSON.stringify({ rules: { 'weekday-mismatch': 'information' } }));
    await client.waitForDiagnostics(article, expect(SEVERITY.information, SEVERITY.warning), 10_000, { after: mark });
  });

  it('an explicit setting wins for its rule, and the file is back in force when it is unset', async () => {
    let mark = client.diagnosticsMark();
    client.changeSettings({ rules: { 'weekday-mismatch': 'error' } });
    await client.waitForDiagnostics(article, expect(SEVERITY.error, SEVERITY.warning), 10_000, { after: mark });
    mark = client.diagnosticsMark();
    client.changeSettings({});
    await client.waitForDiagnostics(article, expect(SEVERITY.information, SEVERITY.warning), 10_000, { after: mark });
  });

  it('a malformed file is a diagnostic on it, a window message and a log line, and is not used', async () => {
    const mark = client.diagnosticsMark();
    const shown = client.shownMessages.length;
    const text = '{ "rules": { "weekday-mismatch": } }';
    writeConfig(text);
    const problems = await client.waitForDiagnostics(configUri, (ds) => ds.length > 0, 10_000, { after: mark });
    assert.equal(problems[0]!.severity, SEVERITY.error);
    assert.equal(problems[0]!.code, 'project-config');
    assert.match(String(problems[0]!.message), /^Invalid JSON: ValueExpected/);
    assert.equal(problems[0]!.range.start.character, text.indexOf('}'));
    // Not used: the defaults are back.
    await client.waitForDiagnostics(article, expect(SEVERITY.hint, SEVERITY.warning), 10_000, { after: mark });
    const message = client.shownMessages.slice(shown).find((m) => m.message.includes('.corpus-lens.json'));
    assert.ok(message, `no window message: ${JSON.stringify(client.shownMessages)}`);
    assert.match(message.message, /is not used until it is fixed: line 1, column \d+: Invalid JSON/);
    await client.waitForLog(/\.corpus-lens\.json:1:\d+ error Invalid JSON/);
  });

  it('an unknown rule id is a warning on the file; the rest of it applies', async () => {
    const mark = client.diagnosticsMark();
    const text = '{ "rules": { "weekday-missmatch": "off", "malformed-figure": "error" } }';
    writeConfig(text);
    await client.waitForDiagnostics(article, expect(SEVERITY.hint, SEVERITY.error), 10_000, { after: mark });
    const problems = client.latestDiagnostics(configUri) ?? [];
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(problems[0]!.severity, SEVERITY.warning);
    assert.equal(textOfRange(text, problems[0]!.range), '"weekday-missmatch"');
  });

  it('include in the file decides which files are articles', async () => {
    const mark = client.diagnosticsMark();
    writeConfig(JSON.stringify({ include: ['articles/**/*.txt'] }));
    await client.waitForDiagnostics(article, (ds) => ds.length === 0, 10_000, { after: mark });
    await client.waitForDiagnostics(workspace.uri('articles/b.txt'), expect(SEVERITY.hint, SEVERITY.warning), 10_000, { after: mark });
    const status = await client.waitForIndexed();
    assert.equal(status.articles, 1, JSON.stringify(status));
    assert.deepEqual(client.latestDiagnostics(configUri), [], 'the fixed file still shows its old problems');
  });

  it('deleting the file brings back the defaults', async () => {
    const mark = client.diagnosticsMark();
    rmSync(workspace.path('.corpus-lens.json'));
    client.changeWatchedFiles([{ uri: configUri, type: FILE_CHANGE.Deleted }]);
    await client.waitForDiagnostics(article, expect(SEVERITY.hint, SEVERITY.warning), 10_000, { after: mark });
    const status = await client.waitForIndexed();
    assert.equal(status.articles, 1, `only corpus/a.txt under the default include: ${JSON.stringify(status)}`);
  });
});

describe('project file: a client that sends every setting, defaults included', { timeout: 60_000 }, () => {
  it('sees the settings win, and the file fill in only what they leave unsaid (rules per id)', async () => {
    assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run \`node scripts/build.mjs\` first`);
    const workspace = makeWorkspace({ 'corpus/a.txt': ARTICLE });
    writeFileSync(workspace.path('.corpus-lens.json'), JSON.stringify({ include: ['nothing/**'], rules: { 'malformed-figure': 'error', 'weekday-mismatch': 'hint' } }));
    const client = await start({ workspaceFolders: [workspace.dir], settings: { rules: { 'weekday-mismatch': 'information' } } });
    try {
      const ds = await client.waitForDiagnostics(workspace.uri('corpus/a.txt'));
      assert.deepEqual(severities(ds), { weekday: SEVERITY.information, figure: SEVERITY.error });
    } finally {
      await client.stop();
      workspace.remove();
    }
  });
});

describe('project file: a client that validates its schema itself (VS Code)', { timeout: 60_000 }, () => {
  it('gets no duplicate schema errors, only the warnings it cannot know, and a window message', async () => {
    assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run \`node scripts/build.mjs\` first`);
    const text = '{ "rules": { "weekday-missmatch": "off", "malformed-figure": "loud" } }';
    const workspace = makeWorkspace({ 'corpus/a.txt': ARTICLE, '.corpus-lens.json': text });
    const client = await start({ workspaceFolders: [workspace.dir], explicitSettingsOnly: true, initializationFacts: { clientValidatesProjectConfigSchema: true } });
    try {
      const ds = await client.waitForDiagnostics(workspace.uri('corpus/a.txt'));
      assert.deepEqual(severities(ds), { weekday: SEVERITY.hint, figure: SEVERITY.warning }, 'the invalid file is not used');
      const problems = await client.waitForDiagnostics(workspace.uri('.corpus-lens.json'));
      assert.deepEqual(problems.map((d) => [d.severity, textOfRange(text, d.range)]), [[SEVERITY.warning, '"weekday-missmatch"']]);
      assert.ok(client.shownMessages.some((m) => /is not used until it is fixed: line 1, column \d+: Must be one of/.test(m.message)), JSON.stringify(client.shownMessages));
      await client.waitForLog(/\.corpus-lens\.json:1:\d+ error Must be one of/);
    } finally {
      await client.stop();
      workspace.remove();
    }
  });
});
