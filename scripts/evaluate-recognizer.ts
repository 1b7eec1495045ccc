// Measures person, place and organization recognition as it ships, with the GUM set's own scorer, and its speed.
//
// "Shipped pipeline" is the path of `corpus-lens entities` (the same function, `entityRecords`): the article model
// with its header and boilerplate handling, recognition, knowledge-base names and linking, titles outside the span.
// "Recognizer only" is the bare statistical recognizer on the raw text, before the knowledge base feeds its lexicon.
//
//   npm run eval                      both sets: GUM news dev (../shared/eval/gum-news/dev) and the project's news-wire
//                                     dev set (test/eval/newswire/dev); per type P/R/F1 and micro F1, shipped pipeline
//                                     first, recognizer only second
//   npm run eval -- --errors          also the false positives and misses of the shipped pipeline, per document
//   npm run eval -- --recognizer-errors   the same for the recognizer alone
//   npm run eval -- --full            also the scorer's own tables (exact, partial, span-only) for the shipped pipeline
//   npm run eval -- --speed           only the speed benchmark (5 KB article, medians, ratio to compromise; must be ≥10×)
//   npm run eval -- --set DIR [--model FILE] [--lenient-type] [--ignore-other] [--all] [--keep DIR] [--off rule,rule]
//                                     (--set: only that folder; rules: see recognize.ts)
//
// Reads ../shared (or $CORPUS_LENS_SHARED) for GUM and for score.mjs; exits non-zero when they are absent.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCliArguments } from '../server/src/cli/arguments';
import { entityRecords } from '../server/src/cli/entities';
import { projectRoot, readAnnotatedDocuments, sharedDir, type AnnotatedDocument } from '../server/src/core/recognition/corpusData';
import { DEFAULT_RULES, type RuleSwitches } from '../server/src/core/recognition/recognize';
import { loadRecognizer, measureRecognitionSpeed, recognizeEntities, useRecognizerModel } from '../server/src/core/recognition/index';

/** compromise must take at least this many times as long as the recognizer on the same text. */
const REQUIRED_SPEED_RATIO = 10;
const TYPES = ['person', 'place', 'organization'] as const;

const argv = process.argv.slice(2);
function option(name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

for (const rule of (option('off') ?? '').split(',').filter(Boolean)) {
  if (!(rule in DEFAULT_RULES)) {
    console.error(`unknown rule ${rule}; rules: ${Object.keys(DEFAULT_RULES).join(', ')}`);
    process.exit(2);
  }
  DEFAULT_RULES[rule as keyof RuleSwitches] = false;
}

const modelFile = option('model');
if (modelFile) useRecognizerModel(loadRecognizer(path.resolve(modelFile)));

if (argv.includes('--speed')) {
  const report = measureRecognitionSpeed();
  console.log(`text: ${report.textLength} characters, ${report.runs} runs after warm-up`);
  console.log(`model load: ${report.modelLoadMs.toFixed(1)} ms`);
  console.log(`recognizer median: ${report.recognizerMedianMs.toFixed(2)} ms`);
  if (report.compromiseMedianMs !== undefined) {
    const ratio = report.ratio!;
    console.log(`compromise median: ${report.compromiseMedianMs.toFixed(2)} ms`);
    console.log(`ratio (compromise / recognizer): ${ratio.toFixed(1)}x (required: at least ${REQUIRED_SPEED_RATIO}x: ${ratio >= REQUIRED_SPEED_RATIO ? 'met' : 'NOT MET'})`);
  } else console.log('compromise is not installed: no ratio');
  process.exit(0);
}

interface EvalSet {
  name: string;
  dir: string;
}

const shared = sharedDir();
const scorer = shared && path.join(shared, 'eval', 'gum-news', 'score.mjs');
if (!scorer || !fs.existsSync(scorer)) {
  console.error('evaluate-recognizer: the scorer was not found. Put the shared data folder beside the project ' +
    '(../shared/eval/gum-news/score.mjs) or set CORPUS_LENS_SHARED to it.');
  process.exit(1);
}
const sets: EvalSet[] = [];
if (option('set')) sets.push({ name: path.basename(path.resolve(option('set')!)), dir: path.resolve(option('set')!) });
else {
  const gum = path.join(shared!, 'eval', 'gum-news', 'dev');
  if (!fs.existsSync(gum)) {
    console.error(`evaluate-recognizer: the GUM news dev set was not found at ${gum}. Put the shared data folder beside the ` +
      'project or set CORPUS_LENS_SHARED to it.');
    process.exit(1);
  }
  sets.push({ name: 'gum-news', dir: gum }, { name: 'newswire', dir: path.join(projectRoot(), 'test', 'eval', 'newswire', 'dev') });
}
for (const set of sets) {
  if (!fs.existsSync(set.dir)) {
    console.error(`evaluate-recognizer: no evaluation set at ${set.dir}`);
    process.exit(1);
  }
}

interface Prediction {
  start: number;
  end: number;
  text: string;
  type: string;
}
type Predictions = Map<string, Prediction[]>;

/** The bare recognizer, run before anything feeds its lexicon (the shipped pipeline does, for good). */
function recognizerPredictions(docs: AnnotatedDocument[]): Predictions {
  return new Map(docs.map((doc) => [doc.name, recognizeEntities(doc.text).map((m) => ({ start: m.start, end: m.end, text: m.text, type: m.type }))]));
}

/** What `corpus-lens entities DIR --format jsonl` prints, per document. */
async function shippedPredictions(set: EvalSet, docs: AnnotatedDocument[]): Promise<Predictions> {
  const out: Predictions = new Map(docs.map((d) => [d.name, []]));
  for (const r of await entityRecords(parseCliArguments(['entities', set.dir, '--format', 'jsonl']))) {
    const name = path.basename(r.file, '.txt');
    out.get(name)?.push({ start: r.start, end: r.end, text: r.text, type: r.type });
  }
  return out;
}

const scorerFlags = argv.filter((a) => a === '--lenient-type' || a === '--ignore-other' || a === '--all');

interface Score { p: number; r: number; f: number }
type ScoreTable = Record<(typeof TYPES)[number] | 'micro', Score>;

function writePredictions(dir: string, predictions: Predictions): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, mentions] of predictions) {
    fs.writeFileSync(path.join(dir, `${name}.pred.jsonl`), mentions.map((m) => JSON.stringify(m)).join('\n') + (mentions.length ? '\n' : ''));
  }
}

