// Headless Neovim as a second, independent LSP client: its own framing, position encoding,
// incremental sync and shutdown. The Lua script writes what it saw; this test asserts on it.
// Without nvim the test fails (install it with `apt-get install neovim`) unless
// CORPUS_LENS_SKIP_EDITORS=1, which turns it into a loud skip.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CORPUS_DIR, FIXTURES_DIR, SERVER_PATH, makeWorkspace, type TempWorkspace } from '../support/lspClient';

const CLIENT_SCRIPT = join(__dirname, 'neovim', 'client.lua');
const MISMATCH_FIXTURE = join(FIXTURES_DIR, 'dates', 'weekday-mismatch.txt');
const SEED = '000_e84a3163cd5655f9.txt';
const RUN_TIMEOUT_MS = 90_000;

function nvimVersion(): string | undefined {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return undefined;
  return probe.stdout.split('\n')[0];
}

interface NeovimResult {
  nvim_version: string;
  steps: Record<string, any>;
  errors: string[];
  logs: string[];
  progress: { kind: string; title?: string; message?: string }[];
  publications: { uri: string; count: number; at_ms: number }[];
}

function runNeovim(workspace: TempWorkspace, resultPath: string): Promise<{ code: number | null; output: string }> {
  const home = workspace.path('.nvim-home');
  mkdirSync(home, { recursive: true });
  const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${CLIENT_SCRIPT}`], {
    cwd: workspace.dir,
    env: {
      ...process.env,
      // Keep Neovim's LSP log and state out of the real home.
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_STATE_HOME: join(home, 'state'),
      XDG_DATA_HOME: join(home, 'data'),
      CORPUS_LENS_NODE: process.execPath,
      CORPUS_LENS_SERVER: SERVER_PATH,
      CORPUS_LENS_WORKSPACE: workspace.dir,
      CORPUS_LENS_SEED: workspace.path(join('corpus', SEED)),
      CORPUS_LENS_MISMATCH: workspace.path('fixtures/weekday-mismatch.txt'),
      CORPUS_LENS_RESULT: resultPath,
      CORPUS_LENS_TIMEOUT_MS: '15000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      output += `\n[killed after ${RUN_TIMEOUT_MS} ms]`;
      child.kill('SIGKILL');
    }, RUN_TIMEOUT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const hoverValue = (hover: any): string => {
  if (!hover || !hover.contents) return '';
  const parts = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return parts.map((p: any) => (typeof p === 'string' ? p : p.value)).join('\n');
};

const flattenNames = (symbols: any[]): string[] =>
  symbols.flatMap((s) => [s.name as string, ...(Array.isArray(s.children) ? flattenNames(s.children) : [])]);

describe('Neovim (built-in LSP client) against dist/server.js', { timeout: RUN_TIMEOUT_MS + 30_000 }, () => {
  const version = nvimVersion();
  const skipEditors = process.env.CORPUS_LENS_SKIP_EDITORS === '1';
  if (!version && skipEditors) {
    const reason = 'SKIPPED: nvim is not installed and CORPUS_LENS_SKIP_EDITORS=1; the Neovim client test did NOT run';
    console.warn(`\n!!! ${reason}\n`);
    it('hover, symbols, diagnostics and an edit from Neovim', { skip: reason }, () => undefined);
    return;
  }

  it('hover, symbols, diagnostics and an edit from Neovim', async () => {
    assert.ok(version, 'nvim is not installed: `apt-get install neovim` (or set CORPUS_LENS_SKIP_EDITORS=1 to skip loudly)');
    assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run \`node scripts/build.mjs\` first`);
    assert.ok(existsSync(MISMATCH_FIXTURE), `fixture ${MISMATCH_FIXTURE} is missing`);

    const workspace = makeWorkspace({}, 'corpus-lens-nvim-');
    try {
      cpSync(CORPUS_DIR, workspace.path('corpus'), { recursive: true });
      workspace.write('fixtures/weekday-mismatch.txt', readFileSync(MISMATCH_FIXTURE));
      const resultPath = workspace.path('nvim-result.json');
      const run = await runNeovim(workspace, resultPath);
      assert.ok(existsSync(resultPath), `Neovim wrote no result (exit ${run.code}); output:\n${run.output}`);
      const result = JSON.parse(readFileSync(resultPath, 'utf8')) as NeovimResult;
      const steps = result.steps;
      const context = `\nNeovim ${result.nvim_version}, exit ${run.code}; errors: ${JSON.stringify(result.errors)}\nlogs: ${result.logs.slice(-20).join('\n')}\noutput: ${run.output}`;

      assert.deepEqual(result.errors, [], `Lua errors${context}`);
      assert.equal(steps.initialized, true, `initialize${context}`);
      const sync = steps.capabilities?.textDocumentSync;
      assert.equal(typeof sync === 'number' ? sync : sync?.change, 2, `incremental sync${context}`);
      assert.equal(steps.indexed, true, `indexing never finished: ${JSON.stringify(steps.status)}${context}`);
      assert.equal(steps.status.articles, 5, `status ${JSON.stringify(steps.status)}${context}`);

      const hover = hoverValue(steps.hover);
      assert.match(hover, /2022-02-15/, `hover ${JSON.stringify(steps.hover)} error ${JSON.stringify(steps.hover_error)}${context}`);
      assert.match(hover, /Tuesday, 15 February 2022/, `hover ${JSON.stringify(steps.hover)}${context}`);

      assert.ok(Array.isArray(steps.symbols), `symbols ${JSON.stringify(steps.symbols)} error ${JSON.stringify(steps.symbols_error)}${context}`);
      const names = flattenNames(steps.symbols);
      assert.ok(names.includes('Dateline: 2022-02-16'), `symbols ${JSON.stringify(names)}`);
      assert.ok(names.some((n) => n.startsWith('¶1')), `symbols ${JSON.stringify(names)}`);

      assert.equal(steps.mismatch_flagged, true, `no weekday-mismatch for the fixture: ${JSON.stringify(steps.mismatch_diagnostics)}${context}`);
      const mismatch = (steps.mismatch_diagnostics as any[]).find((d) => d.code === 'weekday-mismatch');
      assert.equal(mismatch.source, 'corpus-lens');
      assert.ok(String(mismatch.codeDescription?.href).endsWith('weekday-mismatch.md'), JSON.stringify(mismatch));
      assert.ok(steps.mismatch_written && steps.mismatch_correct, `could not tell the weekdays apart in "${mismatch.message}"`);
      assert.equal(steps.mismatch_cleared_after_edit, true, `an edit from Neovim (${steps.mismatch_written} → ${steps.mismatch_correct}) did not clear the warning${context}`);

      assert.equal(steps.stopped, true, `server did not exit after shutdown${context}`);
      assert.equal(steps.exit?.code, 0, `server exit ${JSON.stringify(steps.exit)}${context}`);
      assert.equal(run.code, 0, `nvim exit code${context}`);
    } finally {
      workspace.remove();
    }
  });
});
