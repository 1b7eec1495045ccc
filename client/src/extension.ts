// The Corpus Lens extension: starts the language server and registers the commands.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Command, LANGUAGE_ID, Requests, SERVER_NAME, SETTINGS_SECTION } from '../../server/src/shared/protocol';
import { registerLanguageAssociation } from './languageAssociation';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.txt'),
    },
    initializationOptions: vscode.workspace.getConfiguration(SETTINGS_SECTION),
  };
  client = new LanguageClient('corpusLens', SERVER_NAME, serverOptions, clientOptions);

  registerLanguageAssociation(context);
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
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