function score(set: EvalSet, predDir: string, table = false): ScoreTable {
  const run = (extra: string[]) => spawnSync(process.execPath, [scorer!, set.dir, predDir, ...scorerFlags, ...extra], { encoding: 'utf8' });
  const result = run(['--json']);
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    throw new Error(`score.mjs failed on ${set.name}`);
  }
  if (table) process.stdout.write(run([]).stdout);
  return (JSON.parse(result.stdout) as { exact: ScoreTable }).exact;
}

function listErrors(title: string, docs: AnnotatedDocument[], predictions: Predictions): void {
  const key = (m: { start: number; end: number; type: string }) => `${m.start}:${m.end}:${m.type}`;
  for (const doc of docs) {
    const mentions = predictions.get(doc.name) ?? [];
    const top = doc.gold.filter((g) => !g.nested);
    const goldKeys = new Set(doc.gold.map(key));
    const predKeys = new Set(mentions.map(key));
    const fps = mentions.filter((m) => !goldKeys.has(key(m)));
    const fns = top.filter((g) => !predKeys.has(key(g)));
    const context = (s: number, e: number) => doc.text.slice(Math.max(0, s - 30), e + 30).replace(/\s+/g, ' ');
    console.log(`\n=== ${title} ${doc.name}: ${fps.length} false positives, ${fns.length} misses`);
    for (const m of fps) {
      const g = top.find((x) => x.start < m.end && m.start < x.end);
      console.log(`  FP ${m.type.padEnd(12)} "${m.text}"${g ? `  (gold ${g.type} "${g.text}")` : ''}   …${context(m.start, m.end)}…`);
    }
    for (const g of fns) {
      if (mentions.some((m) => m.start < g.end && g.start < m.end)) continue;
      console.log(`  FN ${g.type.padEnd(12)} "${g.text}"   …${context(g.start, g.end)}…`);
    }
  }
}

const pct = (x: number) => (100 * x).toFixed(1);
const prf = (s: Score) => `${pct(s.p)}/${pct(s.r)}/${pct(s.f)}`.padEnd(15);
function scoreLine(label: string, s: ScoreTable): string {
  return `  ${label.padEnd(18)}${TYPES.map((t) => `${t} ${prf(s[t])}`).join(' ')} micro ${prf(s.micro)}`.trimEnd();
}

async function main(): Promise<number> {
  const keep = option('keep') ? path.resolve(option('keep')!) : undefined;
  const predRoot = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'recognizer-eval-'));
  const loaded = sets.map((set) => ({ set, docs: readAnnotatedDocuments(set.dir) }));
  // The bare recognizer first: the shipped pipeline adds the knowledge base's names to its lexicon.
  const recognizerOnly = loaded.map(({ docs }) => recognizerPredictions(docs));
  const shipped: Predictions[] = [];
  for (const { set, docs } of loaded) shipped.push(await shippedPredictions(set, docs));

  const lines: string[] = [];
  for (const [i, { set, docs }] of loaded.entries()) {
    const shippedDir = path.join(predRoot, set.name, 'shipped');
    const recognizerDir = path.join(predRoot, set.name, 'recognizer');
    writePredictions(shippedDir, shipped[i]!);
    writePredictions(recognizerDir, recognizerOnly[i]!);
    if (argv.includes('--errors')) listErrors(`[${set.name} shipped]`, docs, shipped[i]!);
    if (argv.includes('--recognizer-errors')) listErrors(`[${set.name} recognizer]`, docs, recognizerOnly[i]!);
    if (argv.includes('--full')) console.log(`\n${set.name}, shipped pipeline, score.mjs tables:`);
    const shippedScore = score(set, shippedDir, argv.includes('--full'));
    const recognizerScore = score(set, recognizerDir);
    lines.push(`${set.name} (${docs.length} docs, ${docs.reduce((n, d) => n + d.gold.filter((g) => !g.nested).length, 0)} gold names)`);
    lines.push(scoreLine('shipped pipeline', shippedScore));
    lines.push(scoreLine('recognizer only', recognizerScore));
  }
  if (argv.includes('--errors') || argv.includes('--recognizer-errors') || argv.includes('--full')) console.log('');
  const mode = `${scorerFlags.includes('--all') ? 'nested names included' : 'top-level names'}${scorerFlags.includes('--lenient-type') ? ', alt_type accepted' : ''}${scorerFlags.includes('--ignore-other') ? ', other-kind names ignored' : ''}`;
  console.log(`Exact span + type (${mode}); P/R/F1 in %, scored by score.mjs`);
  for (const line of lines) console.log(line);
  if (keep) console.log(`predictions kept in ${keep}/<set>/{shipped,recognizer}`);
  else fs.rmSync(predRoot, { recursive: true, force: true });
  return 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
