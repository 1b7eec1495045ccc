// A recognition speed benchmark: this recognizer against compromise on the same text, in the same process.

import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { recognizeEntities, loadRecognizer } from './index';
import { dataDir, loadModelFile, MODEL_FILE_NAME } from './model';

export interface SpeedReport {
  textLength: number;
  modelLoadMs: number;
  recognizerMedianMs: number;
  compromiseMedianMs?: number;
  /** compromise median / recognizer median. */
  ratio?: number;
  runs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

/** A 5 KB article-like text made from the sample corpus when it is there, else from a fixed paragraph. */
export function sampleText(size = 5000): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (const dir of [path.resolve(here, '../../../../corpus'), path.resolve(here, '../corpus'), path.resolve(process.cwd(), 'corpus')]) {
    try {
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
      let text = '';
      for (const f of files) text += fs.readFileSync(path.join(dir, f), 'utf8') + '\n\n';
      if (text.length >= size) return text.slice(0, size);
    } catch {
      // no corpus here; try the next place
    }
  }
  const paragraph = 'German Chancellor Olaf Scholz met Russian President Vladimir Putin in Moscow on Tuesday, a day after ' +
    'he visited Kyiv. Ukrainian Foreign Minister Dmytro Kuleba said the United States and NATO would respond. ';
  return paragraph.repeat(Math.ceil(size / paragraph.length)).slice(0, size);
}

type Recognize = (text: string) => unknown;

/** Loads compromise when it is installed (a development dependency, never bundled). */
function compromiseRecognizer(): Recognize | undefined {
  try {
    const load = createRequire(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js'));
    const nlp = load('compromise') as (text: string) => { people(): { out(f: string): unknown }; places(): { out(f: string): unknown }; organizations(): { out(f: string): unknown } };
    return (text) => {
      const doc = nlp(text);
      return [doc.people().out('offset'), doc.places().out('offset'), doc.organizations().out('offset')];
    };
  } catch {
    return undefined;
  }
}

/** Median times after warm-up of recognizing `text` (default: 5 KB of the sample corpus), and the ratio to compromise. */
export function measureRecognitionSpeed(options: { text?: string; runs?: number; compare?: Recognize | false } = {}): SpeedReport {
  const text = options.text ?? sampleText();
  const runs = options.runs ?? 50;
  const loadStart = performance.now();
  loadModelFile(path.join(dataDir(), MODEL_FILE_NAME));
  const modelLoadMs = performance.now() - loadStart;
  loadRecognizer();
  const recognize: Recognize = (t) => recognizeEntities(t);
  const compare = options.compare === false ? undefined : options.compare ?? compromiseRecognizer();
  // Warm both up, then alternate them so that a busy machine slows both alike.
  for (let i = 0; i < 20; i++) {
    recognize(text);
    compare?.(text);
  }
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    recognize(text);
    ours.push(performance.now() - t);
    if (compare) {
      t = performance.now();
      compare(text);
      theirs.push(performance.now() - t);
    }
  }
  const recognizerMedianMs = median(ours);
  const report: SpeedReport = { textLength: text.length, modelLoadMs, recognizerMedianMs, runs };
  if (compare) {
    report.compromiseMedianMs = median(theirs);
    report.ratio = report.compromiseMedianMs / recognizerMedianMs;
  }
  return report;
}
