// Faults an editor session meets: files deleted and renamed under an open editor, workspace folders coming and
// going, a knowledge-base file broken then mended, a quick fix asked for with a stale diagnostic, a cancelled request.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, type CodeAction, type Diagnostic, type TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import {
  CORPUS_DIR, hoverText, makeWorkspace, messageText, positionOf, rangeOf, start, toUri, type LspTestClient, type TempWorkspace,
} from '../support/lspClient';
import { applyWorkspaceEdit, type EditableDocument } from '../support/workspaceEdits';

const FILE_CHANGE = { Created: 1, Changed: 2, Deleted: 3 } as const;
const S000 = '000_e84a3163cd5655f9.txt';
const S002 = '002_1cd903209d84dacb.txt';
const seed = (name: string) => readFileSync(join(CORPUS_DIR, name), 'utf8');

/** Dateline 2022-02-16 (a Wednesday): "on Tuesday, Feb. 16" is a weekday mismatch. */
const MISMATCH_ARTICLE = [
  'Troops said to return to their bases after drills',
  '20220216',
  'Officials said on Tuesday, Feb. 16 that some units had begun returning to their bases.',
  '',
].join('\n');
const isMismatch = (d: Diagnostic) => d.code === 'weekday-mismatch';

/** Every place a publication points at: its own URI and every related location. */
function urisIn(diagnostics: Diagnostic[]): string[] {
  return diagnostics.flatMap((d) => (d.relatedInformation ?? []).map((r) => r.location.uri));
}

