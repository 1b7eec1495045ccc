// Reading annotated documents (`<doc>.txt` + `<doc>.gold.jsonl`) for training and evaluation. Only the training and
// evaluation scripts use this; the shipped recognizer never reads annotated data.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EntityType } from './types';

export interface GoldMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  nested?: boolean;
  alt_type?: EntityType;
}

export interface AnnotatedDocument {
  name: string;
  text: string;
  gold: GoldMention[];
}

/** The project's root folder (the one with package.json), from this module's location. */
export function projectRoot(): string {
  let dir = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'server'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

/** The shared data folder: `$CORPUS_LENS_SHARED`, else `../shared` beside the project. Undefined when absent. */
export function sharedDir(): string | undefined {
  const fromEnv = process.env.CORPUS_LENS_SHARED;
  const dir = fromEnv ? path.resolve(fromEnv) : path.resolve(projectRoot(), '..', 'shared');
  return fs.existsSync(dir) ? dir : undefined;
}

export function readJsonl<T>(file: string): T[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean).map((line) => JSON.parse(line) as T);
}

/** Every `<doc>.gold.jsonl` under `dir` (recursively) with its text, sorted by name. */
export function readAnnotatedDocuments(dir: string): AnnotatedDocument[] {
  const out: AnnotatedDocument[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.gold.jsonl')) {
        const name = entry.name.slice(0, -'.gold.jsonl'.length);
        const textFile = path.join(folder, `${name}.txt`);
        if (!fs.existsSync(textFile)) continue;
        out.push({ name, text: fs.readFileSync(textFile, 'utf8'), gold: readJsonl<GoldMention>(full) });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface Scores {
  byType: Record<EntityType | 'micro', { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number }>;
}

/** Exact span + type scores against top-level gold; predictions equal to a nested gold name are ignored. */
export function scoreMentions(docs: { gold: GoldMention[]; predicted: { start: number; end: number; type: EntityType }[] }[]): Scores {
  const types: (EntityType | 'micro')[] = ['person', 'place', 'organization', 'micro'];
  const counts = Object.fromEntries(types.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<EntityType | 'micro', { tp: number; fp: number; fn: number }>;
  for (const doc of docs) {
    const top = doc.gold.filter((g) => !g.nested);
    const nested = doc.gold.filter((g) => g.nested);
    const used = new Set<GoldMention>();
    for (const p of doc.predicted) {
      if (nested.some((g) => g.start === p.start && g.end === p.end && g.type === p.type)) continue;
      const match = top.find((g) => !used.has(g) && g.start === p.start && g.end === p.end && g.type === p.type);
      if (match) { used.add(match); counts[p.type].tp++; counts.micro.tp++; } else { counts[p.type].fp++; counts.micro.fp++; }
    }
    for (const g of top) if (!used.has(g)) { counts[g.type].fn++; counts.micro.fn++; }
  }
  const byType = {} as Scores['byType'];
  for (const t of types) {
    const { tp, fp, fn } = counts[t];
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    byType[t] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, tp, fp, fn };
  }
  return { byType };
}
