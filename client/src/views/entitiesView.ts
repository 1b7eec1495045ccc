// The Entities view: entity type → entity (name, articles) → article → mention lines. A filter narrows it by name.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  Requests, type ArticleMentions, type EntitiesResult, type EntitySummary,
} from '../../../server/src/shared/protocol';
import { openCommand, plural, requestIfRunning, snippetLabel } from './common';

type Node =
  | { kind: 'type'; type: string; count: number; entities: EntitySummary[]; truncated: boolean }
  | { kind: 'entity'; entity: EntitySummary }
  | { kind: 'article'; article: ArticleMentions; entity: EntitySummary }
  | { kind: 'mention'; article: ArticleMentions; mention: ArticleMentions['mentions'][number] }
  | { kind: 'message'; text: string };

const TYPE_LABELS: Record<string, string> = { person: 'People', organization: 'Organizations', place: 'Places' };
const TYPE_ICONS: Record<string, string> = { person: 'person', organization: 'organization', place: 'location' };

export class EntitiesProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  filter = '';
  /** Entities matching the filter after the last fetch, for the view's message. */
  lastCount: number | undefined;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const result = await requestIfRunning<EntitiesResult>(this.client, Requests.entities, this.filter ? { filter: this.filter } : {});
      if (!result) return [{ kind: 'message', text: 'The language server is not running.' }];
      this.lastCount = result.types.reduce((n, t) => n + t.count, 0);
      if (!result.types.length) return [{ kind: 'message', text: this.filter ? `No entity matches "${this.filter}".` : 'No entities recognized yet.' }];
      return result.types.map((t) => ({ kind: 'type', ...t }));
    }
    if (node.kind === 'type') {
      const rows: Node[] = node.entities.map((entity) => ({ kind: 'entity', entity }));
      if (node.truncated) rows.push({ kind: 'message', text: `${node.count - node.entities.length} more: filter to find them` });
      return rows;
    }
    if (node.kind === 'entity') {
      const articles = await requestIfRunning<ArticleMentions[]>(this.client, Requests.entityMentions, { identity: node.entity.identity });
      return (articles ?? []).map((article) => ({ kind: 'article', article, entity: node.entity }));
    }
    if (node.kind === 'article') return node.article.mentions.map((mention) => ({ kind: 'mention', article: node.article, mention }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'type': {
        const item = new vscode.TreeItem(TYPE_LABELS[node.type] ?? node.type, vscode.TreeItemCollapsibleState.Expanded);
        item.description = String(node.count);
        item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[node.type] ?? 'symbol-misc');
        item.id = `type:${node.type}`;
        return item;
      }
      case 'entity': {
        const e = node.entity;
        const item = new vscode.TreeItem(e.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = plural(e.articles, 'article');
        item.tooltip = `${e.name} (${e.type}): ${plural(e.mentions, 'mention')} in ${plural(e.articles, 'article')}${e.key ? `\nKnowledge base: ${e.key}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[e.type] ?? 'symbol-misc');
        item.contextValue = 'entity';
        item.id = `entity:${e.identity}`;
        return item;
      }
      case 'article': {
        const a = node.article;
        const item = new vscode.TreeItem(a.label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${plural(a.mentions.length, 'mention')}${a.headline ? ` · ${a.headline}` : ''}`;
        item.tooltip = a.headline ? `${a.label}: ${a.headline}` : a.label;
        item.iconPath = new vscode.ThemeIcon('file-text');
        item.command = openCommand(a.uri, a.mentions[0]?.range);
        item.id = `entity:${node.entity.identity}:${a.uri}`;
        return item;
      }
      case 'mention': {
        const m = node.mention;
        const item = new vscode.TreeItem(snippetLabel(m.snippet), vscode.TreeItemCollapsibleState.None);
        item.description = `line ${m.line + 1}${m.annotated ? ' · annotated' : ''}`;
        item.tooltip = `${m.text}, ${node.article.label} line ${m.line + 1}${m.annotated ? ' (annotated)' : ''}`;
        item.command = openCommand(node.article.uri, m.range);
        return item;
      }
      case 'message':
        return new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    }
  }
}