describe('faults: a file deleted or renamed on disk', { timeout: 90_000 }, () => {
  let ws: TempWorkspace;
  let client: LspTestClient;
  const uri = (name: string) => ws.uri(`corpus/${name}`);
  const superseded = (name: string) => (client.latestDiagnostics(uri(name)) ?? []).filter((d) => d.code === 'superseded-figure');

  before(async () => {
    ws = makeWorkspace();
    cpSync(CORPUS_DIR, ws.path('corpus'), { recursive: true });
    client = await start({ workspaceFolders: [ws.dir] });
    await client.waitForIndexed();
    await client.waitForDiagnostics(uri(S002), (ds) => ds.some((d) => d.code === 'superseded-figure'), 15_000);
  });
  after(async () => {
    await client?.stop();
    ws?.remove();
  });

  it('a renamed article is indexed under its new URI and no finding points at the old one', async () => {
    const before = await client.waitForIndexed();
    assert.ok(urisIn(superseded(S002)).includes(uri(S000)), `002 should point into 000 first: ${JSON.stringify(superseded(S002))}`);
    const renamed = 'renamed_000.txt';
    const mark = client.diagnosticsMark();
    renameSync(ws.path(`corpus/${S000}`), ws.path(`corpus/${renamed}`));
    client.changeWatchedFiles([{ uri: uri(S000), type: FILE_CHANGE.Deleted }, { uri: uri(renamed), type: FILE_CHANGE.Created }]);
    await client.waitForDiagnostics(uri(renamed), () => true, 10_000, { after: mark });
    await client.waitForDiagnostics(uri(S000), (ds) => ds.length === 0, 10_000, { after: mark });
    // 002's findings move to the new name (they are re-checked because 000 left and came back).
    const moved = await client.waitForDiagnostics(uri(S002), (ds) => urisIn(ds).includes(uri(renamed)), 10_000, { after: mark });
    assert.equal((await client.waitForIndexed()).articles, before.articles);
    await new Promise((r) => setTimeout(r, 1_000)); // let the republication of the other articles settle
    for (const [name, published] of client.diagnosticsLog.map((p) => [p.uri, p] as const)) {
      if (client.latestDiagnostics(name) !== published.diagnostics) continue;
      assert.ok(!urisIn(published.diagnostics).includes(uri(S000)), `${name} still points at the old URI: ${JSON.stringify(published.diagnostics)}`);
    }
    assert.ok(moved.some((d) => d.code === 'superseded-figure'), 'the cross-article finding survived the rename');
    assert.deepEqual(client.latestDiagnostics(uri(S000)), [], 'the old URI keeps diagnostics');
  });

  it('an open article renamed by the editor (didClose old, didOpen new, watcher events) moves with its findings', async () => {
    const oldName = 'zz_open_rename.txt';
    const newName = 'zz_open_renamed.txt';
    writeFileSync(ws.path(`corpus/${oldName}`), MISMATCH_ARTICLE);
    client.changeWatchedFiles([{ uri: uri(oldName), type: FILE_CHANGE.Created }]);
    client.open(uri(oldName), MISMATCH_ARTICLE);
    await client.waitForDiagnostics(uri(oldName), (ds) => ds.some(isMismatch));
    const mark = client.diagnosticsMark();
    renameSync(ws.path(`corpus/${oldName}`), ws.path(`corpus/${newName}`));
    client.close(uri(oldName));
    client.open(uri(newName), MISMATCH_ARTICLE);
    client.changeWatchedFiles([{ uri: uri(oldName), type: FILE_CHANGE.Deleted }, { uri: uri(newName), type: FILE_CHANGE.Created }]);
    await client.waitForDiagnostics(uri(newName), (ds) => ds.some(isMismatch), 10_000, { after: mark });
    await client.waitForDiagnostics(uri(oldName), (ds) => ds.length === 0, 10_000, { after: mark });
    const hover = await client.hover(uri(oldName), positionOf(MISMATCH_ARTICLE, 'Tuesday'));
    assert.equal(hover, null, 'the old URI still answers hovers');
    client.close(uri(newName));
    rmSync(ws.path(`corpus/${newName}`));
    client.changeWatchedFiles([{ uri: uri(newName), type: FILE_CHANGE.Deleted }]);
    await client.waitForDiagnostics(uri(newName), (ds) => ds.length === 0, 10_000);
  });

  it('an open article deleted on disk keeps its diagnostics until the editor closes (as VS Code keeps the buffer)', async () => {
    const name = 'zz_open_deleted.txt';
    writeFileSync(ws.path(`corpus/${name}`), MISMATCH_ARTICLE);
    client.changeWatchedFiles([{ uri: uri(name), type: FILE_CHANGE.Created }]);
    client.open(uri(name), MISMATCH_ARTICLE);
    await client.waitForDiagnostics(uri(name), (ds) => ds.some(isMismatch));
    const mark = client.diagnosticsMark();
    rmSync(ws.path(`corpus/${name}`));
    client.changeWatchedFiles([{ uri: uri(name), type: FILE_CHANGE.Deleted }]);
    assert.match(hoverText(await client.hover(uri(name), positionOf(MISMATCH_ARTICLE, 'Tuesday'))), /2022-02-1\d/);
    assert.ok(client.diagnosticsLog.slice(mark).every((p) => p.uri !== uri(name) || p.diagnostics.some(isMismatch)), 'cleared while open');
    const closed = client.diagnosticsMark();
    client.close(uri(name));
    await client.waitForDiagnostics(uri(name), (ds) => ds.length === 0, 10_000, { after: closed });
  });
});

describe('faults: workspace folders added and removed', { timeout: 60_000 }, () => {
  it('indexes an added folder and drops a removed one, diagnostics included', async () => {
    const first = makeWorkspace({ 'corpus/a.txt': MISMATCH_ARTICLE });
    const second = makeWorkspace({ 'corpus/b.txt': MISMATCH_ARTICLE, 'corpus/c.txt': MISMATCH_ARTICLE });
    const client = await start({ workspaceFolders: [first.dir] });
    try {
      assert.equal((await client.waitForIndexed(20_000, (s) => s.articles > 0)).articles, 1);
      const folder = (dir: string) => ({ uri: toUri(dir), name: dir.split(/[\\/]/).pop()! });
      client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [folder(second.dir)], removed: [] } });
      await client.waitForIndexed(10_000, (s) => s.articles === 3);
      await client.waitForDiagnostics(second.uri('corpus/b.txt'), (ds) => ds.some(isMismatch));
      const mark = client.diagnosticsMark();
      client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder(first.dir)] } });
      await client.waitForIndexed(10_000, (s) => s.articles === 2);
      await client.waitForDiagnostics(first.uri('corpus/a.txt'), (ds) => ds.length === 0, 10_000, { after: mark });
      assert.equal(await client.hover(first.uri('corpus/a.txt'), positionOf(MISMATCH_ARTICLE, 'Tuesday')), null, 'a dropped article still answers hovers');
    } finally {
      await client.stop();
      first.remove();
      second.remove();
    }
  });
});

