/**
 * A small typed LSP client for tests: spawns `node dist/server.js --stdio` and talks JSON-RPC to it
 * over the real protocol, the way an editor does.
 *
 * Usage:
 *
 *   import { start, positionOf, rangeOf, hoverText, makeWorkspace } from '../support/lspClient';
 *
 *   const text = 'Troops return\n20220216\nOfficials said on Tuesday, Feb. 16 that units left.\n';
 *   const ws = makeWorkspace({ 'corpus/a.txt': text });
 *   const client = await start({ workspaceFolders: [ws.dir], settings: { maxFileSizeMB: 1 } });
 *   await client.waitForIndexed();                      // polls corpusLens/corpusStatus
 *   const uri = ws.uri('corpus/a.txt');
 *   client.open(uri, text);                             // languageId 'news-article', version 1
 *   const hover = await client.hover(uri, positionOf(text, 'Tuesday'));
 *   console.log(hoverText(hover));
 *   const mark = client.diagnosticsMark();
 *   client.change(uri, 2, [{ range: rangeOf(text, 'Tuesday'), text: 'Wednesday' }]);
 *   await client.waitForDiagnostics(uri, (ds) => ds.length === 0, 5_000, { after: mark });
 *   const { exitCode } = await client.stop();          // shutdown + exit, SIGKILL after a timeout
 *   ws.remove();
 *
 * Settings are answered through `workspace/configuration` (section `corpusLens`) by default;
 * `settingsVia: 'initializationOptions'` sends them in `initialize` instead. They are merged over the defaults
 * unless `explicitSettingsOnly` (only what a user set, as the VS Code extension sends); `changeSettings` changes them.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type InitializeResult,
  type LogMessageParams,
  type Position,
  type ProgressToken,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type SymbolInformation,
  type TextDocumentContentChangeEvent,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
  type FileEvent,
} from 'vscode-languageserver-protocol/node';
import {
  DEFAULT_SETTINGS,
  LANGUAGE_ID,
  Requests,
  SETTINGS_SECTION,
  type CorpusLensSettings,
  type CorpusStatus,
  type InitializationFacts,
} from '../../server/src/shared/protocol';

export const REPO_ROOT = join(__dirname, '..', '..');
export const SERVER_PATH = join(REPO_ROOT, 'dist', 'server.js');
export const CORPUS_DIR = join(REPO_ROOT, 'corpus');
export const FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures');

export type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;
export interface ProgressEvent {
  token: ProgressToken;
  value: ProgressValue;
  atMs: number;
}

export interface StartOptions {
  /** Absolute folder paths. */
  workspaceFolders: string[];
  /** Merged over DEFAULT_SETTINGS. */
  settings?: Partial<CorpusLensSettings>;
  /** Merged (shallowly per top-level key) over the default test capabilities. */
  capabilities?: ClientCapabilities;
  settingsVia?: 'configuration' | 'initializationOptions';
  /** Send only `settings` (what a user set), as the VS Code extension does, instead of them merged over the defaults. */
  explicitSettingsOnly?: boolean;
  /** Client facts sent in `initializationOptions` (beside the settings when those go there too). */
  initializationFacts?: InitializationFacts;
  serverPath?: string;
  /** Default timeout for each request, in ms. */
  requestTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export interface StopResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** True when the server did not exit on its own after `exit` and was killed. */
  killed: boolean;
}

const defaultCapabilities: ClientCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  window: { workDoneProgress: true, showMessage: {} },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    didChangeConfiguration: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { dataSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor'] } } },
  },
};

export function toUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Spawns the server, runs initialize/initialized and returns a connected client. */
export async function start(options: StartOptions): Promise<LspTestClient> {
  const client = new LspTestClient(options);
  await client.initialize();
  return client;
}

