// Inlay hints after resolved dates ("→ 2022-02-15") and figures (their value normalised). Off by default:
// `corpusLens.inlayHints.dates` and `corpusLens.inlayHints.figures`.
import { InlayHintKind, type InlayHint } from 'vscode-languageserver';
import { articleNotes } from '../core/editorMarks';
import type { ServerContext } from './context';

export function registerInlayHints(context: ServerContext): void {
  context.connection.languages.inlayHint.on((params): InlayHint[] => {
    const want = context.settings.inlayHints;
    if (!want.dates && !want.figures) return [];
    const article = context.corpus.get(params.textDocument.uri);
    if (!article) return [];
    const lines = article.positions.document;
    const from = lines.offsetAt(params.range.start);
    const to = lines.offsetAt(params.range.end);
    return articleNotes(article, want)
      .filter((n) => n.offset >= from && n.offset <= to)
      .map((n) => ({ position: lines.positionAt(n.offset), label: n.label, kind: InlayHintKind.Type, paddingLeft: true, tooltip: n.tooltip }));
  });
}

/** Asks the client to fetch inlay hints again (after the settings changed), when it can. */
export function refreshInlayHints(context: ServerContext): void {
  if (context.support.inlayHintRefresh) void context.connection.languages.inlayHint.refresh().catch(() => undefined);
}
