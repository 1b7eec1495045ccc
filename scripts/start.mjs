// `npm start`: build, package the .vsix, install it into a project-local code-server and serve the sample
// corpus (the real files in corpus/) at http://127.0.0.1:PORT without auth. PORT from the env, else a free one.
// Ctrl+C stops code-server, its extension host and the language server.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  ensureCodeServer,
  installExtension,
  isolatedDirs,
  projectRoot,
  startCodeServer,
} from './code-server.mjs';

function run(what, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${what} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
  console.log(`${what}: done in ${Date.now() - started} ms`);
}

run('build', process.execPath, [join(projectRoot, 'scripts', 'build.mjs')]);
run('package', 'npm', ['run', '--silent', 'package']);
const vsix = join(projectRoot, 'corpus-lens.vsix');

let bin;
try {
  bin = ensureCodeServer();
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(1);
}

// Project-local and reused between runs (UI state), kept out of git by `.tools/`. The served folder is
// corpus/ itself, so every .txt in it is an article (the default include glob expects a corpus/ segment).
const dirs = isolatedDirs(join(projectRoot, '.tools', 'start'), { 'corpusLens.include': ['**/*.txt'] });
console.log(installExtension(bin, vsix, dirs).split('\n').pop());

const requestedPort = process.env.PORT ? Number(process.env.PORT) : undefined;
if (requestedPort !== undefined && !(Number.isInteger(requestedPort) && requestedPort > 0 && requestedPort < 65536)) {
  console.error(`PORT must be a TCP port number, got ${JSON.stringify(process.env.PORT)}`);
  process.exit(2);
}
const corpusFolder = join(projectRoot, 'corpus');
const verbose = process.argv.includes('--verbose');
let server;
try {
  server = await startCodeServer({
    bin,
    folder: corpusFolder,
    dirs,
    port: requestedPort,
    log: (line) => {
      if (verbose) console.log(`[code-server] ${line}`);
    },
  });
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(1);
}

console.log('');
console.log(`Corpus Lens is running: ${server.url}`);
console.log(`Editing the real files in ${corpusFolder}. Press Ctrl+C to stop.`);
console.log('');

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping code-server…`);
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
server.exited.then((code) => {
  if (stopping) return;
  console.error(`code-server exited on its own (${code}); last lines:\n${server.output.slice(-20).join('\n')}`);
  process.exit(1);
});
