// Trains the name recognizer (an averaged structured perceptron over hashed token features, BILOU labels, Viterbi)
// from the shared training sets and writes server/data/recognizer.bin.
//
//   npm run train [-- --sets gum-nonnews,wikigold --epochs 12 --bits 20 --no-dev --out FILE]
//
// Reads ../shared/train (or $CORPUS_LENS_SHARED/train); exits non-zero when it is absent. With the dev set present
// it prints dev scores per epoch (for choosing settings only: dev documents are never trained on).

import * as fs from 'node:fs';
import * as path from 'node:path';
import nlp from 'compromise';
import worldCountries from 'world-countries';
import {
  projectRoot,
  readAnnotatedDocuments,
  scoreMentions,
  sharedDir,
  type AnnotatedDocument,
  type GoldMention,
} from '../server/src/core/recognition/corpusData';
import { decodeLabels } from '../server/src/core/recognition/decode';
import { computeTokenFacts, extractFeatures, type TokenFacts, type TokenFeatureTable } from '../server/src/core/recognition/features';
import { LABEL_COUNT, LABEL_TYPES, labelOf, OUTSIDE, Part } from '../server/src/core/recognition/labels';
import { Lexicon, lexiconKey, WordClass, type LexiconData } from '../server/src/core/recognition/lexicon';
import { decodeWeights, encodeWeight, logCodebook, MODEL_FILE_NAME, serializeModel, type ModelMetadata } from '../server/src/core/recognition/model';
import { recognizeWithModel } from '../server/src/core/recognition/recognize';
import { tokenize, TOKEN_FLAG_WORD, type RecognitionTokens } from '../server/src/core/recognition/tokenize';
import type { EntityType } from '../server/src/core/recognition/types';
import { GENERAL_LEXICON } from '../server/src/core/recognition/generalLexicon';

// ---------- options ----------
const argv = process.argv.slice(2);
function option(name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
}
const SETS = option('sets', 'gum-nonnews,wikigold').split(',').filter(Boolean);
const EPOCHS = Number(option('epochs', '12'));
const HASH_BITS = Number(option('bits', '18'));
const FOLDS = 5;
const RUNS = Number(option('runs', '1'));
const SEED = Number(option('seed', '1'));
const AUGMENT = !argv.includes('--no-augment');
const USE_COMPROMISE = !argv.includes('--no-compromise');
const EVAL_DEV = !argv.includes('--no-dev');
const OUT = path.resolve(option('out', path.join(projectRoot(), 'server', 'data', MODEL_FILE_NAME)));
const MIN_WEIGHT = Number(option('min-weight', '0.05'));

const shared = sharedDir();
if (!shared || !fs.existsSync(path.join(shared, 'train'))) {
  console.error('train-recognizer: the training data was not found. Put the shared data folder beside the project ' +
    '(../shared/train) or set CORPUS_LENS_SHARED to it. The committed model in server/data stays as it is.');
  process.exit(1);
}

// Deterministic pseudo-random numbers (mulberry32).
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------- data ----------
const PRONOUNS = new Set(['i', 'me', 'we', 'us', 'you', 'he', 'him', 'she', 'her', 'they', 'them', 'it', 'our', 'my', 'his', 'their', 'its', 'your']);

/** re3d tags mentions, not names: keep capitalized names, strip a leading "the". */
function namesOnly(gold: GoldMention[], text: string): GoldMention[] {
  const out: GoldMention[] = [];
  for (const g of gold) {
    let { start } = g;
    const m = /^(the|The|THE)\s+/.exec(text.slice(start, g.end));
    if (m) start += m[0].length;
    const span = text.slice(start, g.end);
    if (!/^\p{Lu}/u.test(span) || PRONOUNS.has(span.toLowerCase())) continue;
    out.push({ ...g, start, text: span });
  }
  return out;
}

