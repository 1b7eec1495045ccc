// Shared by the code-server editor tests: prerequisites (fail loudly, or skip loudly on request),
// a headless Debian Chromium driven by playwright-core, bounded waits and screenshots.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  CHROMIUM_HINT,
  INSTALL_HINT,
  codeServerBinPath,
  findChromium,
  findCodeServer,
  projectRoot,
  removeDir,
} from '../../scripts/code-server.mjs';

export const resultsDir = join(projectRoot, 'test-results');
export const SKIP_ENV = 'CORPUS_LENS_SKIP_EDITORS';

export interface EditorTools {
  codeServer: string;
  chromium: string;
}

/**
 * A copy of the sample corpus as BASE/workspace/corpus/*.txt (tests save edits to it), with the sample corpus's
 * project file (its raised rules) at the workspace root, as `npm start` serves it, unless `projectFile` is false.
 */
export function sampleCorpusWorkspace(base: string, { projectFile = true } = {}): string {
  const workspace = join(base, 'workspace');
  mkdirSync(join(workspace, 'corpus'), { recursive: true });
  for (const name of readdirSync(join(projectRoot, 'corpus'))) {
    if (name.endsWith('.txt')) copyFileSync(join(projectRoot, 'corpus', name), join(workspace, 'corpus', name));
  }
  if (projectFile) copyFileSync(join(projectRoot, 'corpus', '.corpus-lens.json'), join(workspace, '.corpus-lens.json'));
  return workspace;
}

/**
 * A test's step runner: on failure it keeps a screenshot named PREFIX-STEP-failure.png and prints the end of the
 * extension's log (from the user-data folder, once the test has one).
 */
export function failureStep(prefix: string, userDataDir: () => string | undefined) {
  return async function step<T>(page: Page, name: string, body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (error) {
      const shot = await screenshot(page, `${prefix}-${name}-failure.png`);
      console.log(`step "${name}" failed; screenshot: ${shot ?? 'none'}`);
      const dir = userDataDir();
      if (dir) console.log(`Corpus Lens output:\n${extensionLogTail(dir)}`);
      throw error;
    }
  };
}

export function loudly(message: string): void {
  const bar = '!'.repeat(Math.min(100, message.length + 4));
  console.log(`\n${bar}\n! ${message}\n${bar}\n`);
}

/**
 * The code-server and Chromium binaries. Missing ones fail the test with install instructions,
 * unless CORPUS_LENS_SKIP_EDITORS=1, which turns that into a loud skip (never a pass).
 */
export function requireEditorTools(t: TestContext): EditorTools | undefined {
  const codeServer = findCodeServer();
  const chromiumPath = findChromium();
  const missing: string[] = [];
  if (!codeServer) missing.push(`code-server is not installed at ${codeServerBinPath()}. ${INSTALL_HINT}`);
  if (!chromiumPath) missing.push(`Chromium was not found on PATH. ${CHROMIUM_HINT}`);
  if (missing.length === 0) return { codeServer: codeServer!, chromium: chromiumPath! };
  if (process.env[SKIP_ENV] === '1') {
    const message = `SKIPPED (${SKIP_ENV}=1): ${missing.join(' ')}`;
    loudly(message);
    t.skip(message);
    return undefined;
  }
  throw new Error(`${missing.join('\n')}\n(Set ${SKIP_ENV}=1 to skip the real-editor tests instead.)`);
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'corpus-lens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1600, height: 1000 },
    timeout: 30_000,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await withTimeout(context.close(), 10_000, 'closing Chromium').catch(() => {});
      removeDir(profile);
    },
  };
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function screenshot(page: Page | undefined, name: string): Promise<string | undefined> {
  if (!page || page.isClosed()) return undefined;
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, name);
  try {
    await page.screenshot({ path: file, timeout: 10_000 });
    return file;
  } catch {
    return undefined;
  }
}

/**
 * The last lines of the extension's output channel ("Corpus Lens" log, where the language server's
 * stderr lands), found under code-server's user-data logs. Shown when a test fails.
 */
export function extensionLogTail(userDataDir: string, lines = 40): string {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (dir.endsWith('corpus-lens.corpus-lens') && entry.name.endsWith('.log')) found.push(full);
    }
  };
  walk(join(userDataDir, 'logs'));
  if (found.length === 0) return '(no Corpus Lens output log found)';
  return found
    .map((file) => {
      const text = readFileSync(file, 'utf8').split('\n');
      return `${file}:\n${text.slice(-lines).map((line) => line.slice(0, 400)).join('\n')}`;
    })
    .join('\n');
}

// ── Driving the workbench as a person would (used by acceptance.test.ts) ─────────────────────

/**
 * Polls `probe` until it returns something other than undefined, within `timeoutMs`.
 * On timeout the error names `what` and, when given, what `lastSeen` reports at that moment.
 */
