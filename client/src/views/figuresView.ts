// The Figures view: quantities (figure clusters), those with findings first, then by size → article → figures.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Requests, type ArticleFigureList, type FigureSeriesParams, type QuantitiesResult, type QuantitySummary } from '../../../server/src/shared/protocol';
import { openCommand, plural, requestIfRunning, snippetLabel } from './common';

type Figure = ArticleFigureList['figures'][number];
type Node =
  | { kind: 'quantity'; quantity: QuantitySummary }
  | { kind: 'article'; article: ArticleFigureList; quantity: QuantitySummary }
  /** `chartParams`: what the figure chart command needs when run from the row's inline action. */
  | { kind: 'figure'; article: ArticleFigureList; figure: Figure; chartParams: FigureSeriesParams }
  | { kind: 'message'; text: string };

const shownFindings = (f: Figure) => f.findings.filter((r) => !r.endsWith('(hint)'));

export class FiguresProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const result = await requestIfRunning<QuantitiesResult>(this.client, Requests.quantities, {});
      if (!result) return [{ kind: 'message', text: 'The language server is not running.' }];
      if (!result.quantities.length) return [{ kind: 'message', text: 'No figures found yet.' }];
      const rows: Node[] = result.quantities.map((quantity) => ({ kind: 'quantity', quantity }));
      if (result.more) rows.push({ kind: 'message', text: `${result.more} smaller quantities not shown` });
      return rows;
    }
    if (node.kind === 'quantity') {
      const articles = await requestIfRunning<ArticleFigureList[]>(this.client, Requests.quantityFigures, { id: node.quantity.id });
      return (articles ?? []).map((article) => ({ kind: 'article', article, quantity: node.quantity }));
    }
    if (node.kind === 'article') return node.article.figures.map((figure) => ({ kind: 'figure', article: node.article, figure, chartParams: { textDocument: { uri: node.article.uri }, position: figure.range.start } }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'quantity': {
        const q = node.quantity;
        const item = new vscode.TreeItem(q.label, vscode.TreeItemCollapsibleState.Collapsed);
        const parts = [plural(q.figures, 'figure'), plural(q.articles, 'article')];
        if (q.findings) parts.unshift(plural(q.findings, 'finding'));
        item.description = parts.join(' · ');
        item.tooltip = `${q.label}${q.subject ? `: ${q.subject}` : ''}\n${parts.join(', ')}`;
        item.iconPath = new vscode.ThemeIcon(q.findings ? 'warning' : 'symbol-number');
        item.id = `quantity:${q.id}`;
        return item;
      }
      case 'article': {
        const a = node.article;
        const flagged = a.figures.some((f) => shownFindings(f).length > 0);
        const item = new vscode.TreeItem(a.label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${plural(a.figures.length, 'figure')}${a.headline ? ` · ${a.headline}` : ''}`;
        item.tooltip = a.headline ? `${a.label}: ${a.headline}` : a.label;
        item.iconPath = new vscode.ThemeIcon(flagged ? 'warning' : 'file-text');
        item.command = openCommand(a.uri, a.figures[0]?.range);
        item.id = `quantity:${node.quantity.id}:${a.uri}`;
        return item;
      }
      case 'figure': {
        const f = node.figure;
        const findings = shownFindings(f);
        const item = new vscode.TreeItem(f.text, vscode.TreeItemCollapsibleState.None);
        item.description = [f.normalized, f.date, f.source].filter(Boolean).join(' · ');
        item.tooltip = [snippetLabel(f.snippet).label, f.findings.length ? `Findings: ${f.findings.join(', ')}` : 'No findings'].join('\n');
        item.iconPath = new vscode.ThemeIcon(findings.length ? 'warning' : 'symbol-number');
        item.command = openCommand(node.article.uri, f.range);
        item.contextValue = 'corpusLens.figure';
        return item;
      }
      case 'message':
        return new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    }
  }
}