function loadSet(name: string): AnnotatedDocument[] {
  const dir = path.join(shared!, 'train', name);
  if (!fs.existsSync(dir)) {
    console.error(`train-recognizer: training set ${name} not found under ${path.join(shared!, 'train')}`);
    process.exit(1);
  }
  const docs = readAnnotatedDocuments(dir).map((d) => ({ ...d, name: `${name}/${d.name}` }));
  if (name === 're3d') for (const d of docs) d.gold = namesOnly(d.gold, d.text);
  return docs;
}

const trainDocs = SETS.flatMap(loadSet);
const devDir = path.join(shared, 'eval', 'gum-news', 'dev');
const devDocs = EVAL_DEV && fs.existsSync(devDir) ? readAnnotatedDocuments(devDir) : [];
console.log(`training documents: ${trainDocs.length} (${SETS.join(', ')}); dev documents: ${devDocs.length}`);

// ---------- lexicons ----------
/** compromise's lexicon (MIT): names, places, organizations and the part of speech of common words. */
function compromiseLexicon(lexicon: Lexicon): void {
  const world = nlp.world() as unknown as { model: { one: { lexicon: Record<string, string | string[]> } } };
  const words = world.model.one.lexicon;
  const phraseKinds: Record<string, 'person' | 'place' | 'organization' | 'demonym'> = {
    Person: 'person', City: 'place', Place: 'place', Region: 'place', Country: 'place', Organization: 'organization',
    SportsTeam: 'organization', Demonym: 'demonym',
  };
  const classes: Record<string, number> = {
    FemaleName: WordClass.firstName, MaleName: WordClass.firstName, FirstName: WordClass.firstName, LastName: WordClass.lastName,
    Actor: WordClass.personWord, Honorific: WordClass.honorific, Demonym: WordClass.demonym,
    PastTense: WordClass.verb, PresentTense: WordClass.verb, Infinitive: WordClass.verb, Gerund: WordClass.verb,
    Participle: WordClass.verb, Copula: WordClass.verb, Modal: WordClass.verb, Verb: WordClass.verb,
    Adjective: WordClass.adjective, Comparative: WordClass.adjective, Superlative: WordClass.adjective,
    Singular: WordClass.noun, Plural: WordClass.noun, Uncountable: WordClass.noun, Noun: WordClass.noun,
    Preposition: WordClass.functionWord, Determiner: WordClass.functionWord, Conjunction: WordClass.functionWord,
    Pronoun: WordClass.functionWord, Adverb: WordClass.functionWord, QuestionWord: WordClass.functionWord,
  };
  const phrases: Record<string, string[]> = { person: [], place: [], organization: [], demonym: [] };
  for (const [word, tags] of Object.entries(words)) {
    for (const tag of Array.isArray(tags) ? tags : [tags]) {
      const kind = phraseKinds[tag];
      if (kind) phrases[kind]!.push(word);
      const bits = classes[tag];
      if (bits && !word.includes(' ')) lexicon.addWordClass(word, bits);
    }
  }
  for (const [kind, list] of Object.entries(phrases)) lexicon.addPhrases(kind as 'person', list);
}

