// Hover: what a date or weekday in the text resolves to.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { formatIso, formatLong } from '../core/dates';
import type { AnalyzedArticle } from '../core/corpusIndex';
import type { ServerContext } from './context';
import { entityHoverMarkdown } from './entityHover';
import { figureAt, figureHoverMarkdown } from './figureHover';
import { chartCommandLink } from './figureSeries';
import { escapeMarkdown, inlineCode } from './markdown';
import { toRange } from './positions';

export function registerHover(context: ServerContext): void {
  context.connection.onHover((params) => hover(context, params));
}

export function hover(context: ServerContext, params: HoverParams): Hover | null {
  const analyzed = context.corpus.get(params.textDocument.uri);
  if (!analyzed) return null;
  const offset = analyzed.positions.offsetAt(params.position);
  const date = dateHover(analyzed, offset);
  if (date) return date;
  const figure = figureAt(analyzed, offset);
  if (figure) {
    const range = toRange(analyzed.positions, figure.figure);
    const chartLink = context.clientRunsFigureChart ? chartCommandLink(analyzed.id, range.start) : undefined;
    return {
      contents: { kind: MarkupKind.Markdown, value: figureHoverMarkdown(context.corpus, analyzed, figure.figure, figure.index, chartLink) },
      range,
    };
  }
  const mention = entityAt(analyzed, offset);
  if (!mention) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: entityHoverMarkdown(context.corpus, analyzed, mention) },
    range: toRange(analyzed.positions, mention),
  };
}

/** The mention under the cursor: binary search, mentions are sorted and do not overlap. */
export function entityAt(analyzed: AnalyzedArticle, offset: number) {
  const list = analyzed.entities;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const m = list[mid]!;
    if (offset < m.start) high = mid - 1;
    else if (offset >= m.end) low = mid + 1;
    else return m;
  }
  return undefined;
}

function dateHover(analyzed: AnalyzedArticle, offset: number): Hover | null {
  const dateline = analyzed.article.header.dateline;
  if (dateline && offset >= dateline.start && offset < dateline.end) {
    return {
      contents: { kind: MarkupKind.Markdown, value: `**Dateline** ${inlineCode(dateline.text)} → **${formatLong(dateline.date)}** (${formatIso(dateline.date)})\n\nDates and weekdays in this article resolve against it.` },
      range: toRange(analyzed.positions, dateline),
    };
  }
  const mention = analyzed.dates.find((m) => offset >= m.start && offset < m.end);
  if (!mention) return null;
  let value: string;
  if (mention.resolved) {
    const d = mention.resolved.date;
    value = `**${escapeMarkdown(mention.text)}** → **${formatLong(d)}** (${formatIso(d)})\n\nResolved as ${escapeMarkdown(mention.resolved.explanation)}.`;
  } else {
    value = `**${escapeMarkdown(mention.text)}**: cannot be resolved to a calendar date, because this article has no dateline` +
      `${mention.explicit?.year === undefined && mention.kind !== 'weekday' ? ' and the date has no year' : ''}.`;
  }
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(analyzed.positions, mention) };
}
