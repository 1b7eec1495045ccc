// The figure comparison chart over LSP: the `corpusLens/figureSeries` request on the sample corpus, the hover's
// command link and the code lens (only for a client that runs the command), and hostile article text that reaches
// the chart only as text.
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol/node';
import { figureChartHtml } from '../../client/src/figureChartHtml';
import { Command, Requests, type FigureSeries, type FigureSeriesParams } from '../../server/src/shared/protocol';
import { CORPUS_DIR, hoverText, makeWorkspace, positionOf, start, textOfRange, type LspTestClient, type TempWorkspace } from '../support/lspClient';

const S002 = '002_1cd903209d84dacb.txt';
const S004 = '004_1bc4e39af3ea47f4.txt';
const seed = (name: string) => readFileSync(join(CORPUS_DIR, name), 'utf8');
/** The test client's workspace capabilities, plus code lens refresh. */
const WITH_LENS_REFRESH = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    codeLens: { refreshSupport: true },
  },
};
const LENS_REFRESH = 'workspace/codeLens/refresh';

async function eventually(what: string, probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The values the series must hold, per article, as the sample corpus writes them. */
const TROOP_VALUES: Record<string, string[]> = {
  '000': ['150,000', '150,000', '130,000'],
  '001': ['tens of thousands', 'over 150,000', 'roughly 130,000'],
  '002': ['more than 130,000'],
  '003': ['more than 130,000'],
  '004': ['Thousands', 'more than 100,000'],
};

describe('figure series over LSP (sample corpus)', () => {
  let ws: TempWorkspace;
  let client: LspTestClient;
  const uri = (name: string) => ws.uri(`corpus/${name}`);

  before(async () => {
    ws = makeWorkspace();
    cpSync(CORPUS_DIR, ws.path('corpus'), { recursive: true });
    client = await start({ workspaceFolders: [ws.dir], initializationFacts: { figureChartCommand: true }, capabilities: WITH_LENS_REFRESH });
    await client.waitForIndexed();
  });
  after(async () => {
    await client?.stop();
    ws?.remove();
  });

  it('002 "more than 130,000": the series holds the values of 000, 001, 002, 003 and 004, each at its mention', async () => {
    const params: FigureSeriesParams = { textDocument: { uri: uri(S002) }, position: positionOf(seed(S002), 'more than 130,000', 1, 3) };
    const series = await client.request<FigureSeries | null>(Requests.figureSeries, params);
    assert.ok(series, 'a series for the figure');
    assert.equal(series.cluster, 'count|military personnel');
    assert.equal(series.text, 'more than 130,000');
    const byArticle: Record<string, string[]> = {};
    for (const p of series.points) (byArticle[p.label] ??= []).push(p.text);
    assert.deepEqual(byArticle, TROOP_VALUES);
    // Every point's range covers its figure in its article, so a click lands on the mention.
    for (const p of series.points) {
      const name = p.uri.split('/').pop()!;
      assert.ok(name.startsWith(p.label), `${p.uri} is article ${p.label}`);
      assert.equal(textOfRange(seed(name), p.range), p.text, `${p.label}: the range holds "${p.text}"`);
    }
    assert.deepEqual(series.points.filter((p) => p.selected).map((p) => p.label), ['002']);
    assert.deepEqual(series.points.map((p) => p.date ?? 'undated'), [
      '2022-02-15', '2022-02-15', '2022-02-15', '2022-02-16', '2022-02-16', '2022-02-16', 'undated', 'undated', 'undated', 'undated',
    ]);
    assert.deepEqual(series.points.filter((p) => p.earlier).map((p) => `${p.label} ${p.text}`), ['001 roughly 130,000', '000 130,000']);
    assert.deepEqual(series.points.filter((p) => p.superseded).map((p) => p.label), ['002', '003']);
    const open = series.points.find((p) => p.label === '002')!;
    assert.equal(open.min, 130000);
    assert.equal(open.max, null, 'an open bound travels as null');
  });

  it('answers null away from a figure', async () => {
    const series = await client.request<FigureSeries | null>(Requests.figureSeries, { textDocument: { uri: uri(S002) }, position: positionOf(seed(S002), 'Julianne Smith') });
    assert.equal(series, null);
  });

  it('the figure hover links to the chart with the figure as argument', async () => {
    const hover = hoverText(await client.hover(uri(S002), positionOf(seed(S002), 'more than 130,000', 1, 6)));
    const links = [...hover.matchAll(/\]\((command:[^)\s]+)/g)].map((m) => m[1]!);
    assert.equal(links.length, 1, hover);
    const link = new URL(links[0]!);
    assert.equal(`${link.protocol}${link.pathname}`, `command:${Command.showFigureChart}`);
    const [args] = JSON.parse(decodeURIComponent(link.search.slice(1))) as FigureSeriesParams[];
    assert.equal(args!.textDocument.uri, uri(S002));
    const series = await client.request<FigureSeries | null>(Requests.figureSeries, args);
    assert.equal(series?.points.find((p) => p.selected)?.text, 'more than 130,000');
  });

  it('puts a code lens on the figures with cross-article findings, opening their chart', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri(S004) } });
    const text = seed(S004);
    assert.deepEqual(lenses.map((l) => textOfRange(text, l.range)).sort(), ['Thousands', 'more than 100,000']);
    for (const lens of lenses) {
      assert.equal(lens.command?.command, Command.showFigureChart);
      assert.match(lens.command!.title, /^Chart: 10 values of this quantity in 5 articles$/);
      const series = await client.request<FigureSeries | null>(Requests.figureSeries, lens.command!.arguments![0]);
      assert.equal(series?.points.find((p) => p.selected)?.text, textOfRange(text, lens.range));
    }
    const none = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri('000_e84a3163cd5655f9.txt') } });
    assert.deepEqual(none.map((l) => textOfRange(seed('000_e84a3163cd5655f9.txt'), l.range)), [], '000 has no figure finding');
  });

  it('asks the client to fetch lenses again once the corpus is indexed and after a change that moves other articles\' findings', async () => {
    await eventually('a code lens refresh after indexing', () => client.refreshRequests.includes(LENS_REFRESH));
    const before = client.refreshRequests.filter((m) => m === LENS_REFRESH).length;
    // 000 no longer gives Biden's 150,000: the superseded findings of 002 and 003 change.
    const text = seed('000_e84a3163cd5655f9.txt');
    const edited = text.replace(/150,000 Russian troops are/, 'many Russian troops are');
    assert.notEqual(edited, text);
    client.open(uri('000_e84a3163cd5655f9.txt'), edited);
    await eventually('a code lens refresh after the change', () => client.refreshRequests.filter((m) => m === LENS_REFRESH).length > before);
    client.close(uri('000_e84a3163cd5655f9.txt'));
  });
});