export class LspTestClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  settings: Partial<CorpusLensSettings>;
  readonly startedAt = Date.now();
  initializeResult: InitializeResult | undefined;
  /** Everything the server wrote to stderr. */
  stderr = '';
  readonly logMessages: LogMessageParams[] = [];
  readonly shownMessages: LogMessageParams[] = [];
  readonly progress: ProgressEvent[] = [];
  readonly createdProgressTokens: ProgressToken[] = [];
  readonly registrations: { id: string; method: string; registerOptions?: unknown }[] = [];
  /** Every publishDiagnostics in arrival order; `seq` is its index. */
  /** Every publication in arrival order; `at` is performance.now() when it arrived. */
  readonly diagnosticsLog: (PublishDiagnosticsParams & { seq: number; at: number })[] = [];
  readonly configurationRequests: unknown[] = [];
  /** The `workspace/…/refresh` requests the server sent, by method, in order. */
  readonly refreshRequests: string[] = [];
  exited: Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>;
  private closed = false;
  private exitInfo: { exitCode: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly events = new EventEmitter();
  private readonly options: StartOptions;
  private readonly requestTimeoutMs: number;

  constructor(options: StartOptions) {
    this.options = options;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    this.settings = options.explicitSettingsOnly ? { ...options.settings } : { ...DEFAULT_SETTINGS, ...options.settings };
    this.events.setMaxListeners(100);
    this.process = spawn(process.execPath, [options.serverPath ?? SERVER_PATH, '--stdio'], {
      cwd: REPO_ROOT,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => {
      this.process.on('exit', (exitCode, signal) => {
        this.exitInfo = { exitCode, signal };
        this.events.emit('exit');
        resolve({ exitCode, signal });
      });
    });
    this.process.on('error', (error) => {
      this.stderr += `\n[spawn error] ${error.message}`;
    });
    // A write after the server died must fail the test through `request`, not crash the runner.
    this.process.stdin.on('error', () => undefined);
    this.process.stderr.setEncoding('utf8');
    this.process.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.listen();
    this.connection.listen();
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined || this.closed;
  }

  /** Log lines the server sent through window/logMessage, plus its stderr lines. */
  get logText(): string {
    return [...this.logMessages.map((m) => m.message), this.stderr].join('\n');
  }

  private listen(): void {
    const c = this.connection;
    c.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) => {
      this.configurationRequests.push(params);
      return params.items.map((item) => this.configurationFor(item.section));
    });
    c.onRequest('window/workDoneProgress/create', (params: { token: ProgressToken }) => {
      this.createdProgressTokens.push(params.token);
      return null;
    });
    c.onRequest('client/registerCapability', (params: { registrations: { id: string; method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    c.onRequest('client/unregisterCapability', () => null);
    c.onRequest('workspace/workspaceFolders', () =>
      this.options.workspaceFolders.map((folder) => ({ uri: toUri(folder), name: folder.split(/[\\/]/).pop() ?? folder })),
    );
    c.onRequest('window/showMessageRequest', () => null);
    c.onRequest('workspace/applyEdit', () => ({ applied: false, failureReason: 'test client does not apply edits' }));
    for (const refresh of ['workspace/diagnostic/refresh', 'workspace/semanticTokens/refresh', 'workspace/inlayHint/refresh', 'workspace/codeLens/refresh']) {
      c.onRequest(refresh, () => {
        this.refreshRequests.push(refresh);
        return null;
      });
    }
    c.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnosticsLog.push({ ...params, seq: this.diagnosticsLog.length, at: performance.now() });
      this.events.emit('diagnostics', params);
    });
    c.onNotification('$/progress', (params: { token: ProgressToken; value: ProgressValue }) => {
      this.progress.push({ token: params.token, value: params.value, atMs: Date.now() - this.startedAt });
      this.events.emit('progress');
    });
    c.onNotification('window/logMessage', (params: LogMessageParams) => {
      this.logMessages.push(params);
      this.events.emit('log');
    });
    c.onNotification('window/showMessage', (params: LogMessageParams) => {
      this.shownMessages.push(params);
    });
    c.onNotification('telemetry/event', () => undefined);
    c.onClose(() => {
      this.closed = true;
      this.events.emit('exit');
    });
    // Unknown requests from the server get a MethodNotFound reply from vscode-jsonrpc automatically.
  }

  private configurationFor(section: string | undefined): unknown {
    if (section === undefined || section === '') return { [SETTINGS_SECTION]: this.settings };
    if (section === SETTINGS_SECTION) return this.settings;
    if (section.startsWith(`${SETTINGS_SECTION}.`)) {
      const key = section.slice(SETTINGS_SECTION.length + 1) as keyof CorpusLensSettings;
      return this.settings[key] ?? null;
    }
    return null;
  }

  async initialize(): Promise<InitializeResult> {
    const capabilities: ClientCapabilities = { ...defaultCapabilities };
    for (const [key, value] of Object.entries(this.options.capabilities ?? {})) {
      (capabilities as Record<string, unknown>)[key] = value;
    }
    const folders = this.options.workspaceFolders.map((folder) => ({
      uri: toUri(folder),
      name: folder.split(/[\\/]/).pop() ?? folder,
    }));
    const viaInit = this.options.settingsVia === 'initializationOptions';
    this.initializeResult = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      clientInfo: { name: 'corpus-lens-test-client', version: '0' },
      locale: 'en',
      rootUri: folders[0]?.uri ?? null,
      capabilities,
      workspaceFolders: folders,
      initializationOptions: viaInit || this.options.initializationFacts ? { ...(viaInit ? this.settings : {}), ...this.options.initializationFacts } : undefined,
      trace: 'off',
    });
    this.notify('initialized', {});
    return this.initializeResult;
  }

  /** Sends a request; rejects after `timeoutMs` (or when the server exits) with a message naming the method. */
  request<R = unknown>(method: string, params?: unknown, timeoutMs = this.requestTimeoutMs): Promise<R> {
    if (this.hasExited) return Promise.reject(new Error(`${method}: server already exited (${JSON.stringify(this.exitInfo)}); stderr:\n${this.stderr}`));
    return new Promise<R>((resolve, reject) => {
      const onExit = () => {
        cleanup();
        reject(new Error(`${method}: server exited before answering (${JSON.stringify(this.exitInfo)}); stderr:\n${this.stderr.slice(-4000)}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${method}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('exit', onExit);
      };
      this.events.on('exit', onExit);
      (this.connection.sendRequest(method, params) as Promise<R>).then(
        (result) => {
          cleanup();
          resolve(result);
        },
        (error: unknown) => {
          cleanup();
          reject(error instanceof Error ? error : new Error(`${method}: ${JSON.stringify(error)}`));
        },
      );
    });
  }

  notify(method: string, params?: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, languageId = LANGUAGE_ID, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  save(uri: string, text?: string): void {
    this.notify('textDocument/didSave', { textDocument: { uri }, text });
  }

  /** New settings, pulled by the server after workspace/didChangeConfiguration (sent without settings, as VS Code does). */
  changeSettings(settings: Partial<CorpusLensSettings>): void {
    this.settings = this.options.explicitSettingsOnly ? { ...settings } : { ...DEFAULT_SETTINGS, ...settings };
    this.notify('workspace/didChangeConfiguration', { settings: null });
  }

  changeWatchedFiles(changes: FileEvent[]): void {
    this.notify('workspace/didChangeWatchedFiles', { changes });
  }

  hover(uri: string, position: Position, timeoutMs?: number): Promise<Hover | null> {
    return this.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position }, timeoutMs);
  }

  documentSymbols(uri: string, timeoutMs?: number): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
    return this.request('textDocument/documentSymbol', { textDocument: { uri } }, timeoutMs);
  }

  corpusStatus(timeoutMs?: number): Promise<CorpusStatus> {
    return this.request<CorpusStatus>(Requests.corpusStatus, {}, timeoutMs);
  }

  /** Latest diagnostics published for `uri`, or undefined if none yet. */
  latestDiagnostics(uri: string): Diagnostic[] | undefined {
    for (let i = this.diagnosticsLog.length - 1; i >= 0; i--) {
      const entry = this.diagnosticsLog[i]!;
      if (sameUri(entry.uri, uri)) return entry.diagnostics;
    }
    return undefined;
  }

  /** Sequence mark to pass as `after` so that only later publications count. */
  diagnosticsMark(): number {
    return this.diagnosticsLog.length;
  }

  /**
   * Resolves with the diagnostics for `uri` once a publication satisfies `predicate` (default: any).
   * Without `after`, the latest publication already received counts too; with `after` (from
   * diagnosticsMark()), only publications received after the mark. Driven by the notification stream.
   */
  waitForDiagnostics(
    uri: string,
    predicate: (diagnostics: Diagnostic[]) => boolean = () => true,
    timeoutMs = 10_000,
    options: { after?: number } = {},
  ): Promise<Diagnostic[]> {
    const after = options.after;
    if (after === undefined) {
      const latest = this.latestDiagnostics(uri);
      if (latest && predicate(latest)) return Promise.resolve(latest);
    } else {
      for (const entry of this.diagnosticsLog.slice(after)) {
        if (sameUri(entry.uri, uri) && predicate(entry.diagnostics)) return Promise.resolve(entry.diagnostics);
      }
    }
    return new Promise((resolve, reject) => {
      const onDiagnostics = (params: PublishDiagnosticsParams) => {
        if (!sameUri(params.uri, uri) || !predicate(params.diagnostics)) return;
        cleanup();
        resolve(params.diagnostics);
      };
      const onExit = () => {
        cleanup();
        reject(new Error(`waitForDiagnostics(${uri}): server exited; stderr:\n${this.stderr.slice(-4000)}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        const latest = this.latestDiagnostics(uri);
        reject(
          new Error(
            `waitForDiagnostics(${uri}): nothing matching within ${timeoutMs} ms; latest: ${
              latest ? JSON.stringify(latest) : 'none published'
            }`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('diagnostics', onDiagnostics);
        this.events.off('exit', onExit);
      };
      this.events.on('diagnostics', onDiagnostics);
      this.events.on('exit', onExit);
    });
  }

  /**
   * Polls `corpusLens/corpusStatus` until `indexing === false` (and `until(status)` holds, if given).
   * Also waits for any begun work-done progress to end. A status that has never shown any index
   * (`indexing` false, nothing counted, `lastIndexMs` 0) may be read before the first index even
   * started, so it only counts once `emptySettleMs` have passed (an empty workspace looks the same).
   */
  async waitForIndexed(
    timeoutMs = 20_000,
    until?: (status: CorpusStatus) => boolean,
    emptySettleMs = 1_500,
  ): Promise<CorpusStatus> {
    const started = Date.now();
    const deadline = started + timeoutMs;
    let last: CorpusStatus | undefined;
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(`waitForIndexed: still not indexed after ${timeoutMs} ms; last status ${JSON.stringify(last)}`);
      }
      last = await this.corpusStatus(Math.max(remaining, 1));
      const looksUnstarted = last.articles === 0 && last.skipped === 0 && last.lastIndexMs === 0;
      const settled = !looksUnstarted || Date.now() - started >= emptySettleMs;
      if (!last.indexing && settled && this.openProgressTokens().length === 0 && (!until || until(last))) return last;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Tokens whose progress began and has not ended yet. */
  openProgressTokens(): ProgressToken[] {
    const open = new Set<ProgressToken>();
    for (const event of this.progress) {
      if (event.value.kind === 'begin') open.add(event.token);
      else if (event.value.kind === 'end') open.delete(event.token);
    }
    return [...open];
  }

  /** Progress events of the token whose `begin` has this title. */
  progressWithTitle(title: string): ProgressEvent[] {
    const tokens = new Set(
      this.progress.filter((e) => e.value.kind === 'begin' && e.value.title === title).map((e) => e.token),
    );
    return this.progress.filter((e) => tokens.has(e.token));
  }

  /** Resolves when a window/logMessage matching `pattern` arrives (or has arrived). */
  waitForLog(pattern: RegExp, timeoutMs = 10_000): Promise<LogMessageParams> {
    const found = this.logMessages.find((m) => pattern.test(m.message));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onLog = () => {
        const match = this.logMessages.find((m) => pattern.test(m.message));
        if (!match) return;
        cleanup();
        resolve(match);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`waitForLog(${pattern}): not seen within ${timeoutMs} ms; log:\n${this.logText.slice(-4000)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('log', onLog);
      };
      this.events.on('log', onLog);
    });
  }

  /** shutdown + exit; kills the server if it has not exited within `timeoutMs`. Safe to call twice. */
  async stop(timeoutMs = 5_000): Promise<StopResult> {
    let killed = false;
    if (!this.hasExited) {
      try {
        await this.request('shutdown', undefined, timeoutMs);
        this.notify('exit');
      } catch {
        // Fall through to the kill below; the exit code tells the test what happened.
      }
    }
    if (this.exitInfo === undefined) {
      const timer = setTimeout(() => {
        if (this.exitInfo === undefined) {
          killed = true;
          this.process.kill('SIGKILL');
        }
      }, timeoutMs);
      await this.exited;
      clearTimeout(timer);
    }
    this.connection.dispose();
    const info = await this.exited;
    return { ...info, killed };
  }
}

function sameUri(a: string, b: string): boolean {
  return a === b || decodeURIComponent(a) === decodeURIComponent(b);
}

// ---------------------------------------------------------------- positions (UTF-16, LSP line ends)

/** Offsets where each line starts; line ends are \r\n, \r or \n as in LSP. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return { line, character: offset - starts[line]! };
}

export function offsetAt(text: string, position: Position): number {
  const starts = lineStarts(text);
  const start = starts[position.line];
  if (start === undefined) throw new Error(`line ${position.line} is past the end (${starts.length} lines)`);
  return start + position.character;
}

export function textOfRange(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * UTF-16 offset of the n-th (1-based) whole-word occurrence of `word` in `text`.
 * "Whole word": the characters just before and after are not letters/digits.
 */
export function offsetOf(text: string, word: string, occurrence = 1): number {
  let from = 0;
  let seen = 0;
  for (;;) {
    const index = text.indexOf(word, from);
    if (index < 0) throw new Error(`"${word}" occurrence ${occurrence} not found (found ${seen})`);
    const before = index > 0 ? text[index - 1]! : '';
    const after = text[index + word.length] ?? '';
    const startsWord = !WORD_CHAR.test(word[0] ?? '') || !WORD_CHAR.test(before);
    const endsWord = !WORD_CHAR.test(word[word.length - 1] ?? '') || !WORD_CHAR.test(after);
    if (startsWord && endsWord && ++seen === occurrence) return index;
    from = index + 1;
  }
}

/** Position of the n-th occurrence of `word`, `into` code units inside it (default 1, i.e. inside the word). */
export function positionOf(text: string, word: string, occurrence = 1, into = 1): Position {
  return positionAt(text, offsetOf(text, word, occurrence) + Math.min(into, Math.max(word.length - 1, 0)));
}

/** Range covering the n-th occurrence of `word`. */
export function rangeOf(text: string, word: string, occurrence = 1): Range {
  const start = offsetOf(text, word, occurrence);
  return { start: positionAt(text, start), end: positionAt(text, start + word.length) };
}

/** Plain text of a hover's contents, whatever shape the server chose. */
export function hoverText(hover: Hover | null | undefined): string {
  if (!hover) return '';
  const parts = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return parts.map((part) => (typeof part === 'string' ? part : part.value)).join('\n');
}

/** A diagnostic's message as text (LSP 3.18 allows markup). */
export function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

// ---------------------------------------------------------------- temporary workspaces

export interface TempWorkspace {
  dir: string;
  path(relative: string): string;
  uri(relative: string): string;
  write(relative: string, content: string | Uint8Array): string;
  remove(): void;
}

/** Creates a folder under the OS temp dir holding `files` (relative path → content). */
export function makeWorkspace(files: Record<string, string | Uint8Array> = {}, prefix = 'corpus-lens-ws-'): TempWorkspace {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const workspace: TempWorkspace = {
    dir,
    path: (relative) => join(dir, relative),
    uri: (relative) => toUri(join(dir, relative)),
    write: (relative, content) => {
      const full = join(dir, relative);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
      return full;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  for (const [relative, content] of Object.entries(files)) workspace.write(relative, content);
  return workspace;
}
