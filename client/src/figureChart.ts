// The figure comparison chart: the `Corpus Lens: Show Figure Chart` command (also behind the figure hover's link
// and the code lens on figures with cross-article findings) and the webview panel that draws the series.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Command, LANGUAGE_ID, Requests, type FigureSeries, type FigureSeriesParams } from '../../server/src/shared/protocol';
import { figureChartHtml } from './figureChartHtml';

/**
 * Markdown from the server is trusted for this one command and nothing else: the figure hover's "Show chart" link
 * runs; any other command link (article text is escaped anyway) stays dead. For `LanguageClientOptions.markdown`.
 */
export const FIGURE_CHART_MARKDOWN = { isTrusted: { enabledCommands: [Command.showFigureChart] }, supportHtml: false };

const VIEW_TYPE = 'corpusLens.figureChart';
const SCRIPT_FOLDER = ['dist', 'webview'];
const SCRIPT_FILE = 'figureChart.js';

export function registerFigureChart(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const chart = new FigureChartPanel(context.extensionUri);
  context.subscriptions.push(
    chart,
    vscode.commands.registerCommand(Command.showFigureChart, (args?: unknown) => chart.show(client(), args)),
  );
}

/** The command's argument, when it has a usable one (from a hover link or a code lens). */
function paramsOf(args: unknown): FigureSeriesParams | undefined {
  // A Figures view row passes itself; it carries the parameters as `chartParams`.
  const fromView = (args as { chartParams?: unknown } | undefined)?.chartParams;
  const a = (fromView ?? args) as Partial<FigureSeriesParams> | undefined;
  const uri = a?.textDocument?.uri;
  const line = a?.position?.line;
  const character = a?.position?.character;
  if (typeof uri !== 'string' || !Number.isInteger(line) || !Number.isInteger(character)) return undefined;
  return { textDocument: { uri }, position: { line: line!, character: character! } };
}

function paramsAtCursor(): FigureSeriesParams | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) return undefined;
  const p = editor.selection.active;
  return { textDocument: { uri: editor.document.uri.toString() }, position: { line: p.line, character: p.character } };
}

class FigureChartPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private series: FigureSeries | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  async show(client: LanguageClient | undefined, args: unknown): Promise<void> {
    const params = paramsOf(args) ?? paramsAtCursor();
    if (!params) {
      void vscode.window.showInformationMessage('Corpus Lens: put the cursor on a figure in a news article, then run "Show Figure Chart".');
      return;
    }
    if (!client) return;
    const series = await client.sendRequest<FigureSeries | null>(Requests.figureSeries, params);
    if (!series || series.points.length === 0) {
      void vscode.window.showInformationMessage('Corpus Lens: there is no figure at the cursor.');
      return;
    }
    this.series = series;
    const panel = this.ensurePanel();
    panel.title = `Chart: ${series.text}`;
    panel.webview.html = figureChartHtml({
      cspSource: panel.webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...SCRIPT_FOLDER, SCRIPT_FILE)).toString(),
      series,
    });
    panel.reveal(panel.viewColumn ?? vscode.ViewColumn.Beside, false);
  }

  private ensurePanel(): vscode.WebviewPanel {
    if (this.panel) return this.panel;
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Figure chart', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, ...SCRIPT_FOLDER)],
    });
    panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message));
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.series = undefined;
    });
    this.panel = panel;
    return panel;
  }

  /** The page asks for a value by its index in the series it was given; anything else is ignored. */
  private async onMessage(message: unknown): Promise<void> {
    const m = message as { type?: unknown; point?: unknown } | undefined;
    if (m?.type !== 'open' || typeof m.point !== 'number' || !Number.isInteger(m.point)) return;
    const point = this.series?.points[m.point];
    if (!point) return;
    const r = point.range;
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(point.uri));
    const column = vscode.window.visibleTextEditors.find((e) => e.viewColumn !== this.panel?.viewColumn)?.viewColumn ?? vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: range, preview: true });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
