// The figure comparison chart, inside the webview. Reads the series the extension embedded as JSON, draws it with
// Chart.js in the theme's colours and lists every value in a table. Article text only ever reaches the page as
// text (textContent, canvas text): nothing from the series is parsed as HTML. Clicking a value asks the extension
// to open its mention, by index: the page never names a file.
import {
  Chart, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, Tooltip,
  type ChartConfiguration, type ScriptableContext, type ScriptableLineSegmentContext, type TooltipItem,
} from 'chart.js';
import type { FigureSeries, FigureSeriesPoint } from '../../server/src/shared/protocol';
import { chartModel, formatNumber, intervalText, valueMarks, type ArticleTrack, type ChartModel, type PlotPoint } from './chartModel';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip, Legend);

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();

/** A gap between two values of one article: Chart.js breaks the line at a null y. */
interface Gap {
  x: number;
  y: null;
}
type Datum = PlotPoint | Gap;

const FALLBACK_PALETTE = ['#3794ff', '#d18616', '#388a34', '#652d90', '#e51400', '#bf8803'];
const PALETTE_VARIABLES = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow'];

interface Theme {
  foreground: string;
  muted: string;
  grid: string;
  background: string;
  palette: string[];
  fontFamily: string;
  fontSize: number;
  highContrast: boolean;
  hoverBackground: string;
  hoverForeground: string;
  hoverBorder: string;
}

function readTheme(): Theme {
  const style = getComputedStyle(document.body);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const classes = document.body.classList;
  const highContrast = classes.contains('vscode-high-contrast') || classes.contains('vscode-high-contrast-light');
  const foreground = read('--vscode-editor-foreground', read('--vscode-foreground', '#333333'));
  return {
    foreground,
    muted: read('--vscode-descriptionForeground', foreground),
    grid: highContrast ? read('--vscode-contrastBorder', foreground) : read('--vscode-editorRuler-foreground', 'rgba(128, 128, 128, 0.35)'),
    background: read('--vscode-editor-background', '#ffffff'),
    palette: PALETTE_VARIABLES.map((name, i) => read(name, FALLBACK_PALETTE[i]!)),
    fontFamily: read('--vscode-font-family', 'sans-serif'),
    fontSize: Number.parseFloat(read('--vscode-font-size', '13')) || 13,
    highContrast,
    hoverBackground: read('--vscode-editorHoverWidget-background', read('--vscode-editor-background', '#ffffff')),
    hoverForeground: read('--vscode-editorHoverWidget-foreground', foreground),
    hoverBorder: read('--vscode-editorHoverWidget-border', read('--vscode-contrastBorder', foreground)),
  };
}

function readSeries(): FigureSeries | undefined {
  const text = document.getElementById('series-data')?.textContent;
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as FigureSeries;
    return Array.isArray(value?.points) ? value : undefined;
  } catch {
    return undefined;
  }
}

