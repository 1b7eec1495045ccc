// The Figures view: quantities (figure clusters) with their finding counts (corpusLens/quantities) and the figures
// of one quantity per article (corpusLens/quantityFigures). Findings are the rules' own, as published.
import type { AnalyzedArticle } from '../core/corpusIndex';
import { quantityFigures, quantityRows, type FigureFinding } from '../core/corpusViews';
import { publishedFindings } from './diagnostics';
import { Requests, type ArticleFigureList, type QuantitiesResult } from '../shared/protocol';
import type { ServerContext } from './context';
import { toRange } from './positions';

const DEFAULT_LIMIT = 1000;

/** Findings per figure of an article, sorted out once per publication. */
const byFigure = new WeakMap<object, { article: AnalyzedArticle; map: Map<number, FigureFinding[]> }>();

/** The published findings on a figure: the views show what Problems shows, without checking anything again. */
export function figureFindings(article: AnalyzedArticle, index: number): readonly FigureFinding[] {
  const findings = publishedFindings(article.id);
  if (!findings) return [];
  let map = byFigure.get(findings)?.article === article ? byFigure.get(findings)!.map : undefined;
  if (!map) {
    map = new Map();
    for (const f of findings) {
      if (f.offsets === 'document') continue;
      article.figures.forEach((figure, i) => {
        if (f.start < figure.end && figure.start < f.end) {
          const list = map!.get(i) ?? [];
          list.push({ ruleId: f.ruleId, severity: f.severity });
          map!.set(i, list);
        }
      });
    }
    byFigure.set(findings, { article, map });
  }
  return map.get(index) ?? [];
}

export function registerFigureView(context: ServerContext): void {
  const { connection } = context;
  const findingsOf = figureFindings;
  connection.onRequest(Requests.quantities, (params: { limit?: number } | undefined): QuantitiesResult => {
    const rows = quantityRows(context.corpus, findingsOf);
    const limit = Math.max(1, params?.limit ?? DEFAULT_LIMIT);
    return { quantities: rows.slice(0, limit), more: Math.max(0, rows.length - limit) };
  });
  connection.onRequest(Requests.quantityFigures, (params: { id: string }): ArticleFigureList[] =>
    quantityFigures(context.corpus, String(params?.id ?? ''), findingsOf).map((a) => {
      const article = context.corpus.get(a.articleId)!;
      const out: ArticleFigureList = {
        uri: a.articleId,
        label: a.label,
        figures: a.rows.map((f) => {
          const row: ArticleFigureList['figures'][number] = {
            range: toRange(article.positions, f),
            text: f.text,
            normalized: f.normalized,
            findings: f.findings.map((x) => (x.severity === 'hint' ? `${x.ruleId} (hint)` : x.ruleId)),
            snippet: f.snippet,
          };
          if (f.date) row.date = f.date;
          if (f.source) row.source = f.source;
          return row;
        }),
      };
      if (a.headline) out.headline = a.headline;
      return out;
    }),
  );
}
