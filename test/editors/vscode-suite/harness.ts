// Node-side helpers for the runners of the `vscode` API suite (code-server and @vscode/test-electron):
// bundle the suite, lay out its workspace, read its results. Not loaded inside the extension host.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const suiteBundle = join(projectRoot, 'dist', 'test', 'vscode-suite', 'index.js');
export const RESULTS_ENV = 'CORPUS_LENS_SUITE_RESULTS';
export const MISMATCH_FIXTURE_SOURCE = join(projectRoot, 'test', 'fixtures', 'dates', 'weekday-mismatch.txt');

/** Used only when the shared fixture is missing, so the suite still has an article with a known mismatch. */
const FALLBACK_MISMATCH_TEXT = 'date 2022-02-16\nHeadline\n\nOfficials met on Tuesday, Feb. 16, 2022 in Kyiv.\n';

/** Bundles test/editors/vscode-suite/index.ts (with its suites) into dist/test/vscode-suite/index.js. */
export async function bundleVsCodeSuite(): Promise<string> {
  await esbuild.build({
    absWorkingDir: projectRoot,
    entryPoints: [join(projectRoot, 'test', 'editors', 'vscode-suite', 'index.ts')],
    outfile: suiteBundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'error',
  });
  return suiteBundle;
}

export interface SuiteWorkspace {
  folder: string;
  /** True when test/fixtures/dates/weekday-mismatch.txt was absent and a stand-in was written. */
  usedFallbackFixture: boolean;
}

/**
 * A fresh workspace: corpus/ with the five seed articles and the weekday-mismatch fixture,
 * and notes/plain-notes.txt outside corpus/ (plain text until the user says otherwise).
 */
export function prepareSuiteWorkspace(base = mkdtempSync(join(tmpdir(), 'corpus-lens-suite-ws-'))): SuiteWorkspace {
  const corpus = join(base, 'corpus');
  const notes = join(base, 'notes');
  mkdirSync(corpus, { recursive: true });
  mkdirSync(notes, { recursive: true });
  for (const name of readdirSync(join(projectRoot, 'corpus'))) {
    if (name.endsWith('.txt')) copyFileSync(join(projectRoot, 'corpus', name), join(corpus, name));
  }
  const usedFallbackFixture = !existsSync(MISMATCH_FIXTURE_SOURCE);
  if (usedFallbackFixture) writeFileSync(join(corpus, 'weekday-mismatch.txt'), FALLBACK_MISMATCH_TEXT);
  else copyFileSync(MISMATCH_FIXTURE_SOURCE, join(corpus, 'weekday-mismatch.txt'));
  writeFileSync(
    join(notes, 'plain-notes.txt'),
    'Notes for the annotators.\nThe meeting was on Tuesday, Feb. 15, 2022.\n',
  );
  return { folder: base, usedFallbackFixture };
}

export interface SuiteResults {
  passes: number;
  failures: number;
  pending: number;
  tests: Array<{ title: string; state: 'passed' | 'failed'; durationMs: number; error?: string }>;
  uiKind: string;
  vscodeVersion: string;
  durationMs: number;
}

/** Reads the suite's results file; a missing or unreadable file is an error, never a pass. */
export function readSuiteResults(file: string): SuiteResults {
  if (!existsSync(file)) throw new Error(`the suite wrote no results file (${file}): it did not run to the end`);
  return JSON.parse(readFileSync(file, 'utf8')) as SuiteResults;
}

export function formatSuiteResults(results: SuiteResults): string {
  const lines = results.tests.map((t) => {
    const mark = t.state === 'passed' ? 'pass' : 'FAIL';
    return `  ${mark}  ${t.title} (${t.durationMs} ms)${t.error ? `\n        ${t.error.split('\n').slice(0, 6).join('\n        ')}` : ''}`;
  });
  return [
    `vscode API suite in VS Code ${results.vscodeVersion} (${results.uiKind}): ${results.passes} passing, ${results.failures} failing` +
      (results.pending ? `, ${results.pending} pending` : '') +
      ` in ${results.durationMs} ms`,
    ...lines,
  ].join('\n');
}
