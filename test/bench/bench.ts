// Corpus Lens benchmark: indexes a corpus through the real server over stdio and times what users feel.
// Usage: npm run bench -- [--articles N] [--seed S] [--corpus DIR] [--keep] [--json] [--only WORDS] [--scaling N,N,…]
// Prints a table (unless --json), then one JSON line with every figure as the last line of stdout.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVER_PATH } from '../support/lspClient';
import { MEASUREMENTS, type BenchContext, type BenchCorpus, type BenchOptions, type Metrics, type MetricValue } from './measurements';
import { runScaling } from './scaling';
import { nowMs, round, withTimeout } from './stats';
import { DEFAULT_SEED, GENERATOR_VERSION, createRandom, ensureSyntheticCorpus } from './syntheticCorpus';

const USAGE = `Usage: npm run bench -- [options]
  --articles N   synthetic articles to generate (default 10000)
  --seed S       generator seed (default ${DEFAULT_SEED})
  --corpus DIR   measure a real folder instead (every *.txt below it)
  --keep         keep a corpus this run generated (cached by N, seed and generator version)
  --json         print only the final JSON line
  --only WORDS   run only the measurements whose name contains one of the comma-separated words
                 (plus the ones they need: index, diagnostics, open articles)
  --scaling N,N  cold index and peak RSS at each size (a fresh bench process each), then the
                 scaling exponent of index time, e.g. --scaling 1000,10000,100000
  --help`;

function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    articles: 10_000,
    seed: DEFAULT_SEED,
    json: false,
    keep: false,
    analyzeSamples: 500,
    openArticles: 30,
    hovers: 300,
    documentSymbols: 150,
    codeActions: 200,
    edits: 50,
  };
  const value = (index: number, flag: string) => {
    const next = argv[index + 1];
    if (next === undefined || next.startsWith('--')) fail(`${flag} needs a value`);
    return next;
  };
  const integer = (text: string, flag: string) => {
    const parsed = Number(text);
    if (!Number.isInteger(parsed) || parsed < 1) fail(`${flag} must be a positive integer, got "${text}"`);
    return parsed;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    switch (flag) {
      case '--articles':
        options.articles = integer(value(i++, flag), flag);
        break;
      case '--seed':
        options.seed = integer(value(i++, flag), flag);
        break;
      case '--corpus':
        options.corpusDir = resolve(value(i++, flag));
        break;
      case '--keep':
        options.keep = true;
        break;
      case '--json':
        options.json = true;
        break;
      case '--only':
        options.only = value(i++, flag).split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
        break;
      case '--scaling':
        options.scaling = value(i++, flag).split(',').map((n) => integer(n.trim(), flag));
        break;
      case '--help':
        console.log(USAGE);
        process.exit(0);
      default:
        fail(`unknown option ${flag}`);
    }
  }
  return options;
}

function fail(message: string): never {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

function listTextFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === '.git') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) listTextFiles(full, out);
    else if (name.endsWith('.txt')) out.push(full);
  }
  return out;
}

interface PreparedCorpus {
  corpus: BenchCorpus;
  metrics: Metrics;
  /** Folder to delete at the end, when this run generated it and --keep was not given. */
  cleanup?: string;
}

function prepareCorpus(options: BenchOptions, progress: (message: string) => void): PreparedCorpus {
  if (options.corpusDir) {
    const files = listTextFiles(options.corpusDir);
    if (files.length === 0) fail(`no *.txt files under ${options.corpusDir}`);
    const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
    return {
      corpus: { root: options.corpusDir, files, bytes, label: options.corpusDir, settings: { include: ['**/*.txt'] } },
      metrics: { corpus: 'folder', generateSeconds: null },
    };
  }
  progress(`preparing a synthetic corpus of ${options.articles} articles (seed ${options.seed})`);
  const started = nowMs();
  const synthetic = ensureSyntheticCorpus(options.articles, options.seed);
  const seconds = (nowMs() - started) / 1000;
  progress(synthetic.cached ? `reusing the cached corpus in ${synthetic.root}` : `generated ${synthetic.root} in ${seconds.toFixed(1)} s`);
  const prepared: PreparedCorpus = {
    corpus: {
      root: synthetic.root,
      files: synthetic.files,
      bytes: synthetic.bytes,
      label: `synthetic (N=${options.articles}, seed=${options.seed}, generator v${GENERATOR_VERSION})`,
      settings: {},
    },
    metrics: { corpus: 'synthetic', seed: options.seed, generateSeconds: synthetic.cached ? null : round(seconds, 2) },
  };
  if (!synthetic.cached && !options.keep) prepared.cleanup = synthetic.root;
  return prepared;
}