describe('faults: a knowledge-base file broken on disk, then mended', { timeout: 60_000 }, () => {
  it('publishes a clear error, logs one line, keeps serving, and hovers use the mended file', async () => {
    const ws = makeWorkspace();
    cpSync(CORPUS_DIR, ws.path('corpus'), { recursive: true });
    const kbRelative = 'corpus/.corpus-lens/entities.json';
    const kbUri = ws.uri(kbRelative);
    const client = await start({ workspaceFolders: [ws.dir] });
    const articleUri = ws.uri(`corpus/${S002}`);
    const text = seed(S002);
    const position = positionOf(text, 'DMYTRO KULEBA');
    const hoverUntil = async (pattern: RegExp) => {
      let value = '';
      for (let i = 0; i < 50 && !pattern.test(value); i++) {
        value = hoverText(await client.hover(articleUri, position));
        if (!pattern.test(value)) await new Promise((r) => setTimeout(r, 100));
      }
      return value;
    };
    try {
      await client.waitForIndexed();
      const entry = (description: string) => JSON.stringify({ entities: [{ key: 'dmytro-kuleba', name: 'Dmytro Kuleba', type: 'person', description, aliases: ['Kuleba'] }] });
      ws.write(kbRelative, entry('First version from the desk.'));
      client.changeWatchedFiles([{ uri: kbUri, type: FILE_CHANGE.Created }]);
      assert.match(await hoverUntil(/First version from the desk/), /First version from the desk/);

      const mark = client.diagnosticsMark();
      ws.write(kbRelative, '{ "entities": [ { "key": "dmytro-kuleba", "name": ');
      client.changeWatchedFiles([{ uri: kbUri, type: FILE_CHANGE.Changed }]);
      const problems = await client.waitForDiagnostics(kbUri, (ds) => ds.length > 0, 5_000, { after: mark });
      assert.ok(problems.some((d) => d.severity === 1 && /Invalid JSON/.test(messageText(d))), JSON.stringify(problems));
      const logged = await client.waitForLog(/entities\.json:\d+:\d+: Invalid JSON.*not used until it is fixed/);
      assert.ok(logged, 'no log line for the broken knowledge base');
      // The broken file adds nothing; the built-in entry answers.
      const builtIn = await hoverUntil(/Kuleba/);
      assert.doesNotMatch(builtIn, /First version from the desk/);
      assert.equal(client.hasExited, false);

      const mended = client.diagnosticsMark();
      ws.write(kbRelative, entry('Mended by the desk.'));
      client.changeWatchedFiles([{ uri: kbUri, type: FILE_CHANGE.Changed }]);
      await client.waitForDiagnostics(kbUri, (ds) => ds.length === 0, 5_000, { after: mended });
      assert.match(await hoverUntil(/Mended by the desk/), /Mended by the desk/);
    } finally {
      await client.stop();
      ws.remove();
    }
  });
});