function externalLexicon(): Lexicon {
  const lexicon = new Lexicon();
  if (USE_COMPROMISE) compromiseLexicon(lexicon);
  const countries: string[] = [];
  const capitals: string[] = [];
  const demonyms: string[] = [];
  for (const country of worldCountries) {
    countries.push(country.name.common, country.name.official);
    for (const alt of country.altSpellings ?? []) if (alt.length > 3 && /^\p{Lu}/u.test(alt) && /^[\p{L} .'-]+$/u.test(alt)) countries.push(alt);
    for (const capital of country.capital ?? []) capitals.push(capital);
    const eng = country.demonyms?.eng;
    if (eng) demonyms.push(eng.m, eng.f);
  }
  countries.push(...GENERAL_LEXICON.countryAliases);
  lexicon.addPhrases('country', countries);
  lexicon.addPhrases('place', capitals);
  lexicon.addPhrases('demonym', [...demonyms, ...GENERAL_LEXICON.demonyms]);
  for (const d of [...demonyms, ...GENERAL_LEXICON.demonyms]) if (!d.includes(' ')) lexicon.addWordClass(d, WordClass.demonym);
  for (const t of GENERAL_LEXICON.titles) lexicon.addWordClass(t, WordClass.title);
  for (const w of GENERAL_LEXICON.organizationWords) lexicon.addWordClass(w, WordClass.organizationWord);
  for (const w of GENERAL_LEXICON.placeWords) lexicon.addWordClass(w, WordClass.placeWord);
  return lexicon;
}

interface Counter { [key: string]: number }
const bump = (c: Counter, k: string, n = 1) => { c[k] = (c[k] ?? 0) + n; };

/** Lexicon entries mined from gold names of the given documents. */
function minedLexicon(docs: AnnotatedDocument[], into: Lexicon): void {
  const phrases: Record<EntityType, Counter> = { person: {}, place: {}, organization: {} };
  const firstNames: Counter = {}, lastNames: Counter = {}, titles: Counter = {}, orgFinal: Counter = {}, placeFinal: Counter = {}, finalAny: Counter = {};
  for (const doc of docs) {
    for (const g of doc.gold) {
      if (!/^\p{Lu}/u.test(g.text)) continue;
      bump(phrases[g.type], g.text);
      const words = tokenize(g.text).texts.filter((t) => /\p{L}/u.test(t));
      if (words.length === 0) continue;
      const last = lexiconKey(words[words.length - 1]!);
      bump(finalAny, last);
      if (g.type === 'person' && words.length >= 2) {
        bump(firstNames, lexiconKey(words[0]!));
        bump(lastNames, last);
      }
      if (g.type === 'organization' && words.length >= 2) bump(orgFinal, last);
      if (g.type === 'place' && words.length >= 2) bump(placeFinal, last);
      if (g.type === 'person') {
        // A capitalized word right before the name, not at a sentence start: "President", "Dr.".
        const before = /(^|[^\s])(\s+)([\p{L}.]+)\s+$/u.exec(doc.text.slice(Math.max(0, g.start - 60), g.start));
        if (before && /^\p{Lu}/u.test(before[3]!) && !/[.!?:"“]$/.test(before[1]!)) bump(titles, lexiconKey(before[3]!));
      }
    }
  }
  for (const type of ['person', 'place', 'organization'] as const) into.addPhrases(type, Object.keys(phrases[type]));
  for (const [w] of Object.entries(firstNames)) if (/^\p{L}{2,}$/u.test(w)) into.addWordClass(w, WordClass.firstName);
  for (const [w] of Object.entries(lastNames)) if (/^\p{L}{2,}/u.test(w)) into.addWordClass(w, WordClass.lastName);
  for (const [w, n] of Object.entries(titles)) if (n >= 2 && !firstNames[w]) into.addWordClass(w, WordClass.title);
  for (const [w, n] of Object.entries(orgFinal)) if (n >= 2 && n / (finalAny[w] ?? n) >= 0.6) into.addWordClass(w, WordClass.organizationWord);
  for (const [w, n] of Object.entries(placeFinal)) if (n >= 2 && n / (finalAny[w] ?? n) >= 0.6) into.addWordClass(w, WordClass.placeWord);
}

/** Word statistics from raw text (no labels): common lower-case words and capitalization levels. */
function textStatistics(docs: AnnotatedDocument[], into: Lexicon): void {
  const lowerCount: Counter = {}, total: Counter = {}, capInside: Counter = {};
  for (const doc of docs) {
    const tokens = tokenize(doc.text);
    const facts = computeTokenFacts(tokens);
    for (let i = 0; i < tokens.count; i++) {
      if (!(tokens.flags[i]! & TOKEN_FLAG_WORD) || facts.capsLine[i] || facts.titleLine[i]) continue;
      const key = facts.lower[i]!;
      if (!/\p{L}/u.test(key)) continue;
      if (/^\p{Ll}/u.test(tokens.texts[i]!)) bump(lowerCount, key);
      if (facts.sentenceStart[i]) continue;
      bump(total, key);
      if (facts.capitalized[i]) bump(capInside, key);
    }
  }
  for (const [w, n] of Object.entries(total)) {
    if (n < 3) continue;
    const ratio = (capInside[w] ?? 0) / n;
    into.capitalization.set(w, ratio < 0.1 ? 1 : ratio < 0.5 ? 2 : ratio < 0.9 ? 3 : 4);
  }
  for (const [w, n] of Object.entries(lowerCount)) if (n >= 2 && n / ((total[w] ?? 0) + 1) >= 0.5) into.addWordClass(w, WordClass.common);
  for (const w of GENERAL_LEXICON.commonWords) into.addWordClass(w, WordClass.common);
}

function buildLexicon(minedFrom: AnnotatedDocument[]): Lexicon {
  const lexicon = externalLexicon();
  minedLexicon(minedFrom, lexicon);
  textStatistics(trainDocs, lexicon);
  return lexicon;
}

// ---------- examples ----------
interface Example {
  name: string;
  tokens: RecognitionTokens;
  facts: TokenFacts;
  features: TokenFeatureTable;
  gold: Uint8Array;
}

function goldLabels(tokens: RecognitionTokens, gold: GoldMention[]): { labels: Uint8Array; unaligned: number } {
  const labels = new Uint8Array(tokens.count);
  const startIndex = new Map<number, number>();
  const endIndex = new Map<number, number>();
  for (let i = 0; i < tokens.count; i++) { startIndex.set(tokens.starts[i]!, i); endIndex.set(tokens.ends[i]!, i); }
  let unaligned = 0;
  for (const g of gold) {
    if (g.nested) continue;
    const first = startIndex.get(g.start);
    const last = endIndex.get(g.end);
    if (first === undefined || last === undefined || last < first) { unaligned++; continue; }
    const t = LABEL_TYPES.indexOf(g.type);
    if (t < 0) continue;
    let clash = false;
    for (let i = first; i <= last; i++) if (labels[i] !== OUTSIDE) clash = true;
    if (clash) { unaligned++; continue; }
    if (first === last) labels[first] = labelOf(t, Part.Unit);
    else {
      labels[first] = labelOf(t, Part.Begin);
      for (let i = first + 1; i < last; i++) labels[i] = labelOf(t, Part.Inside);
      labels[last] = labelOf(t, Part.Last);
    }
  }
  return { labels, unaligned };
}

/** Upper-cases some lines (headlines in capitals) and some person names ("DMYTRO KULEBA"), keeping offsets. */
function shout(doc: AnnotatedDocument, rng: () => number): AnnotatedDocument {
  const upper = (s: string) => [...s].map((ch) => { const u = ch.toUpperCase(); return u.length === ch.length ? u : ch; }).join('');
  const chars = doc.text.split('');
  let lineStart = 0;
  for (let i = 0; i <= doc.text.length; i++) {
    if (i === doc.text.length || doc.text[i] === '\n') {
      if (rng() < 0.25) {
        const line = upper(doc.text.slice(lineStart, i));
        for (let k = 0; k < line.length; k++) chars[lineStart + k] = line[k]!;
      }
      lineStart = i + 1;
    }
  }
  for (const g of doc.gold) {
    if (g.type === 'person' && rng() < 0.1) {
      const s = upper(doc.text.slice(g.start, g.end));
      for (let k = 0; k < s.length; k++) chars[g.start + k] = s[k]!;
    }
  }
  const text = chars.join('');
  return { name: `${doc.name}#caps`, text, gold: doc.gold.map((g) => ({ ...g, text: text.slice(g.start, g.end) })) };
}

const t0 = Date.now();
const foldOf = (i: number) => i % FOLDS;
const foldLexicons = Array.from({ length: FOLDS }, (_, k) => buildLexicon(trainDocs.filter((_, i) => foldOf(i) !== k)));
const fullLexicon = buildLexicon(trainDocs);
console.log(`lexicons built in ${Date.now() - t0} ms`);

const rng = random(SEED);
const examples: Example[] = [];
let unalignedTotal = 0;
trainDocs.forEach((doc, index) => {
  const variants = [doc];
  if (AUGMENT && rng() < 0.5) variants.push(shout(doc, rng));
  for (const variant of variants) {
    const tokens = tokenize(variant.text);
    const facts = computeTokenFacts(tokens);
    const { labels, unaligned } = goldLabels(tokens, variant.gold);
    unalignedTotal += unaligned;
    const features = extractFeatures(tokens, facts, foldLexicons[foldOf(index)]!, { hashBits: HASH_BITS });
    examples.push({ name: variant.name, tokens, facts, features, gold: labels });
  }
});
console.log(`examples: ${examples.length}, tokens: ${examples.reduce((s, e) => s + e.tokens.count, 0)}, unaligned gold: ${unalignedTotal}, features in ${Date.now() - t0} ms`);

// ---------- averaged perceptron ----------
const L = LABEL_COUNT;
const size = (1 << HASH_BITS) * L;
const weights = new Float32Array(size);
const accumulated = new Float64Array(size);
const transitions = new Float32Array((L + 1) * L);
const transitionsAccumulated = new Float64Array((L + 1) * L);
let step = 1;

function update(features: TokenFeatureTable, token: number, label: number, delta: number): void {
  for (let k = features.offsets[token]!; k < features.offsets[token + 1]!; k++) {
    const index = features.ids[k]! * L + label;
    weights[index]! += delta;
    accumulated[index]! += step * delta;
  }
}
function updateTransition(prev: number, next: number, delta: number): void {
  const index = (prev + 1) * L + next;
  transitions[index]! += delta;
  transitionsAccumulated[index]! += step * delta;
}

function averaged(): { weights: Float32Array; transitions: Float32Array } {
  const w = new Float32Array(size);
  for (let i = 0; i < size; i++) w[i] = weights[i]! - accumulated[i]! / step;
  const t = new Float32Array(transitions.length);
  for (let i = 0; i < t.length; i++) t[i] = transitions[i]! - transitionsAccumulated[i]! / step;
  return { weights: w, transitions: t };
}

function emissionsFor(features: TokenFeatureTable, count: number): Float32Array {
  const scores = new Float32Array(count * L);
  for (let i = 0; i < count; i++) {
    if (features.outside[i]) {
      for (let l = 1; l < L; l++) scores[i * L + l] = -1e6;
      continue;
    }
    for (let k = features.offsets[i]!; k < features.offsets[i + 1]!; k++) {
      const base = features.ids[k]! * L;
      for (let l = 0; l < L; l++) scores[i * L + l]! += weights[base + l]!;
    }
  }
  return scores;
}

function evaluateDev(w: Float32Array, t: Float32Array): string {
  if (!devDocs.length) return '';
  const model = { hashBits: HASH_BITS, lexicon: fullLexicon, weights: w, weightScale: 1, transitionScores: t };
  const scores = scoreMentions(devDocs.map((d) => ({ gold: d.gold, predicted: recognizeWithModel(d.text, model) })));
  const f = (k: keyof typeof scores.byType) => scores.byType[k].f1.toFixed(3);
  return `dev micro ${f('micro')} person ${f('person')} place ${f('place')} org ${f('organization')}`;
}

/** One training run from zero weights; `shuffle` orders the documents in each epoch. */
function trainRun(shuffle: () => number, run: number): { weights: Float32Array; transitions: Float32Array } {
  weights.fill(0);
  accumulated.fill(0);
  transitions.fill(0);
  transitionsAccumulated.fill(0);
  step = 1;
  const order = examples.map((_, i) => i);
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(shuffle() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let mistakes = 0;
    for (const index of order) {
      const ex = examples[index]!;
      const scores = emissionsFor(ex.features, ex.tokens.count);
      const predicted = decodeLabels(scores, transitions, ex.facts, ex.tokens.count, ex.features.outside);
      let prevGold = -1, prevPred = -1;
      for (let i = 0; i < ex.tokens.count; i++) {
        if (i > 0 && ex.facts.sequence[i] !== ex.facts.sequence[i - 1]) { prevGold = -1; prevPred = -1; }
        const g = ex.gold[i]!, p = predicted[i]!;
        if (g !== p) {
          mistakes++;
          update(ex.features, i, g, 1);
          update(ex.features, i, p, -1);
        }
        if (g !== p || prevGold !== prevPred) {
          updateTransition(prevGold, g, 1);
          updateTransition(prevPred, p, -1);
        }
        prevGold = g;
        prevPred = p;
      }
      step++;
    }
    const line = `run ${run} epoch ${epoch}: token mistakes ${mistakes}`;
    if (devDocs.length && epoch === EPOCHS) {
      const avg = averaged();
      console.log(`${line}; ${evaluateDev(avg.weights, avg.transitions)} (${Math.round((Date.now() - t0) / 1000)} s)`);
    } else console.log(line);
  }
  return averaged();
}

// Several runs over different document orders, averaged: smoother weights at no cost at run time.
const final = { weights: new Float32Array(size), transitions: new Float32Array((L + 1) * L) };
for (let run = 1; run <= RUNS; run++) {
  const result = trainRun(run === 1 ? rng : random(SEED * 1000 + run), run);
  for (let i = 0; i < size; i++) final.weights[i]! += result.weights[i]! / RUNS;
  for (let i = 0; i < final.transitions.length; i++) final.transitions[i]! += result.transitions[i]! / RUNS;
}
if (RUNS > 1 && devDocs.length) console.log(`averaged ${RUNS} runs: ${evaluateDev(final.weights, final.transitions)}`);

// ---------- quantize, prune, save ----------
let maxAbs = 0;
for (let i = 0; i < size; i++) maxAbs = Math.max(maxAbs, Math.abs(final.weights[i]!));
const codebook = logCodebook(maxAbs, MIN_WEIGHT);
const quantized = new Int8Array(size);
for (let i = 0; i < size; i++) quantized[i] = encodeWeight(final.weights[i]!, codebook);
const buckets: number[] = [];
for (let b = 0; b < 1 << HASH_BITS; b++) {
  for (let l = 0; l < L; l++) if (quantized[b * L + l] !== 0) { buckets.push(b); break; }
}
const rows = new Int8Array(buckets.length * L);
buckets.forEach((b, r) => rows.set(quantized.subarray(b * L, (b + 1) * L), r * L));

const devLine = evaluateDev(decodeWeights(quantized, codebook), final.transitions);
if (devLine) console.log(`quantized model: ${devLine}`);
const lexiconData: LexiconData = fullLexicon.toData();
const metadata: ModelMetadata = {
  hashBits: HASH_BITS,
  codebook: Array.from(codebook),
  transitions: Array.from(final.transitions, (x) => Math.round(x * 1000) / 1000),
  training: { sets: SETS, epochs: EPOCHS, runs: RUNS, augment: AUGMENT, seed: SEED, documents: trainDocs.length, rows: buckets.length },
};
const file = serializeModel({ metadata, lexicon: lexiconData, buckets: Uint32Array.from(buckets), rows });
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, file);
console.log(`wrote ${path.relative(process.cwd(), OUT)}: ${(file.length / 1024).toFixed(0)} KB, ${buckets.length} non-zero rows of ${1 << HASH_BITS}, in ${Math.round((Date.now() - t0) / 1000)} s`);
