// The Corpus Lens language server: wires the connection to the feature modules.
import {
  CodeActionKind, createConnection, DidChangeWatchedFilesNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFile } from 'node:fs/promises';
import { uriToPath } from './core/corpusFiles';
import { ServerContext } from './features/context';
import { registerCodeActions, SOURCE_ANNOTATE_ENTITIES, SOURCE_REMOVE_ANNOTATIONS } from './features/codeActions';
import { registerCompletion } from './features/completion';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerFigureSeries } from './features/figureSeries';
import { registerHover } from './features/hover';
import { indexWorkspace, onEditorClosed, onEditorText, onWatchedFilesChanged } from './features/indexing';
import { applyKnowledgeBaseText, isKnowledgeBaseUri, loadKnowledgeBaseFiles, removeKnowledgeBaseFile } from './features/knowledgeBaseFiles';
import { registerNavigation } from './features/navigation';
import { fetchSettings, normalizeSettings } from './features/settings';
import { KNOWLEDGE_BASE_GLOB, Requests, SERVER_NAME, type CorpusStatus, type InitializationFacts } from './shared/protocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const context = new ServerContext(connection, documents);

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  context.support = {
    configuration: !!caps.workspace?.configuration,
    workDoneProgress: !!caps.window?.workDoneProgress,
    watchedFilesDynamicRegistration: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    relatedInformation: !!caps.textDocument?.publishDiagnostics?.relatedInformation,
    codeDescription: !!caps.textDocument?.publishDiagnostics?.codeDescriptionSupport,
    markdownHover: caps.textDocument?.hover?.contentFormat?.includes('markdown') ?? true,
    codeActionResolveEdit: !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit'),
    codeLensRefresh: !!caps.workspace?.codeLens?.refreshSupport,
  };
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  context.workspaceFolders = folders.map((uri) => uriToPath(uri)).filter((p): p is string => !!p);
  context.settings = normalizeSettings(params.initializationOptions);
  context.clientValidatesKnowledgeBaseSchema = !!(params.initializationOptions as InitializationFacts | undefined)?.clientValidatesKnowledgeBaseSchema;
  context.clientRunsFigureChart = !!(params.initializationOptions as InitializationFacts | undefined)?.figureChartCommand;
  // Indexing starts in `initialized`; say so from the start so a client polling the status never sees a false "done".
  context.indexing = true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      documentSymbolProvider: { label: 'Corpus Lens' },
      referencesProvider: true,
      definitionProvider: true,
      workspaceSymbolProvider: true,
      completionProvider: { triggerCharacters: ['|', ' ', '='] },
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, SOURCE_ANNOTATE_ENTITIES, SOURCE_REMOVE_ANNOTATIONS],
        resolveProvider: true,
      },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...(context.clientRunsFigureChart ? { codeLensProvider: { resolveProvider: false } } : {}),
    },
    serverInfo: { name: SERVER_NAME, version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (context.support.watchedFilesDynamicRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.txt' }, { globPattern: KNOWLEDGE_BASE_GLOB }],
    });
  }
  context.settings = await fetchSettings(connection, context.support.configuration, context.settings);
  await loadKnowledgeBaseFiles(context);
  if (context.support.configuration) {
    connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
      const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
      context.workspaceFolders = context.workspaceFolders.filter((f) => !removed.has(f));
      for (const f of event.added) {
        const path = uriToPath(f.uri);
        if (path) context.workspaceFolders.push(path);
      }
      await indexWorkspace(context);
    });
  }
  await indexWorkspace(context);
});

connection.onDidChangeConfiguration(async (change) => {
  const fromPush = (change.settings as Record<string, unknown> | undefined)?.corpusLens;
  context.settings = fromPush ? normalizeSettings(fromPush) : await fetchSettings(connection, context.support.configuration, context.settings);
  await loadKnowledgeBaseFiles(context);
  await indexWorkspace(context);
});

connection.onDidChangeWatchedFiles(async (params) => {
  const knowledgeBase = params.changes.filter((c) => isKnowledgeBaseUri(c.uri));
  for (const change of knowledgeBase) {
    if (documents.get(change.uri)) continue; // the open editor's text wins
    const path = uriToPath(change.uri);
    const text = path && change.type !== 3 ? await readFile(path, 'utf8').catch(() => undefined) : undefined;
    if (text === undefined) removeKnowledgeBaseFile(context, change.uri);
    else applyKnowledgeBaseText(context, change.uri, text);
  }
  await onWatchedFilesChanged(context, { changes: params.changes.filter((c) => !isKnowledgeBaseUri(c.uri)) });
});

documents.onDidOpen((e) => {
  if (isKnowledgeBaseUri(e.document.uri)) applyKnowledgeBaseText(context, e.document.uri, e.document.getText(), { version: e.document.version });
  else onEditorText(context, e.document.uri, e.document.getText(), e.document.version);
});
documents.onDidChangeContent((e) => {
  if (isKnowledgeBaseUri(e.document.uri)) applyKnowledgeBaseText(context, e.document.uri, e.document.getText(), { version: e.document.version });
  else onEditorText(context, e.document.uri, e.document.getText(), e.document.version);
});
documents.onDidClose((e) => {
  if (isKnowledgeBaseUri(e.document.uri)) {
    const path = uriToPath(e.document.uri);
    void (path ? readFile(path, 'utf8') : Promise.reject(new Error('not a file'))).then(
      (text) => applyKnowledgeBaseText(context, e.document.uri, text),
      () => removeKnowledgeBaseFile(context, e.document.uri),
    );
  } else {
    onEditorClosed(context, e.document.uri);
  }
});

registerHover(context);
registerDocumentSymbols(context);
registerNavigation(context);
registerCodeActions(context);
registerCompletion(context);
registerFigureSeries(context);

connection.onRequest(Requests.corpusStatus, (): CorpusStatus => ({
  articles: context.corpus.size,
  skipped: context.skipped.size,
  indexing: context.indexing,
  lastIndexMs: context.lastIndexMs,
  ...(context.lastChange ? { lastChange: context.lastChange } : {}),
}));
connection.onRequest(Requests.reindex, async () => {
  await indexWorkspace(context);
  return context.corpus.size;
});

process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (error) => connection.console.error(`Unhandled rejection: ${String(error)}`));

documents.listen(connection);
connection.listen();
