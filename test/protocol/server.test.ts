// The language server over stdio, driven the way an editor drives it: a copy of corpus/ as the
// workspace, then hovers, symbols, diagnostics, edits and file-watcher events.
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentSymbol, SymbolInformation } from 'vscode-languageserver-protocol/node';
import {
  CORPUS_DIR,
  FIXTURES_DIR,
  SERVER_PATH,
  hoverText,
  makeWorkspace,
  messageText,
  positionOf,
  rangeOf,
  start,
  textOfRange,
  type LspTestClient,
  type TempWorkspace,
} from '../support/lspClient';

const WEEKDAY_MISMATCH = 'weekday-mismatch';
const MISMATCH_FIXTURE = join(FIXTURES_DIR, 'dates', 'weekday-mismatch.txt');
const SEED_000 = '000_e84a3163cd5655f9.txt';
const SEED_001 = '001_978851898b15b31b.txt';
const FILE_CHANGE = { Created: 1, Changed: 2, Deleted: 3 } as const;
const DIAGNOSTIC_HINT = 4;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

/** Dateline 2022-02-16 (a Wednesday): "on Tuesday, Feb. 16" is a weekday mismatch. */
const MISMATCH_ARTICLE = [
  'Troops said to return to their bases after drills',
  '20220216',
  'Officials said on Tuesday, Feb. 16 that some units had begun returning to their bases.',
  'Talks continued in Moscow on Monday, diplomats said.',
  '',
].join('\n');
const CLEAN_ARTICLE = MISMATCH_ARTICLE.replace('on Tuesday, Feb. 16', 'on Wednesday, Feb. 16');

function assertServerBuilt(): void {
  assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run \`node scripts/build.mjs\` first`);
}

const isMismatch = (d: Diagnostic) => d.code === WEEKDAY_MISMATCH;
const hasMismatch = (ds: Diagnostic[]) => ds.some(isMismatch);
const noMismatch = (ds: Diagnostic[]) => !ds.some(isMismatch);

function flattenSymbols(symbols: (DocumentSymbol | SymbolInformation)[]): (DocumentSymbol | SymbolInformation)[] {
  return symbols.flatMap((s) => [s, ...('children' in s && s.children ? flattenSymbols(s.children) : [])]);
}

