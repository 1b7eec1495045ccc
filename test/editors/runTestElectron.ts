// Runs the `vscode` API suite (test/editors/vscode-suite) in desktop VS Code with @vscode/test-electron.
// These machines cannot download VS Code, so it needs an installed build: VSCODE_EXECUTABLE=/path/to/code.
// Standalone: `VSCODE_EXECUTABLE=… npx tsx test/editors/runTestElectron.ts`; vscodeApi.test.ts calls it too.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runTests } from '@vscode/test-electron';
import {
  RESULTS_ENV,
  bundleVsCodeSuite,
  formatSuiteResults,
  prepareSuiteWorkspace,
  projectRoot,
  readSuiteResults,
  type SuiteResults,
} from './vscode-suite/harness';

export interface DesktopRunOptions {
  vscodeExecutablePath: string;
  resultsFile?: string;
}

export async function runSuiteInDesktopVsCode(options: DesktopRunOptions): Promise<{ exitCode: number; results: SuiteResults }> {
  if (!existsSync(options.vscodeExecutablePath)) {
    throw new Error(`VSCODE_EXECUTABLE does not exist: ${options.vscodeExecutablePath}`);
  }
  const resultsFile = options.resultsFile ?? join(projectRoot, 'test-results', 'vscode-suite-desktop.json');
  rmSync(resultsFile, { force: true });
  const extensionTestsPath = await bundleVsCodeSuite();
  const workspace = prepareSuiteWorkspace();
  const profile = mkdtempSync(join(tmpdir(), 'corpus-lens-desktop-'));
  let exitCode = 1;
  try {
    exitCode = await runTests({
      vscodeExecutablePath: options.vscodeExecutablePath,
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath,
      extensionTestsEnv: { [RESULTS_ENV]: resultsFile },
      launchArgs: [
        workspace.folder,
        '--disable-extensions',
        `--user-data-dir=${join(profile, 'user-data')}`,
        `--extensions-dir=${join(profile, 'extensions')}`,
      ],
    });
  } catch (error) {
    // runTests rejects when the suite fails; the results file says which tests.
    if (!existsSync(resultsFile)) throw error;
  } finally {
    rmSync(workspace.folder, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
  return { exitCode, results: readSuiteResults(resultsFile) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const executable = process.env.VSCODE_EXECUTABLE;
  if (!executable) {
    console.error('Set VSCODE_EXECUTABLE to a desktop VS Code binary (this machine cannot download one).');
    process.exit(2);
  }
  runSuiteInDesktopVsCode({ vscodeExecutablePath: executable }).then(
    ({ results }) => {
      console.log(formatSuiteResults(results));
      process.exit(results.failures === 0 && results.passes > 0 ? 0 : 1);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
