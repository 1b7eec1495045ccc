// Runs every test file with Node's test runner (TypeScript through tsx), in one process tree,
// so one summary closes the run. Groups: unit (beside the code), protocol (LSP over stdio),
// fuzz (property-based, bounded), editors (Neovim, code-server, the VS Code API suite). `--only GROUP` picks one
// group; `--fuzz-cases N` and `--seed N` set the fuzz suite's case count and seed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
// The last --fuzz-cases or --seed wins, so `npm run fuzz -- --fuzz-cases 20000` overrides the script's count.
const fuzzEnv = {};
if (argv.includes('--fuzz-cases')) fuzzEnv.CORPUS_LENS_FUZZ_CASES = argv[argv.lastIndexOf('--fuzz-cases') + 1];
if (argv.includes('--seed')) {
  const seed = argv[argv.lastIndexOf('--seed') + 1];
  fuzzEnv.CORPUS_LENS_FUZZ_SEED = seed === 'random' ? String(Date.now() % 2_000_000_000) : seed;
}

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
  fuzz: walk(join(root, 'test/fuzz')),
  editors: walk(join(root, 'test/editors')),
};
const selected = only ? groups[only] : [...groups.unit, ...groups.protocol, ...groups.fuzz, ...groups.editors];
if (!selected) {
  console.error(`unknown group ${only}; use one of ${Object.keys(groups).join(', ')}`);
  process.exit(2);
}
if (selected.length === 0) {
  console.error('No test files found: that is a failure, not a pass.');
  process.exit(1);
}
mkdirSync(join(root, 'test-results'), { recursive: true });
const fuzzDir = join(root, 'test-results', 'fuzz');
rmSync(fuzzDir, { recursive: true, force: true });
console.log(`Running ${selected.length} test files: ${selected.map((f) => relative(root, f)).join(', ')}`);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...selected],
  { cwd: root, stdio: 'inherit', env: { ...process.env, ...fuzzEnv, FORCE_COLOR: '0' } },
);
const fuzzFailed = groups.fuzz.some((f) => selected.includes(f)) && !printFuzzSummary();
process.exit(fuzzFailed ? 1 : result.status ?? 1);

/** The fuzz files' case counts and worst latencies, added up; false when a part left no summary or ran too few. */
function printFuzzSummary() {
  const parts = ['core', 'cli', 'lsp'];
  const summaries = parts.map((part) => join(fuzzDir, `${part}.json`)).filter((f) => existsSync(f)).map((f) => JSON.parse(readFileSync(f, 'utf8')));
  const total = summaries.reduce((n, s) => n + Object.values(s.cases).reduce((a, b) => a + b, 0), 0);
  const wanted = Number(fuzzEnv.CORPUS_LENS_FUZZ_CASES ?? process.env.CORPUS_LENS_FUZZ_CASES ?? 5200);
  console.log(`\nFuzz: ${total} generated cases (asked for ${wanted}), seed ${summaries[0]?.seed ?? '?'}`);
  for (const s of summaries) {
    console.log(`  ${s.part}: ${Object.entries(s.cases).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    if (Object.keys(s.checks ?? {}).length) console.log(`    and ${Object.entries(s.checks).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  console.log('  worst latency per request kind (p99 bound 1000 ms applies to the LSP requests):');
  for (const s of summaries) {
    for (const r of s.latencies) console.log(`    ${`${s.part} ${r.kind}`.padEnd(40)} n=${String(r.count).padStart(6)}  p99 ${r.p99.toFixed(1).padStart(8)} ms  max ${r.max.toFixed(1).padStart(8)} ms`);
  }
  const missing = parts.filter((p) => !summaries.some((s) => s.part === p));
  if (missing.length) console.error(`Fuzz: no summary from ${missing.join(', ')}: those parts did not finish.`);
  if (total < wanted) console.error(`Fuzz: ran ${total} cases, fewer than the ${wanted} asked for.`);
  return missing.length === 0 && total >= wanted;
}