export async function pollUntil<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
  lastSeen?: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) {
      const seen = lastSeen ? `; last seen: ${await lastSeen().catch((e) => String(e))}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function exactLabel(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

export function explorerRow(page: Page, label: string) {
  return page
    .locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exactLabel(label) }) });
}

/** Opens `folder/fileName` by double-clicking it in the Explorer (Quick Open was unreliable here). */
export async function openFileFromExplorer(page: Page, fileName: string, folder = 'corpus'): Promise<void> {
  const folderRow = explorerRow(page, folder);
  await folderRow.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await folderRow.getAttribute('aria-expanded')) !== 'true') await folderRow.click();
  const fileRow = explorerRow(page, fileName);
  await fileRow.waitFor({ state: 'visible', timeout: 10_000 });
  await fileRow.dblclick();
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible', timeout: 10_000 });
}

/**
 * Page coordinates of the middle of the first visible occurrence of `text` in the editor area.
 * Monaco splits a visual line into several spans (even inside words) and writes spaces as U+00A0,
 * so the text is searched over each visual line's concatenated text and measured with a DOM Range.
 */
export async function editorTextPoint(page: Page, text: string): Promise<{ x: number; y: number } | undefined> {
  const point = await page.evaluate(`(${EDITOR_TEXT_POINT})(${JSON.stringify(text)})`);
  return (point ?? undefined) as { x: number; y: number } | undefined;
}

// Page-side code is kept as source text: the TypeScript loader would otherwise wrap its inner functions in a
// helper that does not exist in the page, and the project's type checking has no DOM library.
const EDITOR_TEXT_POINT = `function (wanted) {
  const lines = Array.from(document.querySelectorAll('.part.editor .monaco-editor .view-lines .view-line'))
    .sort(function (a, b) { return parseFloat(a.style.top) - parseFloat(b.style.top); });
  for (const line of lines) {
    const nodes = [];
    let all = '';
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node: node, offset: all.length });
      all += node.data;
    }
    const at = all.replace(/\\u00a0/g, ' ').indexOf(wanted);
    if (at < 0) continue;
    function locate(offset) {
      let found = nodes[0];
      for (const n of nodes) if (n.offset <= offset) found = n;
      return { node: found.node, at: offset - found.offset };
    }
    const start = locate(at);
    const last = locate(at + wanted.length - 1);
    const range = document.createRange();
    range.setStart(start.node, start.at);
    range.setEnd(last.node, last.at + 1);
    const box = range.getBoundingClientRect();
    if (box.width > 0) return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }
  return null;
}`;

/** Clicks into the editor on `text`, which puts the cursor there. */
export async function clickEditorText(page: Page, text: string, timeoutMs = 10_000): Promise<void> {
  const point = await pollUntil(`"${text}" to be visible in the editor`, timeoutMs, () => editorTextPoint(page, text));
  await page.mouse.click(point.x, point.y);
}

/** The text of every non-empty hover card (several `.monaco-hover` nodes exist, some empty). */
export async function hoverCardText(page: Page): Promise<string> {
  const texts = await page.locator('.monaco-hover').allInnerTexts();
  return texts.map((t) => t.trim()).filter(Boolean).join('\n');
}

/**
 * Hovers `text` in the editor until the hover card contains every string in `expected`;
 * hovers again while the language server is still indexing.
 */
export async function hoverEditorTextUntil(page: Page, text: string, expected: readonly string[], timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const point = await editorTextPoint(page, text);
    if (point) {
      await page.mouse.move(5, 5);
      await page.mouse.move(point.x, point.y, { steps: 4 });
      const settle = Date.now() + 3_000;
      while (Date.now() < settle) {
        last = await hoverCardText(page);
        if (expected.every((e) => last.includes(e))) return last;
        await page.waitForTimeout(200);
      }
    } else {
      await page.waitForTimeout(300);
    }
  }
  throw new Error(`no hover over "${text}" containing ${JSON.stringify(expected)} within ${timeoutMs} ms; last hover text: ${JSON.stringify(last)}`);
}

/** Runs a command from the Command Palette by its exact label ("File: Save All Files"). */
export async function runCommand(page: Page, label: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  // After a context menu the keyboard focus can sit where F1 is not heard: retry, with the other shortcut too.
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press(attempt % 2 === 0 ? 'F1' : 'Control+Shift+P');
    const shown = await input.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
    if (shown) break;
    if (attempt >= 3) throw new Error('the Command Palette did not open (F1, Ctrl+Shift+P)');
    await page.keyboard.press('Escape');
    await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } }).catch(() => undefined);
  }
  // fill(), not typing: keys typed before the box has the focus would go to the panel or editor behind it.
  await input.fill(`>${label}`);
  const focusedLabel = page.locator('.quick-input-widget .monaco-list-row.focused .label-name').first();
  await pollUntil(
    `"${label}" to be the first entry of the Command Palette`,
    10_000,
    async () => ((await focusedLabel.innerText().catch(() => '')).trim() === label ? true : undefined),
    () => page.locator('.quick-input-widget .monaco-list-row .label-name').allInnerTexts().then((t) => JSON.stringify(t.slice(0, 8))),
  );
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Titles of the actions in the open code action menu (light bulb, Ctrl+. or the refactor menu). */
export async function codeActionMenuTitles(page: Page): Promise<string[]> {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  const titles: string[] = [];
  for (const row of await rows.all()) titles.push((await row.getAttribute('aria-label')) ?? (await row.innerText()));
  return titles;
}

/** Opens the code action menu at the cursor (Ctrl+.) and waits until it lists `wanted`. */
export async function openCodeActionMenu(page: Page, wanted: RegExp, timeoutMs = 15_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let titles: string[] = [];
  while (Date.now() < deadline) {
    await page.keyboard.press('Control+.');
    const shown = await page
      .locator('.action-widget .monaco-list-row.action')
      .first()
      .waitFor({ state: 'visible', timeout: 3_000 })
      .then(() => true, () => false);
    if (shown) {
      titles = await codeActionMenuTitles(page);
      if (titles.some((t) => wanted.test(t))) return titles;
    }
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
  }
  throw new Error(`the code action menu did not offer ${wanted} within ${timeoutMs} ms; it offered: ${JSON.stringify(titles)}`);
}

/** Applies the action titled `title` from the open code action menu (keyboard: arrows, then Enter). */
export async function pickCodeAction(page: Page, title: string): Promise<void> {
  const titles = await codeActionMenuTitles(page);
  if (!titles.includes(title)) {
    await page.keyboard.press('Escape');
    throw new Error(`the code action menu does not offer "${title}"; it offers: ${JSON.stringify(titles)}`);
  }
  const focused = page.locator('.action-widget .monaco-list-row.action.focused');
  for (let i = 0; i <= titles.length; i++) {
    if ((await focused.getAttribute('aria-label').catch(() => null)) === title) {
      await page.keyboard.press('Enter');
      await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not move the focus to "${title}" in the code action menu`);
}

