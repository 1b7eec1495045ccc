// Completion inside annotations: types after "|", keys, closed values (status=…), knowledge-base ids and names.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import { ANNOTATION_SCHEMA, ANNOTATION_TYPES, annotationCursorAt, formatValue, type AnnotationCursor } from '../core/annotations';
import type { AnalyzedArticle } from '../core/corpusIndex';
import { normalizeName } from '../core/knowledge/names';
import type { ServerContext } from './context';

const MAX_ENTITY_ITEMS = 200;

export function registerCompletion(context: ServerContext): void {
  context.connection.onCompletion((params) => completion(context, params));
}

export function completion(context: ServerContext, params: CompletionParams): CompletionItem[] | null {
  const article = context.corpus.get(params.textDocument.uri);
  if (!article) return null;
  const text = context.documents.get(params.textDocument.uri)?.getText() ?? article.documentText;
  const lines = article.positions.document;
  const offset = lines.offsetAt(params.position);
  const cursor = annotationCursorAt(text, offset, text === article.documentText ? article.annotations : undefined);
  if (!cursor || cursor.kind === 'surface') return null;
  const range = { start: lines.positionAt(cursor.replace.start), end: lines.positionAt(cursor.replace.end) };
  const item = (label: string, newText: string, kind: CompletionItemKind, detail?: string, documentation?: string): CompletionItem => ({
    label, kind, textEdit: { range, newText }, ...(detail ? { detail } : {}), ...(documentation ? { documentation } : {}), insertTextFormat: InsertTextFormat.PlainText,
  });
  switch (cursor.kind) {
    case 'type':
      return ANNOTATION_TYPES.map((t) => item(t, t, CompletionItemKind.Class, 'annotation type', ANNOTATION_SCHEMA[t].description));
    case 'key': {
      const spec = ANNOTATION_SCHEMA[cursor.type as keyof typeof ANNOTATION_SCHEMA];
      if (!spec) return [];
      return spec.keys.filter((k) => !cursor.presentKeys.includes(k.key)).map((k) => item(k.key, `${k.key}=`, CompletionItemKind.Property, k.expects, k.description));
    }
    case 'value':
      return valueItems(context, article, cursor, item);
  }
}

function valueItems(
  context: ServerContext,
  article: AnalyzedArticle,
  cursor: Extract<AnnotationCursor, { kind: 'value' }>,
  item: (label: string, newText: string, kind: CompletionItemKind, detail?: string, documentation?: string) => CompletionItem,
): CompletionItem[] {
  const spec = ANNOTATION_SCHEMA[cursor.type as keyof typeof ANNOTATION_SCHEMA]?.keys.find((k) => k.key === cursor.key);
  if (spec?.values) return spec.values.map((v) => item(v, v, CompletionItemKind.EnumMember, spec.description));
  const kb = context.corpus.environment.knowledgeBase;
  const prefix = normalizeName(cursor.prefix.replace(/^"/, ''));
  const entityType = ['person', 'place', 'organization'].includes(cursor.type) ? cursor.type : undefined;
  if (cursor.key === 'id' || cursor.key === 'ref') {
    const items: CompletionItem[] = [];
    for (const entry of kb.entries()) {
      if (items.length >= MAX_ENTITY_ITEMS) break;
      if (entityType && entry.type !== entityType) continue;
      if (cursor.key === 'id' && !entry.wikidata) continue;
      const names = [entry.name, ...entry.aliases];
      if (prefix && !names.some((n) => normalizeName(n).startsWith(prefix)) && !(entry.wikidata ?? '').toLowerCase().startsWith(prefix)) continue;
      const value = cursor.key === 'id' ? entry.wikidata! : entry.name;
      items.push(item(cursor.key === 'id' ? `${entry.wikidata} ${entry.name}` : entry.name, formatValue(value), CompletionItemKind.Reference, `${entry.type}${entry.country ? ` · ${entry.country}` : ''}`, entry.description));
      items[items.length - 1]!.filterText = `${entry.name} ${entry.wikidata ?? ''}`;
    }
    return items;
  }
  if (cursor.key === 'source') {
    // People and organizations of this article, the likely sources of a figure.
    const seen = new Set<string>();
    return article.entities
      .filter((m) => m.type !== 'place' && !seen.has(m.canonical) && seen.add(m.canonical))
      .map((m) => item(m.canonical, formatValue(m.canonical), CompletionItemKind.Reference, m.type));
  }
  return [];
}
