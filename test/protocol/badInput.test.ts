// Hostile workspaces: binary, too big, unreadable, not-a-file, empty, 1 MB single line, random bytes.
// Indexing must finish, each bad file is skipped with one log line, the server keeps answering quickly.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeLargeInputCorpus, writeSmallLimitCorpus, GOOD_ARTICLE, type BadFile } from '../fixtures/bad-input/generate';
import {
  SERVER_PATH,
  hoverText,
  makeWorkspace,
  positionAt,
  positionOf,
  start,
  type LspTestClient,
  type TempWorkspace,
} from '../support/lspClient';

/** Every request in these tests must answer within this, bad input or not. */
const REQUEST_BOUND_MS = 3_000;
const INDEX_BOUND_MS = 20_000;

function assertServerBuilt(): void {
  assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run \`node scripts/build.mjs\` first`);
}

/** Log lines (window/logMessage, stderr) that name the file. */
function logLinesNaming(client: LspTestClient, file: BadFile): string[] {
  const name = basename(file.relative);
  const forms = new Set([name, encodeURIComponent(name), encodeURI(name)]);
  const lines = [...client.logMessages.map((m) => m.message), ...client.stderr.split(/\r?\n/)];
  return lines.filter((line) => [...forms].some((form) => line.includes(form)));
}

async function timed<T>(what: string, run: () => Promise<T>, boundMs = REQUEST_BOUND_MS): Promise<T> {
  const started = Date.now();
  const result = await run();
  const took = Date.now() - started;
  assert.ok(took <= boundMs, `${what} took ${took} ms (bound ${boundMs} ms)`);
  return result;
}

describe('bad input with maxFileSizeMB 0.01', { timeout: 90_000 }, () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  let files: BadFile[];
  let indexMs = 0;

  before(async () => {
    assertServerBuilt();
    workspace = makeWorkspace({}, 'corpus-lens-bad-');
    files = writeSmallLimitCorpus(workspace.dir);
    client = await start({ workspaceFolders: [workspace.dir], settings: { maxFileSizeMB: 0.01 } });
    const started = Date.now();
    await client.waitForIndexed(INDEX_BOUND_MS);
    indexMs = Date.now() - started;
  });

  after(async () => {
    await client?.stop();
    workspace?.remove();
  });

  it('finishes indexing and counts articles and skips', async () => {
    const status = await timed('corpusStatus', () => client.corpusStatus());
    const indexed = files.filter((f) => f.expectation === 'indexed').length;
    const either = files.filter((f) => f.expectation === 'either').length;
    const skipped = files.filter((f) => f.expectation === 'skipped').length;
    const detail = `status ${JSON.stringify(status)} after ${indexMs} ms; log:\n${client.logText.slice(-3000)}`;
    assert.equal(status.indexing, false);
    assert.ok(status.articles >= indexed && status.articles <= indexed + either, `articles: ${detail}`);
    assert.ok(status.skipped >= skipped, `skipped: ${detail}`);
  });

  it('logs one line per skipped file, saying why', () => {
    for (const file of files) {
      const lines = logLinesNaming(client, file);
      const detail = `${file.relative} (${file.why}): ${JSON.stringify(lines)}`;
      if (file.expectation === 'skipped') {
        assert.equal(lines.length, 1, `expected one log line for ${detail}`);
        if (file.why.includes('NUL')) assert.match(lines[0]!, /binary|NUL|\\0|null byte/i, detail);
        if (file.why.includes('maxFileSizeMB')) {
          assert.match(lines[0]!, /size|large|big|MB|limit/i, detail);
          // "0.0 MB > 0.0 MB" tells the reader nothing: the two sizes must read differently.
          assert.doesNotMatch(lines[0]!, /(\d+(?:\.\d+)?)\s*MB\s*>\s*\1\s*MB/, `sizes print the same: ${detail}`);
        }
      } else if (file.expectation !== 'indexed') {
        assert.ok(lines.length <= 1, `at most one log line for ${detail}`);
      }
    }
  });

  it('never crashed and still answers hovers on a good article', async () => {
    assert.equal(client.hasExited, false, `server exited; stderr:\n${client.stderr}`);
    const uri = workspace.uri('corpus/good.txt');
    client.open(uri, GOOD_ARTICLE);
    const hover = await timed('hover', () => client.hover(uri, positionOf(GOOD_ARTICLE, 'Tuesday')));
    assert.match(hoverText(hover), /2022-02-15/, JSON.stringify(hover));
    await client.waitForDiagnostics(uri, () => true, REQUEST_BOUND_MS);
  });

  it('indexes and serves a file whose name needs URI escaping', async () => {
    const relative = files.find((f) => f.why.includes('URI escaping'))!.relative;
    const uri = workspace.uri(relative);
    await client.waitForDiagnostics(uri, () => true, REQUEST_BOUND_MS);
    client.open(uri, GOOD_ARTICLE);
    const hover = await timed('hover', () => client.hover(uri, positionOf(GOOD_ARTICLE, 'Tuesday')));
    assert.match(hoverText(hover), /2022-02-15/, JSON.stringify(hover));
  });

  it('answers in bounded time on an open document full of NUL and control characters', async () => {
    const uri = workspace.uri('corpus/binary.txt');
    const text = readFileSync(workspace.path('corpus/binary.txt'), 'latin1');
    client.open(uri, text);
    await timed('hover on binary', () => client.hover(uri, positionAt(text, text.indexOf('\u0000'))));
    await timed('documentSymbol on binary', () => client.documentSymbols(uri));
    const status = await timed('corpusStatus', () => client.corpusStatus());
    assert.equal(status.indexing, false);
    client.close(uri);
  });

  it('exits cleanly', async () => {
    const result = await client.stop();
    assert.equal(result.killed, false, 'had to be killed');
    assert.equal(result.exitCode, 0, `stderr:\n${client.stderr}`);
  });
});