export interface ProblemRow {
  /** 1: a file, 2: a problem, 3: a related-information entry under the problem above it. */
  level: number;
  text: string;
  message: string;
  source: string;
  code: string;
  expanded: boolean | undefined;
}

/** The rendered rows of the Problems panel, in display order (the tree is virtualized: only visible rows). */
export async function problemRows(page: Page): Promise<ProblemRow[]> {
  return (await page.evaluate(`(${PROBLEM_ROWS})()`)) as ProblemRow[];
}

const PROBLEM_ROWS = `function () {
  return Array.from(document.querySelectorAll('.markers-panel .monaco-list-row'))
    .sort(function (a, b) { return Number(a.dataset.index) - Number(b.dataset.index); })
    .map(function (row) {
      function text(selector) {
        const found = row.querySelector(selector);
        return found ? found.innerText.trim() : '';
      }
      const expanded = row.getAttribute('aria-expanded');
      return {
        level: Number(row.getAttribute('aria-level')),
        text: row.innerText.trim(),
        message: text('.marker-message'),
        source: text('.marker-source'),
        code: text('.marker-code'),
        expanded: expanded === null ? undefined : expanded === 'true',
      };
    });
}`;

/** Opens the Problems panel (Ctrl+Shift+M) and types `filter` into its filter box (a file glob or text). */
export async function showProblems(page: Page, filter: string): Promise<void> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
  }
  const input = page.getByPlaceholder(/^Filter \(e\.g\. text/);
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(filter);
  await pollUntil(`the Problems filter to read ${JSON.stringify(filter)}`, 5_000, async () => ((await input.inputValue()) === filter ? true : undefined));
}

/** Labels of the items in the open context menu. */
export async function contextMenuLabels(page: Page): Promise<string[]> {
  const labels: string[] = [];
  for (const item of await page.locator('.context-view.monaco-menu-container .action-item .action-label').all()) {
    const label = await item.getAttribute('aria-label', { timeout: 1_000 }).catch(() => null);
    if (label) labels.push(label);
  }
  return labels;
}

/**
 * Runs the item labelled `label` of the open context menu with the keyboard (arrows, then Enter):
 * a mouse click right after the menu opens is sometimes swallowed by the menu.
 */
export async function pickContextMenuItem(page: Page, label: string, timeoutMs = 10_000): Promise<void> {
  const menu = page.locator('.context-view.monaco-menu-container');
  await pollUntil(
    `"${label}" in the context menu`,
    timeoutMs,
    async () => ((await contextMenuLabels(page)).includes(label) ? true : undefined),
    async () => JSON.stringify(await contextMenuLabels(page)),
  );
  const count = (await contextMenuLabels(page)).length;
  const focused = menu.locator('.action-item.focused .action-label');
  for (let i = 0; i <= count; i++) {
    if ((await focused.getAttribute('aria-label', { timeout: 1_000 }).catch(() => null)) === label) {
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not move the focus to "${label}" in the context menu ${JSON.stringify(await contextMenuLabels(page))}`);
}
