// The benchmark's measurements, run in order. Each one is a named function returning flat metrics;
// a new feature adds its own by appending one entry to MEASUREMENTS (and listing its keys).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, DocumentSymbol, SymbolInformation } from 'vscode-languageserver-protocol';
import { analyzeArticle } from '../../server/src/core/analysis';
import { CorpusIndex } from '../../server/src/core/corpusIndex';
import { measureFigureSpeed } from '../../server/src/core/figures';
import { measureRecognitionSpeed } from '../../server/src/core/recognition';
import { checkArticle } from '../../server/src/rules';
import { Requests, type CorpusLensSettings, type CorpusStatus } from '../../server/src/shared/protocol';
import { hoverText, start, toUri, type LspTestClient } from '../support/lspClient';
import { BIG_INPUT_MEASUREMENTS } from './bigInputs';
import { nowMs, round, sleep, summarize } from './stats';
import { createRandom, type Random } from './syntheticCorpus';
import { findHoverTargets, lineStartOffsets, positionFromStarts, type HoverTarget, type TargetKind } from './targets';

export type MetricValue = number | string | boolean | null;
export type Metrics = Record<string, MetricValue>;

export interface BenchOptions {
  articles: number;
  seed: number;
  corpusDir?: string;
  json: boolean;
  keep: boolean;
  /** Only the measurements whose name contains one of these words (and the prerequisites). */
  only?: string[];
  /** Corpus sizes for a scaling run (each in a bench process of its own). */
  scaling?: number[];
  /** Articles analysed in-process (after a warm-up of a fifth as many). */
  analyzeSamples: number;
  /** Articles opened in the server for hover, symbols, code actions and edits. */
  openArticles: number;
  hovers: number;
  documentSymbols: number;
  codeActions: number;
  edits: number;
}

export interface BenchCorpus {
  /** The workspace folder handed to the server. */
  root: string;
  files: string[];
  bytes: number;
  /** Human description: "synthetic (N=…, seed=…)" or the folder measured. */
  label: string;
  /** Settings sent to the server (merged over its defaults). */
  settings: Partial<CorpusLensSettings>;
}

export interface OpenDocument {
  uri: string;
  path: string;
  text: string;
  version: number;
  targets: HoverTarget[];
}

export interface BenchContext {
  options: BenchOptions;
  corpus: BenchCorpus;
  random: Random;
  /** Set by the cold-index measurement; later measurements talk to this server. */
  client?: LspTestClient;
  /** Milliseconds (nowMs) when `initialized` was sent. */
  initializedAt?: number;
  openDocuments: OpenDocument[];
  /** Lines printed under the table: caveats, missing capabilities, failures. */
  notes: string[];
  progress(message: string): void;
}

