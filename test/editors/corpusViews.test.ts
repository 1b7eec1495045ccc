// The Corpus Lens views and editor polish in a real VS Code workbench (code-server 1.100.3, headless Chromium), on a
// copy of the sample corpus: the Entities view lists Dmytro Kuleba with 3 articles and opens a mention, the Figures
// and Annotation Progress views show content, the status bar counts articles and findings, names are coloured by
// semantic tokens and annotation markup is dimmed. Screenshots of each view in the dark and the light theme:
// test-results/views-*.png (and views-*-failure.png when a step fails).
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  installExtension,
  isolatedDirs,
  packageVsix,
  removeDir,
  startCodeServer,
  type CodeServerHandle,
} from '../../scripts/code-server.mjs';
import {
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

const ARTICLE_002 = '002_1cd903209d84dacb.txt';
const ANNOTATED = 'annotated-demo.txt';
// No Kuleba here, so the sample corpus's count of his articles stays what it is.
const ANNOTATED_TEXT = 'Talks go on\ndate 2022-02-16\n\n[[NATO|organization]] said [[more than 130,000|figure status=estimate]] troops remained near Ukraine on Tuesday.\n';
const DARK = 'Default Dark Modern';
/** As the theme picker lists it. */
const LIGHT_LABEL = 'Light Modern';

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
const step = failureStep('views', () => userDataDir);

/** The sidebar pane of a view, by its header title. */
function pane(page: Page, title: string): Locator {
  return page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) });
}

/** Rendered rows of a view's tree (only those in view: the tree is virtualized), in display order. */
async function rows(view: Locator): Promise<Array<{ label: string; description: string }>> {
  const out: Array<{ index: number; label: string; description: string }> = [];
  // allTextContents() does not wait for elements, so a row without a description costs nothing.
  for (const row of await view.locator('.monaco-list-row').all()) {
    const index = Number((await row.getAttribute('data-index', { timeout: 1_000 }).catch(() => null)) ?? out.length);
    const label = (await row.locator('.label-name').allTextContents())[0]?.trim() ?? '';
    const description = (await row.locator('.label-description').allTextContents())[0]?.trim() ?? '';
    out.push({ index, label, description });
  }
  return out.sort((a, b) => a.index - b.index).map(({ label, description }) => ({ label, description }));
}

async function waitForRow(view: Locator, what: string, match: (r: { label: string; description: string }) => boolean, timeoutMs = 30_000) {
  return pollUntil(
    what,
    timeoutMs,
    async () => (await rows(view)).find(match),
    async () => JSON.stringify((await rows(view)).slice(0, 12)),
  );
}

/** Runs a command from the Command Palette even when another entry is listed first (arrows down to it). */
async function pickCommand(page: Page, label: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  await input.fill(`>${label}`);
  const focused = page.locator('.quick-input-widget .monaco-list-row.focused .label-name').first();
  await pollUntil('the Command Palette to list entries', 10_000, async () => ((await focused.innerText().catch(() => '')).trim() ? true : undefined));
  for (let i = 0; i < 10; i++) {
    if ((await focused.innerText().catch(() => '')).trim() === label) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(100);
  }
  throw new Error(`"${label}" is not among the first entries of the Command Palette`);
}

/** Picks a colour theme from "Preferences: Color Theme" and waits until the workbench wears it. */
async function setTheme(page: Page, label: string, dark: boolean): Promise<void> {
  await pickCommand(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget input');
  await input.fill(label);
  const focused = page.locator('.quick-input-widget .monaco-list-row.focused .label-name').first();
  await pollUntil(`"${label}" focused in the theme picker`, 10_000, async () => ((await focused.innerText().catch(() => '')).trim() === label ? true : undefined));
  await page.keyboard.press('Enter');
  const wanted = dark ? 'vs-dark' : 'vs';
  await pollUntil(`the ${label} theme`, 20_000, async () => {
    const classes = ((await page.locator('.monaco-workbench').getAttribute('class')) ?? '').split(/\s+/);
    return classes.includes(wanted) ? true : undefined;
  });
  await page.waitForTimeout(500);
}

/** Widens the sidebar by dragging its edge, so the views' descriptions fit in the screenshots. */
async function widenSidebar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) return;
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}

