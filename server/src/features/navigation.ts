// Navigation over entities: find references (every mention in the corpus), go to definition (the knowledge-base
// entry: the user's file, or a read-only view of the built-in one) and workspace symbols (entities by name).
import { readFileSync } from 'node:fs';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { SymbolKind, type Location, type SymbolInformation } from 'vscode-languageserver';
import { fileUri } from '../core/corpusFiles';
import { entityIdentity } from '../core/entityIndex';
import { BUILT_IN_ENTRIES } from '../core/knowledge/knowledgeBase';
import { normalizeName } from '../core/knowledge/names';
import type { KnowledgeEntry } from '../core/knowledge/types';
import { LineIndex } from '../core/text';
import { KNOWLEDGE_BASE_SCHEME, Requests } from '../shared/protocol';
import type { ServerContext } from './context';
import { entityAt } from './hover';
import { toRange } from './positions';

const MAX_WORKSPACE_SYMBOLS = 200;
const BUILT_IN_VIEW = `${KNOWLEDGE_BASE_SCHEME}:/built-in/knowledge-base.json`;

export function registerNavigation(context: ServerContext): void {
  const { connection } = context;
  connection.onReferences((params) => {
    const article = context.corpus.get(params.textDocument.uri);
    const mention = article && entityAt(article, article.positions.offsetAt(params.position));
    if (!mention) return null;
    const occurrences = context.corpus.entityIndex.occurrences(entityIdentity(mention));
    if (!occurrences) return [];
    const locations: Location[] = [];
    for (const [id, indexes] of occurrences.byArticle) {
      const other = context.corpus.get(id);
      if (!other) continue;
      for (const i of indexes) {
        const m = other.entities[i];
        if (m) locations.push({ uri: id, range: toRange(other.positions, m) });
      }
    }
    return locations.sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  });

  connection.onDefinition((params) => {
    const article = context.corpus.get(params.textDocument.uri);
    const mention = article && entityAt(article, article.positions.offsetAt(params.position));
    if (!mention?.entityKey) return null;
    const entry = context.corpus.environment.knowledgeBase.entry(mention.entityKey);
    return entry ? definitionOf(context, entry) : null;
  });

  connection.onWorkspaceSymbol((params) => {
    const query = normalizeName(params.query);
    const symbols: SymbolInformation[] = [];
    for (const identity of context.corpus.entityIndex.identities()) {
      if (symbols.length >= MAX_WORKSPACE_SYMBOLS) break;
      const occurrences = context.corpus.entityIndex.occurrences(identity)!;
      const [firstId, indexes] = [...occurrences.byArticle].sort((a, b) => a[0].localeCompare(b[0]))[0] ?? [];
      const article = firstId ? context.corpus.get(firstId) : undefined;
      const mention = article?.entities[indexes?.[0] ?? -1];
      if (!article || !mention) continue;
      if (query && !normalizeName(mention.canonical).includes(query) && !normalizeName(mention.text).includes(query)) continue;
      symbols.push({
        name: mention.canonical,
        kind: mention.type === 'person' ? SymbolKind.Object : mention.type === 'place' ? SymbolKind.Package : SymbolKind.Class,
        location: { uri: article.id, range: toRange(article.positions, mention) },
        containerName: `${mention.type} · ${occurrences.mentionCount} mentions in ${occurrences.byArticle.size} articles`,
      });
    }
    return symbols.sort((a, b) => a.name.localeCompare(b.name));
  });

  connection.onRequest(Requests.knowledgeBaseView, (params: { uri: string }) => knowledgeBaseView(context, params.uri) ?? null);
}

function definitionOf(context: ServerContext, entry: KnowledgeEntry): Location | null {
  if (entry.source.kind === 'user') {
    const uri = fileUri(entry.source.file);
    const text = context.documents.get(uri)?.getText() ?? safeRead(entry.source.file);
    if (text === undefined) return null;
    const range = entryRange(text, (entities) => entities.findIndex((e) => e?.key === entry.key));
    return range ? { uri, range } : { uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }
  if (entry.source.kind === 'built-in') {
    const text = knowledgeBaseView(context, BUILT_IN_VIEW) ?? '';
    const range = entryRange(text, (entities) => entities.findIndex((e) => e?.key === entry.key));
    return range ? { uri: BUILT_IN_VIEW, range } : null;
  }
  const uri = `${KNOWLEDGE_BASE_SCHEME}:/gazetteer/${encodeURIComponent(entry.key)}.json`;
  return { uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

/** The text of a read-only view: the built-in knowledge base, or one gazetteer place. */
export function knowledgeBaseView(context: ServerContext, uri: string): string | undefined {
  if (uri === BUILT_IN_VIEW) {
    return `${JSON.stringify({ about: 'Built-in knowledge base (read-only). Add or override entries in corpus/.corpus-lens/entities.json.', entities: BUILT_IN_ENTRIES.map(({ source: _source, ...rest }) => rest) }, null, 2)}\n`;
  }
  const m = new RegExp(`^${KNOWLEDGE_BASE_SCHEME}:/gazetteer/(.+)\\.json$`).exec(uri);
  if (m) {
    const entry = context.corpus.environment.knowledgeBase.entry(decodeURIComponent(m[1]!));
    if (entry) {
      const { source: _source, ...rest } = entry;
      const about = entry.source.kind === 'office-holders'
        ? 'Office-holder (read-only): offices and periods from Wikidata (CC0) via the EveryPolitician scrapers, or the project supplement.'
        : 'GeoNames place (read-only), CC BY 4.0.';
      return `${JSON.stringify({ about, entity: rest }, null, 2)}\n`;
    }
  }
  return undefined;
}

function safeRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function entryRange(text: string, pick: (entities: Array<{ key?: string } | undefined>) => number) {
  const root = parseTree(text);
  const list = root && findNodeAtLocation(root, ['entities']);
  if (!root || !list?.children) return undefined;
  const entities = list.children.map((child) => {
    const key = findNodeAtLocation(child, ['key']);
    return key ? { key: String(key.value) } : undefined;
  });
  const index = pick(entities);
  const node = index >= 0 ? list.children[index] : undefined;
  if (!node) return undefined;
  return toRange(new LineIndex(text), { start: node.offset, end: node.offset + node.length });
}


