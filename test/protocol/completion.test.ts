// Completion inside annotations: types, keys, closed values and knowledge-base ids.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-protocol/node';
import { makeWorkspace, positionAt, start, type LspTestClient, type TempWorkspace } from '../support/lspClient';

describe('completion in annotations', () => {
  let ws: TempWorkspace;
  let client: LspTestClient;
  before(async () => {
    ws = makeWorkspace({ 'corpus/a.txt': 'date 2022-02-16\n' });
    client = await start({ workspaceFolders: [ws.dir] });
    await client.waitForIndexed();
  });
  after(async () => {
    await client?.stop();
    ws?.remove();
  });

  let version = 1;
  async function complete(text: string, cursorMarker = '‸'): Promise<CompletionItem[]> {
    const offset = text.indexOf(cursorMarker);
    const clean = text.replace(cursorMarker, '');
    const uri = ws.uri('corpus/a.txt');
    if (version === 1) client.open(uri, clean, 'news-article', version);
    else client.change(uri, version, [{ text: clean }]);
    version++;
    const position: Position = positionAt(clean, offset);
    const result = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
    return Array.isArray(result) ? result : result?.items ?? [];
  }

  it('offers the types after "|"', async () => {
    const labels = (await complete('date 2022-02-16\n[[Putin|pe‸]] spoke.\n')).map((i) => i.label);
    assert.deepEqual(labels, ['person', 'place', 'organization', 'figure', 'date']);
  });

  it('offers the keys a type has, minus those already written', async () => {
    const labels = (await complete('date 2022-02-16\n[[130,000 troops|figure min=130000 ‸]] moved.\n')).map((i) => i.label);
    assert.ok(labels.includes('status') && labels.includes('source') && labels.includes('unit'));
    assert.ok(!labels.includes('min'));
  });

  it('offers the closed values of status', async () => {
    const labels = (await complete('date 2022-02-16\n[[130,000 troops|figure status=‸]] moved.\n')).map((i) => i.label);
    assert.deepEqual(labels, ['verified', 'disputed', 'superseded', 'estimate']);
  });

  it('offers knowledge-base ids for entities', async () => {
    const items = await complete('date 2022-02-16\n[[Putin|person id=‸]] spoke.\n');
    const putin = items.find((i) => i.label === 'Q7747 Vladimir Putin');
    assert.ok(putin, items.map((i) => i.label).join(', '));
    assert.equal((putin!.textEdit as { newText: string }).newText, 'Q7747');
    assert.ok(items.every((i) => i.detail?.startsWith('person')), 'only people for a person annotation');
  });

  it('says nothing outside annotations', async () => {
    assert.deepEqual(await complete('date 2022-02-16\nPutin sp‸oke.\n'), []);
  });
});