// ---------------------------------------------------------------------------------------------
// Output.

function formatValue(key: string, value: MetricValue): string {
  if (value === null) return 'n/a';
  if (typeof value !== 'number' || key === 'seed') return String(value);
  const unit = /Ms(Median|P\d+)?$/.test(key) || key.endsWith('Ms')
    ? ' ms'
    : key.endsWith('Seconds')
      ? ' s'
      : key.endsWith('MB')
        ? ' MB'
        : key.includes('Percent')
          ? ' %'
          : key === 'mb'
            ? ' MB'
            : key === 'mbPerSecond'
              ? ' MB/s'
              : '';
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 3 })}${unit}`;
}

function printTable(sections: Array<{ name: string; metrics: Metrics; error?: string }>, notes: string[]): void {
  const width = Math.max(...sections.flatMap((section) => Object.keys(section.metrics).map((key) => key.length)), 10);
  for (const section of sections) {
    console.log(`\n${section.name}${section.error ? `  — FAILED: ${section.error}` : ''}`);
    for (const [key, value] of Object.entries(section.metrics)) console.log(`  ${key.padEnd(width)}  ${formatValue(key, value)}`);
  }
  if (notes.length) {
    console.log('\nNotes:');
    for (const note of notes) console.log(`  - ${note}`);
  }
  console.log('');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (options.scaling) return runScaling(options.scaling, options.seed, options.json);
  const progress = (message: string) => {
    if (!options.json) process.stderr.write(`[bench] ${message}\n`);
  };
  if (!statSync(SERVER_PATH, { throwIfNoEntry: false })) fail(`${SERVER_PATH} is missing: run node scripts/build.mjs first`);

  const prepared = prepareCorpus(options, progress);
  const { corpus } = prepared;
  const environment: Metrics = {
    articles: corpus.files.length,
    mb: round(corpus.bytes / 1e6, 2),
    ...prepared.metrics,
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? null,
    loadAverage: round(loadavg()[0]!, 2),
    date: new Date().toISOString(),
  };
  const context: BenchContext = {
    options,
    corpus,
    random: createRandom(options.seed, 0x62656e63),
    openDocuments: [],
    notes: [],
    progress,
  };
  const sections: Array<{ name: string; metrics: Metrics; error?: string }> = [{ name: `Corpus: ${corpus.label}`, metrics: environment }];
  const all: Metrics = { ...environment };
  let failures = 0;

  const stopServer = () => {
    if (context.client && !context.client.hasExited) context.client.process.kill('SIGKILL');
  };
  process.once('SIGINT', () => {
    stopServer();
    process.exit(130);
  });

  try {
    const selected = MEASUREMENTS.filter((m) =>
      !options.only || m.prerequisite || options.only.some((word) => m.name.toLowerCase().includes(word)));
    for (const measurement of selected) {
      progress(`${measurement.name}…`);
      const started = nowMs();
      let metrics: Metrics;
      let error: string | undefined;
      try {
        // A last-resort bound per measurement; each wait inside has its own, shorter one.
        metrics = await withTimeout(measurement.run(context), 15 * 60_000, measurement.name);
      } catch (caught) {
        failures++;
        error = caught instanceof Error ? caught.message.split('\n')[0]! : String(caught);
        metrics = Object.fromEntries(measurement.keys.map((key) => [key, null]));
        context.notes.push(`${measurement.name} failed: ${error}`);
      }
      progress(`${measurement.name}: ${((nowMs() - started) / 1000).toFixed(1)} s`);
      sections.push(error ? { name: measurement.name, metrics, error } : { name: measurement.name, metrics });
      Object.assign(all, metrics);
    }
  } finally {
    if (context.client) {
      const stopped = await context.client.stop(5_000).catch(() => undefined);
      if (stopped?.killed) context.notes.push('the server did not exit after shutdown/exit and was killed');
    }
    if (prepared.cleanup) rmSync(prepared.cleanup, { recursive: true, force: true });
  }

  if (!options.json) printTable(sections, context.notes);
  all.failures = failures;
  all.notes = context.notes.join(' | ') || null;
  console.log(JSON.stringify(all));
  return failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
