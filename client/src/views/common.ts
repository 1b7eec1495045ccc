// What the three corpus views share: opening a place in an article, labels with a highlighted part, refresh timing.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Snippet, WireRange } from '../../../server/src/shared/protocol';

/** Index changes arrive in bursts while typing or indexing: views refresh once things settle. */
export const REFRESH_DELAY_MS = 600;

export function toRange(range: WireRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Opens an article at a range (the tree items' click command). */
export async function openLocation(uri: string, range?: WireRange): Promise<void> {
  const options: vscode.TextDocumentShowOptions = { preview: true };
  if (range) options.selection = toRange(range);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), options);
  if (range) editor.revealRange(toRange(range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function openCommand(uri: string, range?: WireRange): vscode.Command {
  return { command: 'corpusLens.openLocation', title: 'Open', arguments: range ? [uri, range] : [uri] };
}

/** A tree label with one highlighted part (plain text: labels never render markup). */
export function snippetLabel(snippet: Snippet): vscode.TreeItemLabel {
  const [start, end] = snippet.highlight;
  return { label: snippet.text, highlights: end > start ? [[start, end]] : [] };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** A tree data provider's refresh, delayed and merged: many index changes make one refresh. */
export class DebouncedRefresh implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly refresh: () => void, private readonly delayMs = REFRESH_DELAY_MS) {}

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, this.delayMs);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

/** A request to the server, or undefined while it is not running or when it fails (a view then shows nothing). */
export async function requestIfRunning<T>(client: LanguageClient, method: string, params?: unknown): Promise<T | undefined> {
  if (!client.isRunning()) return undefined;
  try {
    return await client.sendRequest<T>(method, params);
  } catch {
    return undefined;
  }
}