export interface Measurement {
  name: string;
  /** Later measurements need what it leaves behind (a running server, open articles): `--only` keeps it. */
  prerequisite?: boolean;
  /** Every key it reports; all set to null when the measurement throws. */
  keys: string[];
  run(context: BenchContext): Promise<Metrics>;
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/** Article text the way an editor holds it: UTF-8 without BOM. */
export function readArticleText(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `count` distinct indices of [0, total), deterministic for the context's PRNG. */
function sampleIndices(random: Random, total: number, count: number): number[] {
  const chosen = new Set<number>();
  const wanted = Math.min(count, total);
  while (chosen.size < wanted) chosen.add(Math.floor(random() * total));
  return [...chosen];
}

function requireServer(context: BenchContext): LspTestClient {
  if (!context.client || context.client.hasExited) throw new Error('the server is not running (cold index failed or the server exited)');
  return context.client;
}

function requireOpenDocuments(context: BenchContext): OpenDocument[] {
  if (context.openDocuments.length === 0) throw new Error('no article is open in the server');
  return context.openDocuments;
}

function latencyMetrics(prefix: string, samples: number[]): Metrics {
  const summary = summarize(samples);
  return {
    [`${prefix}MsMedian`]: summary.median,
    [`${prefix}MsP95`]: summary.p95,
    [`${prefix}MsP99`]: summary.p99,
    [`${prefix}Count`]: summary.count,
  };
}

const latencyKeys = (prefix: string) => [`${prefix}MsMedian`, `${prefix}MsP95`, `${prefix}MsP99`, `${prefix}Count`];

async function timed<T>(action: () => Promise<T>): Promise<[T, number]> {
  const started = nowMs();
  const result = await action();
  return [result, nowMs() - started];
}

// ---------------------------------------------------------------------------------------------
// In-process analysis: the per-article work the server does while indexing (analysis + rules).

const analyzeInProcess: Measurement = {
  name: 'Per-article analysis (in-process)',
  keys: [...latencyKeys('analyze'), ...latencyKeys('rules')],
  async run(context): Promise<Metrics> {
    const { files } = context.corpus;
    const samples = context.options.analyzeSamples;
    const warmUp = Math.ceil(samples / 5);
    // Distinct articles when the corpus is big enough; a small corpus is cycled through.
    // Its own stream, so the articles opened later are the same whether or not this measurement runs (--only).
    const indices = sampleIndices(createRandom(context.options.seed, 0x616e61), files.length, samples + warmUp);
    const texts = indices.map((index) => ({ id: toUri(files[index]!), text: readArticleText(files[index]!) }));
    const pick = (n: number) => texts[n % texts.length]!;
    context.progress(`analysing ${samples} articles in-process after ${warmUp} warm-up analyses (${texts.length} distinct)`);

    const corpus = new CorpusIndex();
    for (const { id, text } of texts) corpus.setFromDisk(id, text);
    const analyzeMs: number[] = [];
    const rulesMs: number[] = [];
    // Rules read the corpus; this one holds only the sample, so cross-article rules see fewer neighbours than in the server.
    for (let n = 0; n < warmUp + samples; n++) {
      const { id, text } = pick(n);
      const started = nowMs();
      const analyzed = analyzeArticle(id, text);
      const analyzedAt = nowMs();
      checkArticle(analyzed, corpus);
      const checkedAt = nowMs();
      if (n >= warmUp) {
        analyzeMs.push(analyzedAt - started);
        rulesMs.push(checkedAt - analyzedAt);
      }
    }
    return { ...latencyMetrics('analyze', analyzeMs), ...latencyMetrics('rules', rulesMs) };
  },
};

// ---------------------------------------------------------------------------------------------
// Cold index: spawn the server on the corpus folder, time initialized → indexing done.

const coldIndex: Measurement = {
  prerequisite: true,
  name: 'Cold index (server over stdio)',
  keys: ['indexSeconds', 'mbPerSecond', 'articlesPerSecond', 'indexedArticles', 'skippedArticles', 'serverIndexMs'],
  async run(context): Promise<Metrics> {
    const expected = context.corpus.files.length;
    const timeoutMs = 120_000 + expected * 20;
    context.progress(`starting the server and indexing ${expected} articles (timeout ${Math.round(timeoutMs / 1000)} s)`);
    const client = await start({
      workspaceFolders: [context.corpus.root],
      settings: context.corpus.settings,
      requestTimeoutMs: 30_000,
      // As VS Code does: code action edits are resolved lazily.
      capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } } } },
    });
    context.client = client;
    context.initializedAt = nowMs();
    // Expecting every file to be counted guards against reading a status from before indexing began.
    const status = await client.waitForIndexed(timeoutMs, (s) => s.articles + s.skipped >= expected);
    const seconds = (nowMs() - context.initializedAt) / 1000;
    const mb = context.corpus.bytes / 1e6;
    if (status.skipped > 0) context.notes.push(`the server skipped ${status.skipped} of ${expected} files`);
    return {
      indexSeconds: round(seconds, 3),
      mbPerSecond: round(mb / seconds, 2),
      articlesPerSecond: round(status.articles / seconds, 0),
      indexedArticles: status.articles,
      skippedArticles: status.skipped,
      serverIndexMs: status.lastIndexMs,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Initial diagnostics: every indexed article gets one publication after indexing.

const initialDiagnostics: Measurement = {
  prerequisite: true,
  name: 'Diagnostics after indexing',
  keys: ['diagnosticsSeconds', 'diagnosticsArticles', 'diagnosticsTotal'],
  async run(context): Promise<Metrics> {
    const client = requireServer(context);
    const expected = context.corpus.files.length;
    const deadline = Date.now() + 60_000 + expected * 10;
    const quietMs = 3_000;
    // uri → size of its latest publication (kept here: scanning the client's log per uri would be quadratic).
    const seen = new Map<string, number>();
    let scanned = 0;
    let lastArrival = nowMs();
    // Done when every article has had a publication, or nothing new arrived for quietMs (bounded by the deadline).
    for (;;) {
      const log = client.diagnosticsLog;
      if (log.length > scanned) {
        for (; scanned < log.length; scanned++) seen.set(log[scanned]!.uri, log[scanned]!.diagnostics.length);
        lastArrival = nowMs();
      }
      if (seen.size >= expected || nowMs() - lastArrival > quietMs || Date.now() > deadline) break;
      await sleep(50);
    }
    if (seen.size < expected) context.notes.push(`diagnostics were published for ${seen.size} of ${expected} articles`);
    let total = 0;
    for (const count of seen.values()) total += count;
    const initializedAt = context.initializedAt ?? lastArrival;
    return {
      diagnosticsSeconds: seen.size ? round((lastArrival - initializedAt) / 1000, 3) : null,
      diagnosticsArticles: seen.size,
      diagnosticsTotal: total,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Open a sample of articles in the server, as an editor would.

const openArticles: Measurement = {
  prerequisite: true,
  name: 'Open articles (didOpen → diagnostics)',
  keys: [...latencyKeys('openToDiagnostics'), 'openedArticles'],
  async run(context): Promise<Metrics> {
    const client = requireServer(context);
    const { files } = context.corpus;
    const samples: number[] = [];
    let timeouts = 0;
    for (const index of sampleIndices(context.random, files.length, context.options.openArticles)) {
      const path = files[index]!;
      const text = readArticleText(path);
      const uri = toUri(path);
      const mark = client.diagnosticsMark();
      const started = nowMs();
      client.open(uri, text);
      try {
        await client.waitForDiagnostics(uri, () => true, 5_000, { after: mark });
        samples.push(nowMs() - started);
      } catch {
        timeouts++;
      }
      context.openDocuments.push({ uri, path, text, version: 1, targets: findHoverTargets(text) });
    }
    if (timeouts) context.notes.push(`didOpen: ${timeouts} articles got no diagnostics within 5 s`);
    return { ...latencyMetrics('openToDiagnostics', samples), openedArticles: context.openDocuments.length };
  },
};

// ---------------------------------------------------------------------------------------------
// Hovers on weekdays, dates and names.

/** Picks about `count` targets spread over the open documents, alternating kinds. */
function pickTargets(context: BenchContext, count: number): Array<{ document: OpenDocument; target: HoverTarget }> {
  const documents = requireOpenDocuments(context);
  const perDocument = Math.ceil(count / documents.length);
  const kinds: TargetKind[] = ['weekday', 'date', 'name'];
  const picked: Array<{ document: OpenDocument; target: HoverTarget }> = [];
  for (const document of documents) {
    const byKind = kinds.map((kind) => document.targets.filter((target) => target.kind === kind));
    for (let i = 0; i < perDocument && picked.length < count; i++) {
      const pool = byKind[i % kinds.length]!.length ? byKind[i % kinds.length]! : document.targets;
      if (pool.length === 0) break;
      picked.push({ document, target: pool[Math.floor(context.random() * pool.length)]! });
    }
  }
  return picked;
}

const hover: Measurement = {
  name: 'Hover (weekdays, dates, names)',
  keys: [...latencyKeys('hover'), 'hoverNonEmptyPercent', 'hoverNonEmptyPercentWeekday', 'hoverNonEmptyPercentDate', 'hoverNonEmptyPercentName'],
  async run(context): Promise<Metrics> {
    const client = requireServer(context);
    const samples: number[] = [];
    const tried: Record<TargetKind, number> = { weekday: 0, date: 0, name: 0 };
    const answered: Record<TargetKind, number> = { weekday: 0, date: 0, name: 0 };
    for (const { document, target } of pickTargets(context, context.options.hovers)) {
      const position = positionFromStarts(lineStartOffsets(document.text), target.start + 1);
      const [result, elapsed] = await timed(() => client.hover(document.uri, position, 5_000));
      samples.push(elapsed);
      tried[target.kind]++;
      if (hoverText(result).trim()) answered[target.kind]++;
    }
    const percent = (hits: number, total: number) => (total ? round((100 * hits) / total, 1) : null);
    const sum = (counts: Record<TargetKind, number>) => counts.weekday + counts.date + counts.name;
    return {
      ...latencyMetrics('hover', samples),
      // How often a hover had something to say, per kind of target: a cheap hover that says nothing is not fast.
      hoverNonEmptyPercent: percent(sum(answered), sum(tried)),
      hoverNonEmptyPercentWeekday: percent(answered.weekday, tried.weekday),
      hoverNonEmptyPercentDate: percent(answered.date, tried.date),
      hoverNonEmptyPercentName: percent(answered.name, tried.name),
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Document symbols.

const documentSymbol: Measurement = {
  name: 'Document symbols',
  keys: [...latencyKeys('documentSymbol'), 'documentSymbolsPerArticle'],
  async run(context): Promise<Metrics> {
    const client = requireServer(context);
    const documents = requireOpenDocuments(context);
    const samples: number[] = [];
    let symbols = 0;
    for (let i = 0; i < context.options.documentSymbols; i++) {
      const document = documents[i % documents.length]!;
      const [result, elapsed] = await timed(() => client.documentSymbols(document.uri, 5_000));
      samples.push(elapsed);
      symbols += countSymbols(result);
    }
    return { ...latencyMetrics('documentSymbol', samples), documentSymbolsPerArticle: round(symbols / Math.max(1, samples.length), 1) };
  },
};

function countSymbols(result: DocumentSymbol[] | SymbolInformation[] | null): number {
  if (!result) return 0;
  let count = 0;
  for (const symbol of result) {
    count++;
    if ('children' in symbol && symbol.children) count += countSymbols(symbol.children);
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// Code actions: null when the server does not offer them.

const codeAction: Measurement = {
  name: 'Code actions',
  keys: [...latencyKeys('codeAction'), 'codeActionsPerRequest'],
  async run(context): Promise<Metrics> {
    const client = requireServer(context);
    if (!client.initializeResult?.capabilities.codeActionProvider) {
      context.notes.push('codeAction: the server does not advertise codeActionProvider, so its figures are null');
      return { codeActionMsMedian: null, codeActionMsP95: null, codeActionMsP99: null, codeActionCount: 0, codeActionsPerRequest: null };
    }
    const samples: number[] = [];
    let actions = 0;
    const requests: Array<{ document: OpenDocument; range: Diagnostic['range']; diagnostics: Diagnostic[] }> = [];
    // Diagnostics first (where quick fixes live), then ordinary words, as a user's cursor would land.
    for (const document of requireOpenDocuments(context)) {
      for (const diagnostic of (client.latestDiagnostics(document.uri) ?? []).slice(0, 5)) {
        requests.push({ document, range: diagnostic.range, diagnostics: [diagnostic] });
      }
    }
    for (const { document, target } of pickTargets(context, Math.max(0, context.options.codeActions - requests.length))) {
      const starts = lineStartOffsets(document.text);
      const range = { start: positionFromStarts(starts, target.start), end: positionFromStarts(starts, target.end) };
      requests.push({ document, range, diagnostics: [] });
    }
    for (const { document, range, diagnostics } of requests.slice(0, context.options.codeActions)) {
      const [result, elapsed] = await timed(() =>
        client.request<unknown[] | null>(
          'textDocument/codeAction',
          { textDocument: { uri: document.uri }, range, context: { diagnostics, triggerKind: 1 } },
          5_000,
        ),
      );
      samples.push(elapsed);
      actions += result?.length ?? 0;
    }
    return { ...latencyMetrics('codeAction', samples), codeActionsPerRequest: round(actions / Math.max(1, samples.length), 2) };
  },
};

// ---------------------------------------------------------------------------------------------
// Keystroke → diagnostics: one-character edits to an open article, each timed to its next publication.

const editToDiagnostics: Measurement = {
  name: 'Keystroke → diagnostics',
  keys: [...latencyKeys('editToDiagnostics'), 'editTimeouts'],
  async run(context): Promise<Metrics> {
    const client = requireServer(context);
    const document = requireOpenDocuments(context)[0]!;
    const starts = lineStartOffsets(document.text);
    // Type into the middle of the body: after a space, so the edit makes a new word rather than breaking the dateline.
    const middle = document.text.indexOf(' ', Math.floor(document.text.length / 2));
    const offset = middle < 0 ? document.text.length : middle + 1;
    const position = positionFromStarts(starts, offset);
    const samples: number[] = [];
    let timeouts = 0;
    for (let i = 0; i < context.options.edits; i++) {
      const typing = i % 2 === 0;
      const change = typing
        ? { range: { start: position, end: position }, text: 'x' }
        : { range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: '' };
      const mark = client.diagnosticsMark();
      const started = nowMs();
      client.change(document.uri, ++document.version, [change]);
      try {
        await client.waitForDiagnostics(document.uri, () => true, 5_000, { after: mark });
        samples.push(nowMs() - started);
      } catch {
        timeouts++;
      }
      await sleep(20);
    }
    if (timeouts) context.notes.push(`keystroke → diagnostics: ${timeouts} of ${context.options.edits} edits got no publication within 5 s`);
    return { ...latencyMetrics('editToDiagnostics', samples), editTimeouts: timeouts };
  },
};

// ---------------------------------------------------------------------------------------------
// Memory of the server process (Linux: /proc/PID/status).

const serverMemory: Measurement = {
  name: 'Server memory',
  keys: ['peakRssMB', 'rssMB'],
  async run(context): Promise<Metrics> {
    const client = requireServer(context);
    const pid = client.process.pid;
    let status: string;
    try {
      status = readFileSync(`/proc/${pid}/status`, 'utf8');
    } catch {
      context.notes.push('memory: /proc is not available on this system, so RSS figures are null');
      return { peakRssMB: null, rssMB: null };
    }
    const kilobytes = (field: string) => {
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
      return match ? round(Number(match[1]) / 1024, 1) : null;
    };
    return { peakRssMB: kilobytes('VmHWM'), rssMB: kilobytes('VmRSS') };
  },
};

// ---------------------------------------------------------------------------------------------
// Recognition against compromise, on the same 5 KB text in the same process.

const recognitionSpeed: Measurement = {
  name: 'Recognition vs compromise (in-process)',
  keys: ['recognizeMsMedian', 'compromiseMsMedian', 'recognizeSpeedupVsCompromise', 'recognizerModelLoadMs'],
  async run(): Promise<Metrics> {
    const report = measureRecognitionSpeed({ runs: 50 });
    return {
      recognizeMsMedian: round(report.recognizerMedianMs, 2),
      compromiseMsMedian: report.compromiseMedianMs === undefined ? null : round(report.compromiseMedianMs, 2),
      recognizeSpeedupVsCompromise: report.ratio === undefined ? null : round(report.ratio, 1),
      recognizerModelLoadMs: round(report.modelLoadMs, 1),
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Knowledge base + gazetteer + recognizer lexicon: load time and memory, in a fresh process.

const knowledgeLoad: Measurement = {
  name: 'Knowledge base and gazetteer load (fresh process)',
  keys: ['knowledgeBaseMs', 'gazetteerMs', 'knowledgeLoadMs', 'knowledgeHeapMB', 'knowledgeRssMB', 'gazetteerPlaces'],
  async run(): Promise<Metrics> {
    const script = join(__dirname, 'loadKnowledge.ts');
    const runs: Metrics[] = [];
    for (let i = 0; i < 3; i++) {
      const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
      if (result.status !== 0) throw new Error(`loadKnowledge.ts failed: ${result.stderr.slice(-500)}`);
      runs.push(JSON.parse(result.stdout.trim().split('\n').pop()!) as Metrics);
    }
    // The median run by total load time.
    runs.sort((a, b) => Number(a.knowledgeLoadMs) - Number(b.knowledgeLoadMs));
    return runs[1]!;
  },
};

// ---------------------------------------------------------------------------------------------
// "Annotate all occurrences": the one workspace edit over every article that mentions an entity.

const annotateAllOccurrences: Measurement = {
  name: 'Annotate all occurrences (code action resolve)',
  keys: ['annotateAllMs', 'annotateAllArticles', 'annotateAllEdits'],
  async run(context): Promise<Metrics> {
    const client = requireServer(context);
    const samples: number[] = [];
    let best: { articles: number; edits: number } = { articles: 0, edits: 0 };
    for (const { document, target } of pickTargets(context, 90).filter((t) => t.target.kind === 'name').slice(0, 15)) {
      const starts = lineStartOffsets(document.text);
      // The last word of a capitalised run is the name more often than its first (a title: "Secretary of State …").
      const position = positionFromStarts(starts, target.end - 1);
      const actions = (await client.request<Array<{ title: string; edit?: unknown; data?: unknown }> | null>(
        'textDocument/codeAction',
        { textDocument: { uri: document.uri }, range: { start: position, end: position }, context: { diagnostics: [], only: ['refactor'] } },
        10_000,
      )) ?? [];
      const action = actions.find((a) => /^Annotate all \d+ occurrences/.test(a.title));
      if (!action) continue;
      type Resolved = { edit?: { documentChanges?: Array<{ edits?: unknown[] }> } };
      const [resolved, elapsed]: [Resolved, number] = action.edit
        ? [action as Resolved, 0]
        : await timed(() => client.request<Resolved>('codeAction/resolve', action, 30_000));
      if (!resolved.edit) continue;
      samples.push(elapsed);
      const changes = resolved.edit.documentChanges ?? [];
      const edits = changes.reduce((n: number, c) => n + (c.edits?.length ?? 0), 0);
      if (changes.length > best.articles) best = { articles: changes.length, edits };
    }
    if (!samples.length) throw new Error('no "Annotate all occurrences" action was offered on the sampled names');
    return { annotateAllMs: summarize(samples).median, annotateAllArticles: best.articles, annotateAllEdits: best.edits };
  },
};

// ---------------------------------------------------------------------------------------------
// Figures: extraction + clustering per article (in-process), and the worst input line.

const figureSpeed: Measurement = {
  name: 'Figure extraction and clustering (in-process)',
  keys: ['figureExtractClusterMsMedian', 'figureExtractClusterMsP95', 'figuresPerArticle', 'figurePathologicalLineMs'],
  async run(): Promise<Metrics> {
    const report = measureFigureSpeed({ articles: 200, corpus: 300 });
    return {
      figureExtractClusterMsMedian: round(report.extractAndClusterMsMedian, 3),
      figureExtractClusterMsP95: round(report.extractAndClusterMsP95, 3),
      figuresPerArticle: round(report.figuresPerArticle, 1),
      figurePathologicalLineMs: round(report.pathologicalLineMs, 1),
    };
  },
};

// ---------------------------------------------------------------------------------------------
// One edit to a figure: time until the edited article and every article whose cross-article findings depend on
// it have been republished (the burst of publications that follows the edit).

const figureEditRepublish: Measurement = {
  name: 'Figure edit → republish of affected articles',
  keys: [
    'figureEditRepublishMsMedian', 'figureEditRepublishMsP95', 'figureEditAffectedArticlesMedian', 'figureEditAffectedArticlesMax',
    'figureEditRecheckedArticlesMedian', 'figureEditRecheckedArticlesMax', 'figureEditServerMsMedian', 'figureEditServerMsP95', 'figureEditDocuments',
  ],
  async run(context): Promise<Metrics> {
    const client = requireServer(context);
    // Several open articles, each edited in its first number with thousands separators ("150,000" → "950,000" and
    // back): one article's figure may sit in a small cluster, another's in one shared by hundreds of articles.
    const documents = requireOpenDocuments(context).filter((d) => /\b\d{1,3},\d{3}\b/.test(d.text)).slice(0, 5);
    if (!documents.length) throw new Error('no open article has a figure with thousands separators');
    const samples: number[] = [];
    const affectedCounts: number[] = [];
    const recheckedCounts: number[] = [];
    const serverMs: number[] = [];
    for (const document of documents) {
      // The server brings other articles' related places up to date once edits pause: let that pass first.
      await sleep(1_500);
      const match = /\b(\d{1,3}),(\d{3})\b/.exec(document.text)!;
      const offset = match.index;
      const starts = lineStartOffsets(document.text);
      const range = { start: positionFromStarts(starts, offset), end: positionFromStarts(starts, offset + 1) };
      const original = document.text[offset]!;
      for (let i = 0; i < 8; i++) {
        const digit = i % 2 === 0 ? (original === '9' ? '1' : '9') : original;
        const mark = client.diagnosticsMark();
        const started = nowMs();
        client.change(document.uri, ++document.version, [{ range, text: digit }]);
        await client.waitForDiagnostics(document.uri, () => true, 10_000, { after: mark });
        // The burst: publications keep coming until the server is quiet for 150 ms.
        let last = nowMs();
        let count = client.diagnosticsMark();
        for (;;) {
          await sleep(25);
          const now = client.diagnosticsMark();
          if (now !== count) {
            count = now;
            last = nowMs();
          } else if (nowMs() - last > 150) {
            break;
          }
        }
        const entries = client.diagnosticsLog.slice(mark);
        const lastEntry = entries[entries.length - 1];
        samples.push(lastEntry ? lastEntry.at - started : nowMs() - started);
        affectedCounts.push(new Set(entries.map((e) => e.uri)).size);
        // The server's own account of the change: how many other articles it re-checked, and how long it took.
        const status = await client.request<CorpusStatus>(Requests.corpusStatus, {}, 10_000);
        if (status.lastChange) {
          recheckedCounts.push(status.lastChange.rechecked);
          serverMs.push(status.lastChange.ms);
        }
      }
    }
    const summary = summarize(samples);
    return {
      figureEditRepublishMsMedian: summary.median,
      figureEditRepublishMsP95: summary.p95,
      figureEditAffectedArticlesMedian: summarize(affectedCounts).median,
      figureEditAffectedArticlesMax: Math.max(...affectedCounts),
      figureEditRecheckedArticlesMedian: recheckedCounts.length ? summarize(recheckedCounts).median : null,
      figureEditRecheckedArticlesMax: recheckedCounts.length ? Math.max(...recheckedCounts) : null,
      figureEditServerMsMedian: serverMs.length ? summarize(serverMs).median : null,
      figureEditServerMsP95: serverMs.length ? summarize(serverMs).p95 : null,
      figureEditDocuments: documents.length,
    };
  },
};

/** In run order: analysis runs before the server starts so both do not share the CPUs. */
export const MEASUREMENTS: readonly Measurement[] = [
  recognitionSpeed,
  knowledgeLoad,
  figureSpeed,
  analyzeInProcess,
  coldIndex,
  initialDiagnostics,
  openArticles,
  hover,
  documentSymbol,
  codeAction,
  annotateAllOccurrences,
  editToDiagnostics,
  figureEditRepublish,
  serverMemory,
  ...BIG_INPUT_MEASUREMENTS,
];
