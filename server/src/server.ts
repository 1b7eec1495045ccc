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
import { publishAll } from './features/diagnostics';
import { indexWorkspace, onEditorClosed, onEditorText, onWatchedFilesChanged } from './features/indexing';
import { applyKnowledgeBaseText, isKnowledgeBaseUri, loadKnowledgeBaseFiles, removeKnowledgeBaseFile } from './features/knowledgeBaseFiles';
import { registerNavigation } from './features/navigation';
import { isProjectConfigUri, loadProjectConfigs, onProjectConfigChanged } from './features/projectConfigFiles';
import { explicitSettings, fetchSettings } from './features/settings';
import { ClientNotifications, KNOWLEDGE_BASE_GLOB, PROJECT_CONFIG_GLOB, Requests, SERVER_NAME, type InitializationFacts, type WorkspaceTrustParams } from './shared/protocol';
import { registerAnnotationProgress } from './features/annotationProgress';
import { registerCorpusStatus } from './features/corpusStatus';
import { registerEntityView } from './features/entityView';
import { registerFigureView } from './features/figureView';
import { refreshInlayHints, registerInlayHints } from './features/inlayHints';
import { registerSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';

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
    semanticTokens: !!caps.textDocument?.semanticTokens,
    inlayHintRefresh: !!caps.workspace?.inlayHint?.refreshSupport,
    codeLensRefresh: !!caps.workspace?.codeLens?.refreshSupport,
    workspaceFolders: !!caps.workspace?.workspaceFolders,
  };
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  context.workspaceFolders = folders.map((uri) => uriToPath(uri)).filter((p): p is string => !!p);
  context.explicitSettings = explicitSettings(params.initializationOptions);
  context.updateSettings();
  const facts = params.initializationOptions as InitializationFacts | undefined;
  context.clientValidatesKnowledgeBaseSchema = !!facts?.clientValidatesKnowledgeBaseSchema;
  context.clientValidatesProjectConfigSchema = !!facts?.clientValidatesProjectConfigSchema;
  context.clientRunsFigureChart = !!facts?.figureChartCommand;
  context.workspaceTrusted = facts?.workspaceTrusted !== false;
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
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
      inlayHintProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...(context.clientRunsFigureChart ? { codeLensProvider: { resolveProvider: false } } : {}),
    },
    serverInfo: { name: SERVER_NAME, version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  // Subscribed before the first await: a folder added while settings load must not be lost.
  if (context.support.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
      const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
      context.workspaceFolders = context.workspaceFolders.filter((f) => !removed.has(f));
      for (const f of event.added) {
        const path = uriToPath(f.uri);
        if (path && !context.workspaceFolders.includes(path)) context.workspaceFolders.push(path);
      }
      await loadProjectConfigs(context);
      await loadKnowledgeBaseFiles(context);
      await indexWorkspace(context);
    });
  }
  if (context.support.watchedFilesDynamicRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.txt' }, { globPattern: KNOWLEDGE_BASE_GLOB }, { globPattern: PROJECT_CONFIG_GLOB }],
    });
  }
  context.explicitSettings = await fetchSettings(connection, context.support.configuration, context.explicitSettings);
  await loadProjectConfigs(context);
  await loadKnowledgeBaseFiles(context);
  await indexWorkspace(context);
});

connection.onNotification(ClientNotifications.workspaceTrust, async (params: WorkspaceTrustParams) => {
  const trusted = params?.trusted === true;
  if (trusted === context.workspaceTrusted) return;
  context.workspaceTrusted = trusted;
  context.log(trusted ? 'Workspace trusted: using its knowledge-base files.' : 'Restricted mode: built-in knowledge base only.');
  await loadKnowledgeBaseFiles(context);
  // Open knowledge-base editors hold text the disk may not have yet.
  for (const document of documents.all()) {
    if (isKnowledgeBaseUri(document.uri)) applyKnowledgeBaseText(context, document.uri, document.getText(), { version: document.version, relink: false });
  }
  context.corpus.relinkAll();
  await publishAll(context);
});

connection.onDidChangeConfiguration(async (change) => {
  // A client that answers workspace/configuration is asked (VS Code's answer holds only what the user set); a pushed
  // section may carry the defaults too, which would hide the project file.
  const fromPush = (change.settings as Record<string, unknown> | undefined)?.corpusLens;
  context.explicitSettings = context.support.configuration || !fromPush
    ? await fetchSettings(connection, context.support.configuration, context.explicitSettings)
    : explicitSettings(fromPush);
  context.updateSettings();
  refreshInlayHints(context);
  await loadKnowledgeBaseFiles(context);
  await indexWorkspace(context);
});

connection.onDidChangeWatchedFiles(async (params) => {
  const projectConfig = params.changes.filter((c) => isProjectConfigUri(context, c.uri));
  const knowledgeBase = params.changes.filter((c) => isKnowledgeBaseUri(c.uri));
  for (const change of knowledgeBase) {
    if (documents.get(change.uri)) continue; // the open editor's text wins
    const path = uriToPath(change.uri);
    const text = path && change.type !== 3 ? await readFile(path, 'utf8').catch(() => undefined) : undefined;
    if (text === undefined) removeKnowledgeBaseFile(context, change.uri);
    else applyKnowledgeBaseText(context, change.uri, text);
  }
  await onWatchedFilesChanged(context, { changes: params.changes.filter((c) => !isKnowledgeBaseUri(c.uri) && !isProjectConfigUri(context, c.uri)) });
  if (projectConfig.length) await onProjectConfigChanged(context);
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
registerCorpusStatus(context);
registerEntityView(context);
registerFigureView(context);
registerAnnotationProgress(context);
registerSemanticTokens(context);
registerInlayHints(context);
registerFigureSeries(context);

connection.onRequest(Requests.reindex, async () => {
  await indexWorkspace(context);
  return context.corpus.size;
});

process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (error) => connection.console.error(`Unhandled rejection: ${String(error)}`));

documents.listen(connection);
connection.listen();
