// The packaged extension in code-server's restricted mode (Workspace Trust on, the folder not trusted): hovers and
// diagnostics from the built-in data work, the workspace's knowledge-base file is not used, and the commands that
// write files are not offered; trusting the folder then brings them in without a reload. Screenshots:
// test-results/restricted-*.png.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  installExtension, isolatedDirs, packageVsix, removeDir, startCodeServer, type CodeServerHandle,
} from '../../scripts/code-server.mjs';
import {
  hoverEditorTextUntil, launchChromium, openFileFromExplorer, pollUntil, problemRows, requireEditorTools, runCommand, screenshot,
  showProblems, type Browser,
  failureStep,
  sampleCorpusWorkspace,
} from './codeServerHarness';

const S002 = '002_1cd903209d84dacb.txt';
const PLANTED = 'Planted by the workspace';
/** Restricted mode without the modal trust dialog at start: the folder simply opens untrusted. */
const TRUST_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'always',
  'security.workspace.trust.untrustedFiles': 'open',
};

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
const step = failureStep('restricted', () => userDataDir);

/** The Command Palette's entries for `query` (the palette is closed again afterwards). */
async function paletteEntries(page: Page, query: string): Promise<string[]> {
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  await input.fill(`>${query}`);
  await page.waitForTimeout(1_500);
  const labels = await page.locator('.quick-input-widget .monaco-list-row .label-name').allInnerTexts();
  await page.keyboard.press('Escape');
  return labels.map((l) => l.trim());
}

test('code-server restricted mode: built-in data only, no export or import', { timeout: 240_000 }, async (t) => {
  const tools = requireEditorTools(t);
  if (!tools) return;
  base = mkdtempSync(join(tmpdir(), 'corpus-lens-restricted-'));
  const vsix = packageVsix(join(base, 'corpus-lens.vsix'));
  const dirs = isolatedDirs(join(base, 'code-server'), TRUST_SETTINGS);
  userDataDir = dirs.userData;
  installExtension(tools.codeServer, vsix, dirs);

  const workspace = sampleCorpusWorkspace(base);
  mkdirSync(join(workspace, 'corpus', '.corpus-lens'), { recursive: true });
  writeFileSync(
    join(workspace, 'corpus', '.corpus-lens', 'entities.json'),
    JSON.stringify({ entities: [{ key: 'dmytro-kuleba', name: 'Dmytro Kuleba', type: 'person', description: `${PLANTED}.`, aliases: ['Kuleba'] }] }),
  );

  server = await startCodeServer({ bin: tools.codeServer, folder: workspace, dirs, workspaceTrust: true });
  browser = await launchChromium(tools.chromium);
  const page = browser.page;
  await step(page, 'workbench', async () => {
    await page.goto(server!.url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 30_000 });
    // The workbench says it is in restricted mode (status bar entry or banner).
    await page.getByText(/Restricted Mode/).first().waitFor({ state: 'visible', timeout: 30_000 });
    await openFileFromExplorer(page, S002);
  });

  await t.test('the hover comes from the built-in knowledge base, not the workspace file', () =>
    step(page, 'hover', async () => {
      const text = await hoverEditorTextUntil(page, 'DMYTRO KULEBA', ['Dmytro Kuleba'], 60_000);
      await screenshot(page, 'restricted-hover.png');
      assert.ok(!text.includes(PLANTED), `the workspace knowledge base was used in restricted mode: ${text}`);
      assert.doesNotMatch(text, /your knowledge base/, text);
      assert.match(text, /built-in knowledge base/, `the hover should name the built-in entry: ${text}`);
    }),
  );

  await t.test('diagnostics from the bundled data, at the project file\'s severity, are listed in Problems', () =>
    step(page, 'problems', async () => {
      await showProblems(page, 'superseded-figure');
      const rows = await pollUntil('a superseded-figure row in Problems', 30_000, async () => {
        const found = (await problemRows(page)).filter((r) => r.code.includes('superseded-figure'));
        return found.length ? found : undefined;
      });
      assert.ok(rows.length >= 1);
    }),
  );

  await t.test('Export and Import are not offered in the Command Palette', () =>
    step(page, 'palette', async () => {
      await page.locator('.part.editor .monaco-editor .view-lines').first().click();
      const reindex = await paletteEntries(page, 'Corpus Lens: Re-index');
      assert.ok(reindex.some((e) => e.includes('Re-index Corpus')), `the palette lists other Corpus Lens commands: ${JSON.stringify(reindex)}`);
      for (const query of ['Corpus Lens: Export Annotations', 'Corpus Lens: Import brat']) {
        const entries = await paletteEntries(page, query);
        assert.deepEqual(entries.filter((e) => /Export Annotations|Import brat/.test(e)), [], `file-writing commands in restricted mode: ${JSON.stringify(entries)}`);
      }
    }),
  );

  await t.test('trusting the folder brings the workspace knowledge base and the commands in, without a reload', () =>
    step(page, 'grant-trust', async () => {
      await runCommand(page, 'Workspaces: Manage Workspace Trust');
      const trust = page.getByRole('button', { name: /^Trust$/ }).first();
      await trust.waitFor({ state: 'visible', timeout: 15_000 });
      await trust.click();
      await page.getByText(/Restricted Mode/).first().waitFor({ state: 'hidden', timeout: 15_000 });
      await openFileFromExplorer(page, S002);
      const text = await hoverEditorTextUntil(page, 'DMYTRO KULEBA', [PLANTED], 60_000);
      assert.match(text, /your knowledge base \(entities\.json\)/);
      await screenshot(page, 'restricted-trusted-hover.png');
      await page.locator('.part.editor .monaco-editor .view-lines').first().click();
      const entries = await paletteEntries(page, 'Corpus Lens: Export Annotations');
      assert.ok(entries.some((e) => e.includes('Export Annotations')), `Export is offered once trusted: ${JSON.stringify(entries)}`);
    }),
  );
});
