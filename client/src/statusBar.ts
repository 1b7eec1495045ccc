// A status bar item: indexing progress while the server reads the corpus, then the counts of articles and findings.
import * as vscode from 'vscode';
import type { CorpusStatus } from '../../server/src/shared/protocol';
import type { CorpusEvents } from './corpusEvents';

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** The item's text and tooltip for a status (exported for tests). */
export function statusBarContent(status: CorpusStatus): { text: string; tooltip: string } {
  const f = status.findings ?? { error: 0, warning: 0, information: 0, hint: 0 };
  const shown = f.error + f.warning + f.information;
  if (status.indexing) {
    const progress = status.progress && status.progress.total > 0 ? ` ${count(status.progress.done)}/${count(status.progress.total)}` : '…';
    return { text: `$(sync~spin) Indexing${progress}`, tooltip: 'Corpus Lens is reading the articles of the workspace.' };
  }
  const lines = [
    `Corpus Lens: ${plural(status.articles, 'article')} indexed${status.lastIndexMs ? ` in ${(status.lastIndexMs / 1000).toFixed(1)} s` : ''}${status.skipped ? `, ${count(status.skipped)} skipped` : ''}.`,
    `Findings in Problems: ${plural(f.error, 'error')}, ${plural(f.warning, 'warning')}, ${count(f.information)} information; ${plural(f.hint, 'hint')} in the editor only.`,
    'Click to open the Problems panel.',
  ];
  return { text: `$(library) ${plural(status.articles, 'article')} · ${plural(shown, 'finding')}`, tooltip: lines.join('\n') };
}

export function registerStatusBar(context: vscode.ExtensionContext, events: CorpusEvents): void {
  const item = vscode.window.createStatusBarItem('corpusLens.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Corpus Lens';
  item.command = 'workbench.actions.view.problems';
  item.text = '$(sync~spin) Corpus Lens';
  item.tooltip = 'Corpus Lens is starting.';
  item.show();
  context.subscriptions.push(
    item,
    events.onStatus((status) => {
      const { text, tooltip } = statusBarContent(status);
      item.text = text;
      item.tooltip = tooltip;
    }),
  );
}
