// The corpus views and editor polish over LSP: the Entities, Figures and Annotation progress requests, the status
// notification, semantic tokens (decoded, UTF-16 positions with an emoji and CRLF line ends) and inlay hints.
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { InlayHint, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol/node';
import {
  Notifications, Requests, SEMANTIC_TOKEN_TYPES,
  type ArticleFigureList, type ArticleMentions, type ArticleProgress, type CorpusStatus, type EntitiesResult, type QuantitiesResult,
} from '../../server/src/shared/protocol';
import { CORPUS_DIR, makeWorkspace, offsetOf, positionAt, positionOf, start, textOfRange, type LspTestClient, type TempWorkspace } from '../support/lspClient';

const SEED_000 = '000_e84a3163cd5655f9.txt';
const SEED_001 = '001_978851898b15b31b.txt';
const SEED_002 = '002_1cd903209d84dacb.txt';
const SEED_003 = '003_03d3abf5e2ddca13.txt';

interface DecodedToken {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
}

function decode(tokens: SemanticTokens, legend: SemanticTokensLegend): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  const d = tokens.data;
  assert.equal(d.length % 5, 0, 'semantic token data comes in fives');
  for (let i = 0; i < d.length; i += 5) {
    line += d[i]!;
    character = d[i]! === 0 ? character + d[i + 1]! : d[i + 1]!;
    const modifiers = legend.tokenModifiers.filter((_, bit) => d[i + 4]! & (1 << bit));
    out.push({ line, character, length: d[i + 2]!, type: legend.tokenTypes[d[i + 3]!]!, modifiers });
  }
  return out;
}

function tokenText(text: string, t: DecodedToken): string {
  return textOfRange(text, { start: { line: t.line, character: t.character }, end: { line: t.line, character: t.character + t.length } });
}

