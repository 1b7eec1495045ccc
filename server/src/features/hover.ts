// Hover: what a date or weekday in the text resolves to.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { formatIso, formatLong } from '../core/dates';
import type { AnalyzedArticle } from '../core/corpusIndex';
import type { ServerContext } from './context';
import { escapeMarkdown, inlineCode } from './markdown';
import { toRange } from './positions';

export function registerHover(context: ServerContext): void {
  context.connection.onHover((params) => hover(context, params));
}

export function hover(context: ServerContext, params: HoverParams): Hover | null {
  const analyzed = context.corpus.get(params.textDocument.uri);
  if (!analyzed) return null;
  const offset = analyzed.article.lines.offsetAt(params.position);
  return dateHover(analyzed, offset);
}

function dateHover(analyzed: AnalyzedArticle, offset: number): Hover | null {
  const dateline = analyzed.article.header.dateline;
  if (dateline && offset >= dateline.start && offset < dateline.end) {
    return {
      contents: { kind: MarkupKind.Markdown, value: `**Dateline** ${inlineCode(dateline.text)} → **${formatLong(dateline.date)}** (${formatIso(dateline.date)})\n\nDates and weekdays in this article resolve against it.` },
      range: toRange(analyzed.article.lines, dateline),
    };
  }
  const mention = analyzed.dates.find((m) => offset >= m.start && offset < m.end);
  if (!mention) return null;
  const written = inlineCode(mention.text);
  let value: string;
  if (mention.resolved) {
    const d = mention.resolved.date;
    value = `**${escapeMarkdown(mention.text)}** → **${formatLong(d)}** (${formatIso(d)})\n\n${written}: ${escapeMarkdown(mention.resolved.explanation)}.`;
  } else {
    value = `**${escapeMarkdown(mention.text)}**: cannot be resolved to a calendar date, because this article has no dateline` +
      `${mention.explicit?.year === undefined && mention.kind !== 'weekday' ? ' and the date has no year' : ''}.`;
  }
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(analyzed.article.lines, mention) };
}