async function paneShots(page: Page, themeName: string): Promise<string[]> {
  const files: string[] = [];
  mkdirSync(resultsDir, { recursive: true });
  for (const [title, name] of [['Entities', 'entities'], ['Figures', 'figures'], ['Annotation Progress', 'progress']] as const) {
    const file = join(resultsDir, `views-${name}-${themeName}.png`);
    await pane(page, title).screenshot({ path: file });
    files.push(file);
  }
  const whole = await screenshot(page, `views-workbench-${themeName}.png`);
  if (whole) files.push(whole);
  return files;
}

/**
 * The computed colour and opacity of each rendered span covering the first occurrence of `text` in a visible
 * editor line (Monaco splits a line into spans at token and decoration boundaries).
 */
async function textStyles(page: Page, text: string): Promise<Array<{ text: string; color: string; opacity: string }> | undefined> {
  const found = await page.evaluate(`(function (wanted) {
    for (const line of document.querySelectorAll('.part.editor .monaco-editor .view-lines .view-line')) {
      const leaves = Array.from(line.querySelectorAll('span')).filter(function (s) { return s.children.length === 0; });
      let all = '';
      const placed = leaves.map(function (s) { const at = all.length; all += s.textContent.replace(/\\u00a0/g, ' '); return { s: s, at: at, end: all.length }; });
      const at = all.indexOf(wanted);
      if (at < 0) continue;
      return placed.filter(function (p) { return p.end > at && p.at < at + wanted.length; }).map(function (p) {
        const style = getComputedStyle(p.s);
        return { text: p.s.textContent, color: style.color, opacity: style.opacity };
      });
    }
    return null;
  })(${JSON.stringify(text)})`);
  return (found ?? undefined) as Array<{ text: string; color: string; opacity: string }> | undefined;
}

const colours = (styles: Array<{ color: string }>) => [...new Set(styles.map((s) => s.color))];

