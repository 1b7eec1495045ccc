// The recognizer's model file: hashed feature weights quantized to int8, transition scores and the lexicon.
//
// Layout: "CLRM", one version byte, then a raw-deflated payload:
//   u32 JSON length, JSON (metadata and lexicon), u32 row count, the rows' bucket numbers as delta varints,
//   then LABEL_COUNT int8 codes per row. A code c stands for sign(c) * codebook[|c|] (a logarithmic scale, so that
//   small and large weights both keep about 5% precision). Loading expands the rows into a dense int16 table.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { LABEL_COUNT } from './labels';
import { Lexicon, type LexiconData } from './lexicon';

export const MODEL_FILE_NAME = 'recognizer.bin';
const MAGIC = 'CLRM';
const FORMAT_VERSION = 1;

export interface ModelMetadata {
  hashBits: number;
  /** Magnitudes of the int8 codes 0…127 (index 0 is 0). */
  codebook: number[];
  transitions: number[];
  /** Free-form facts about training (sets, epochs, dev figures). */
  training?: Record<string, unknown>;
}

export interface RecognizerModel extends ModelMetadata {
  /** Dense table: bucket * LABEL_COUNT + label; a weight is the stored value times `weightScale`. */
  weights: Int16Array;
  weightScale: number;
  transitionScores: Float32Array;
  lexicon: Lexicon;
}

/** Folder with the shipped data files, found from this module both in the sources and in the bundled server. */
export function dataDir(): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const candidates = [
    path.resolve(here, '../server/data'), // dist/server.js, dist/cli.js
    path.resolve(here, '../../../data'), // server/src/core/recognition
    path.resolve(here, '../data'),
    path.resolve(here, '../../server/data'),
  ];
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, MODEL_FILE_NAME))) return dir;
  }
  return candidates.find((dir) => fs.existsSync(dir)) ?? candidates[0]!;
}

/** 128 magnitudes from `min` to `max` on a logarithmic scale (index 0 is 0). */
export function logCodebook(max: number, min: number): Float64Array {
  const book = new Float64Array(128);
  const top = Math.max(max, min * 2);
  for (let k = 1; k < 128; k++) book[k] = min * Math.pow(top / min, (k - 1) / 126);
  return book;
}

export function encodeWeight(weight: number, codebook: ArrayLike<number>): number {
  const magnitude = Math.abs(weight);
  if (magnitude < codebook[1]! / 2) return 0;
  let lo = 1, hi = 127;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (codebook[mid]! < magnitude) lo = mid + 1; else hi = mid;
  }
  if (lo > 1 && Math.abs(codebook[lo - 1]! - magnitude) < Math.abs(codebook[lo]! - magnitude)) lo--;
  return weight < 0 ? -lo : lo;
}

export function decodeWeights(codes: Int8Array, codebook: ArrayLike<number>): Float32Array {
  const out = new Float32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    out[i] = c < 0 ? -codebook[-c]! : codebook[c]!;
  }
  return out;
}

function writeVarint(out: number[], value: number): void {
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  out.push(value);
}

export interface SerializableModel {
  metadata: ModelMetadata;
  lexicon: LexiconData;
  /** Non-zero rows: bucket numbers (ascending) and LABEL_COUNT int8 weights per row. */
  buckets: Uint32Array;
  rows: Int8Array;
}

export function serializeModel(model: SerializableModel): Buffer {
  const json = Buffer.from(JSON.stringify({ metadata: model.metadata, lexicon: model.lexicon }), 'utf8');
  const varints: number[] = [];
  let last = 0;
  for (const bucket of model.buckets) {
    writeVarint(varints, bucket - last);
    last = bucket;
  }
  const header = Buffer.alloc(4);
  header.writeUInt32LE(json.length);
  const count = Buffer.alloc(4);
  count.writeUInt32LE(model.buckets.length);
  const payload = Buffer.concat([header, json, count, Buffer.from(varints), Buffer.from(model.rows.buffer, model.rows.byteOffset, model.rows.byteLength)]);
  const body = zlib.deflateRawSync(payload, { level: 9 });
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), Buffer.from([FORMAT_VERSION]), body]);
}

export function deserializeModel(file: Uint8Array): RecognizerModel {
  const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buffer.length < 5 || buffer.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a recognizer model file');
  if (buffer[4] !== FORMAT_VERSION) throw new Error(`unsupported recognizer model version ${buffer[4]}`);
  const payload = zlib.inflateRawSync(buffer.subarray(5));
  let offset = 0;
  const jsonLength = payload.readUInt32LE(offset);
  offset += 4;
  const parsed = JSON.parse(payload.toString('utf8', offset, offset + jsonLength)) as { metadata: ModelMetadata; lexicon: LexiconData };
  offset += jsonLength;
  const rowCount = payload.readUInt32LE(offset);
  offset += 4;
  const { metadata } = parsed;
  const weights = new Int16Array((1 << metadata.hashBits) * LABEL_COUNT);
  const maxMagnitude = metadata.codebook[127] ?? 1;
  const weightScale = maxMagnitude / 32767;
  const levels = new Int16Array(255);
  for (let c = -127; c <= 127; c++) {
    const magnitude = Math.round((metadata.codebook[Math.abs(c)] ?? 0) / weightScale);
    levels[c + 127] = c < 0 ? -magnitude : magnitude;
  }
  const buckets = new Uint32Array(rowCount);
  let bucket = 0;
  for (let r = 0; r < rowCount; r++) {
    let value = 0;
    let shift = 1;
    for (;;) {
      const byte = payload[offset++]!;
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) break;
      shift *= 128;
    }
    bucket += value;
    buckets[r] = bucket;
  }
  const rows = new Int8Array(payload.buffer, payload.byteOffset + offset, rowCount * LABEL_COUNT);
  for (let r = 0; r < rowCount; r++) {
    const target = buckets[r]! * LABEL_COUNT;
    const source = r * LABEL_COUNT;
    for (let l = 0; l < LABEL_COUNT; l++) weights[target + l] = levels[rows[source + l]! + 127]!;
  }
  return {
    ...metadata,
    weightScale,
    weights,
    transitionScores: Float32Array.from(metadata.transitions),
    lexicon: Lexicon.fromData(parsed.lexicon),
  };
}

export function loadModelFile(file: string): RecognizerModel {
  return deserializeModel(fs.readFileSync(file));
}