describe('faults: a quick fix asked for with a diagnostic of an older version', { timeout: 60_000 }, () => {
  it('edits are versioned TextDocumentEdits; a stale diagnostic gets no fix unless it is still there', async () => {
    const ws = makeWorkspace({ 'corpus/stale.txt': MISMATCH_ARTICLE });
    const client = await start({ workspaceFolders: [ws.dir] });
    const uri = ws.uri('corpus/stale.txt');
    try {
      await client.waitForIndexed();
      const opened = client.diagnosticsMark();
      client.open(uri, MISMATCH_ARTICLE, 'news-article', 1);
      const [v1] = (await client.waitForDiagnostics(uri, (ds) => ds.some(isMismatch), 10_000, { after: opened })).filter(isMismatch);
      assert.equal((v1!.data as { version?: number }).version, 1);
      const codeActions = (diagnostic: Diagnostic) =>
        client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
      const fixes1 = (await codeActions(v1!)).filter((a) => a.diagnostics?.length);
      assert.ok(fixes1.length > 0, 'no quick fix for the current diagnostic');
      for (const fix of fixes1) {
        assert.equal(fix.edit?.changes, undefined, 'plain `changes` carry no version');
        for (const change of fix.edit?.documentChanges ?? []) assert.equal((change as TextDocumentEdit).textDocument.version, 1, JSON.stringify(change));
      }

      // Version 2: words inserted before it move the weekday along its line.
      const v2Text = MISMATCH_ARTICLE.replace('Officials said', 'Senior officials said');
      const mark = client.diagnosticsMark();
      client.change(uri, 2, [{ range: rangeOf(MISMATCH_ARTICLE, 'Officials'), text: 'Senior officials' }]);
      const [fresh] = (await client.waitForDiagnostics(uri, (ds) => ds.some(isMismatch), 10_000, { after: mark })).filter(isMismatch);
      // The version-1 diagnostic now points at other text: refused, and an edit made for version 1 is refused too.
      assert.deepEqual((await codeActions(v1!)).filter((a) => a.diagnostics?.length), [], 'a fix built on a stale diagnostic');
      const documents = new Map<string, EditableDocument>([[uri, { text: v2Text, version: 2 }]]);
      assert.throws(() => applyWorkspaceEdit(fixes1[0]!.edit!, documents), /stale edit/);
      // The client moved the stale diagnostic to where the text went (as editors track markers): recomputed.
      const moved = { ...v1!, range: rangeOf(v2Text, 'Tuesday') };
      const fixes2 = (await codeActions(moved)).filter((a) => a.diagnostics?.length);
      assert.ok(fixes2.length > 0, `no fix for the moved diagnostic; fresh one: ${JSON.stringify(fresh)}`);
      applyWorkspaceEdit(fixes2[0]!.edit!, documents);
      assert.equal(documents.get(uri)!.text, v2Text.replace('on Tuesday, Feb. 16', 'on Wednesday, Feb. 16'));
      await client.waitForLog(/No quick fix for a weekday-mismatch diagnostic of version 1/);
    } finally {
      await client.stop();
      ws.remove();
    }
  });
});

describe('faults: $/cancelRequest', { timeout: 60_000 }, () => {
  it('a cancelled request gets RequestCancelled or a quick answer, and the server goes on', async () => {
    const ws = makeWorkspace();
    cpSync(CORPUS_DIR, ws.path('corpus'), { recursive: true });
    const client = await start({ workspaceFolders: [ws.dir] });
    try {
      await client.waitForIndexed();
      const uri = ws.uri(`corpus/${S002}`);
      const text = seed(S002);
      client.open(uri, text);
      const requests: [string, unknown][] = [
        ['workspace/symbol', { query: '' }],
        ['textDocument/references', { textDocument: { uri }, position: positionOf(text, 'Kyiv'), context: { includeDeclaration: true } }],
        ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } }, context: { diagnostics: [] } }],
      ];
      for (const [method, params] of requests) {
        const source = new CancellationTokenSource();
        const started = Date.now();
        const answer = client.connection.sendRequest(method, params, source.token).then(
          () => 'answered',
          (error: { code?: number }) => (error.code === -32800 ? 'cancelled' : `error ${JSON.stringify(error)}`),
        );
        source.cancel();
        const outcome = await answer;
        const took = Date.now() - started;
        assert.ok(outcome === 'cancelled' || (outcome === 'answered' && took < 2_000), `${method}: ${outcome} after ${took} ms`);
      }
      assert.match(hoverText(await client.hover(uri, positionOf(text, 'Kyiv'))), /Kyiv/);
    } finally {
      await client.stop();
      ws.remove();
    }
  });
});
