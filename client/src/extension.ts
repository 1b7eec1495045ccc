// The Corpus Lens extension: starts the language server and registers the commands.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  Command, KNOWLEDGE_BASE_GLOB, KNOWLEDGE_BASE_SCHEME, LANGUAGE_ID, PROJECT_CONFIG_GLOB, ClientNotifications, Requests, SERVER_NAME, SETTINGS_SECTION, Setting,
  type CorpusLensSettings, type InitializationFacts, type WorkspaceTrustParams,
} from '../../server/src/shared/protocol';
import { exportAnnotations, importBrat } from './annotationTransfer';
import { FIGURE_CHART_MARKDOWN, registerFigureChart } from './figureChart';
import { registerLanguageAssociation } from './languageAssociation';
import { CorpusEvents } from './corpusEvents';
import { registerMarkupDecorations } from './decorations';
import { registerStatusBar } from './statusBar';
import { registerCorpusViews } from './views';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }, { scheme: 'file', pattern: KNOWLEDGE_BASE_GLOB }],
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.txt'),
        vscode.workspace.createFileSystemWatcher(KNOWLEDGE_BASE_GLOB),
        vscode.workspace.createFileSystemWatcher(PROJECT_CONFIG_GLOB),
      ],
    },
    initializationOptions: initializationOptions(),
    middleware: {
      workspace: {
        // The server is told only the settings the user set, so that the project file can fill in the rest.
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          if (!Array.isArray(answer)) return answer;
          return params.items.map((item, i) =>
            item.section === SETTINGS_SECTION ? explicitSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : answer[i],
          );
        },
      },
    },
    markdown: FIGURE_CHART_MARKDOWN,
  };
  client = new LanguageClient('corpusLens', SERVER_NAME, serverOptions, clientOptions);

  registerLanguageAssociation(context);
  const corpusEvents = new CorpusEvents(client);
  context.subscriptions.push(corpusEvents);
  registerStatusBar(context, corpusEvents);
  registerCorpusViews(context, client, corpusEvents);
  registerMarkupDecorations(context);
  registerFigureChart(context, () => client);
  // Read-only views of the built-in knowledge base and the gazetteer, where "Go to Definition" leads.
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(KNOWLEDGE_BASE_SCHEME, {
      provideTextDocumentContent: async (uri) =>
        (await client?.sendRequest<string | null>(Requests.knowledgeBaseView, { uri: uri.toString() })) ?? 'This knowledge-base entry is no longer available.',
    }),
  );
  context.subscriptions.push(
    vscode.commands.registerCommand(Command.treatAsNewsArticle, async (uri?: vscode.Uri) => {
      const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage('Open a text file first, then run "Treat File as News Article".');
        return;
      }
      await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    }),
    vscode.commands.registerCommand(Command.reindexCorpus, async () => {
      const count = await client?.sendRequest<number>(Requests.reindex);
      void vscode.window.setStatusBarMessage(`Corpus Lens: indexed ${count ?? 0} articles`, 5000);
    }),
    vscode.commands.registerCommand(Command.showOutput, () => client?.outputChannel.show()),
    vscode.commands.registerCommand(Command.exportAnnotations, () => trustedOnly('Export Annotations') && client && exportAnnotations(context, client.outputChannel)),
    vscode.commands.registerCommand(Command.importBrat, () => trustedOnly('Import brat Annotations') && client && importBrat(context, client.outputChannel)),
    // VS Code grants trust within a session but never takes it back (that reloads the window).
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      const params: WorkspaceTrustParams = { trusted: true };
      void client?.sendNotification(ClientNotifications.workspaceTrust, params);
    }),
  );
  await client.start();
  void corpusEvents.poll();
}

/** Commands that write files run only in a trusted workspace (restricted mode hides them; this covers keybindings). */
function trustedOnly(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(`Corpus Lens: ${what} writes files, so it is not available in restricted mode. Trust the workspace to use it.`);
  return false;
}

function initializationOptions(): Partial<CorpusLensSettings> & InitializationFacts {
  return {
    ...explicitSettings(),
    // VS Code validates the knowledge-base and project files with the contributed JSON schemas already.
    clientValidatesKnowledgeBaseSchema: true,
    clientValidatesProjectConfigSchema: true,
    figureChartCommand: true,
    workspaceTrusted: vscode.workspace.isTrusted,
  };
}

/** The `corpusLens` settings set in user, workspace or folder settings: a default is no choice of the user's. */
function explicitSettings(scope?: vscode.Uri): Partial<CorpusLensSettings> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const explicit: Record<string, unknown> = {};
  for (const key of Object.values(Setting)) {
    const i = config.inspect(key);
    const values = [i?.globalValue, i?.workspaceValue, i?.workspaceFolderValue, i?.globalLanguageValue, i?.workspaceLanguageValue, i?.workspaceFolderLanguageValue];
    if (values.some((v) => v !== undefined)) explicit[key] = config.get(key);
  }
  return explicit;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
