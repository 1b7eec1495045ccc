// The packaged extension in a real VS Code workbench (code-server 1.100.3), driven as a person would:
// install the .vsix, open an article from the Explorer, hover a weekday, read the Problems panel.
// Screenshots land in test-results/ (and test-results/*-failure.png when a step fails).
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  installExtension,
  isolatedDirs,
  packageVsix,
  projectRoot,
  removeDir,
  startCodeServer,
  type CodeServerHandle,
} from '../../scripts/code-server.mjs';
import {
  launchChromium,
  requireEditorTools,
  resultsDir,
  screenshot,
  withTimeout,
  type Browser,
  showProblems,
  failureStep,
  sampleCorpusWorkspace,
} from './codeServerHarness';

const SEED = '000_e84a3163cd5655f9.txt';
const MISMATCH = 'weekday-mismatch.txt';
const MISMATCH_SOURCE = join(projectRoot, 'test', 'fixtures', 'dates', MISMATCH);
const FALLBACK_MISMATCH_TEXT = 'date 2022-02-16\nHeadline\n\nOfficials met on Tuesday, Feb. 16, 2022 in Kyiv.\n';

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
const step = failureStep('code-server', () => userDataDir);

function explorerRow(page: Page, label: string) {
  return page
    .locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.]/g, '\\.')}$`) }) });
}

async function openFromExplorer(page: Page, fileName: string): Promise<void> {
  const folderRow = explorerRow(page, 'corpus');
  await folderRow.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await folderRow.getAttribute('aria-expanded')) !== 'true') await folderRow.click();
  const fileRow = explorerRow(page, fileName);
  await fileRow.waitFor({ state: 'visible', timeout: 10_000 });
  await fileRow.dblclick();
  await page
    .locator('.tabs-container .tab.active', { hasText: fileName })
    .waitFor({ state: 'visible', timeout: 10_000 });
}

/**
 * Center of `word` in the editor, in page coordinates: the token span (`.view-line span.mtkN`) holding it,
 * offset by the word's column inside the span (the editor font is monospaced).
 */
async function wordCenter(page: Page, word: string): Promise<{ x: number; y: number } | undefined> {
  const spans = page.locator('.monaco-editor .view-line span[class^="mtk"]', { hasText: new RegExp(`\\b${word}\\b`) });
  const count = await spans.count();
  for (let i = 0; i < count; i++) {
    const span = spans.nth(i);
    const text = (await span.textContent()) ?? '';
    const box = await span.boundingBox();
    const at = text.search(new RegExp(`\\b${word}\\b`));
    if (!box || at < 0 || text.length === 0) continue;
    const charWidth = box.width / text.length;
    return { x: box.x + (at + word.length / 2) * charWidth, y: box.y + box.height / 2 };
  }
  return undefined;
}

async function hoverText(page: Page): Promise<string> {
  const texts = await page.locator('.monaco-hover').allInnerTexts();
  return texts.map((t) => t.trim()).filter(Boolean).join('\n');
}

/** Hovers `word` until the hover card contains `expected`; re-hovers while the server is still starting. */
async function hoverUntil(page: Page, word: string, expected: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const point = await wordCenter(page, word);
    if (point) {
      await page.mouse.move(5, 5);
      await page.mouse.move(point.x, point.y, { steps: 4 });
      const settle = Date.now() + 3_000;
      while (Date.now() < settle) {
        last = await hoverText(page);
        if (last.includes(expected)) return last;
        await page.waitForTimeout(200);
      }
    } else {
      await page.waitForTimeout(300);
    }
  }
  throw new Error(`no hover containing "${expected}" over "${word}" within ${timeoutMs} ms; last hover text: ${JSON.stringify(last)}`);
}

test('code-server: the packaged extension shows date hovers, problems and its language mode', { timeout: 180_000 }, async (t) => {
  const tools = requireEditorTools(t);
  if (!tools) return;
  const timings: string[] = [];
  let mark = Date.now();
  const lap = (what: string) => {
    timings.push(`${what} ${Date.now() - mark} ms`);
    mark = Date.now();
  };

  // Screenshots of an earlier failed run would mislead.
  for (const name of existsSync(resultsDir) ? readdirSync(resultsDir) : []) {
    if (name.startsWith('code-server-') && name.endsWith('-failure.png')) rmSync(join(resultsDir, name));
  }
  base = mkdtempSync(join(tmpdir(), 'corpus-lens-code-server-test-'));
  const vsix = packageVsix(join(base, 'corpus-lens.vsix'));
  lap('package');
  const dirs = isolatedDirs(join(base, 'code-server'));
  userDataDir = dirs.userData;
  installExtension(tools.codeServer, vsix, dirs);
  assert.ok(
    readdirSync(dirs.extensions).some((name) => name.startsWith('corpus-lens.corpus-lens-')),
    `the extension is not in ${dirs.extensions}: ${readdirSync(dirs.extensions).join(', ')}`,
  );
  lap('install');

  const workspace = sampleCorpusWorkspace(base);
  if (existsSync(MISMATCH_SOURCE)) copyFileSync(MISMATCH_SOURCE, join(workspace, 'corpus', MISMATCH));
  else {
    console.log(`note: ${MISMATCH_SOURCE} is missing; using a stand-in with a known weekday mismatch`);
    writeFileSync(join(workspace, 'corpus', MISMATCH), FALLBACK_MISMATCH_TEXT);
  }

  server = await startCodeServer({ bin: tools.codeServer, folder: workspace, dirs });
  lap('code-server /healthz');
  browser = await launchChromium(tools.chromium);
  const page = browser.page;
  await step(page, 'workbench', async () => {
    await page.goto(server!.url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 30_000 });
    await openFromExplorer(page, SEED);
  });
  lap('workbench + open 000');

  await t.test('hovering "Tuesday" in 000 shows 2022-02-15', () =>
    step(page, 'date-hover', async () => {
      const text = await hoverUntil(page, 'Tuesday', '2022-02-15', 40_000);
      assert.match(text, /2022-02-15/);
      lap('first hover');
      await screenshot(page, 'code-server-date-hover.png');
    }),
  );

  await t.test('the status bar shows the "News Article" language mode', () =>
    step(page, 'language-mode', async () => {
      await page.mouse.move(5, 5);
      const mode = page.locator('[id="status.editor.mode"]');
      await withTimeout(
        (async () => {
          while (!(await mode.innerText().catch(() => '')).includes('News Article')) await page.waitForTimeout(200);
        })(),
        10_000,
        'the language mode "News Article" in the status bar',
      );
      assert.match(await mode.innerText(), /News Article/);
    }),
  );

  await t.test('Problems lists a weekday-mismatch for the fixture', () =>
    step(page, 'problems', async () => {
      await openFromExplorer(page, MISMATCH);
      await page.locator('.monaco-editor .view-lines').first().click();
      // The corpus has many other problems: filter the panel to the fixture so its row is in view.
      await showProblems(page, '**/weekday-mismatch.txt');
      const panel = page.locator('.markers-panel');
      // A problem row has the message, then its source and code ("corpus-lens(weekday-mismatch)" on screen).
      const problem = panel
        .locator('.monaco-list-row')
        .filter({ has: page.locator('.marker-source', { hasText: /^corpus-lens$/ }) })
        .filter({ has: page.locator('.marker-code', { hasText: /^weekday-mismatch$/ }) });
      await problem
        .first()
        .waitFor({ state: 'visible', timeout: 30_000 })
        .catch(async (error) => {
          console.log(`Problems panel text: ${JSON.stringify(await panel.innerText().catch(() => ''))}`);
          throw error;
        });
      const message = await problem.first().locator('.marker-message').innerText();
      assert.match(message, /Tuesday/);
      assert.match(message, /Wednesday/);
      // The seed articles have none: the fixture's "Tuesday, Feb. 16" is the only mismatch in the workspace.
      assert.equal(await problem.count(), 1, `weekday-mismatch rows: ${await problem.allInnerTexts()}`);
      lap('problems');
      await screenshot(page, 'code-server-problems.png');
    }),
  );
  console.log(`timings: ${timings.join(', ')}`);
});