test('code-server: the Corpus Lens views, status bar, semantic colours and dimmed markup', { timeout: 240_000 }, async (t) => {
  const tools = requireEditorTools(t);
  if (!tools) return;
  for (const name of existsSync(resultsDir) ? readdirSync(resultsDir) : []) {
    if (name.startsWith('views-') && name.endsWith('.png')) rmSync(join(resultsDir, name));
  }
  base = mkdtempSync(join(tmpdir(), 'corpus-lens-views-test-'));
  const vsix = packageVsix(join(base, 'corpus-lens.vsix'));
  const dirs = isolatedDirs(join(base, 'code-server'), { 'workbench.colorTheme': DARK, 'workbench.activityBar.location': 'default' });
  userDataDir = dirs.userData;
  installExtension(tools.codeServer, vsix, dirs);
  const workspace = sampleCorpusWorkspace(base);
  writeFileSync(join(workspace, 'corpus', ANNOTATED), ANNOTATED_TEXT);
  // Date hints are off by default (the protocol tests check that): turned on here to see them drawn.
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), `${JSON.stringify({ 'corpusLens.inlayHints.dates': true }, null, 2)}\n`);

  server = await startCodeServer({ bin: tools.codeServer, folder: workspace, dirs });
  browser = await launchChromium(tools.chromium);
  const page = browser.page;
  await step(page, 'workbench', async () => {
    await page.goto(server!.url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 30_000 });
    await openFileFromExplorer(page, ANNOTATED);
  });

  await t.test('the status bar counts the articles and the findings', () =>
    step(page, 'status-bar', async () => {
      const item = page.locator('[id$="corpusLens.status"]');
      const text = await pollUntil('the Corpus Lens status bar item to show counts', 40_000, async () => {
        const value = (await item.innerText().catch(() => '')).trim();
        return /^6 articles · \d+ findings?$/.test(value) ? value : undefined;
      }, async () => item.innerText().catch((e) => String(e)));
      assert.match(text, /^6 articles · [1-9]\d* findings?$/);
    }),
  );

  await t.test('the Entities view lists Dmytro Kuleba with 3 articles and opens a mention', () =>
    step(page, 'entities', async () => {
      await page.locator('.part.activitybar .action-item .action-label[aria-label^="Corpus Lens"]').click();
      const entities = pane(page, 'Entities');
      await entities.waitFor({ state: 'visible', timeout: 15_000 });
      await waitForRow(entities, 'People in the Entities view', (r) => r.label === 'People');
      await waitForRow(entities, 'Vladimir Putin with 5 articles', (r) => r.label === 'Vladimir Putin' && r.description === '5 articles');
      await runCommand(page, 'Corpus Lens: Filter Entities…');
      const input = page.locator('.quick-input-widget input');
      await input.fill('Kuleba');
      await page.keyboard.press('Enter');
      const kuleba = await waitForRow(entities, 'Dmytro Kuleba in the filtered Entities view', (r) => r.label === 'Dmytro Kuleba');
      assert.equal(kuleba.description, '3 articles');
      const shown = (await rows(entities)).map((r) => r.label);
      assert.deepEqual(shown, ['People', 'Dmytro Kuleba'], 'the filter keeps only Kuleba');
      await entities.locator('.monaco-list-row', { hasText: /Dmytro Kuleba/ }).click();
      await waitForRow(entities, 'article 002 under Kuleba', (r) => r.label === '002');
      const mention = await waitForRow(entities, 'the mention in 002', (r) => r.label.includes('DMYTRO KULEBA'));
      assert.match(mention.description, /^line 6\b/);
      // A regular expression, so the match is case-sensitive: "Dmytro Kuleba" (the entity row) must not match.
      await entities.locator('.monaco-list-row', { hasText: /DMYTRO KULEBA/ }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: ARTICLE_002 }).waitFor({ state: 'visible', timeout: 10_000 });
      const selection = await pollUntil('the editor selection on the mention', 10_000, async () => {
        const value = (await page.locator('[id="status.editor.selection"]').innerText().catch(() => '')).trim();
        return /Ln 6, Col \d+ \(13 selected\)/.test(value) ? value : undefined;
      }, async () => page.locator('[id="status.editor.selection"]').innerText().catch((e) => String(e)));
      assert.match(selection, /\(13 selected\)/);
    }),
  );

  await t.test('names are coloured by semantic tokens and annotation markup is dimmed', () =>
    step(page, 'editor-polish', async () => {
      // The grammar gives names no colour of their own: a person's own colour comes from the semantic tokens.
      const person = await pollUntil('"DMYTRO KULEBA" coloured as a person', 30_000, async () => {
        const name = await textStyles(page, 'DMYTRO KULEBA');
        const prose = await textStyles(page, ' is also skeptical about');
        return name && prose && colours(name).length === 1 && !colours(prose).includes(colours(name)[0]!) ? { name, prose } : undefined;
      }, async () => JSON.stringify([await textStyles(page, 'DMYTRO KULEBA'), await textStyles(page, ' is also skeptical about')]));
      assert.equal(colours(person.name).length, 1);
      await screenshot(page, 'views-editor-person-dark.png');
      await page.locator('.tabs-container .tab', { hasText: ANNOTATED }).click();
      await page.locator('.tabs-container .tab.active', { hasText: ANNOTATED }).waitFor({ state: 'visible', timeout: 10_000 });
      const markup = await pollUntil('the markup "[[" and "|type …]]" to be dimmed', 20_000, async () => {
        const open = await textStyles(page, '[[');
        const rest = await textStyles(page, '|figure status=estimate]]');
        return open && rest && [...open, ...rest].every((s) => Number(s.opacity) < 0.6) ? { open, rest } : undefined;
      }, async () => JSON.stringify(await textStyles(page, '|figure status=estimate]]')));
      assert.ok(markup.rest.length > 0);
      const nato = await textStyles(page, 'NATO');
      assert.ok(nato && nato.every((s) => s.opacity === '1'), `the annotated words are not dimmed: ${JSON.stringify(nato)}`);
      const figure = await textStyles(page, 'more than 130,000');
      const prose = await textStyles(page, ' troops remained near ');
      assert.ok(figure && prose && !colours(prose).includes(colours(figure)[0]!), 'the figure has its own colour');
      assert.notEqual(colours(nato)[0], colours(figure)[0], 'organizations and figures differ');
      // The inlay hint after "Tuesday" is drawn in the line, after the word.
      const hint = await pollUntil('the date hint "→ 2022-02-15" after Tuesday', 20_000, () => textStyles(page, '→ 2022-02-15'));
      assert.ok(hint.length > 0);
      assert.ok((await textStyles(page, 'Tuesday')) !== undefined);
      await screenshot(page, 'views-editor-dark.png');
    }),
  );

  await t.test('the Figures and Annotation Progress views show content', () =>
    step(page, 'figures-progress', async () => {
      const figures = pane(page, 'Figures');
      const troops = await waitForRow(figures, 'the troop quantity', (r) => r.label === 'military personnel (count)');
      // The five sample articles and the annotated one all give a troop figure.
      assert.match(troops.description, /^\d+ findings? · \d+ figures · 6 articles$/);
      const first = (await rows(figures))[0]!;
      assert.match(first.description, /finding/, 'quantities with findings come first');
      const progress = pane(page, 'Annotation Progress');
      const annotated = await waitForRow(progress, 'the annotated article in Annotation Progress', (r) => /^\d+\/\d+\s+annotated-demo$/.test(r.label));
      assert.match(annotated.description, /^entities 1\/\d+ · figures 1\/\d+/);
      const all = await rows(progress);
      assert.equal(all.length, 6, JSON.stringify(all));
      assert.equal(all[all.length - 1]!.label.endsWith('annotated-demo'), true, 'least done first: the annotated article is last');
    }),
  );

  await t.test('screenshots of each view in the dark and the light theme', () =>
    step(page, 'screenshots', async () => {
      await runCommand(page, 'Corpus Lens: Clear Entity Filter');
      await waitForRow(pane(page, 'Entities'), 'the unfiltered Entities view', (r) => r.label === 'Vladimir Putin');
      await pane(page, 'Figures').locator('.monaco-list-row', { hasText: 'military personnel (count)' }).click();
      await waitForRow(pane(page, 'Figures'), 'an article under the troop quantity', (r) => r.label === '000');
      await widenSidebar(page, 640);
      await page.mouse.move(900, 600);
      const shots = [...(await paneShots(page, 'dark'))];
      await setTheme(page, LIGHT_LABEL, false);
      shots.push(...(await paneShots(page, 'light')));
      for (const [tab, name] of [[ANNOTATED, 'views-editor-light.png'], [ARTICLE_002, 'views-editor-person-light.png']] as const) {
        await page.locator('.tabs-container .tab', { hasText: tab }).click();
        await page.locator('.tabs-container .tab.active', { hasText: tab }).waitFor({ state: 'visible', timeout: 10_000 });
        await page.waitForTimeout(500);
        const shot = await screenshot(page, name);
        if (shot) shots.push(shot);
      }
      for (const file of shots) assert.ok(existsSync(file), file);
      console.log(`screenshots: ${shots.join(', ')}`);
    }),
  );

  await t.test("a figure row's inline action opens the figure chart with the quantity's values", () =>
    step(page, 'figures-chart', async () => {
      // The troop quantity is expanded from the step before: its articles are open, their figures listed.
      const figures = pane(page, 'Figures');
      await waitForRow(figures, 'a troop figure of 000', (r) => r.label === '150,000');
      const row = figures.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^150,000$/ }) }).first();
      await row.hover();
      await row.locator('.action-label[aria-label^="Show Figure Chart"]').click();
      const chart = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      const title = await pollUntil(
        'the chart of the troop quantity',
        30_000,
        async () => {
          const text = await chart.locator('#title').innerText({ timeout: 1_000 }).catch(() => '');
          return text.trim() ? text : undefined;
        },
        async () => 'no chart title yet',
      );
      assert.match(title, /150,000/);
      const labels = new Set<string>();
      for (const r of await chart.locator('#values tr').all()) {
        const article = (await r.locator('td').first().innerText({ timeout: 1_000 }).catch(() => '')).trim();
        if (/^\d{3}$/.test(article)) labels.add(article);
      }
      assert.deepEqual([...labels].sort(), ['000', '001', '002', '003', '004'], 'the values of every seed article');
      await screenshot(page, 'views-figures-chart.png');
    }),
  );
});
