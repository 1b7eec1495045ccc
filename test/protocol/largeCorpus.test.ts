// A corpus big enough that indexing takes seconds: progress while it runs, hovers answered meanwhile, and a
// server killed (SIGKILL) mid-index then started again on the same folder ending with a clean start's findings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { writeSyntheticCorpus } from '../bench/syntheticCorpus';
import { hoverText, makeWorkspace, positionOf, start, toUri, type LspTestClient, type TempWorkspace } from '../support/lspClient';

const ARTICLES = Number(process.env.CORPUS_LENS_FAULT_ARTICLES ?? 1000);
const OPEN_ARTICLE = [
  'Officials describe the talks',
  '20220216',
  'Officials said on Tuesday that the talks would go on.',
  '',
].join('\n');

/** One line per diagnostic, sorted: what a publication says, order aside. */
function canonical(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .map((d) => JSON.stringify([d.code, d.range, typeof d.message === 'string' ? d.message : d.message.value, (d.relatedInformation ?? []).map((r) => [r.location.uri, r.location.range])]))
    .sort();
}

/** Waits until every article has a publication and none arrived for `quietMs`; returns the latest per URI. */
async function settledFindings(client: LspTestClient, uris: string[], timeoutMs = 120_000, quietMs = 1_500): Promise<Map<string, string[]>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = client.diagnosticsLog.at(-1)?.at ?? 0;
    const missing = uris.filter((u) => client.latestDiagnostics(u) === undefined);
    if (!missing.length && performance.now() - last > quietMs) break;
    if (Date.now() > deadline) throw new Error(`no settled publications within ${timeoutMs} ms (${missing.length} articles never published)`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return new Map(uris.map((u) => [u, canonical(client.latestDiagnostics(u)!)]));
}

describe(`faults: a corpus of ${ARTICLES} synthetic articles`, { timeout: 600_000 }, () => {
  let ws: TempWorkspace;
  let uris: string[];
  let reference: Map<string, string[]>;

  before(() => {
    ws = makeWorkspace({}, 'corpus-lens-large-');
    const corpus = writeSyntheticCorpus(ws.dir, ARTICLES);
    ws.write('corpus/open.txt', OPEN_ARTICLE);
    uris = [...corpus.files.map(toUri), ws.uri('corpus/open.txt')];
  });
  after(() => ws?.remove());

  it('reports progress while indexing and answers hovers on an open document meanwhile', async () => {
    const client = await start({ workspaceFolders: [ws.dir] });
    try {
      const uri = ws.uri('corpus/open.txt');
      client.open(uri, OPEN_ARTICLE);
      const latencies: number[] = [];
      let sawIndexing = false;
      for (;;) {
        const status = await client.corpusStatus();
        if (!status.indexing && latencies.length > 0) break;
        sawIndexing ||= status.indexing && status.articles > 0;
        const started = performance.now();
        const hover = await client.hover(uri, positionOf(OPEN_ARTICLE, 'Tuesday'));
        latencies.push(performance.now() - started);
        if (process.env.CORPUS_LENS_FAULT_TRACE) console.log(`${(performance.now() - started).toFixed(0)} ms ${JSON.stringify(status)}`);
        assert.match(hoverText(hover), /2022-02-15/, `hover during indexing: ${JSON.stringify(hover)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const sorted = [...latencies].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      const worst = sorted.at(-1)!;
      console.log(`hover latency while indexing ${ARTICLES} articles: ${latencies.length} hovers, median ${median.toFixed(1)} ms, max ${worst.toFixed(1)} ms`);
      assert.ok(sawIndexing, 'indexing was never seen under way: the corpus is too small to show anything');
      assert.ok(latencies.length >= 5, `only ${latencies.length} hovers during indexing`);
      assert.ok(median < 500, `median hover latency ${median.toFixed(1)} ms while indexing`);
      assert.ok(worst < 3_000, `worst hover latency ${worst.toFixed(1)} ms while indexing`);
      const events = client.progressWithTitle('Indexing corpus');
      const reports = events.filter((e) => e.value.kind === 'report');
      assert.ok(reports.length >= 2, `progress reports: ${JSON.stringify(events)}`);
      const percents = reports.map((e) => ('percentage' in e.value ? e.value.percentage ?? 0 : 0));
      assert.deepEqual(percents, [...percents].sort((a, b) => a - b), 'progress went backwards');
      assert.match(String('message' in reports.at(-1)!.value ? reports.at(-1)!.value.message : ''), /^[\d,]+\/[\d,]+$/);
      client.close(uri);
      reference = await settledFindings(client, uris);

      // Corpus-wide requests, cancelled at once: RequestCancelled, or an answer that came quickly anyway.
      const first = ws.path(`corpus/${uris[0]!.split('/').pop()}`);
      const firstText = readFileSync(first, 'utf8');
      client.open(uris[0]!, firstText);
      const word = /\b(India|Russia|Ukraine|China)\b/.exec(firstText)?.[0];
      assert.ok(word, 'the first synthetic article names no country');
      const requests: [string, unknown][] = [
        ['workspace/symbol', { query: '' }],
        ['textDocument/references', { textDocument: { uri: uris[0] }, position: positionOf(firstText, word), context: { includeDeclaration: true } }],
      ];
      for (const [method, params] of requests) {
        const plain = performance.now();
        await client.request(method, params, 60_000);
        const uncancelled = performance.now() - plain;
        const source = new CancellationTokenSource();
        const started = performance.now();
        const answer = client.connection.sendRequest(method, params, source.token).then(
          () => 'answered',
          (error: { code?: number }) => (error.code === -32800 ? 'cancelled' : `error ${JSON.stringify(error)}`),
        );
        source.cancel();
        const outcome = await answer;
        const took = performance.now() - started;
        console.log(`${method} over ${ARTICLES} articles: ${uncancelled.toFixed(0)} ms; cancelled at once: ${outcome} after ${took.toFixed(0)} ms`);
        assert.ok(outcome === 'cancelled' || (outcome === 'answered' && took < 1_000), `${method}: ${outcome} after ${took.toFixed(0)} ms`);
      }
    } finally {
      await client.stop();
    }
  });

  it('killed mid-index and started again: no duplicates, the findings of a clean start', async () => {
    assert.ok(reference, 'the clean run did not finish');
    const doomed = await start({ workspaceFolders: [ws.dir] });
    let status = await doomed.corpusStatus();
    while (status.articles < 50 && status.indexing) {
      await new Promise((r) => setTimeout(r, 20));
      status = await doomed.corpusStatus();
    }
    assert.ok(status.indexing, `indexing finished before the kill: ${JSON.stringify(status)}`);
    doomed.process.kill('SIGKILL');
    const died = await doomed.exited;
    assert.equal(died.signal, 'SIGKILL');
    doomed.connection.dispose();

    const client = await start({ workspaceFolders: [ws.dir] });
    try {
      await client.waitForIndexed(300_000, (s) => s.articles === uris.length);
      const findings = await settledFindings(client, uris);
      for (const published of client.diagnosticsLog) {
        const lines = canonical(published.diagnostics);
        assert.equal(new Set(lines).size, lines.length, `duplicate diagnostics for ${published.uri}: ${lines.join('\n')}`);
      }
      const differing = uris.filter((u) => JSON.stringify(findings.get(u)) !== JSON.stringify(reference.get(u)));
      assert.deepEqual(differing.slice(0, 5), [], `${differing.length} articles differ from the clean start`);
      const total = [...findings.values()].reduce((n, f) => n + f.length, 0);
      assert.ok(total > 0, 'no findings at all: the comparison proves nothing');
    } finally {
      await client.stop();
    }
  });
});
