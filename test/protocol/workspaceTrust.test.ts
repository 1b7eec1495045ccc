// Restricted mode (an untrusted workspace): the workspace's knowledge base is not read and no edit creates files,
// while hovers and diagnostics from the built-in data still work; trusting the workspace brings the rest back live.
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { CORPUS_DIR, hoverText, makeWorkspace, messageText, positionOf, start } from '../support/lspClient';

const S002 = '002_1cd903209d84dacb.txt';
const KB = JSON.stringify({ entities: [{ key: 'dmytro-kuleba', name: 'Dmytro Kuleba', type: 'person', description: 'Planted by the workspace.', aliases: ['Kuleba'] }] });
const UNKNOWN = 'date 2022-02-16\nGlobex Corporation said Hank Scorpio would resign on Wednesday.\n';

describe('workspace trust over the protocol', { timeout: 60_000 }, () => {
  it('untrusted: built-in knowledge base only, no file-creating edit; trusted later: the workspace file is used', async () => {
    const ws = makeWorkspace({ 'corpus/.corpus-lens/entities.json': KB, 'corpus/unknown.txt': UNKNOWN });
    cpSync(CORPUS_DIR, ws.path('corpus'), { recursive: true });
    const client = await start({ workspaceFolders: [ws.dir], initializationFacts: { workspaceTrusted: false } });
    try {
      await client.waitForIndexed();
      const uri = ws.uri(`corpus/${S002}`);
      const text = readFileSync(join(CORPUS_DIR, S002), 'utf8');
      const position = positionOf(text, 'DMYTRO KULEBA');
      const untrusted = hoverText(await client.hover(uri, position));
      assert.match(untrusted, /Kuleba/, 'the built-in entry answers');
      assert.doesNotMatch(untrusted, /Planted by the workspace/);
      // Diagnostics from the bundled data still come.
      await client.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'superseded-figure'), 15_000);

      const kbUri = ws.uri('corpus/.corpus-lens/entities.json');
      client.open(kbUri, KB, 'json');
      const note = await client.waitForDiagnostics(kbUri, (ds) => ds.length > 0, 5_000);
      assert.match(messageText(note[0]!), /restricted mode/);
      client.close(kbUri);

      const unknownUri = ws.uri('corpus/unknown.txt');
      const at = positionOf(UNKNOWN, 'Hank Scorpio');
      const actionsAt = () => client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: unknownUri }, range: { start: at, end: at }, context: { diagnostics: [] } });
      const titles = (await actionsAt()).map((a) => a.title);
      assert.ok(titles.some((t) => /Annotate "Hank Scorpio"/.test(t)), `annotation actions stay: ${JSON.stringify(titles)}`);
      assert.ok(!titles.some((t) => /workspace knowledge base/.test(t)), `a file-creating action in restricted mode: ${JSON.stringify(titles)}`);

      client.notify('corpusLens/workspaceTrust', { trusted: true });
      let trusted = '';
      for (let i = 0; i < 50 && !/Planted by the workspace/.test(trusted); i++) {
        await new Promise((r) => setTimeout(r, 100));
        trusted = hoverText(await client.hover(uri, position));
      }
      assert.match(trusted, /Planted by the workspace/, 'trust granted, the workspace knowledge base is used');
      assert.ok((await actionsAt()).some((a) => /workspace knowledge base/.test(a.title)), 'the knowledge-base action is back');
    } finally {
      await client.stop();
      ws.remove();
    }
  });
});