function openPoint(point: number): void {
  vscode.postMessage({ type: 'open', point });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function isPoint(d: Datum | undefined): d is PlotPoint {
  return !!d && d.y !== null;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function trackColor(theme: Theme, trackIndex: number): string {
  return theme.palette[trackIndex % theme.palette.length]!;
}

function chartConfig(series: FigureSeries, model: ChartModel, theme: Theme): ChartConfiguration<'line', Datum[]> {
  const points = series.points;
  const datasets = model.tracks.map((track: ArticleTrack, t) => {
    const color = trackColor(theme, t);
    const data: Datum[] = [];
    let lastX = 0;
    for (const p of track.plot) {
      if (p) lastX = p.x;
      data.push(p ?? { x: lastX, y: null });
    }
    const datum = (ctx: ScriptableContext<'line'>) => data[ctx.dataIndex];
    const valueOf = (d: PlotPoint) => points[d.point]!;
    return {
      label: track.headline ? `${track.label} · ${shorten(track.headline, 48)}` : track.label,
      data,
      parsing: false as const,
      spanGaps: false,
      showLine: true,
      borderColor: color,
      backgroundColor: color,
      borderWidth: theme.highContrast ? 5 : 4,
      borderCapStyle: 'butt' as const,
      segment: {
        borderDash: (ctx: ScriptableLineSegmentContext) => {
          const d = data[ctx.p0DataIndex];
          return isPoint(d) && valueOf(d).earlier ? [6, 4] : undefined;
        },
      },
      pointStyle: (ctx: ScriptableContext<'line'>) => {
        const d = datum(ctx);
        if (!isPoint(d)) return false;
        if (d.role !== 'value') return d.open ? 'triangle' : 'line';
        return valueOf(d).superseded ? 'rectRot' : 'circle';
      },
      pointRotation: (ctx: ScriptableContext<'line'>) => {
        const d = datum(ctx);
        return isPoint(d) && d.role === 'low' && d.open ? 180 : 0;
      },
      pointRadius: (ctx: ScriptableContext<'line'>) => {
        const d = datum(ctx);
        if (!isPoint(d)) return 0;
        if (d.role === 'value') return valueOf(d).selected ? 8 : 5;
        return d.open ? 7 : 6;
      },
      pointHoverRadius: (ctx: ScriptableContext<'line'>) => {
        const d = datum(ctx);
        if (!isPoint(d)) return 0;
        return d.role === 'value' ? (valueOf(d).selected ? 10 : 7) : 8;
      },
      pointHitRadius: 6,
      pointBorderWidth: (ctx: ScriptableContext<'line'>) => {
        const d = datum(ctx);
        if (!isPoint(d)) return 0;
        if (d.role !== 'value') return d.open ? 1 : 3;
        return valueOf(d).selected ? 3 : 2;
      },
      pointBorderColor: (ctx: ScriptableContext<'line'>) => {
        const d = datum(ctx);
        return isPoint(d) && d.role === 'value' && valueOf(d).selected ? theme.foreground : color;
      },
      pointBackgroundColor: (ctx: ScriptableContext<'line'>) => {
        const d = datum(ctx);
        // Hollow markers: values framed as earlier ones.
        return isPoint(d) && d.role === 'value' && valueOf(d).earlier ? theme.background : color;
      },
    };
  });
  const tickLabel = new Map(model.ticks.map((t) => [t.x, t.label]));
  const pointOfItem = (item: TooltipItem<'line'>) => {
    const d = item.raw as Datum;
    return isPoint(d) ? points[d.point] : undefined;
  };
  return {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      interaction: { mode: 'nearest', intersect: true },
      color: theme.foreground,
      font: { family: theme.fontFamily, size: theme.fontSize },
      scales: {
        x: {
          type: 'linear',
          min: model.xMin,
          max: model.xMax,
          afterBuildTicks: (scale) => {
            scale.ticks = model.ticks.map((t) => ({ value: t.x }));
          },
          ticks: { color: theme.foreground, autoSkip: true, maxRotation: 0, callback: (value) => tickLabel.get(Number(value)) ?? '' },
          grid: { color: theme.grid },
          border: { color: theme.grid },
          title: { display: true, text: 'date (figure or dateline)', color: theme.muted },
        },
        y: {
          type: model.logarithmic ? 'logarithmic' : 'linear',
          // Suggested: the axis rounds outwards to a tick of its own.
          suggestedMin: model.yMin,
          suggestedMax: model.yMax,
          ticks: { color: theme.foreground, callback: (value) => formatNumber(Number(value)) },
          grid: { color: theme.grid },
          border: { color: theme.grid },
          title: { display: true, text: series.unit, color: theme.muted },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: theme.foreground, boxWidth: 14, boxHeight: 4 } },
        tooltip: {
          backgroundColor: theme.hoverBackground,
          titleColor: theme.hoverForeground,
          bodyColor: theme.hoverForeground,
          borderColor: theme.hoverBorder,
          borderWidth: 1,
          displayColors: false,
          callbacks: {
            title: (items) => {
              const p = items[0] && pointOfItem(items[0]);
              return p ? `${p.label} · ${p.date ?? 'undated'}` : '';
            },
            label: (item) => {
              const p = pointOfItem(item);
              return p ? `${p.text}  ${intervalText(p)}` : '';
            },
            afterLabel: (item) => {
              const p = pointOfItem(item);
              if (!p) return [];
              return [`Source: ${p.source ?? 'not attributed'}`, ...valueMarks(p), 'Click to open the mention'];
            },
          },
        },
      },
      onClick: (_event, elements) => {
        const hit = elements[0];
        if (!hit) return;
        const d = datasets[hit.datasetIndex]?.data[hit.index];
        if (isPoint(d)) openPoint(d.point);
      },
      onHover: (event, elements) => {
        const target = event.native?.target;
        if (target instanceof HTMLElement) target.style.cursor = elements.length ? 'pointer' : 'default';
      },
    },
  };
}