describe('corpus views over LSP', () => {
  let ws: TempWorkspace;
  let client: LspTestClient;
  const statuses: CorpusStatus[] = [];
  const text = (name: string) => readFileSync(join(CORPUS_DIR, name), 'utf8');
  // An article with CRLF line ends, an emoji before a name and an annotated figure.
  const CRLF_NAME = 'crlf-emoji.txt';
  const CRLF_TEXT = 'Kuleba speaks\r\ndate 2022-02-16\r\n\r\n🇺🇦🙂 Ukrainian Foreign Minister Dmytro Kuleba said on Tuesday that [[more than 130,000|figure status=estimate]] troops stayed.\r\n';

  before(async () => {
    ws = makeWorkspace();
    cpSync(CORPUS_DIR, ws.path('corpus'), { recursive: true });
    // The sample corpus's project file (its raised rules) at the workspace root, as when the corpus is opened itself.
    cpSync(join(CORPUS_DIR, '.corpus-lens.json'), ws.path('.corpus-lens.json'));
    client = await start({ workspaceFolders: [ws.dir] });
    client.connection.onNotification(Notifications.corpusStatus, (s: CorpusStatus) => {
      statuses.push(s);
    });
    await client.waitForIndexed();
  });
  after(async () => {
    await client?.stop();
    ws?.remove();
  });

  it('lists entities by type; Dmytro Kuleba is a person mentioned in 3 articles', async () => {
    const result = await client.request<EntitiesResult>(Requests.entities, {});
    assert.deepEqual(result.types.map((t) => t.type), ['person', 'organization', 'place']);
    const people = result.types.find((t) => t.type === 'person')!;
    const kuleba = people.entities.find((e) => e.name === 'Dmytro Kuleba');
    assert.ok(kuleba, `people: ${people.entities.map((e) => e.name).join(', ')}`);
    assert.equal(kuleba.articles, 3);
    assert.equal(kuleba.mentions, 4);
    // Most widely mentioned first.
    for (let i = 1; i < people.entities.length; i++) assert.ok(people.entities[i - 1]!.articles >= people.entities[i]!.articles);
  });

  it('filters entities by name or written form, ignoring case', async () => {
    const result = await client.request<EntitiesResult>(Requests.entities, { filter: 'KULEB' });
    const names = result.types.flatMap((t) => t.entities.map((e) => e.name));
    assert.deepEqual(names, ['Dmytro Kuleba']);
    const none = await client.request<EntitiesResult>(Requests.entities, { filter: 'no such name anywhere' });
    assert.equal(none.types.length, 0);
  });

  it('gives the mentions of an entity per article, with ranges on the mention and a snippet of its line', async () => {
    const mentions = await client.request<ArticleMentions[]>(Requests.entityMentions, { identity: 'dmytro-kuleba' });
    assert.deepEqual(mentions.map((a) => a.label), ['001', '002', '003']);
    assert.deepEqual(mentions.map((a) => a.mentions.length), [2, 1, 1]);
    const t002 = text(SEED_002);
    const m = mentions[1]!.mentions[0]!;
    assert.equal(textOfRange(t002, m.range), 'DMYTRO KULEBA');
    assert.equal(m.snippet.text.slice(...m.snippet.highlight), 'DMYTRO KULEBA');
    assert.match(mentions[0]!.headline ?? '', /pulling back/);
    assert.deepEqual(await client.request(Requests.entityMentions, { identity: 'nobody' }), []);
  });

  it('lists quantities with findings first, then by size, and the figures of one per article', async () => {
    const result = await client.request<QuantitiesResult>(Requests.quantities, {});
    const q = result.quantities;
    assert.ok(q.length >= 3, JSON.stringify(q));
    const withFindings = q.filter((x) => x.findings > 0).length;
    assert.ok(withFindings > 0, 'the sample corpus has figure findings');
    assert.ok(q.slice(0, withFindings).every((x) => x.findings > 0), 'quantities with findings come first');
    assert.ok(q.slice(withFindings).every((x, i, rest) => i === 0 || rest[i - 1]!.figures >= x.figures), 'then by size');
    const troops = q.find((x) => x.label === 'military personnel (count)');
    assert.ok(troops && troops.articles === 5 && troops.figures >= 5, JSON.stringify(troops));
    const figures = await client.request<ArticleFigureList[]>(Requests.quantityFigures, { id: troops.id });
    assert.equal(figures.length, 5);
    assert.equal(figures.reduce((n, a) => n + a.figures.length, 0), troops.figures);
    const first = figures.find((a) => a.label === '000')!.figures[0]!;
    assert.equal(textOfRange(text(SEED_000), first.range), first.text);
    assert.match(first.normalized, /military personnel$/);
    const flagged = figures.flatMap((a) => a.figures).filter((f) => f.findings.some((r) => !r.endsWith('(hint)')));
    assert.ok(flagged.length > 0, 'a troop figure carries a finding');
  });

  it('reports annotation progress per article, least done first, and follows an edit', async () => {
    const before = await client.request<ArticleProgress[]>(Requests.annotationProgress);
    assert.equal(before.length, 5);
    for (const row of before) assert.ok(row.entities.recognized > 0 && row.entities.annotated === 0, JSON.stringify(row));
    const uri = ws.uri(`corpus/${SEED_003}`);
    const t = text(SEED_003);
    const kuleba = offsetOf(t, 'Dmytro Kuleba');
    client.open(uri, t);
    client.change(uri, 2, [{ range: { start: positionAt(t, kuleba), end: positionAt(t, kuleba + 'Dmytro Kuleba'.length) }, text: '[[Dmytro Kuleba|person]]' }]);
    const after = await waitFor(async () => {
      const rows = await client.request<ArticleProgress[]>(Requests.annotationProgress);
      const row = rows.find((r) => r.label === '003');
      return row && row.entities.annotated === 1 ? rows : undefined;
    });
    // The one article with progress is now last: least done first.
    assert.equal(after[after.length - 1]!.label, '003');
    client.close(uri);
  });

  it('notifies the status with counts and a generation that moves when an article changes', async () => {
    // Publication after indexing yields between articles: the counts arrive in later notifications.
    const shown = (s: CorpusStatus | undefined) => (s?.findings ? s.findings.warning + s.findings.information + s.findings.error : 0);
    const last = await waitFor(async () => { const s = statuses.at(-1); return s && !s.indexing && shown(s) > 0 ? s : undefined; });
    assert.equal(last.articles, 5);
    assert.equal(last.indexing, false);
    assert.ok(shown(last) > 0, JSON.stringify(last.findings));
    assert.ok(statuses.some((s) => s.indexing && s.progress), 'progress while indexing');
    // The notification follows the index within its interval: the last one sent catches up with what is asked.
    const requested = await waitFor(async () => {
      const status = await client.corpusStatus();
      return statuses.at(-1)?.generation === status.generation ? status : undefined;
    });
    assert.equal(typeof requested.generation, 'number');
    const uri = ws.uri(`corpus/${SEED_000}`);
    const t = text(SEED_000);
    const seen = statuses.length;
    client.open(uri, t);
    client.change(uri, 2, [{ range: { start: positionAt(t, t.length), end: positionAt(t, t.length) }, text: '\nA new line.\n' }]);
    const moved = await waitFor(async () => statuses.slice(seen).find((s) => s.generation! > requested.generation!));
    assert.ok(moved.generation! > requested.generation!);
    client.close(uri);
  });

  it('semantic tokens: "Dmytro Kuleba" is a person, figures and places are typed, in the legend order', async () => {
    const legend = client.initializeResult!.capabilities.semanticTokensProvider!.legend;
    assert.deepEqual(legend.tokenTypes, [...SEMANTIC_TOKEN_TYPES]);
    const t = text(SEED_001);
    const uri = ws.uri(`corpus/${SEED_001}`);
    const tokens = decode(await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } }), legend);
    const at = positionOf(t, 'Dmytro Kuleba', 1, 0);
    const kuleba = tokens.find((x) => x.line === at.line && x.character === at.character);
    assert.ok(kuleba, 'a token starts at "Dmytro Kuleba"');
    assert.equal(kuleba.type, 'person');
    assert.equal(tokenText(t, kuleba), 'Dmytro Kuleba');
    assert.ok(tokens.some((x) => x.type === 'place' && tokenText(t, x) === 'Ukraine'));
    assert.ok(tokens.some((x) => x.type === 'figure' && /thousands/.test(tokenText(t, x))));
    assert.ok(tokens.some((x) => x.type === 'organization' && tokenText(t, x) === 'NATO'));
    // Sorted and never overlapping.
    for (let i = 1; i < tokens.length; i++) {
      const a = tokens[i - 1]!;
      const b = tokens[i]!;
      assert.ok(b.line > a.line || b.character >= a.character + a.length, `tokens ${i - 1} and ${i} overlap`);
    }
  });

  it('semantic tokens count UTF-16 code units after an emoji on a CRLF line, and mark annotation markup', async () => {
    const uri = ws.uri(`corpus/${CRLF_NAME}`);
    client.open(uri, CRLF_TEXT);
    const legend = client.initializeResult!.capabilities.semanticTokensProvider!.legend;
    const tokens = decode(await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } }), legend);
    const at = positionOf(CRLF_TEXT, 'Dmytro Kuleba', 1, 0);
    assert.equal(at.line, 3);
    assert.equal(at.character, '🇺🇦🙂 Ukrainian Foreign Minister '.length); // 6 code units for 3 code points
    const kuleba = tokens.find((x) => x.type === 'person' && x.line === at.line && x.character === at.character);
    assert.ok(kuleba, JSON.stringify(tokens));
    assert.equal(kuleba.length, 'Dmytro Kuleba'.length);
    const markup = tokens.filter((x) => x.type === 'annotation').map((x) => tokenText(CRLF_TEXT, x));
    assert.deepEqual(markup, ['[[', '|figure status=estimate]]']);
    const figure = tokens.find((x) => x.type === 'figure');
    assert.ok(figure, 'the annotated figure is a token');
    assert.equal(tokenText(CRLF_TEXT, figure), 'more than 130,000');
    assert.deepEqual(figure.modifiers, ['annotated']);
    // A range request gives the tokens of that range only.
    const range = { start: { line: 3, character: 0 }, end: { line: 3, character: at.character + 20 } };
    const ranged = decode(await client.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range }), legend);
    assert.ok(ranged.some((x) => x.type === 'person'));
    assert.ok(!ranged.some((x) => x.type === 'annotation'), 'the markup is outside the range');
    client.close(uri);
  });

  it('inlay hints are off by default and show resolved dates and normalised figures when turned on', async () => {
    const uri = ws.uri(`corpus/${SEED_000}`);
    const t = text(SEED_000);
    const whole = { start: { line: 0, character: 0 }, end: positionAt(t, t.length) };
    const off = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: whole });
    assert.deepEqual(off, []);
    client.settings.inlayHints = { dates: true, figures: true };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const on = await waitFor(async () => {
      const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: whole });
      return hints.length ? hints : undefined;
    });
    const label = (h: InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    const tuesday = offsetOf(t, 'Tuesday') + 'Tuesday'.length;
    const dateHint = on.find((h) => h.position.line === positionAt(t, tuesday).line && h.position.character === positionAt(t, tuesday).character);
    assert.ok(dateHint, JSON.stringify(on.map(label)));
    assert.equal(label(dateHint), '→ 2022-02-15');
    assert.ok(on.some((h) => /^→ .*military personnel$/.test(label(h))), JSON.stringify(on.map(label)));
    client.settings.inlayHints = { dates: true, figures: false };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const datesOnly = await waitFor(async () => {
      const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: whole });
      return hints.length && hints.every((h) => /^→ \d{4}-\d{2}-\d{2}$/.test(label(h))) ? hints : undefined;
    });
    assert.ok(datesOnly.length > 0);
    client.settings.inlayHints = { dates: false, figures: false };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await waitFor(async () => ((await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: whole })).length === 0 ? true : undefined));
  });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
