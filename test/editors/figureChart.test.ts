// The figure comparison chart in a real VS Code workbench (code-server 1.100.3 through Debian Chromium), with the
// packaged extension on a copy of the sample corpus: open 002, hover "more than 130,000", follow the hover's chart
// link, read the values of 000–004 in the webview (an iframe in an iframe), click a marker to reach its mention,
// switch to the dark theme, open a chart from a code lens and from the command on the cursor's figure, and check
// that hostile article text is shown as text and creates no element.
// Screenshots: test-results/figure-chart-*.png (and figure-chart-*-failure.png when a step fails).
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { installExtension, isolatedDirs, packageVsix, removeDir, startCodeServer, type CodeServerHandle } from '../../scripts/code-server.mjs';
import {
  clickEditorText,
  hoverEditorTextUntil,
  launchChromium,
  openFileFromExplorer,
  pollUntil,
  requireEditorTools,
  resultsDir,
  runCommand,
  screenshot,
  type Browser,
  failureStep,
  sampleCorpusWorkspace,
} from './codeServerHarness';

const ARTICLE_000 = '000_e84a3163cd5655f9.txt';
const ARTICLE_002 = '002_1cd903209d84dacb.txt';
const ARTICLE_004 = '004_1bc4e39af3ea47f4.txt';
// Another story (floods, a year later): its figures stay out of the troop count's series.
const HOSTILE = 'zz-hostile.txt';
const HOSTILE_HEADLINE = '<script>alert(1)</script> Floods in Kherson';
const HOSTILE_TAIL = '<img src=x onerror=alert(1)> [x](command:workbench.action.quit)';
const HOSTILE_TEXT = `date 2023-06-07\n${HOSTILE_HEADLINE}\n\nOfficials said the floods in Kherson displaced more than 4,000 people ${HOSTILE_TAIL}.\n`;
const PLAIN = 'zz-plain.txt';
const PLAIN_TEXT = 'date 2023-06-08\nFloods in Kherson\n\nOfficials said the floods in Kherson displaced 4,500 people.\n';
const LIGHT = 'Default Light Modern';
const DARK = 'Default Dark Modern';

let base: string | undefined;
let server: CodeServerHandle | undefined;
let browser: Browser | undefined;
let userDataDir: string | undefined;

after(async () => {
  await browser?.close();
  await server?.stop();
  if (base) removeDir(base);
});

/** Runs one step; on failure keeps a screenshot of what the workbench showed. */
const step = failureStep('figure-chart', () => userDataDir);

/** The chart page: VS Code puts a webview's content in an inner iframe of its own iframe. */
function chartFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** Waits until the chart page shows the series of `title` with `rows` values, and returns the table's rows. */
async function chartRows(page: Page, title: string, rows: number): Promise<string[][]> {
  const frame = chartFrame(page);
  await pollUntil(
    `the chart of "${title}" with ${rows} values`,
    30_000,
    async () => {
      const shown = await frame.locator('#title').innerText({ timeout: 1_000 }).catch(() => '');
      const rendered = await frame.locator('body').getAttribute('data-rendered', { timeout: 1_000 }).catch(() => null);
      return shown === title && rendered === String(rows) ? true : undefined;
    },
    async () => `title ${JSON.stringify(await frame.locator('#title').innerText({ timeout: 1_000 }).catch((e) => String(e)))}`,
  );
  // A value's row, then its sentence's row: the sentence comes back as the value's last cell.
  const out: string[][] = [];
  for (const row of await frame.locator('#values tr').all()) {
    const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
    if ((await row.getAttribute('class'))?.split(' ').includes('context')) out[out.length - 1]?.push(...cells);
    else out.push(cells);
  }
  return out;
}

/** Picks a colour theme with "Preferences: Color Theme", as a person would. */
async function pickColorTheme(page: Page, theme: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const focusedLabel = page.locator('.quick-input-widget .monaco-list-row.focused .label-name').first();
  // Moves the focus down the list until the row labelled `label` has it (fuzzy matches may come first).
  const focusedIs = (label: string) => pollUntil(`"${label}" focused in the quick pick`, 10_000, async () => {
    const now = (await focusedLabel.innerText().catch(() => '')).trim();
    if (now === label) return true;
    if (now) await page.keyboard.press('ArrowDown');
    return undefined;
  }, async () => (await focusedLabel.innerText().catch(() => '')).trim());
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press(attempt % 2 === 0 ? 'F1' : 'Control+Shift+P');
    if (await input.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) break;
    if (attempt >= 3) throw new Error('the Command Palette did not open');
    await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } }).catch(() => undefined);
  }
  await input.fill('>Preferences: Color Theme');
  await focusedIs('Preferences: Color Theme');
  await page.keyboard.press('Enter');
  await pollUntil('the theme picker', 10_000, async () => ((await input.inputValue().catch(() => '>')) === '' ? true : undefined));
  await input.fill(theme);
  // The picker previews the theme under the focus; a click on the row picks it.
  // A row reads "Dark High Contrast, Default High Contrast": the label, then the theme's setting value.
  const row = page.locator(`.quick-input-widget .monaco-list-row[aria-label="${theme}"], .quick-input-widget .monaco-list-row[aria-label$=", ${theme}"]`);
  await row.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(async (error) => {
    console.log(`theme picker rows: ${JSON.stringify(await page.locator('.quick-input-widget .monaco-list-row').evaluateAll((rows) => rows.map((r) => [r.getAttribute('aria-label'), (r.querySelector('.label-name') as { innerText?: string } | null)?.innerText])))}`);
    throw error;
  });
  await row.first().click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

