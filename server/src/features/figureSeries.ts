// The figure comparison chart's data (`corpusLens/figureSeries`), its code lens on figures with cross-article
// findings, and the command link the figure hover offers. Hovers and lenses name the command only for a client that
// said it runs it (`InitializationFacts.figureChartCommand`): any other client would show a dead link.
import { CodeLensRefreshRequest, type CodeLens, type CodeLensParams, type Position } from 'vscode-languageserver';
import type { AnalyzedArticle } from '../core/corpusIndex';
import { figureIndexAt, figureSeries, type Series } from '../core/figures/series';
import { RULES, checkArticle } from '../rules';
import { Command, Requests, type FigureSeries, type FigureSeriesParams } from '../shared/protocol';
import type { ServerContext } from './context';
import { toRange } from './positions';

export function registerFigureSeries(context: ServerContext): void {
  context.connection.onRequest(Requests.figureSeries, (params: FigureSeriesParams) => figureSeriesAt(context, params));
  context.connection.onCodeLens((params) => figureCodeLenses(context, params));
}

export function figureSeriesAt(context: ServerContext, params: FigureSeriesParams): FigureSeries | null {
  const analyzed = context.corpus.get(params?.textDocument?.uri);
  if (!analyzed || !params.position) return null;
  const index = figureIndexAt(analyzed, analyzed.positions.offsetAt(params.position));
  if (index === undefined) return null;
  const series = figureSeries(analyzed, context.corpus, index);
  return series ? toProtocol(context, series) : null;
}

function toProtocol(context: ServerContext, series: Series): FigureSeries {
  const points: FigureSeries['points'] = [];
  for (const p of series.points) {
    const article = context.corpus.get(p.articleId);
    if (!article) continue;
    const { articleId, index: _index, start: _start, end: _end, ...rest } = p;
    points.push({ uri: articleId, range: toRange(article.positions, p), ...rest });
  }
  return { cluster: series.cluster, text: series.text, unit: series.unit, subject: series.subject, points };
}

/** The command link of the figure hover: "[Show chart](command:…)", its arguments encoded for a markdown link. */
export function chartCommandLink(uri: string, position: Position, label = 'Show chart'): string {
  const args: FigureSeriesParams[] = [{ textDocument: { uri }, position }];
  const query = encodeURIComponent(JSON.stringify(args)).replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${label}](command:${Command.showFigureChart}?${query} "Compare the values of this quantity over time")`;
}

/**
 * Rules whose findings on a figure compare its value with others of the same quantity: a chart explains them. The
 * other figure rules (an unattributed or malformed figure) are about the text alone and would put a lens on nearly
 * every figure.
 */
const COMPARING_RULES = new Set([...RULES.filter((r) => r.crossArticle).map((r) => r.id), 'conflict-within-article']);

/** A lens above each figure that a comparing rule flags, for a client that runs the chart command. */
export function figureCodeLenses(context: ServerContext, params: CodeLensParams): CodeLens[] {
  if (!context.clientRunsFigureChart) return [];
  const analyzed = context.corpus.get(params.textDocument.uri);
  if (!analyzed) return [];
  const findings = checkArticle(analyzed, context.corpus, context.settings.rules).filter((f) => COMPARING_RULES.has(f.ruleId) && f.offsets !== 'document');
  const lenses: CodeLens[] = [];
  analyzed.figures.forEach((figure, index) => {
    if (!findings.some((f) => f.start < figure.end && figure.start < f.end)) return;
    const points = figureSeries(analyzed, context.corpus, index)?.points ?? [];
    lenses.push(lensFor(analyzed, figure, points.length, new Set(points.map((p) => p.articleId)).size));
  });
  return lenses;
}

/** Pause after the last cross-article change before editors are asked to fetch their lenses again. */
const LENS_REFRESH_MS = 750;
let lensRefreshTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Findings of other articles moved (a change elsewhere, the corpus indexed): an open editor's lenses may be stale,
 * and the client only asks again when told to.
 */
export function scheduleCodeLensRefresh(context: ServerContext): void {
  if (!context.clientRunsFigureChart || !context.support.codeLensRefresh) return;
  if (lensRefreshTimer) clearTimeout(lensRefreshTimer);
  lensRefreshTimer = setTimeout(() => {
    lensRefreshTimer = undefined;
    context.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }, LENS_REFRESH_MS);
  lensRefreshTimer.unref?.();
}

function lensFor(analyzed: AnalyzedArticle, figure: { start: number; end: number }, values: number, articles: number): CodeLens {
  const range = toRange(analyzed.positions, figure);
  const args: FigureSeriesParams[] = [{ textDocument: { uri: analyzed.id }, position: range.start }];
  const title = `Chart: ${values} value${values === 1 ? '' : 's'} of this quantity in ${articles} article${articles === 1 ? '' : 's'}`;
  return { range, command: { title, command: Command.showFigureChart, arguments: args } };
}