describe('figure chart without the client command', () => {
  let ws: TempWorkspace;
  let client: LspTestClient;

  before(async () => {
    ws = makeWorkspace();
    cpSync(CORPUS_DIR, ws.path('corpus'), { recursive: true });
    client = await start({ workspaceFolders: [ws.dir], capabilities: WITH_LENS_REFRESH });
    await client.waitForIndexed();
  });
  after(async () => {
    await client?.stop();
    ws?.remove();
  });

  it('offers no command link and no code lens to a client that did not say it runs the command', async () => {
    assert.equal(client.initializeResult?.capabilities.codeLensProvider, undefined);
    const hover = hoverText(await client.hover(ws.uri(`corpus/${S002}`), positionOf(seed(S002), 'more than 130,000', 1, 6)));
    assert.match(hover, /Same quantity across the corpus \(10\):/);
    assert.doesNotMatch(hover, /command:/);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.deepEqual(client.refreshRequests.filter((m) => m === LENS_REFRESH), [], 'no lens refresh either');
  });
});

describe('hostile article text next to a figure', () => {
  const HOSTILE_HEADLINE = '<script>alert(1)</script> Russia masses troops near Ukraine';
  const HOSTILE_TAIL = '<img src=x onerror=alert(1)> [x](command:workbench.action.quit)';
  const hostile = `date 2022-02-16\n${HOSTILE_HEADLINE}\n\nThe US said Russia had gathered more than 130,000 troops near the border with Ukraine ${HOSTILE_TAIL}.\n`;
  const plain = 'date 2022-02-16\nRussia masses troops near Ukraine\n\nBiden said Russia had gathered 150,000 troops near the border with Ukraine.\n';
  let ws: TempWorkspace;
  let client: LspTestClient;

  before(async () => {
    ws = makeWorkspace({ 'corpus/hostile.txt': hostile, 'corpus/plain.txt': plain });
    client = await start({ workspaceFolders: [ws.dir], initializationFacts: { figureChartCommand: true } });
    await client.waitForIndexed();
  });
  after(async () => {
    await client?.stop();
    ws?.remove();
  });

  it('reaches the chart data as plain strings and the page only inside escaped JSON', async () => {
    const series = await client.request<FigureSeries | null>(Requests.figureSeries, {
      textDocument: { uri: ws.uri('corpus/hostile.txt') }, position: positionOf(hostile, 'more than 130,000', 1, 2),
    });
    assert.ok(series);
    assert.deepEqual(series.points.map((p) => p.label), ['hostile', 'plain']);
    const mine = series.points[0]!;
    assert.equal(mine.headline, HOSTILE_HEADLINE, 'the headline as written, not sanitized away');
    assert.ok(mine.sentence.includes(HOSTILE_TAIL), mine.sentence);
    const html = figureChartHtml({ cspSource: 'vscode-resource:', nonce: 'n0nce', scriptUri: 'vscode-resource:/dist/webview/figureChart.js', series });
    assert.equal((html.match(/<script\b/g) ?? []).length, 2, 'the page script and the data element only');
    assert.equal((html.match(/<img\b/gi) ?? []).length, 0);
    const data = /<script type="application\/json" id="series-data">([\s\S]*?)<\/script>/.exec(html)!;
    const markup = html.slice(0, data.index) + html.slice(data.index + data[0].length);
    for (const text of ['alert', 'onerror', 'command:']) assert.ok(!markup.includes(text), `"${text}" outside the data element`);
    assert.doesNotMatch(data[1]!, /[<>]/);
    assert.deepEqual(JSON.parse(data[1]!), series);
  });

  it('the hover escapes the text: the only command link is the chart\'s', async () => {
    const hover = hoverText(await client.hover(ws.uri('corpus/plain.txt'), positionOf(plain, '150,000', 1, 2)));
    assert.match(hover, /Same quantity across the corpus \(2\)/);
    const commands = [...hover.matchAll(/\]\(command:([^?)\s]+)/g)].map((m) => m[1]);
    assert.deepEqual(commands, [Command.showFigureChart]);
    assert.doesNotMatch(hover, /<script>|<img/);
  });
});