async function activeTab(page: Page): Promise<string> {
  return (await page.locator('.tabs-container .tab.active').first().innerText().catch(() => '')).trim();
}

test('code-server: the figure comparison chart', { timeout: 300_000 }, async (t) => {
  const tools = requireEditorTools(t);
  if (!tools) return;
  for (const name of existsSync(resultsDir) ? readdirSync(resultsDir) : []) {
    if (name.startsWith('figure-chart-') && name.endsWith('-failure.png')) rmSync(join(resultsDir, name));
  }
  base = mkdtempSync(join(tmpdir(), 'corpus-lens-figure-chart-'));
  const vsix = packageVsix(join(base, 'corpus-lens.vsix'));
  const dirs = isolatedDirs(join(base, 'code-server'), {
    'workbench.colorTheme': LIGHT,
    'workbench.preferredLightColorTheme': LIGHT,
    'workbench.preferredDarkColorTheme': DARK,
    'editor.codeLens': true,
  });
  userDataDir = dirs.userData;
  installExtension(tools.codeServer, vsix, dirs);
  const workspace = sampleCorpusWorkspace(base, { projectFile: false });
  writeFileSync(join(workspace, 'corpus', HOSTILE), HOSTILE_TEXT);
  writeFileSync(join(workspace, 'corpus', PLAIN), PLAIN_TEXT);

  server = await startCodeServer({ bin: tools.codeServer, folder: workspace, dirs });
  browser = await launchChromium(tools.chromium);
  const page = browser.page;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await step(page, 'workbench', async () => {
    await page.goto(server!.url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 30_000 });
    await openFileFromExplorer(page, ARTICLE_002);
  });

  await t.test('the hover of 002 "more than 130,000" links to the chart, which shows the values of 000–004', () =>
    step(page, 'hover-link', async () => {
      await hoverEditorTextUntil(page, 'more than 130,000', ['Same quantity across the corpus', 'Show chart'], 60_000);
      await screenshot(page, 'figure-chart-hover.png');
      await page.locator('.monaco-hover a', { hasText: /^Show chart$/ }).first().click();
      const rows = await chartRows(page, 'more than 130,000', 10);
      const byArticle: Record<string, string[]> = {};
      for (const row of rows) (byArticle[row[0]!] ??= []).push(row[2]!);
      assert.deepEqual(byArticle, {
        '001': ['tens of thousands', 'over 150,000', 'roughly 130,000'],
        '000': ['150,000', '150,000', '130,000'],
        '002': ['more than 130,000'],
        '003': ['more than 130,000'],
        '004': ['Thousands', 'more than 100,000'],
      });
      assert.deepEqual(rows.map((r) => r[1]!.replace(/\s*dateline$/, '')), [
        '2022-02-15', '2022-02-15', '2022-02-15', '2022-02-16', '2022-02-16', '2022-02-16', 'undated', 'undated', 'undated', 'undated',
      ]);
      assert.match(rows[6]!.join(' | '), /\(130,000, ∞\).*the US.*called earlier elsewhere/);
      assert.equal(await chartFrame(page).locator('tr.value.selected').count(), 1);
      assert.match(await chartFrame(page).locator('body').getAttribute('class') ?? '', /vscode-light/);
      await page.mouse.move(5, 5);
      await page.waitForTimeout(300);
      await screenshot(page, 'figure-chart-light.png');
    }),
  );

  await t.test('clicking the marker of 000\'s Biden "150,000" opens 000 with the figure selected', () =>
    step(page, 'marker-click', async () => {
      const frame = chartFrame(page);
      const rows = await chartRows(page, 'more than 130,000', 10);
      const target = rows.findIndex((r) => r[0] === '000' && r[4] === 'Biden');
      assert.ok(target >= 0, JSON.stringify(rows));
      const markers = JSON.parse((await frame.locator('#chart').getAttribute('data-markers')) ?? '[]') as Array<{ point: number; x: number; y: number }>;
      const marker = markers.find((m) => m.point === target);
      assert.ok(marker, `a marker for value ${target}: ${JSON.stringify(markers)}`);
      const box = (await frame.locator('#chart').boundingBox())!;
      await page.mouse.move(box.x + marker.x, box.y + marker.y, { steps: 3 });
      await page.mouse.click(box.x + marker.x, box.y + marker.y);
      await pollUntil(`${ARTICLE_000} to be the active editor`, 15_000, async () => ((await activeTab(page)).includes(ARTICLE_000) ? true : undefined), () => activeTab(page));
      const selection = page.locator('[id="status.editor.selection"]');
      await pollUntil('the status bar to show the figure selected', 10_000, async () => (/\(7 selected\)/.test(await selection.innerText().catch(() => '')) ? true : undefined), () => selection.innerText());
      // "150,000" at line 13, columns 136–143 of 000: the cursor ends the selection.
      assert.match(await selection.innerText(), /Ln 13, Col 143 \(7 selected\)/);
    }),
  );

  await t.test('the chart follows the dark theme', () =>
    step(page, 'dark', async () => {
      await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
      const frame = chartFrame(page);
      await pollUntil('the webview to be in the dark theme', 15_000, async () => (/vscode-dark/.test((await frame.locator('body').getAttribute('class', { timeout: 1_000 }).catch(() => '')) ?? '') ? true : undefined));
      await chartRows(page, 'more than 130,000', 10);
      await page.mouse.move(5, 5);
      await page.waitForTimeout(500);
      await screenshot(page, 'figure-chart-dark.png');
    }),
  );

  await t.test('the chart follows a high-contrast theme', () =>
    step(page, 'high-contrast', async () => {
      await pickColorTheme(page, 'Default High Contrast');
      const frame = chartFrame(page);
      await pollUntil('the webview to be in the high-contrast theme', 15_000, async () => (/vscode-high-contrast/.test((await frame.locator('body').getAttribute('class', { timeout: 1_000 }).catch(() => '')) ?? '') ? true : undefined));
      await chartRows(page, 'more than 130,000', 10);
      await page.mouse.move(5, 5);
      await page.waitForTimeout(500);
      await screenshot(page, 'figure-chart-high-contrast.png');
      await pickColorTheme(page, DARK);
    }),
  );

  await t.test('a code lens on 004 "Thousands" opens its chart', () =>
    step(page, 'code-lens', async () => {
      await openFileFromExplorer(page, ARTICLE_004);
      const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: /^Chart: 10 values of this quantity in 5 articles$/ });
      await lens.first().waitFor({ state: 'visible', timeout: 30_000 });
      assert.equal(await lens.count(), 2, 'one lens per flagged figure: "Thousands" and "more than 100,000"');
      await lens.first().click();
      const rows = await chartRows(page, 'Thousands', 10);
      assert.deepEqual(rows.filter((r) => r[0] === '004').map((r) => r[2]), ['Thousands', 'more than 100,000']);
    }),
  );

  await t.test('the command on the cursor\'s figure charts hostile text as text only', () =>
    step(page, 'hostile', async () => {
      await openFileFromExplorer(page, HOSTILE);
      // The editor wraps "more than" and "4,000" apart: click into the figure's number (the middle of "4,000 p").
      await clickEditorText(page, '4,000 p');
      await runCommand(page, 'Corpus Lens: Show Figure Chart');
      const rows = await chartRows(page, 'more than 4,000', 2);
      assert.deepEqual(rows.map((r) => `${r[0]} ${r[2]}`), ['zz-hostile more than 4,000', 'zz-plain 4,500']);
      const frame = chartFrame(page);
      const mine = rows[0]!;
      assert.ok(mine, JSON.stringify(rows));
      assert.ok(mine[6]!.includes(HOSTILE_TAIL), `the sentence is shown as written: ${mine[6]}`);
      assert.equal(await frame.locator('img').count(), 0, 'no image element');
      // The scripts: VS Code's own host script, the data element and the bundled chart script; none from the article.
      const scripts = await frame.locator('script').evaluateAll((nodes) =>
        nodes.map((n) => ({ id: n.id, type: n.getAttribute('type'), src: n.getAttribute('src'), text: (n.textContent ?? '').slice(0, 20000) })),
      );
      const described = JSON.stringify(scripts.map((x) => ({ ...x, text: x.text.slice(0, 80) })));
      assert.equal(scripts.filter((x) => x.id === 'series-data' && x.type === 'application/json').length, 1, described);
      assert.equal(scripts.filter((x) => x.src?.endsWith('/dist/webview/figureChart.js')).length, 1, described);
      const others = scripts.filter((x) => x.id !== 'series-data' && !x.src);
      assert.ok(others.length <= 1 && others.every((x) => x.text.includes('acquireVsCodeApi')), `only VS Code's host script besides ours: ${described}`);
      assert.ok(scripts.every((x) => x.id === 'series-data' || !x.text.includes('alert(')), described);
      assert.equal(await frame.locator('#values a, #values script, #values img').count(), 0);
      const title = await frame.locator('#values button', { hasText: /^zz-hostile$/ }).getAttribute('title');
      assert.equal(title, `Open zz-hostile: ${HOSTILE_HEADLINE}`);
      assert.deepEqual(dialogs, [], 'no alert ran');
      await screenshot(page, 'figure-chart-hostile.png');
    }),
  );
});
