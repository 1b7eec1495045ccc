// Bundles the client, the language server and the CLI into dist/ with esbuild.
// Flags: --production (minify, no sourcemaps), --quiet (print only errors), --watch.
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const quiet = args.has('--quiet');

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: quiet ? 'error' : 'warning',
  legalComments: 'none',
  // Prefer ES module builds: jsonc-parser's UMD build hides its requires from the bundler.
  mainFields: ['module', 'main'],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The figure chart's page script: runs in the webview (a browser), with Chart.js bundled in.
  // Its license comments (Chart.js, MIT) stay in the bundle that ships it.
  { entryPoints: ['client/webview/figureChart.ts'], outfile: 'dist/webview/figureChart.js', platform: 'browser', format: 'iife', target: 'es2022', mainFields: ['browser', 'module', 'main'], legalComments: 'eof' },
];

/** The places index: compiled by a TypeScript script (it shares the name normalization), only when outdated. */
function compileGazetteer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/compile-gazetteer.ts'), ...(quiet ? ['--quiet'] : [])], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`compile-gazetteer exited with ${code}`))));
  });
}

const started = Date.now();
if (args.has('--watch')) {
  for (const entry of entries) await (await esbuild.context({ ...common, ...entry })).watch();
  console.log('esbuild: watching client, server, cli and webview');
} else {
  await Promise.all([...entries.map((entry) => esbuild.build({ ...common, ...entry })), compileGazetteer()]);
  chmodSync(join(root, 'dist/cli.js'), 0o755);
  if (!quiet) console.log(`esbuild: dist/client.js, dist/server.js, dist/cli.js, dist/webview/figureChart.js in ${Date.now() - started} ms`);
}
