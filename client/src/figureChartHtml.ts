// The figure chart webview's page. No vscode import, so it is tested on its own. The page holds no article text
// as markup: the series travels as JSON inside a non-executed script element, with every character that could end
// that element or start markup written as a JSON escape, and the bundled script puts it on the page as text.
import type { FigureSeries } from '../../server/src/shared/protocol';

export interface FigureChartPage {
  /** `webview.cspSource`: where the webview may load the bundled script from. */
  cspSource: string;
  /** A fresh random nonce per page: only the script and style carrying it run. */
  nonce: string;
  /** `webview.asWebviewUri` of dist/webview/figureChart.js. */
  scriptUri: string;
  series: FigureSeries;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON that can sit inside `<script type="application/json">`: no `<`, `>`, `&` or line separators left raw. */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The Content-Security-Policy of the page: nothing but the nonced script and style, and data: images for canvas. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

const STYLE = `
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family);
    font-size: var(--vscode-font-size); padding: 0 16px 16px; }
  h1 { font-size: 1.35em; margin: 14px 0 2px; font-weight: 600; }
  .subtitle, .muted, .key { color: var(--vscode-descriptionForeground); }
  .subtitle { margin: 0 0 10px; }
  .chart-box { position: relative; height: 380px; border: 1px solid var(--vscode-panel-border, transparent); padding: 8px; }
  .key { margin: 8px 0 14px; }
  .table-box { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); }
  th { font-weight: 600; white-space: nowrap; }
  td.number, td.value, td.date, td.article { white-space: nowrap; }
  td.date .muted { display: block; font-size: 0.9em; }
  tr.value td { border-bottom: none; padding-bottom: 0; }
  td.sentence { color: var(--vscode-descriptionForeground); font-size: 0.92em; padding-top: 2px; padding-left: 24px; }
  tr.selected td { background: var(--vscode-editor-selectionHighlightBackground, transparent); }
  tr.selected td:first-child { box-shadow: inset 3px 0 0 var(--vscode-focusBorder); }
  .swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 2px;
    outline: 1px solid var(--vscode-contrastBorder, transparent); }
  button.link { background: none; border: none; padding: 0; font: inherit; color: var(--vscode-textLink-foreground); cursor: pointer;
    text-decoration: underline; }
  button.link:hover { color: var(--vscode-textLink-activeForeground); }
  button.link:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
`;

export function figureChartHtml(page: FigureChartPage): string {
  const nonce = escapeHtml(page.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(page.cspSource, page.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Figure comparison</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<h1 id="title"></h1>
<p id="subtitle" class="subtitle"></p>
<div class="chart-box"><canvas id="chart" role="img" aria-label="The values of this quantity by article over time; the table below lists them"></canvas></div>
<p class="key">Bars span each value's interval; ▲ an open bound ("more than"); ● a value, ○ a value its article calls earlier (dashed bar), ◆ a value other articles call the earlier estimate; the largest marker is the figure the chart was opened for. Click a value to open its mention.</p>
<div class="table-box"><table>
<thead><tr><th>article</th><th>date</th><th>figure</th><th>interval</th><th>source</th><th>marked</th></tr></thead>
<tbody id="values"></tbody>
</table></div>
<script type="application/json" id="series-data">${jsonForScriptElement(page.series)}</script>
<script nonce="${nonce}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>
`;
}