describe('language server over stdio: corpus/ copy', { timeout: 120_000 }, () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  const corpusFiles = readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.txt')).sort();
  const corpusUri = (name: string) => workspace.uri(join('corpus', name));
  const corpusText = (name: string) => readFileSync(join(CORPUS_DIR, name), 'utf8');

  before(async () => {
    assertServerBuilt();
    workspace = makeWorkspace();
    cpSync(CORPUS_DIR, workspace.path('corpus'), { recursive: true });
    client = await start({ workspaceFolders: [workspace.dir] });
  });

  after(async () => {
    await client?.stop();
    workspace?.remove();
  });

  it('answers initialize with the advertised capabilities', () => {
    const capabilities = client.initializeResult?.capabilities;
    assert.ok(capabilities, 'no capabilities in the initialize result');
    const sync = capabilities.textDocumentSync;
    const change = typeof sync === 'number' ? sync : sync?.change;
    assert.equal(change, 2, `textDocumentSync should be incremental (2), got ${JSON.stringify(sync)}`);
    if (typeof sync === 'object') assert.equal(sync.openClose, true, 'textDocumentSync.openClose');
    assert.ok(capabilities.hoverProvider, 'hoverProvider');
    assert.ok(capabilities.documentSymbolProvider, 'documentSymbolProvider');
    assert.equal(capabilities.workspace?.workspaceFolders?.supported, true, 'workspace.workspaceFolders.supported');
  });

  it('reports indexing (not an empty finished index) right after initialized', async () => {
    const first = await client.corpusStatus();
    assert.ok(
      first.indexing || first.articles === 5,
      `first corpusStatus after initialized was ${JSON.stringify(first)}: a client polling for indexing === false stops before the index starts`,
    );
  });

  it('indexes the corpus with work-done progress and reports 5 articles', async () => {
    const status = await client.waitForIndexed();
    assert.equal(corpusFiles.length, 5, 'the seed corpus should hold 5 articles');
    assert.equal(status.articles, 5, `status ${JSON.stringify(status)}`);
    assert.equal(status.skipped, 0, `status ${JSON.stringify(status)}`);
    assert.equal(status.indexing, false);
    assert.equal(typeof status.lastIndexMs, 'number');

    assert.ok(client.createdProgressTokens.length >= 1, 'server never sent window/workDoneProgress/create');
    const events = client.progressWithTitle('Indexing corpus');
    assert.ok(events.length >= 2, `no "Indexing corpus" progress; got ${JSON.stringify(client.progress)}`);
    const kinds = events.map((e) => e.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end', `progress never ended: ${kinds.join(',')}`);
    assert.equal(kinds.filter((k) => k === 'begin').length, 1);
    assert.ok(client.createdProgressTokens.includes(events[0]!.token), 'progress token was not created first');
    const messages = events.map((e) => ('message' in e.value ? e.value.message : undefined)).filter(Boolean) as string[];
    for (const message of messages) {
      if (/\d/.test(message)) assert.match(message, /\d[\d,]*\s*\/\s*\d[\d,]*/, `progress message "${message}"`);
    }
  });

  it('publishes diagnostics for every indexed article, with no weekday mismatch in the seeds', async () => {
    for (const name of corpusFiles) {
      const diagnostics = await client.waitForDiagnostics(corpusUri(name));
      assert.deepEqual(diagnostics.filter(isMismatch), [], `${name}: ${JSON.stringify(diagnostics)}`);
      for (const d of diagnostics) assert.equal(d.source, 'corpus-lens', `${name}: ${JSON.stringify(d)}`);
    }
  });

  it('hovers "Tuesday" in 000 with the resolved date', async () => {
    const text = corpusText(SEED_000);
    const uri = corpusUri(SEED_000);
    client.open(uri, text);
    const hover = await client.hover(uri, positionOf(text, 'Tuesday'));
    const value = hoverText(hover);
    assert.match(value, /2022-02-15/, `hover: ${JSON.stringify(hover)}`);
    assert.match(value, /Tuesday, 15 February 2022/, `hover: ${JSON.stringify(hover)}`);
    if (hover?.range) assert.equal(textOfRange(text, hover.range), 'Tuesday', `hover range ${JSON.stringify(hover.range)}`);
  });

  it('gives no date on a word that is not a date', async () => {
    const text = corpusText(SEED_000);
    const uri = corpusUri(SEED_000);
    for (const word of ['embassy', 'Sputnik', 'plans']) {
      const hover = await client.hover(uri, positionOf(text, word));
      assert.doesNotMatch(hoverText(hover), ISO_DATE, `hover on "${word}": ${JSON.stringify(hover)}`);
    }
  });

  it('lists headline, dateline and paragraphs as document symbols of 001', async () => {
    const text = corpusText(SEED_001);
    const uri = corpusUri(SEED_001);
    client.open(uri, text);
    const symbols = await client.documentSymbols(uri);
    assert.ok(Array.isArray(symbols) && symbols.length > 0, `symbols: ${JSON.stringify(symbols)}`);
    const all = flattenSymbols(symbols);
    const names = all.map((s) => s.name);
    const headline = 'Russia says it is pulling back some of its troops from the Ukrainian border';
    // The name may be a preview cut with "…"; the symbol's range then carries the whole headline.
    const shown = names[0] ?? '';
    assert.ok(
      shown === `Headline: ${headline}` || (shown.endsWith('…') && `Headline: ${headline}`.startsWith(shown.slice(0, -1))),
      `first symbol "${shown}" is not the headline; names: ${JSON.stringify(names)}`,
    );
    assert.ok(names.includes('Dateline: 2022-02-15'), `names: ${JSON.stringify(names)}`);
    const paragraphs = names.filter((n) => n.startsWith('¶'));
    assert.ok(paragraphs.length >= 2, `paragraph symbols: ${JSON.stringify(names)}`);
    assert.match(paragraphs[0]!, /^¶1\b/);
    assert.match(paragraphs[1]!, /^¶2\b/);
    assert.ok(names.indexOf('Dateline: 2022-02-15') < names.indexOf(paragraphs[0]!), 'dateline before paragraphs');
    const head = all[0]!;
    const headRange = 'range' in head ? head.range : head.location.range;
    assert.equal(headRange.start.line, 0, 'headline symbol starts on line 0');
    if ('selectionRange' in head) {
      assert.equal(textOfRange(text, head.selectionRange), headline, 'headline selectionRange covers the headline');
    }
    // A paragraph symbol's range must cover its first words.
    const firstParagraph = all.find((s) => s.name.startsWith('¶1'))!;
    const paragraphRange = 'range' in firstParagraph ? firstParagraph.range : firstParagraph.location.range;
    assert.match(textOfRange(text, paragraphRange), /^US Secretary of State Antony Blinken/);
  });

  it('publishes weekday-mismatch for the fixture with code, docs link and data', async () => {
    assert.ok(existsSync(MISMATCH_FIXTURE), `fixture ${MISMATCH_FIXTURE} is missing`);
    const text = readFileSync(MISMATCH_FIXTURE, 'utf8').replace(/^\uFEFF/, '');
    const uri = workspace.uri('fixtures/weekday-mismatch.txt');
    workspace.write('fixtures/weekday-mismatch.txt', text);
    client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, hasMismatch);
    for (const d of diagnostics.filter(isMismatch)) {
      assert.equal(d.source, 'corpus-lens');
      assert.equal(d.severity, DIAGNOSTIC_HINT, "weekday-mismatch is a hint by default");
      assert.ok(d.codeDescription?.href.endsWith(`${WEEKDAY_MISMATCH}.md`), `href ${d.codeDescription?.href}`);
      // An absolute URI an editor can open: a web page, or a doc file shipped with the extension.
      const href = new URL(d.codeDescription!.href);
      if (href.protocol === 'file:') assert.ok(existsSync(fileURLToPath(href)), `${href} does not exist`);
      else assert.equal(href.protocol, 'https:', `href ${href}`);
      assert.notEqual(d.data, undefined, 'diagnostic has no data field');
      const written = textOfRange(text, d.range);
      const weekday = /(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/.exec(written)?.[0];
      assert.ok(weekday, `range text "${written}" holds no weekday`);
      assert.ok(messageText(d).includes(weekday), `message "${messageText(d)}" does not mention ${weekday}`);
    }
  });

  it('flags "on Tuesday, Feb. 16", clears on the fix and flags again on the break', async () => {
    const uri = workspace.uri('edits/mismatch.txt');
    client.open(uri, MISMATCH_ARTICLE, 'news-article', 1);
    const first = await client.waitForDiagnostics(uri, hasMismatch);
    const mismatch = first.find(isMismatch)!;
    assert.match(textOfRange(MISMATCH_ARTICLE, mismatch.range), /Tuesday/);
    assert.match(messageText(mismatch), /Tuesday/);
    assert.match(messageText(mismatch), /Wednesday/);

    const tuesday = rangeOf(MISMATCH_ARTICLE, 'Tuesday');
    let mark = client.diagnosticsMark();
    client.change(uri, 2, [{ range: tuesday, text: 'Wednesday' }]);
    await client.waitForDiagnostics(uri, noMismatch, 10_000, { after: mark });

    const wednesday = rangeOf(CLEAN_ARTICLE, 'Wednesday');
    mark = client.diagnosticsMark();
    client.change(uri, 3, [{ range: wednesday, text: 'Tuesday' }]);
    const again = await client.waitForDiagnostics(uri, hasMismatch, 10_000, { after: mark });
    assert.deepEqual(again.find(isMismatch)!.range, mismatch.range);
    const published = client.diagnosticsLog.filter((p) => p.uri === uri).at(-1)!;
    if (published.version !== undefined) assert.equal(published.version, 3, 'diagnostics carry the latest version');
  });

  it('updates the index on didChangeWatchedFiles create, change and delete', async () => {
    const name = 'zz_watched.txt';
    const path = workspace.path(join('corpus', name));
    const uri = corpusUri(name);

    // Documents opened by earlier tests count as articles too, so compare with the count before.
    const before = (await client.waitForIndexed()).articles;
    let mark = client.diagnosticsMark();
    writeFileSync(path, MISMATCH_ARTICLE);
    client.changeWatchedFiles([{ uri, type: FILE_CHANGE.Created }]);
    const created = await client.waitForIndexed(10_000, (s) => s.articles === before + 1);
    assert.equal(created.articles, before + 1);
    await client.waitForDiagnostics(uri, hasMismatch, 10_000, { after: mark });

    mark = client.diagnosticsMark();
    writeFileSync(path, CLEAN_ARTICLE);
    client.changeWatchedFiles([{ uri, type: FILE_CHANGE.Changed }]);
    await client.waitForDiagnostics(uri, noMismatch, 10_000, { after: mark });
    assert.equal((await client.waitForIndexed()).articles, before + 1);

    // Broken again on disk, then deleted: the stale warning must be withdrawn.
    mark = client.diagnosticsMark();
    writeFileSync(path, MISMATCH_ARTICLE);
    client.changeWatchedFiles([{ uri, type: FILE_CHANGE.Changed }]);
    await client.waitForDiagnostics(uri, hasMismatch, 10_000, { after: mark });

    mark = client.diagnosticsMark();
    rmSync(path);
    client.changeWatchedFiles([{ uri, type: FILE_CHANGE.Deleted }]);
    const deleted = await client.waitForIndexed(10_000, (s) => s.articles === before);
    assert.equal(deleted.articles, before);
    await client.waitForDiagnostics(uri, (ds) => ds.length === 0, 10_000, { after: mark });
  });

  it("keeps an open editor's unsaved text over the disk content", async () => {
    const name = 'zz_open.txt';
    const path = workspace.path(join('corpus', name));
    const uri = corpusUri(name);
    const before = (await client.waitForIndexed()).articles;
    writeFileSync(path, CLEAN_ARTICLE);
    client.changeWatchedFiles([{ uri, type: FILE_CHANGE.Created }]);
    await client.waitForIndexed(10_000, (s) => s.articles === before + 1);

    let mark = client.diagnosticsMark();
    client.open(uri, MISMATCH_ARTICLE, 'news-article', 1);
    await client.waitForDiagnostics(uri, hasMismatch, 10_000, { after: mark });

    // The file changes on disk (still clean) while the editor holds the unsaved mismatch.
    writeFileSync(path, CLEAN_ARTICLE.replace('diplomats said', 'officials said'));
    client.changeWatchedFiles([{ uri, type: FILE_CHANGE.Changed }]);
    const status = await client.waitForIndexed();
    assert.equal(status.articles, before + 1);
    assert.ok(hasMismatch(client.latestDiagnostics(uri) ?? []), 'disk content replaced the open text');
    const hover = await client.hover(uri, positionOf(MISMATCH_ARTICLE, 'Tuesday'));
    assert.match(hoverText(hover), /2022-02-1\d/, `hover on the open text: ${JSON.stringify(hover)}`);

    // Closing the editor falls back to the disk content, which is clean.
    mark = client.diagnosticsMark();
    client.close(uri);
    await client.waitForDiagnostics(uri, noMismatch, 10_000, { after: mark });
    rmSync(path);
    client.changeWatchedFiles([{ uri, type: FILE_CHANGE.Deleted }]);
    await client.waitForIndexed(10_000, (s) => s.articles === before);
  });

  it('keeps an open article when its file is deleted on disk', async () => {
    const name = 'zz_open_deleted.txt';
    const path = workspace.path(join('corpus', name));
    const uri = corpusUri(name);
    const before = (await client.waitForIndexed()).articles;
    writeFileSync(path, MISMATCH_ARTICLE);
    client.changeWatchedFiles([{ uri, type: FILE_CHANGE.Created }]);
    await client.waitForIndexed(10_000, (s) => s.articles === before + 1);
    client.open(uri, MISMATCH_ARTICLE);
    await client.waitForDiagnostics(uri, hasMismatch);

    const mark = client.diagnosticsMark();
    rmSync(path);
    client.changeWatchedFiles([{ uri, type: FILE_CHANGE.Deleted }]);
    const hover = await client.hover(uri, positionOf(MISMATCH_ARTICLE, 'Tuesday'));
    assert.match(hoverText(hover), /2022-02-16/, 'the open article lost its text when the file was deleted');
    const cleared = client.diagnosticsLog.slice(mark).filter((p) => p.uri === uri && !hasMismatch(p.diagnostics));
    assert.deepEqual(cleared, [], 'diagnostics of the open editor were cleared by the delete on disk');

    const closeMark = client.diagnosticsMark();
    client.close(uri);
    await client.waitForDiagnostics(uri, (ds) => ds.length === 0, 10_000, { after: closeMark });
    await client.waitForIndexed(10_000, (s) => s.articles === before);
  });

  it('leaves no trace of files created and deleted in quick succession', async () => {
    // Tools that write a temporary file and remove it send Created then Deleted. Whatever order the
    // server's reads finish in, the end state must be "never existed": no article, no skip.
    const before = await client.waitForIndexed();
    const transient: string[] = [];
    for (let i = 0; i < 30; i++) {
      const relative = join('corpus', `zz_transient_${i}.txt`);
      const uri = workspace.uri(relative);
      transient.push(uri);
      writeFileSync(workspace.path(relative), MISMATCH_ARTICLE.repeat(2000));
      client.changeWatchedFiles([{ uri, type: FILE_CHANGE.Created }]);
      rmSync(workspace.path(relative));
      client.changeWatchedFiles([{ uri, type: FILE_CHANGE.Deleted }]);
    }
    // A later, real file: once it is indexed (and a little after), the server has seen the events before it.
    const sentinel = corpusUri('zz_sentinel.txt');
    writeFileSync(workspace.path(join('corpus', 'zz_sentinel.txt')), CLEAN_ARTICLE);
    client.changeWatchedFiles([{ uri: sentinel, type: FILE_CHANGE.Created }]);
    await client.waitForDiagnostics(sentinel);
    const after = await client.waitForIndexed(10_000, (s) => s.articles === before.articles + 1);
    const ghosts = transient.filter((uri) => hasMismatch(client.latestDiagnostics(uri) ?? []));
    assert.deepEqual(ghosts, [], 'deleted files still carry diagnostics');
    assert.equal(after.skipped, before.skipped, `vanished files count as skipped: ${JSON.stringify(after)}; log:\n${client.logText.slice(-600)}`);
    rmSync(workspace.path(join('corpus', 'zz_sentinel.txt')));
    client.changeWatchedFiles([{ uri: sentinel, type: FILE_CHANGE.Deleted }]);
    await client.waitForIndexed(10_000, (s) => s.articles === before.articles);
  });

  it('shuts down and exits with code 0', async () => {
    const result = await client.stop();
    assert.equal(result.killed, false, 'server had to be killed after exit');
    assert.equal(result.exitCode, 0, `exit ${JSON.stringify(result)}; stderr:\n${client.stderr}`);
  });
});

