// Document symbols: the headline, the dateline and the paragraphs (in the Outline view and breadcrumbs).
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { formatIso } from '../core/dates';
import type { AnalyzedArticle } from '../core/corpusIndex';
import type { ServerContext } from './context';
import { toRange } from './positions';

export function registerDocumentSymbols(context: ServerContext): void {
  context.connection.onDocumentSymbol((params) => {
    const analyzed = context.corpus.get(params.textDocument.uri);
    return analyzed ? documentSymbols(analyzed) : null;
  });
}

const PREVIEW_LENGTH = 60;

export function documentSymbols(analyzed: AnalyzedArticle): DocumentSymbol[] {
  const { article } = analyzed;
  const lines = analyzed.positions;
  const symbols: DocumentSymbol[] = [];
  const h = article.header;
  if (h.headline) {
    const range = toRange(lines, h.headline);
    symbols.push({ name: `Headline: ${preview(h.headline.text)}`, detail: h.headline.text, kind: SymbolKind.String, range, selectionRange: range });
  }
  if (h.dateline) {
    const range = toRange(lines, h.dateline);
    symbols.push({ name: `Dateline: ${formatIso(h.dateline.date)}`, detail: h.dateline.text, kind: SymbolKind.Event, range, selectionRange: range });
  }
  if (h.sourceUrl) {
    const range = toRange(lines, h.sourceUrl);
    symbols.push({ name: `Source: ${preview(h.sourceUrl.text)}`, kind: SymbolKind.File, range, selectionRange: range });
  }
  if (h.byline) {
    const range = toRange(lines, h.byline);
    symbols.push({ name: `Byline: ${preview(h.byline.text)}`, kind: SymbolKind.Constant, range, selectionRange: range });
  }
  let number = 0;
  for (const p of article.paragraphs) {
    const range = toRange(lines, p);
    const text = article.text.slice(p.start, p.end);
    if (p.heading) {
      symbols.push({ name: `§ ${preview(text)}`, detail: 'subheading', kind: SymbolKind.Namespace, range, selectionRange: range });
      continue;
    }
    number++;
    symbols.push({
      name: `¶${number} ${preview(text)}`,
      detail: p.boilerplate ? `boilerplate: ${p.boilerplate}` : `${p.endSentence - p.firstSentence} sentences`,
      kind: p.boilerplate ? SymbolKind.Null : SymbolKind.Module,
      range,
      selectionRange: range,
    });
  }
  return symbols;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= PREVIEW_LENGTH ? flat : `${flat.slice(0, PREVIEW_LENGTH - 1)}…`;
}
