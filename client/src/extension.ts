// The Corpus Lens extension: starts the language server and registers the commands.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  Command, DEFAULT_SETTINGS, KNOWLEDGE_BASE_GLOB, KNOWLEDGE_BASE_SCHEME, LANGUAGE_ID, Requests, SERVER_NAME, SETTINGS_SECTION,
  type CorpusLensSettings, type InitializationFacts,
} from '../../server/src/shared/protocol';
import { exportAnnotations, importBrat } from './annotationTransfer';
import { FIGURE_CHART_MARKDOWN, registerFigureChart } from './figureChart';
import { registerLanguageAssociation } from './languageAssociation';

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
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.txt'), vscode.workspace.createFileSystemWatcher(KNOWLEDGE_BASE_GLOB)],
    },
    initializationOptions: initializationOptions(),
    markdown: FIGURE_CHART_MARKDOWN,
  };
  client = new LanguageClient('corpusLens', SERVER_NAME, serverOptions, clientOptions);

  registerLanguageAssociation(context);
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
    vscode.commands.registerCommand(Command.exportAnnotations, () => client && exportAnnotations(context, client.outputChannel)),
    vscode.commands.registerCommand(Command.importBrat, () => client && importBrat(context, client.outputChannel)),
  );
  await client.start();
}

function initializationOptions(): CorpusLensSettings & InitializationFacts {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    include: config.get('include', DEFAULT_SETTINGS.include),
    exclude: config.get('exclude', DEFAULT_SETTINGS.exclude),
    maxFileSizeMB: config.get('maxFileSizeMB', DEFAULT_SETTINGS.maxFileSizeMB),
    rules: config.get('rules', DEFAULT_SETTINGS.rules),
    knowledgeBase: config.get('knowledgeBase', DEFAULT_SETTINGS.knowledgeBase),
    // VS Code validates the knowledge-base files with the contributed JSON schema already.
    clientValidatesKnowledgeBaseSchema: true,
    figureChartCommand: true,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
