// Runs the `vscode` API suite (test/editors/vscode-suite) inside real VS Code extension hosts:
// 1. code-server's (VS Code 1.100.3), loading the extension for development through the workbench URL payload;
// 2. desktop VS Code through @vscode/test-electron, when VSCODE_EXECUTABLE points at one.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  isolatedDirs,
  projectRoot,
  remoteUri,
  removeDir,
  startCodeServer,
  workbenchUrl,
  type CodeServerHandle,
  type IsolatedDirs,
} from '../../scripts/code-server.mjs';
import { extensionLogTail, launchChromium, loudly, requireEditorTools, resultsDir, screenshot, withTimeout, type Browser } from './codeServerHarness';
import { runSuiteInDesktopVsCode } from './runTestElectron';
import {
  RESULTS_ENV,
  bundleVsCodeSuite,
  formatSuiteResults,
  prepareSuiteWorkspace,
  readSuiteResults,
  type SuiteResults,
} from './vscode-suite/harness';

/** The suite has 11 tests; fewer passes means some did not run. */
const MIN_PASSES = 11;
const SUITE_TIMEOUT_MS = 120_000;

function assertSuitePassed(results: SuiteResults): void {
  console.log(formatSuiteResults(results));
  const failed = results.tests.filter((t) => t.state === 'failed').map((t) => `${t.title}: ${t.error}`);
  assert.deepEqual(failed, [], 'failed tests in the vscode API suite');
  assert.equal(results.failures, 0);
  assert.ok(results.passes >= MIN_PASSES, `expected at least ${MIN_PASSES} passing tests, got ${results.passes}`);
}

/** The extension is loaded from the project root for development, so dist/ must be current. */
function buildExtension(): void {
  const build = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build.mjs'), '--quiet'], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  assert.equal(build.status, 0, `build failed:\n${build.stdout}${build.stderr}`);
}

let server: CodeServerHandle | undefined;
let browser: Browser | undefined;
let dirs: IsolatedDirs | undefined;
let workspaceFolder: string | undefined;

after(async () => {
  await browser?.close();
  await server?.stop();
  if (dirs) removeDir(dirs.base);
  if (workspaceFolder) removeDir(workspaceFolder);
});

test('vscode API suite runs inside code-server\'s extension host', { timeout: 180_000 }, async (t) => {
  const tools = requireEditorTools(t);
  if (!tools) return;
  const started = Date.now();

  buildExtension();
  const suiteIndex = await bundleVsCodeSuite();
  const workspace = prepareSuiteWorkspace();
  workspaceFolder = workspace.folder;
  if (workspace.usedFallbackFixture) console.log('note: test/fixtures/dates/weekday-mismatch.txt is missing; used a stand-in');

  const resultsFile = join(resultsDir, 'vscode-suite-code-server.json');
  rmSync(resultsFile, { force: true });
  rmSync(join(resultsDir, 'vscode-suite-code-server-failure.png'), { force: true });
  dirs = isolatedDirs();
  server = await startCodeServer({
    bin: tools.codeServer,
    folder: workspace.folder,
    dirs,
    env: { [RESULTS_ENV]: resultsFile },
  });
  const url = workbenchUrl(server.port, workspace.folder, [
    ['extensionDevelopmentPath', remoteUri(server.port, projectRoot)],
    ['extensionTestsPath', remoteUri(server.port, suiteIndex)],
  ]);

  browser = await launchChromium(tools.chromium);
  const page = browser.page;
  const pageLog: string[] = [];
  page.on('console', (message) => {
    pageLog.push(message.text());
    if (pageLog.length > 300) pageLog.shift();
  });
  // The workbench calls window.codeAutomationExit(code) when the suite's run() settles.
  const exitCode = new Promise<number>((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
  });
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    const code = await withTimeout(exitCode, SUITE_TIMEOUT_MS, 'the suite to finish (codeAutomationExit)');
    console.log(`code-server suite exit code ${code} after ${Date.now() - started} ms`);
    const results = readSuiteResults(resultsFile);
    assertSuitePassed(results);
    assert.equal(results.uiKind, 'web', 'the suite should have run in the web workbench');
    assert.equal(code, 0, 'the workbench reported a failing run');
  } catch (error) {
    const shot = await screenshot(page, 'vscode-suite-code-server-failure.png');
    console.log(`failure screenshot: ${shot ?? 'none'}`);
    console.log(`last workbench console lines:\n${pageLog.slice(-40).join('\n')}`);
    console.log(`last code-server lines:\n${server.output.slice(-20).join('\n')}`);
    console.log(`Corpus Lens output:\n${extensionLogTail(dirs.userData)}`);
    throw error;
  }
});

test('vscode API suite runs in desktop VS Code via @vscode/test-electron', { timeout: 240_000 }, async (t) => {
  const executable = process.env.VSCODE_EXECUTABLE;
  if (!executable) {
    const message =
      'test-electron: no desktop VS Code here (set VSCODE_EXECUTABLE); the same suite ran in code-server above';
    loudly(`SKIPPED ${message}`);
    t.skip(message);
    return;
  }
  buildExtension();
  const { exitCode, results } = await runSuiteInDesktopVsCode({
    vscodeExecutablePath: executable,
    resultsFile: join(resultsDir, 'vscode-suite-desktop.json'),
  });
  assertSuitePassed(results);
  assert.equal(results.uiKind, 'desktop');
  assert.equal(exitCode, 0);
});
