// Evaluates the recognizer on the GUM news dev set with the set's own scorer, and measures its speed.
//
//   npm run eval                      per-type P/R/F1 and micro F1 on ../shared/eval/gum-news/dev
//   npm run eval -- --errors          also list the false positives and misses per document
//   npm run eval -- --speed           only the speed benchmark (5 KB article, medians, ratio to compromise)
//   npm run eval -- --model FILE --set DIR [--lenient-type] [--keep DIR] [--off rule,rule]  (rules: see recognize.ts)
//
// Reads ../shared (or $CORPUS_LENS_SHARED); exits non-zero when the evaluation data is absent.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readAnnotatedDocuments, sharedDir } from '../server/src/core/recognition/corpusData';
import { DEFAULT_RULES, type RuleSwitches } from '../server/src/core/recognition/recognize';
import { loadRecognizer, measureRecognitionSpeed, recognizeEntities, useRecognizerModel } from '../server/src/core/recognition/index';

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
    console.log(`compromise median: ${report.compromiseMedianMs.toFixed(2)} ms`);
    console.log(`ratio (compromise / recognizer): ${report.ratio!.toFixed(1)}x`);
  } else console.log('compromise is not installed: no ratio');
  process.exit(0);
}

const shared = sharedDir();
const evalDir = option('set') ? path.resolve(option('set')!) : shared && path.join(shared, 'eval', 'gum-news', 'dev');
const scorer = shared && path.join(shared, 'eval', 'gum-news', 'score.mjs');
if (!evalDir || !fs.existsSync(evalDir) || !scorer || !fs.existsSync(scorer)) {
  console.error('evaluate-recognizer: the evaluation data was not found. Put the shared data folder beside the project ' +
    '(../shared/eval/gum-news) or set CORPUS_LENS_SHARED to it.');
  process.exit(1);
}

const docs = readAnnotatedDocuments(evalDir);
const predDir = option('keep') ? path.resolve(option('keep')!) : fs.mkdtempSync(path.join(os.tmpdir(), 'recognizer-eval-'));
fs.mkdirSync(predDir, { recursive: true });
const showErrors = argv.includes('--errors');
for (const doc of docs) {
  const mentions = recognizeEntities(doc.text);
  fs.writeFileSync(path.join(predDir, `${doc.name}.pred.jsonl`),
    mentions.map((m) => JSON.stringify({ start: m.start, end: m.end, text: m.text, type: m.type })).join('\n') + (mentions.length ? '\n' : ''));
  if (showErrors) {
    const top = doc.gold.filter((g) => !g.nested);
    const key = (m: { start: number; end: number; type: string }) => `${m.start}:${m.end}:${m.type}`;
    const goldKeys = new Set(doc.gold.map(key));
    const predKeys = new Set(mentions.map(key));
    const fps = mentions.filter((m) => !goldKeys.has(key(m)));
    const fns = top.filter((g) => !predKeys.has(key(g)));
    const context = (s: number, e: number) => doc.text.slice(Math.max(0, s - 30), e + 30).replace(/\s+/g, ' ');
    console.log(`\n=== ${doc.name}: ${fps.length} false positives, ${fns.length} misses`);
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
const flags = argv.filter((a) => a === '--lenient-type' || a === '--ignore-other' || a === '--all');
const result = spawnSync(process.execPath, [scorer, evalDir, predDir, ...flags], { encoding: 'utf8' });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
if (!option('keep')) fs.rmSync(predDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