function renderHeader(series: FigureSeries, model: ChartModel): void {
  document.getElementById('title')!.textContent = series.text;
  const articles = model.tracks.length;
  document.getElementById('subtitle')!.textContent =
    `${series.subject ?? series.unit} · ${series.points.length} value${series.points.length === 1 ? '' : 's'} in ${articles} article${articles === 1 ? '' : 's'}`;
}

function renderTable(series: FigureSeries, model: ChartModel, theme: Theme): void {
  const body = document.getElementById('values')!;
  body.replaceChildren();
  const trackIndex = new Map<number, number>();
  model.tracks.forEach((track, t) => track.points.forEach((i) => trackIndex.set(i, t)));
  series.points.forEach((p: FigureSeriesPoint, i) => {
    const row = element('tr', undefined, p.selected ? 'value selected' : 'value');
    const article = element('td', undefined, 'article');
    const swatch = element('span', undefined, 'swatch');
    swatch.style.backgroundColor = trackColor(theme, trackIndex.get(i) ?? 0);
    const link = element('button', p.label, 'link');
    link.type = 'button';
    link.title = p.headline ? `Open ${p.label}: ${p.headline}` : `Open ${p.label}`;
    link.addEventListener('click', () => openPoint(i));
    article.append(swatch, link);
    const date = element('td', p.date ?? 'undated', 'date');
    if (p.dateFrom === 'dateline') date.append(element('span', 'dateline', 'muted'));
    const interval = intervalText(p) + (p.unit !== series.unit ? ` (as ${p.unit})` : '');
    row.append(
      article,
      date,
      element('td', p.text, 'value'),
      element('td', interval, 'number'),
      element('td', p.source ?? '—'),
      element('td', valueMarks(p).join('; ')),
    );
    // The sentence gets a row of its own: beside the numbers it would squeeze them in a narrow panel.
    const context = element('tr', undefined, p.selected ? 'context selected' : 'context');
    const sentence = element('td', p.sentence, 'sentence');
    sentence.colSpan = 6;
    context.append(sentence);
    body.append(row, context);
  });
}

/**
 * Writes where each value's marker is drawn (canvas pixels) on the canvas as `data-markers`: automation clicks a
 * marker as a person would without reaching into the chart.
 */
const markerPositions = {
  id: 'corpusLensMarkers',
  afterRender(c: Chart<'line', Datum[]>): void {
    const out: Array<{ point: number; x: number; y: number }> = [];
    c.data.datasets.forEach((dataset, i) => {
      const meta = c.getDatasetMeta(i);
      if (!c.isDatasetVisible(i)) return;
      meta.data.forEach((el, j) => {
        const d = dataset.data[j];
        if (isPoint(d) && d.role === 'value') out.push({ point: d.point, x: Math.round(el.x), y: Math.round(el.y) });
      });
    });
    c.canvas.dataset.markers = JSON.stringify(out);
  },
};

let chart: Chart<'line', Datum[]> | undefined;

function render(): void {
  const series = readSeries();
  if (!series || series.points.length === 0) {
    document.getElementById('title')!.textContent = 'No values to chart';
    return;
  }
  const model = chartModel(series);
  const theme = readTheme();
  renderHeader(series, model);
  renderTable(series, model, theme);
  chart?.destroy();
  const canvas = document.getElementById('chart') as HTMLCanvasElement;
  chart = new Chart(canvas, { ...chartConfig(series, model, theme), plugins: [markerPositions] });
  document.body.dataset.rendered = String(series.points.length);
}

render();
// VS Code changes the body's classes and CSS variables when the colour theme changes: draw again in the new colours.
new MutationObserver(() => render()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
