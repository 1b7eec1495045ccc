// Semantic tokens: people, places, organizations, figures and annotation markup, so themes colour them
// (custom token types, declared in package.json with TextMate scope fallbacks). Full document and range.
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import { markSpans, type MarkSpan } from '../core/editorMarks';
import type { AnalyzedArticle } from '../core/corpusIndex';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../shared/protocol';
import type { ServerContext } from './context';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
};

const TYPE_INDEX = new Map<string, number>(SEMANTIC_TOKEN_TYPES.map((t, i) => [t, i]));
const ANNOTATED = 1 << SEMANTIC_TOKEN_MODIFIERS.indexOf('annotated');

/** Marks computed once per analysed version of an article (full and range requests share them). */
const marksCache = new WeakMap<AnalyzedArticle, MarkSpan[]>();

function marksOf(article: AnalyzedArticle): MarkSpan[] {
  let marks = marksCache.get(article);
  if (!marks) marksCache.set(article, (marks = markSpans(article)));
  return marks;
}

/** Encodes marks within [from, to) (document offsets), one token per line a mark covers (tokens never span lines). */
export function encodeTokens(article: AnalyzedArticle, from = 0, to = Infinity): SemanticTokens {
  const lines = article.positions.document;
  const builder = new SemanticTokensBuilder();
  for (const mark of marksOf(article)) {
    if (mark.end <= from || mark.start >= to) continue;
    const type = TYPE_INDEX.get(mark.kind);
    if (type === undefined) continue;
    const modifiers = mark.annotated ? ANNOTATED : 0;
    const start = lines.positionAt(mark.start);
    const end = lines.positionAt(mark.end);
    for (let line = start.line; line <= end.line; line++) {
      const lineStart = line === start.line ? mark.start : lines.lineStarts[line]!;
      const lineEnd = line === end.line ? mark.end : lines.lineContentEnd(line);
      if (lineEnd <= lineStart) continue;
      builder.push(line, lineStart - lines.lineStarts[line]!, lineEnd - lineStart, type, modifiers);
    }
  }
  return builder.build();
}

export function registerSemanticTokens(context: ServerContext): void {
  const { connection } = context;
  connection.languages.semanticTokens.on((params) => {
    const article = context.corpus.get(params.textDocument.uri);
    return article ? encodeTokens(article) : { data: [] };
  });
  connection.languages.semanticTokens.onRange((params) => {
    const article = context.corpus.get(params.textDocument.uri);
    if (!article) return { data: [] };
    const lines = article.positions.document;
    return encodeTokens(article, lines.offsetAt(params.range.start), lines.offsetAt(params.range.end));
  });
}
