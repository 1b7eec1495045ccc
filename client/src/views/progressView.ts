// The Annotation progress view: per article, annotated entities and figures against recognized ones, least done first.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Requests, type ArticleProgress } from '../../../server/src/shared/protocol';
import { openCommand, requestIfRunning } from './common';

type Node = { kind: 'article'; row: ArticleProgress } | { kind: 'message'; text: string };

/** "3/12": annotated against recognized. */
export function progressText(row: ArticleProgress): string {
  const done = row.entities.annotated + row.figures.annotated;
  const all = row.entities.recognized + row.figures.recognized;
  return `${done}/${all}`;
}

export class ProgressProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return [];
    if (!this.client.isRunning()) return [{ kind: 'message', text: 'The language server is not running.' }];
    const rows = await requestIfRunning<ArticleProgress[]>(this.client, Requests.annotationProgress);
    if (!rows) return [{ kind: 'message', text: 'The language server did not answer.' }];
    if (!rows.length) return [{ kind: 'message', text: 'No articles indexed yet.' }];
    return rows.map((row) => ({ kind: 'article', row }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'message') return new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    const r = node.row;
    const item = new vscode.TreeItem(`${progressText(r)}  ${r.label}`, vscode.TreeItemCollapsibleState.None);
    item.description = `entities ${r.entities.annotated}/${r.entities.recognized} · figures ${r.figures.annotated}/${r.figures.recognized}${r.headline ? ` · ${r.headline}` : ''}`;
    item.tooltip = `${r.label}${r.headline ? `: ${r.headline}` : ''}\nAnnotated entities: ${r.entities.annotated} of ${r.entities.recognized}\nAnnotated figures: ${r.figures.annotated} of ${r.figures.recognized}`;
    const done = r.entities.annotated + r.figures.annotated;
    const all = r.entities.recognized + r.figures.recognized;
    item.iconPath = new vscode.ThemeIcon(done >= all ? 'pass' : done > 0 ? 'pie-chart' : 'circle-large-outline');
    item.command = openCommand(r.uri);
    item.id = `progress:${r.uri}`;
    return item;
  }
}
