// Entry point the extension host loads as `extensionTestsPath` (desktop VS Code via @vscode/test-electron,
// or code-server via the workbench URL payload). Runs the mocha suites and writes a results file,
// because the extension host's console is not reliably visible to the runner.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Mocha from 'mocha';

/** Env var naming the results file; the fallback sits in test-results/ (this bundle lives in dist/test/vscode-suite/). */
export const RESULTS_ENV = 'CORPUS_LENS_SUITE_RESULTS';
/** Optional: run only the tests whose full title matches this regular expression. */
export const GREP_ENV = 'CORPUS_LENS_SUITE_GREP';

interface TestOutcome {
  title: string;
  state: 'passed' | 'failed';
  durationMs: number;
  error?: string;
}

export interface SuiteResults {
  passes: number;
  failures: number;
  pending: number;
  tests: TestOutcome[];
  uiKind: string;
  vscodeVersion: string;
  startedAt: string;
  durationMs: number;
}

function resultsPath(): string {
  return process.env[RESULTS_ENV] || join(__dirname, '..', '..', '..', 'test-results', 'vscode-suite-results.json');
}

function writeResults(results: SuiteResults): void {
  const file = resultsPath();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 40_000, reporter: 'spec' });
  if (process.env[GREP_ENV]) mocha.grep(new RegExp(process.env[GREP_ENV]));
  // The suites are bundled into this file, so define mocha's globals first and then load them in order.
  mocha.suite.emit('pre-require', globalThis, 'vscode-suite', mocha);
  require('./extension.suite');
  require('./features.suite');

  // Read lazily: `vscode` is only resolvable inside the extension host.
  const vscode = require('vscode') as typeof import('vscode');
  const started = Date.now();
  const results: SuiteResults = {
    passes: 0,
    failures: 0,
    pending: 0,
    tests: [],
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
    vscodeVersion: vscode.version,
    startedAt: new Date(started).toISOString(),
    durationMs: 0,
  };

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        results.durationMs = Date.now() - started;
        try {
          writeResults(results);
        } catch (error) {
          reject(error);
          return;
        }
        if (failures > 0) reject(new Error(`${failures} of ${results.tests.length} tests failed`));
        else resolve();
      });
      runner.on('pass', (test) => {
        results.passes++;
        results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
      });
      runner.on('fail', (test, error: Error) => {
        results.failures++;
        results.tests.push({
          title: test.fullTitle(),
          state: 'failed',
          durationMs: test.duration ?? 0,
          error: String(error?.stack ?? error),
        });
      });
      runner.on('pending', () => {
        results.pending++;
      });
    } catch (error) {
      results.failures++;
      results.tests.push({ title: 'loading the suite', state: 'failed', durationMs: 0, error: String(error) });
      writeResults(results);
      reject(error);
    }
  });
}
