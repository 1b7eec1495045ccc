// People, places and organizations through the protocol: hover cards, references, definition, workspace symbols,
// and the user's knowledge base applied live.
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Location, SymbolInformation } from 'vscode-languageserver-protocol/node';
import { CORPUS_DIR, hoverText, makeWorkspace, messageText, positionOf, start, textOfRange, type LspTestClient, type TempWorkspace } from '../support/lspClient';

const SEED_001 = '001_978851898b15b31b.txt';
const SEED_002 = '002_1cd903209d84dacb.txt';

describe('entities over LSP', () => {
  let ws: TempWorkspace;
  let client: LspTestClient;
  const text = (name: string) => readFileSync(join(CORPUS_DIR, name), 'utf8');

  before(async () => {
    ws = makeWorkspace();
    cpSync(CORPUS_DIR, ws.path('corpus'), { recursive: true });
    client = await start({ workspaceFolders: [ws.dir] });
    await client.waitForIndexed();
  });
  after(async () => {
    await client?.stop();
    ws?.remove();
  });

  it('hovering "DMYTRO KULEBA" shows Dmytro Kuleba, his role on the date and the corpus count', async () => {
    const t = text(SEED_002);
    const hover = hoverText(await client.hover(ws.uri(`corpus/${SEED_002}`), positionOf(t, 'DMYTRO KULEBA')));
    assert.match(hover, /\*\*Dmytro Kuleba\*\* · person/);
    assert.match(hover, /Minister of Foreign Affairs of Ukraine/);
    assert.match(hover, /2020-03-04–2024-09-05/);
    assert.match(hover, /3 articles in the corpus/);
    assert.match(hover, /written "DMYTRO KULEBA"/);
    assert.doesNotMatch(hover, /command:/, 'no command links in hovers');
  });

  it('a hover on a dated article names the role held on that date', async () => {
    const t = text(SEED_001);
    const hover = hoverText(await client.hover(ws.uri(`corpus/${SEED_001}`), positionOf(t, 'Olaf Scholz')));
    assert.match(hover, /On 2022-02-15 \(the article's date\): \*\*Chancellor of Germany\*\*/);
    assert.match(hover, /Other roles: Vice-Chancellor/);
  });

  it('place cards carry country, region, population and coordinates', async () => {
    const t = text('000_e84a3163cd5655f9.txt');
    const hover = hoverText(await client.hover(ws.uri('corpus/000_e84a3163cd5655f9.txt'), positionOf(t, 'Kharkov')));
    assert.match(hover, /\*\*Kharkiv\*\* · city \(place\)/);
    assert.match(hover, /Country: Ukraine/);
    assert.match(hover, /Population: 1,\d{3},\d{3}/);
    assert.match(hover, /Coordinates: 49\.98\d°N 36\.25\d°E/);
  });

  it('the titles the corpus uses are listed, with their disagreement', async () => {
    const t = text(SEED_002);
    const hover = hoverText(await client.hover(ws.uri(`corpus/${SEED_002}`), positionOf(t, 'Antony Blinken')));
    assert.match(hover, /Titles the corpus uses \(they differ\)/);
    assert.match(hover, /State Secretary/);
    assert.match(hover, /Secretary of State/);
    // each title with the articles that give it and their dates
    assert.match(hover, /"US Secretary of State" \(001\\_[0-9a-f]+, 2022-02-15\)/);
    assert.match(hover, /"State Secretary" \(002\\_[0-9a-f]+, undated\)/);
  });

  it('find references lists every mention across the corpus', async () => {
    const t = text(SEED_002);
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: ws.uri(`corpus/${SEED_002}`) }, position: positionOf(t, 'DMYTRO KULEBA'), context: { includeDeclaration: true },
    });
    const files = new Set(refs.map((r) => r.uri.replace(/^.*\//, '').slice(0, 3)));
    assert.deepEqual([...files].sort(), ['001', '002', '003']);
    for (const r of refs) {
      const name = decodeURIComponent(r.uri.replace(/^.*\//, ''));
      assert.match(textOfRange(text(name), r.range), /^(?:Dmytro Kuleba|DMYTRO KULEBA|Kuleba)$/);
    }
  });

  it('go to definition opens the built-in knowledge-base entry', async () => {
    const t = text(SEED_001);
    const location = await client.request<Location>('textDocument/definition', {
      textDocument: { uri: ws.uri(`corpus/${SEED_001}`) }, position: positionOf(t, 'Olaf Scholz'),
    });
    assert.equal(location.uri, 'corpus-lens-kb:/built-in/knowledge-base.json');
    const view = await client.request<string>('corpusLens/knowledgeBaseView', { uri: location.uri });
    assert.match(textOfRange(view, location.range), /"key": "olaf-scholz"/);
  });

  it('workspace symbols search entities by name', async () => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'kuleb' });
    assert.deepEqual(symbols.map((s) => s.name), ['Dmytro Kuleba']);
    assert.match(symbols[0]!.containerName!, /person · \d+ mentions in 3 articles/);
  });

  it('a user knowledge-base entry overrides the built-in one live, and its errors are placed', async () => {
    const kbUri = ws.uri('corpus/.corpus-lens/entities.json');
    const good = JSON.stringify({ entities: [{ key: 'dmytro-kuleba', name: 'Dmytro Kuleba', type: 'person', description: 'Edited by the desk.', aliases: ['Kuleba'] }] }, null, 2);
    client.open(kbUri, good, 'json');
    const t = text(SEED_002);
    const position = positionOf(t, 'DMYTRO KULEBA');
    let hover = '';
    for (let i = 0; i < 40 && !/Edited by the desk/.test(hover); i++) {
      await new Promise((r) => setTimeout(r, 100));
      hover = hoverText(await client.hover(ws.uri(`corpus/${SEED_002}`), position));
    }
    assert.match(hover, /Edited by the desk\./);
    assert.match(hover, /your knowledge base \(entities\.json\), overriding the built-in entry/);
    const mark = client.diagnosticsMark();
    const broken = '{ "entities": [ { "key": "x", "name": "X", "type": "planet" } ';
    client.change(kbUri, 2, [{ text: broken }]);
    const diagnostics = await client.waitForDiagnostics(kbUri, (ds) => ds.length > 0, 5_000, { after: mark });
    assert.ok(diagnostics.some((d) => /Invalid JSON/.test(messageText(d))));
    assert.ok(diagnostics.some((d) => textOfRange(broken, d.range) === '"planet"'));
    // The server still answers after the broken file.
    assert.ok(hoverText(await client.hover(ws.uri(`corpus/${SEED_002}`), position)).length > 0);
  });
});