describe('language server over stdio: a client without progress or configuration support', { timeout: 60_000 }, () => {
  it('indexes with defaults and sends no progress', async () => {
    assertServerBuilt();
    const workspace = makeWorkspace();
    cpSync(CORPUS_DIR, workspace.path('corpus'), { recursive: true });
    const client = await start({
      workspaceFolders: [workspace.dir],
      capabilities: { window: { workDoneProgress: false }, workspace: { configuration: false, workspaceFolders: true } },
    });
    try {
      const status = await client.waitForIndexed(20_000, (s) => s.articles > 0);
      assert.equal(status.articles, 5);
      assert.deepEqual(client.createdProgressTokens, [], 'progress created for a client that does not support it');
      assert.deepEqual(client.configurationRequests, [], 'workspace/configuration requested from a client without it');
    } finally {
      const result = await client.stop();
      workspace.remove();
      assert.equal(result.exitCode, 0);
    }
  });

  it('takes settings from initializationOptions', async () => {
    assertServerBuilt();
    const workspace = makeWorkspace({ 'articles/a.txt': MISMATCH_ARTICLE, 'corpus/b.txt': CLEAN_ARTICLE });
    const client = await start({
      workspaceFolders: [workspace.dir],
      settings: { include: ['articles/**/*.txt'] },
      settingsVia: 'initializationOptions',
      capabilities: { workspace: { configuration: false, workspaceFolders: true } },
    });
    try {
      const status = await client.waitForIndexed(20_000, (s) => s.articles > 0);
      assert.equal(status.articles, 1, `only articles/a.txt should be indexed: ${JSON.stringify(status)}`);
      await client.waitForDiagnostics(workspace.uri('articles/a.txt'), hasMismatch);
    } finally {
      await client.stop();
      workspace.remove();
    }
  });
});
