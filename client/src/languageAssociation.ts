// Opens `.txt` files that match `corpusLens.include` (and not `exclude`) as news articles.
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, LANGUAGE_ID, SETTINGS_SECTION, Setting } from '../../server/src/shared/protocol';

export function registerLanguageAssociation(context: vscode.ExtensionContext): void {
  const apply = (document: vscode.TextDocument) => {
    if (document.languageId === 'plaintext' && isIncludedArticle(document.uri)) {
      void vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    }
  };
  vscode.workspace.textDocuments.forEach(apply);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(apply));
}

export function isIncludedArticle(uri: vscode.Uri): boolean {
  if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') return false;
  if (!uri.path.toLowerCase().endsWith('.txt')) return false;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return false;
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri);
  const include = config.get<string[]>(Setting.include, DEFAULT_SETTINGS.include);
  const exclude = config.get<string[]>(Setting.exclude, DEFAULT_SETTINGS.exclude);
  const relative = vscode.workspace.asRelativePath(uri, false);
  const options = { dot: true };
  const included = picomatch(include, options);
  // The folder's own name counts, so the default pattern matches when the workspace folder is the corpus folder.
  return (included(relative) || included(`${folder.name}/${relative}`)) && !(exclude.length && picomatch(exclude, options)(relative));
}
