// Shared helpers for running the extension in a real VS Code workbench (code-server 4.100.3, VS Code 1.100.3):
// find or install code-server, isolate every folder it writes to, package and install the .vsix,
// start it on loopback without auth, wait for /healthz, stop it (its whole process group).
// Used by `npm start` (scripts/start.mjs) and the editor tests under test/editors/.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_VERSION = '4.100.3';

export const INSTALL_HINT =
  'Install it with `bash scripts/install-code-server.sh` (needs g++, make, python3 and `apt-get install libkrb5-dev ripgrep`).';
export const CHROMIUM_HINT = 'Install it with `apt-get install chromium` (or set CHROMIUM_PATH to a Chromium binary).';

/** Flags that keep a headless Chromium quiet and off the network (it only talks to our loopback server). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** User settings that keep the workbench free of welcome pages, trust prompts and update checks. */
export const CLEAN_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'editor.hover.delay': 100,
  'workbench.enableExperiments': false,
  'chat.commandCenter.enabled': false,
};

/** Where tools live: `CORPUS_LENS_TOOLS` (CI keeps it outside the clone) or `.tools/` in the project. */
export function toolsDir() {
  return process.env.CORPUS_LENS_TOOLS || join(projectRoot, '.tools');
}

export function codeServerBinPath() {
  return join(toolsDir(), 'code-server', 'node_modules', '.bin', 'code-server');
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The code-server binary when it is installed (the right version), else undefined. */
export function findCodeServer() {
  const bin = codeServerBinPath();
  if (!isExecutable(bin)) return undefined;
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8', env: codeServerBaseEnv(), timeout: 30_000 });
  return version.stdout?.startsWith(CODE_SERVER_VERSION) ? bin : undefined;
}

/** Installs code-server with scripts/install-code-server.sh when it is missing; returns its binary. */
export function ensureCodeServer() {
  const found = findCodeServer();
  if (found) return found;
  const install = spawnSync('bash', [join(projectRoot, 'scripts', 'install-code-server.sh')], {
    stdio: 'inherit',
    env: process.env,
  });
  const bin = findCodeServer();
  if (install.status !== 0 || !bin) throw new Error(`code-server could not be installed. ${INSTALL_HINT}`);
  return bin;
}

/** Chromium for driving the workbench: CHROMIUM_PATH, else `chromium` / `chromium-browser` on PATH. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return isExecutable(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = join(dir, name);
      if (dir && isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Creates (or reuses) the folders code-server writes to, all under `base`: HOME, XDG dirs,
 * user data (with clean user settings) and extensions. Nothing lands in the real home.
 */
export function isolatedDirs(base = mkdtempSync(join(tmpdir(), 'corpus-lens-code-server-')), extraSettings = {}) {
  const dirs = {
    base,
    home: join(base, 'home'),
    xdgConfig: join(base, 'xdg-config'),
    xdgData: join(base, 'xdg-data'),
    xdgCache: join(base, 'xdg-cache'),
    userData: join(base, 'user-data'),
    extensions: join(base, 'extensions'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...CLEAN_USER_SETTINGS, ...extraSettings }, null, 2) + '\n',
  );
  return dirs;
}

/** The caller's environment minus anything that would make code-server talk to another VS Code. */
function codeServerBaseEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'CODE_SERVER_CONFIG' || key === 'PASSWORD' || key === 'HASHED_PASSWORD') {
      delete env[key];
    }
  }
  return env;
}

function isolatedEnv(dirs, extraEnv = {}) {
  return {
    ...codeServerBaseEnv(),
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    ...extraEnv,
  };
}

/**
 * Runs `npm run package` (the project's own recipe: production build + `vsce package --no-dependencies`,
 * offline) and returns the .vsix, copied to `outFile` when given so a test keeps its own copy.
 */
export function packageVsix(outFile) {
  const packaged = join(projectRoot, 'corpus-lens.vsix');
  rmSync(packaged, { force: true });
  const pack = spawnSync('npm', ['run', '--silent', 'package'], {
    cwd: projectRoot,
    encoding: 'utf8',
    input: '', // vsce asks y/N questions on stdin for some manifest warnings: answer nothing, so it fails loudly
    timeout: 180_000,
  });
  if (pack.status !== 0 || !existsSync(packaged)) {
    throw new Error(`npm run package failed (exit ${pack.status ?? pack.signal}):\n${pack.stdout}${pack.stderr}`);
  }
  if (!outFile || outFile === packaged) return packaged;
  copyFileSync(packaged, outFile);
  return outFile;
}

/** `code-server --install-extension` into the isolated extensions dir. */
export function installExtension(bin, vsixFile, dirs) {
  const result = spawnSync(
    bin,
    ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsixFile, '--force'],
    { encoding: 'utf8', env: isolatedEnv(dirs), timeout: 120_000 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension failed (exit ${result.status}):\n${output}`);
  }
  return output.trim();
}

export function workbenchUrl(port, folder, payload) {
  let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** A file path as the workbench's extension host sees it (mapped to the local file by code-server). */
export function remoteUri(port, absolutePath) {
  return `vscode-remote://127.0.0.1:${port}${absolutePath.split('\\').join('/')}`;
}

async function healthy(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts code-server on 127.0.0.1:`port` (a free one if omitted) serving `folder`, with auth off and
 * every folder isolated, and waits (bounded) until /healthz answers. `log` receives its output lines.
 */
export async function startCodeServer({ bin, folder, dirs, port, env = {}, log = () => {}, timeoutMs = 30_000, workspaceTrust = false }) {
  const chosenPort = port ?? (await freePort());
  const args = [
    '--bind-addr', `127.0.0.1:${chosenPort}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    // `workspaceTrust: true` keeps VS Code's Workspace Trust on (with trust settings from isolatedDirs) to test restricted mode.
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    folder,
  ];
  // Its own process group, so stop() reaches the extension host and the language server too.
  const child = spawn(bin, args, {
    cwd: dirs.base,
    env: isolatedEnv(dirs, env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output = [];
  const onData = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 400) output.shift();
      log(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exitCode;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exitCode = code ?? signal))));

  const handle = {
    port: chosenPort,
    url: workbenchUrl(chosenPort, folder),
    process: child,
    output,
    exited,
    stop: () => stopProcessGroup(child, exited),
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`code-server exited (${exitCode}) before it answered /healthz:\n${output.join('\n')}`);
    }
    if (await healthy(chosenPort)) return handle;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await handle.stop();
  throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms:\n${output.join('\n')}`);
}

/** SIGTERM to the process group, then SIGKILL if it has not gone within 5 s. */
async function stopProcessGroup(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child.pid, 'SIGKILL'); // leftovers (extension host, language server) of a leader that already went
    return;
  }
  killGroup(child.pid, 'SIGTERM');
  const gone = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5_000))]);
  killGroup(child.pid, 'SIGKILL');
  if (!gone) await Promise.race([exited, new Promise((r) => setTimeout(r, 2_000))]);
}

function killGroup(pid, signal) {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Removes a folder made by isolatedDirs() (best effort: a still-running child may hold files). */
export function removeDir(dir) {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // best effort
  }
}