describe('bad input within the default size limit: 1 MB line, random bytes', { timeout: 120_000 }, () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  let files: BadFile[];
  let indexMs = 0;

  before(async () => {
    assertServerBuilt();
    workspace = makeWorkspace({}, 'corpus-lens-large-');
    files = writeLargeInputCorpus(workspace.dir);
    client = await start({ workspaceFolders: [workspace.dir] });
    const started = Date.now();
    await client.waitForIndexed(INDEX_BOUND_MS);
    indexMs = Date.now() - started;
  });

  after(async () => {
    await client?.stop();
    workspace?.remove();
  });

  it('indexes within the bound and skips the NUL file with one log line', async () => {
    const status = await timed('corpusStatus', () => client.corpusStatus());
    const detail = `status ${JSON.stringify(status)} after ${indexMs} ms; log:\n${client.logText.slice(-3000)}`;
    assert.ok(status.articles >= 2 && status.articles <= 3, `articles: ${detail}`);
    assert.ok(status.skipped >= 1, `skipped: ${detail}`);
    for (const file of files) {
      const lines = logLinesNaming(client, file);
      if (file.expectation === 'skipped') assert.equal(lines.length, 1, `${file.relative}: ${JSON.stringify(lines)}`);
      else assert.ok(lines.length <= 1, `${file.relative}: ${JSON.stringify(lines)}`);
    }
  });

  it('answers hover, symbols and edits on the 1 MB line in bounded time', async () => {
    const uri = workspace.uri('corpus/digits.txt');
    const text = readFileSync(workspace.path('corpus/digits.txt'), 'utf8');
    client.open(uri, text);
    const middle = positionAt(text, Math.floor(text.length / 2));
    await timed('hover in the middle of 1 MB', () => client.hover(uri, middle));
    await timed('documentSymbol on 1 MB', () => client.documentSymbols(uri));
    const mark = client.diagnosticsMark();
    client.change(uri, 2, [{ range: { start: middle, end: middle }, text: ' on Tuesday, Feb. 16 ' }]);
    await client.waitForDiagnostics(uri, () => true, REQUEST_BOUND_MS * 2, { after: mark });
    await timed('hover after an edit', () => client.hover(uri, { line: 0, character: middle.character + 5 }));
    client.close(uri);
  });

  it('answers on the random-bytes file, opened as the editor would decode it', async () => {
    const uri = workspace.uri('corpus/random.txt');
    const text = readFileSync(workspace.path('corpus/random.txt'), 'utf8');
    client.open(uri, text);
    await timed('hover on random bytes', () => client.hover(uri, positionAt(text, Math.floor(text.length / 3))));
    await timed('documentSymbol on random bytes', () => client.documentSymbols(uri));
    client.close(uri);
    const good = workspace.uri('corpus/good.txt');
    client.open(good, GOOD_ARTICLE);
    const hover = await timed('hover on good', () => client.hover(good, positionOf(GOOD_ARTICLE, 'Tuesday')));
    assert.match(hoverText(hover), /2022-02-15/);
  });

  it('exits cleanly', async () => {
    assert.equal(client.hasExited, false, `server exited; stderr:\n${client.stderr}`);
    const result = await client.stop();
    assert.equal(result.exitCode, 0, `stderr:\n${client.stderr}`);
  });
});
