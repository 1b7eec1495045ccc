// Export and import of annotations from the command palette. They run the bundled CLI, the same code as
// `npm run cli -- export/import`, in a Node process next to the extension host.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, SETTINGS_SECTION } from '../../server/src/shared/protocol';

const FORMATS = [
  { label: 'brat', description: '.txt + .ann standoff per article (code-point offsets)' },
  { label: 'jsonl', description: 'one corpus.jsonl: {"text","spans"} as doccano and Prodigy read it' },
  { label: 'conll', description: 'one corpus.conll: a token per line with its BIO tag' },
];

function runCli(context: vscode.ExtensionContext, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = context.asAbsolutePath(path.join('dist', 'cli.js'));
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

export async function exportAnnotations(context: vscode.ExtensionContext, output: vscode.OutputChannel): Promise<void> {
  const folders = vscode.workspace.workspaceFolders?.filter((f) => f.uri.scheme === 'file' || f.uri.scheme === 'vscode-remote') ?? [];
  if (!folders.length) {
    void vscode.window.showWarningMessage('Corpus Lens: open a folder with a corpus first.');
    return;
  }
  const format = await vscode.window.showQuickPick(FORMATS, { title: 'Export annotations as…' });
  if (!format) return;
  const [target] = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Export here', title: 'Folder for the exported files' })) ?? [];
  if (!target) return;
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const include = config.get<string[]>('include', DEFAULT_SETTINGS.include);
  const args = ['export', '--format', format.label, '--out', target.fsPath, ...include.flatMap((g) => ['--include', g]), ...folders.map((f) => f.uri.fsPath)];
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Exporting annotations (${format.label})…` }, () => runCli(context, args));
  output.appendLine(result.stderr);
  const summary = lastLine(result.stderr).replace(/^corpus-lens: /, '');
  if (result.code === 0) void vscode.window.showInformationMessage(`Corpus Lens: ${summary}`);
  else void vscode.window.showWarningMessage(`Corpus Lens: ${summary} (see the output for details)`);
}

export async function importBrat(context: vscode.ExtensionContext, output: vscode.OutputChannel): Promise<void> {
  const [source] = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Import', title: 'A brat project folder (.txt + .ann)' })) ?? [];
  if (!source) return;
  const [target] = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Write articles here', title: 'Folder for the annotated articles' })) ?? [];
  if (!target) return;
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Importing brat annotations…' }, () =>
    runCli(context, ['import', '--format', 'brat', source.fsPath, '--out', target.fsPath]),
  );
  output.appendLine(result.stderr);
  const summary = lastLine(result.stderr).replace(/^corpus-lens: /, '');
  if (result.code === 0) void vscode.window.showInformationMessage(`Corpus Lens: ${summary}`);
  else void vscode.window.showWarningMessage(`Corpus Lens: ${summary} (see the output for details)`);
}
