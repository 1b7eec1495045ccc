// The figure chart's page: a strict Content-Security-Policy, and article text that can only ever be text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FigureSeries, FigureSeriesPoint } from '../../server/src/shared/protocol';
import { contentSecurityPolicy, figureChartHtml, jsonForScriptElement } from './figureChartHtml';

const HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](command:workbench.action.quit)', '</script><script>alert(2)</script>', 'a\u2028b & c'];

function point(overrides: Partial<FigureSeriesPoint>): FigureSeriesPoint {
  return {
    uri: 'file:///corpus/a.txt', range: { start: { line: 3, character: 4 }, end: { line: 3, character: 11 } }, label: 'a', headline: null,
    text: '150,000', sentence: 'Officials said 150,000 troops.', value: 150000, min: 145000, max: 155000, minInclusive: true, maxInclusive: false,
    unit: 'military personnel', date: '2022-02-16', dateFrom: 'dateline', source: null, framing: 'current', earlier: false, superseded: false,
    status: null, selected: false, ...overrides,
  };
}

const series: FigureSeries = {
  cluster: 'count|military personnel',
  text: HOSTILE[0]!,
  unit: 'military personnel',
  subject: HOSTILE[1]!,
  points: [
    point({ headline: HOSTILE[0]!, sentence: `${HOSTILE[1]} ${HOSTILE[2]} said 150,000 troops ${HOSTILE[3]}`, source: HOSTILE[2]!, selected: true }),
    point({ uri: 'file:///corpus/b.txt', label: HOSTILE[3]!, text: HOSTILE[4]!, status: HOSTILE[1]! }),
  ],
};

const page = () => figureChartHtml({ cspSource: 'https://file+.vscode-resource.example', nonce: 'abc123', scriptUri: 'https://file+.vscode-resource.example/dist/webview/figureChart.js', series });

/** The page without the content of the JSON data element. */
function splitPage(html: string): { markup: string; json: string } {
  const match = /<script type="application\/json" id="series-data">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(match, 'the page has the data element');
  return { markup: html.slice(0, match.index) + html.slice(match.index + match[0].length), json: match[1]! };
}

describe('figure chart page', () => {
  it('carries the series only as escaped JSON: no element, attribute or link comes from article text', () => {
    const html = page();
    const { markup, json } = splitPage(html);
    // The data element's content cannot close it or open a tag: a browser reads it as one run of text.
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(json), series, 'the text comes back unchanged');
    for (const text of ['alert', 'onerror', 'command:', 'workbench.action.quit']) assert.ok(!markup.includes(text), `"${text}" outside the data`);
    // Exactly the page's own elements: one nonced script, one nonced style, no images.
    const scripts = markup.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, ['<script nonce="abc123" src="https://file+.vscode-resource.example/dist/webview/figureChart.js">']);
    assert.equal((markup.match(/<style\b/g) ?? []).length, 1);
    assert.equal((html.match(/<img\b/gi) ?? []).length, 0);
    assert.equal((html.match(/<script\b/g) ?? []).length, 2, 'the script and the data element, nothing from the data');
  });

  it('has a strict Content-Security-Policy with the nonce and no remote source', () => {
    const csp = contentSecurityPolicy('https://file+.vscode-resource.example', 'abc123');
    assert.equal(csp, "default-src 'none'; script-src 'nonce-abc123'; style-src 'nonce-abc123'; img-src https://file+.vscode-resource.example data:; font-src https://file+.vscode-resource.example");
    assert.doesNotMatch(csp, /unsafe|\*|https?:\/\/(?!file\+)/);
    const html = page();
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${csp.replace(/'/g, '&#39;')}">`));
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style'), 'the policy comes before anything it governs');
  });

  it('escapes a script URI or nonce that would break out of its attribute', () => {
    const html = figureChartHtml({ cspSource: 'x', nonce: 'n"><img src=x>', scriptUri: 'u"><img src=x>', series });
    assert.equal((html.match(/<img\b/gi) ?? []).length, 0);
  });

  it('writes JSON escapes that parse back to the same text', () => {
    const value = { s: '</script><!-- & \u2028 \u2029 -->' };
    assert.deepEqual(JSON.parse(jsonForScriptElement(value)), value);
  });
});
