// Every code action applied through the protocol, with the resulting text asserted.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-protocol/node';
import { CORPUS_DIR, makeWorkspace, positionOf, rangeOf, start, type LspTestClient, type TempWorkspace } from '../support/lspClient';
import { applyWorkspaceEdit, type EditableDocument } from '../support/workspaceEdits';

const SEEDS = readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.txt')).sort();
const seedText = (name: string) => readFileSync(join(CORPUS_DIR, name), 'utf8');

describe('code actions over LSP', () => {
  let ws: TempWorkspace;
  let client: LspTestClient;
  const documents = new Map<string, EditableDocument>();
  let version = 1;

  const uriOf = (name: string) => ws.uri(`corpus/${name}`);
  /** Opens a document in the server and in the test's editor model. */
  const open = (name: string, text: string) => {
    const uri = uriOf(name);
    ws.write(`corpus/${name}`, text);
    documents.set(uri, { text, version: 1 });
    client.open(uri, text, 'news-article', 1);
    return uri;
  };
  /** Sends the editor model's new text to the server, as an editor does after applying an edit. */
  const sync = (uri: string) => {
    const doc = documents.get(uri)!;
    doc.version = ++version;
    client.change(uri, doc.version, [{ text: doc.text }]);
  };
  const actionsAt = async (uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  const diagnosticsOf = async (uri: string, code: string) => client.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === code), 10_000);
  const apply = async (action: CodeAction) => {
    const resolved = action.edit ? action : await client.request<CodeAction>('codeAction/resolve', action);
    assert.ok(resolved.edit, `"${action.title}" has an edit`);
    const touched = applyWorkspaceEdit(resolved.edit!, documents);
    for (const uri of touched) if (documents.get(uri)!.version !== null) sync(uri);
    return touched;
  };
  const pick = (actions: CodeAction[], title: RegExp) => {
    const found = actions.find((a) => title.test(a.title));
    assert.ok(found, `no action matching ${title}; got: ${actions.map((a) => a.title).join(' | ')}`);
    return found!;
  };

  before(async () => {
    ws = makeWorkspace();
    cpSync(CORPUS_DIR, ws.path('corpus'), { recursive: true });
    client = await start({
      workspaceFolders: [ws.dir],
      capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } } }, workspace: { workspaceEdit: { documentChanges: true } } },
    });
    await client.waitForIndexed();
    for (const name of SEEDS) documents.set(uriOf(name), { text: seedText(name), version: null });
  });
  after(async () => {
    await client?.stop();
    ws?.remove();
  });

  it('weekday-mismatch: changes the weekday, and the diagnostic goes away', async () => {
    const uri = open('dates.txt', 'date 2022-02-16\nThey met on Tuesday, Feb. 16, 2022, in Geneva.\n');
    const [diagnostic] = (await diagnosticsOf(uri, 'weekday-mismatch')).filter((d) => d.code === 'weekday-mismatch');
    await apply(pick(await actionsAt(uri, diagnostic!.range, [diagnostic!]), /Change "Tuesday" to "Wednesday"/));
    assert.equal(documents.get(uri)!.text, 'date 2022-02-16\nThey met on Wednesday, Feb. 16, 2022, in Geneva.\n');
    await client.waitForDiagnostics(uri, (ds) => !ds.some((d) => d.code === 'weekday-mismatch'), 10_000);
  });

  it('date-after-dateline: pins the day with a date annotation, which settles the finding', async () => {
    const uri = open('late-date.txt', 'date 2022-02-16\nRussia said on Feb. 18 that some units had returned.\n');
    const [diagnostic] = (await diagnosticsOf(uri, 'date-after-dateline')).filter((d) => d.code === 'date-after-dateline');
    await apply(pick(await actionsAt(uri, diagnostic!.range, [diagnostic!]), /Annotate "Feb. 18" as 2022-02-18, checked/));
    assert.equal(documents.get(uri)!.text, 'date 2022-02-16\nRussia said on [[Feb. 18|date value=2022-02-18 note="after the dateline 2022-02-16"]] that some units had returned.\n');
    const after = await client.waitForDiagnostics(uri, (ds) => !ds.some((d) => d.code === 'date-after-dateline'), 10_000);
    assert.ok(after.some((d) => d.code === 'dateline-mismatch'), 'the dateline stays in question');
  });

  it('spelling-variant: writes the canonical spelling, or keeps the variant and annotates it', async () => {
    const text = 'date 2022-02-16\nThe embassy may move to Kharkov or Odessa.\n';
    const uri = open('variants.txt', text);
    const diagnostics = (await diagnosticsOf(uri, 'spelling-variant')).filter((d) => d.code === 'spelling-variant');
    const kharkov = diagnostics.find((d) => d.range.start.character === positionOf(text, 'Kharkov', 1, 0).character)!;
    await apply(pick(await actionsAt(uri, kharkov.range, [kharkov]), /^Write "Kharkiv"/));
    assert.equal(documents.get(uri)!.text, 'date 2022-02-16\nThe embassy may move to Kharkiv or Odessa.\n');
    const next = (await client.waitForDiagnostics(uri, (ds) => ds.filter((d) => d.code === 'spelling-variant').length === 1, 10_000)).find((d) => d.code === 'spelling-variant')!;
    await apply(pick(await actionsAt(uri, next.range, [next]), /Keep "Odessa" and annotate it as Odesa/));
    assert.equal(documents.get(uri)!.text, 'date 2022-02-16\nThe embassy may move to Kharkiv or [[Odessa|place id=Q1874 ref=Odesa]].\n');
    await client.waitForDiagnostics(uri, (ds) => !ds.some((d) => d.code === 'spelling-variant'), 10_000);
  });

  it('all-caps-name and garbled-reference: fixes the text in 002', async () => {
    const name = '002_1cd903209d84dacb.txt';
    const uri = open(name, seedText(name));
    const diagnostics = await client.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'all-caps-name') && ds.some((d) => d.code === 'garbled-reference'), 10_000);
    const caps = diagnostics.find((d) => d.code === 'all-caps-name')!;
    await apply(pick(await actionsAt(uri, caps.range, [caps]), /^Write "Dmytro Kuleba"/));
    assert.match(documents.get(uri)!.text, /Ukrainian Foreign Minister Dmytro Kuleba is also skeptical/);
    const garbled = (await client.waitForDiagnostics(uri, (ds) => !ds.some((d) => d.code === 'all-caps-name'), 10_000)).find((d) => d.code === 'garbled-reference')!;
    await apply(pick(await actionsAt(uri, garbled.range, [garbled]), /Replace "Nat" with "NATO"/));
    assert.match(documents.get(uri)!.text, /while NATO Secretary General Jens Stoltenberg said/);
    // Back to the seed for the later tests.
    documents.get(uri)!.text = seedText(name);
    sync(uri);
  });

  it('annotation-syntax and unknown-entity-id: applies the parser\'s fix and the id fixes', async () => {
    const uri = open('annotations.txt', 'date 2022-02-16\n[[Putin|persn]] met [[Vladimir Putin|person id=Q1]] and [[Scholz|person id=Q99999999]].\n');
    const syntax = (await diagnosticsOf(uri, 'annotation-syntax')).find((d) => d.code === 'annotation-syntax')!;
    await apply(pick(await actionsAt(uri, syntax.range, [syntax]), /person/));
    assert.match(documents.get(uri)!.text, /\[\[Putin\|person\]\]/);
    const ids = (await client.waitForDiagnostics(uri, (ds) => ds.filter((d) => d.code === 'unknown-entity-id').length === 2 && !ds.some((d) => d.code === 'annotation-syntax'), 10_000)).filter((d) => d.code === 'unknown-entity-id');
    await apply(pick(await actionsAt(uri, ids[0]!.range, [ids[0]!]), /Use Vladimir Putin's id Q7747/));
    assert.match(documents.get(uri)!.text, /\[\[Vladimir Putin\|person id=Q7747\]\]/);
    const last = (await client.waitForDiagnostics(uri, (ds) => ds.filter((d) => d.code === 'unknown-entity-id').length === 1, 10_000)).find((d) => d.code === 'unknown-entity-id')!;
    await apply(pick(await actionsAt(uri, last.range, [last]), /Remove id=Q99999999/));
    assert.equal(documents.get(uri)!.text, 'date 2022-02-16\n[[Putin|person]] met [[Vladimir Putin|person id=Q7747]] and [[Scholz|person]].\n');
  });

  it('annotates a mention, a selection, and removes an annotation', async () => {
    const text = 'date 2022-02-16\nKuleba met Blinken in Kyiv about 4,500 troops.\n';
    const uri = open('mentions.txt', text);
    await client.waitForDiagnostics(uri, () => true, 10_000);
    const at = positionOf(text, 'Blinken');
    await apply(pick(await actionsAt(uri, { start: at, end: at }, [], ['refactor']), /^Annotate "Blinken" as person \(Antony Blinken\)/));
    assert.match(documents.get(uri)!.text, /\[\[Blinken\|person ref="Antony Blinken"\]\]/);
    const current = documents.get(uri)!.text;
    await apply(pick(await actionsAt(uri, rangeOf(current, '4,500 troops'), [], ['refactor']), /^Annotate "4,500 troops" as figure/));
    assert.match(documents.get(uri)!.text, /\[\[4,500 troops\|figure\]\]/);
    const inside = positionOf(documents.get(uri)!.text, 'Blinken|person');
    await apply(pick(await actionsAt(uri, { start: inside, end: inside }, [], ['refactor']), /Remove the annotation of "Blinken"/));
    assert.equal(documents.get(uri)!.text, 'date 2022-02-16\nKuleba met Blinken in Kyiv about [[4,500 troops|figure]].\n');
  });

  it('annotates all occurrences of Kuleba across the corpus in one edit', async () => {
    const name = '001_978851898b15b31b.txt';
    const uri = uriOf(name);
    const text = documents.get(uri)!.text;
    const at = positionOf(text, 'Dmytro Kuleba');
    const action = pick(await actionsAt(uri, { start: at, end: at }, [], ['refactor']), /^Annotate all \d+ occurrences of Dmytro Kuleba in the corpus \(\d+ articles\)/);
    assert.equal(action.edit, undefined, 'the big edit is computed on resolve');
    const touched = await apply(action);
    const seedsTouched = touched.filter((u) => /\/\d{3}_[0-9a-f]+\.txt$/.test(u));
    assert.deepEqual(seedsTouched.map((u) => u.replace(/^.*\//, '').slice(0, 3)).sort(), ['001', '002', '003'], 'every seed that mentions him');
    assert.ok(touched.some((u) => u.endsWith('/mentions.txt')), 'and the earlier test article that does');
    for (const u of seedsTouched) {
      const doc = documents.get(u)!;
      assert.match(doc.text, /\[\[(?:Dmytro Kuleba|Kuleba|DMYTRO KULEBA)\|person/);
      assert.equal(doc.text.replace(/\[\[([^|\]]*)\|[^\]]*\]\]/g, '$1'), seedText(decodeURIComponent(u.replace(/^.*\//, ''))), 'only annotations were added');
    }
  });

  it('adds an unknown entity to the workspace knowledge base, creating the file', async () => {
    const text = 'date 2022-02-16\nGlobex Corporation said Hank Scorpio would resign.\n';
    const uri = open('unknown.txt', text);
    await client.waitForDiagnostics(uri, () => true, 10_000);
    const at = positionOf(text, 'Hank Scorpio');
    const actions = await actionsAt(uri, { start: at, end: at });
    const add = pick(actions, /Add "Hank Scorpio" \(person\) to the workspace knowledge base/);
    const kbUri = ws.uri('corpus/.corpus-lens/entities.json');
    const create = add.edit!.documentChanges!.find((c) => 'kind' in c && c.kind === 'create');
    assert.ok(create, 'the file is created');
    documents.set(kbUri, { text: '', version: null });
    applyWorkspaceEdit({ documentChanges: add.edit!.documentChanges!.filter((c) => !('kind' in c)) }, documents);
    const kb = JSON.parse(documents.get(kbUri)!.text) as { entities: Array<{ key: string; name: string; type: string }> };
    assert.deepEqual(kb.entities.map((e) => [e.key, e.name, e.type]), [['hank-scorpio', 'Hank Scorpio', 'person']]);
  });

  it('source actions: annotating every entity of each seed, then removing all, gives the seed back byte for byte', async () => {
    for (const name of SEEDS) {
      const original = seedText(name);
      const uri = open(name, original);
      await client.waitForDiagnostics(uri, () => true, 10_000);
      const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      await apply(pick(await actionsAt(uri, whole, [], ['source']), /^Annotate all \d+ recognized entities in this article/));
      const annotated = documents.get(uri)!.text;
      assert.ok((annotated.match(/\[\[/g) ?? []).length > 20, `${name}: many annotations`);
      // Wait until the server has the annotated text, then remove everything.
      let removal: CodeAction | undefined;
      for (let i = 0; i < 50 && !removal; i++) {
        removal = (await actionsAt(uri, whole, [], ['source'])).find((a) => /^Remove all \d+ annotations in this article/.test(a.title));
        if (!removal) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(removal, `${name}: a removal action`);
      await apply(removal!);
      assert.equal(documents.get(uri)!.text, original, `${name} is byte-identical after the round trip`);
      client.close(uri);
    }
  });

  it('a stale edit is refused: every edit names the version it was made for', async () => {
    const text = 'date 2022-02-16\nThey met on Tuesday, Feb. 16, 2022.\n';
    const uri = open('stale.txt', text);
    const [diagnostic] = (await diagnosticsOf(uri, 'weekday-mismatch')).filter((d) => d.code === 'weekday-mismatch');
    const action = pick(await actionsAt(uri, diagnostic!.range, [diagnostic!]), /Change "Tuesday"/);
    const doc = documents.get(uri)!;
    doc.text = `${doc.text}More text typed meanwhile.\n`;
    sync(uri);
    assert.throws(() => applyWorkspaceEdit(action.edit!, documents), /stale edit/);
  });
});
