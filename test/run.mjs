// Runs every test file with Node's test runner (TypeScript through tsx), in one process tree,
// so one summary closes the run. Groups: unit (beside the code), protocol (LSP over stdio),
// editors (Neovim, code-server, the VS Code API suite). `--only GROUP` picks one group.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const groups = {
  unit: [...walk(join(root, 'server/src')), ...walk(join(root, 'client/src')), ...walk(join(root, 'test/unit'))],
  protocol: walk(join(root, 'test/protocol')),
  editors: walk(join(root, 'test/editors')),
};
const selected = only ? groups[only] : [...groups.unit, ...groups.protocol, ...groups.editors];
if (!selected) {
  console.error(`unknown group ${only}; use one of ${Object.keys(groups).join(', ')}`);
  process.exit(2);
}
if (selected.length === 0) {
  console.error('No test files found: that is a failure, not a pass.');
  process.exit(1);
}
mkdirSync(join(root, 'test-results'), { recursive: true });
console.log(`Running ${selected.length} test files: ${selected.map((f) => relative(root, f)).join(', ')}`);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...selected],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } },
);
process.exit(result.status ?? 1);
