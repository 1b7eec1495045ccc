// Figures through the protocol: cross-article diagnostics with related information, the figure hover,
// the "Mark as superseded" quick fix, and republishing other articles when one changes.
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { CORPUS_DIR, hoverText, makeWorkspace, messageText, positionOf, start, type LspTestClient, type TempWorkspace } from '../support/lspClient';
import { applyWorkspaceEdit, type EditableDocument } from '../support/workspaceEdits';

const S000 = '000_e84a3163cd5655f9.txt';
const S001 = '001_978851898b15b31b.txt';
const S002 = '002_1cd903209d84dacb.txt';
const S003 = '003_03d3abf5e2ddca13.txt';
const S004 = '004_1bc4e39af3ea47f4.txt';
const seed = (name: string) => readFileSync(join(CORPUS_DIR, name), 'utf8');

describe('figures over LSP', () => {
  let ws: TempWorkspace;
  let client: LspTestClient;
  const uri = (name: string) => ws.uri(`corpus/${name}`);
  const byCode = (name: string, code: string) => (client.latestDiagnostics(uri(name)) ?? []).filter((d) => d.code === code);

  before(async () => {
    ws = makeWorkspace();
    cpSync(CORPUS_DIR, ws.path('corpus'), { recursive: true });
    client = await start({ workspaceFolders: [ws.dir] });
    await client.waitForIndexed();
    // Articles are published one after another once indexing is done: wait for each seed's findings.
    for (const name of [S000, S001, S002, S003, S004]) await client.waitForDiagnostics(uri(name), (ds) => ds.length > 0, 15_000);
  });
  after(async () => {
    await client?.stop();
    ws?.remove();
  });

  it('the troop count of 002 and 003 is flagged against 000 and 001, with related information', () => {
    for (const name of [S002, S003]) {
      const [d, ...rest] = byCode(name, 'superseded-figure');
      assert.ok(d, `${name} has a superseded-figure diagnostic`);
      assert.equal(rest.length, 0);
      assert.match(messageText(d), /more than 130,000/);
      assert.match(messageText(d), /Biden \(000, 16 Feb\): 150,000/);
      const relatedFiles = new Set(d.relatedInformation!.map((r) => r.location.uri.replace(/^.*\//, '').slice(0, 3)));
      assert.deepEqual([...relatedFiles].sort(), ['000', '001']);
      assert.equal((d.codeDescription?.href ?? '').endsWith('superseded-figure.md'), true);
    }
  });

  it('004 "more than 100,000" is not a conflict but vague against 150,000; "$ 1 billion" is malformed', () => {
    assert.equal(byCode(S004, 'conflicting-figure').length, 0);
    assert.ok(byCode(S004, 'vague-quantity').some((d) => /more than 100,000/.test(messageText(d)) && /150,000/.test(messageText(d))));
    assert.ok(byCode(S002, 'malformed-figure').some((d) => /\$ 1 billion/.test(messageText(d))));
  });

  it('nothing fires on dates, years, G7, T-72B3 or 48-hour as a quantity conflict', () => {
    for (const name of [S000, S001, S002, S003, S004]) {
      for (const d of client.latestDiagnostics(uri(name)) ?? []) {
        if (!/figure|quantity|conflict/.test(String(d.code))) continue;
        const text = seed(name);
        const lines = text.split(/\r\n|\r|\n/);
        const covered = lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.line === d.range.start.line ? d.range.end.character : undefined);
        assert.doesNotMatch(covered, /^(?:G7|T-72B3|48-hour|2022|20220215|February|Feb\.)/, `${name}: ${d.code} on "${covered}"`);
      }
    }
  });

  it('the figure hover shows the interval, the source and the table of the same quantity', async () => {
    const text = seed(S002);
    const hover = hoverText(await client.hover(uri(S002), positionOf(text, 'more than 130,000', 1, 6)));
    assert.match(hover, /\*\*more than 130,000\*\* · military personnel · \(130,000, ∞\)/);
    assert.match(hover, /Source: the US/);
    assert.match(hover, /\| value \| source \| article \| date \|/);
    assert.match(hover, /150,000 \| Biden \| \[000\]/);
    assert.match(hover, /2022-02-15/);
  });

  it('"Mark as superseded by 150,000 (000)" inserts the annotation and the diagnostic goes away', async () => {
    const text = seed(S002);
    const documents = new Map<string, EditableDocument>([[uri(S002), { text, version: 1 }]]);
    client.open(uri(S002), text, 'news-article', 1);
    const [d] = (await client.waitForDiagnostics(uri(S002), (ds) => ds.some((x) => x.code === 'superseded-figure'), 10_000)).filter((x) => x.code === 'superseded-figure') as Diagnostic[];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(S002) }, range: d!.range, context: { diagnostics: [d] } });
    const action = actions.find((a) => a.title === 'Mark as superseded by 150,000 (000)');
    assert.ok(action, actions.map((a) => a.title).join(' | '));
    applyWorkspaceEdit(action!.edit!, documents);
    const edited = documents.get(uri(S002))!.text;
    assert.match(edited, /\[\[more than 130,000\|figure min=130000 unit="military personnel" status=superseded source="the US" ref=000_e84a3163cd5655f9\.txt#150,000@2\]\] troops near the border/);
    assert.equal(edited.replace(/\[\[(more than 130,000)\|[^\]]*\]\]/, '$1'), text, 'only the annotation was added');
    client.change(uri(S002), 2, [{ text: edited }]);
    await client.waitForDiagnostics(uri(S002), (ds) => !ds.some((x) => x.code === 'superseded-figure'), 10_000);
    const hover = hoverText(await client.hover(uri(S002), positionOf(edited, 'more than 130,000', 1, 6)));
    assert.match(hover, /Annotator's decision: \*\*superseded\*\* against 000\\_e84a3163cd5655f9\.txt#150,000@2/);
  });

  it('editing one article republishes the others whose findings depend on it', async () => {
    const text = seed(S000);
    client.open(uri(S000), text, 'news-article', 1);
    await client.waitForDiagnostics(uri(S000), () => true, 10_000);
    const mark = client.diagnosticsMark();
    // Without "up from a previous US estimate of 130,000", nothing marks 130,000 as earlier in 000.
    const edited = text.replace(/, up from a previous US estimate of 130,000 troops/, '');
    assert.notEqual(edited, text);
    client.change(uri(S000), 2, [{ text: edited }]);
    await client.waitForDiagnostics(uri(S003), () => true, 10_000, { after: mark });
    const [d] = byCode(S003, 'superseded-figure');
    assert.ok(d, '003 still superseded by 001');
    assert.ok(!d.relatedInformation!.some((r) => r.location.uri.endsWith(S000) && /earlier value/.test(r.message)), '000 no longer marks 130,000 as earlier');
  });
});
