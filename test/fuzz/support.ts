// Shared pieces of the property-based fuzz suite: the case budget and seed, hostile-text generators (fast-check
// arbitraries), latency bookkeeping and the summary each fuzz file leaves for test/run.mjs to print.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/** Total generated cases over all fuzz files: `npm test` runs the default, `npm run fuzz` 100,000. */
export const TOTAL_CASES = positiveInteger(process.env.CORPUS_LENS_FUZZ_CASES, 5_200);
/** One seed for the whole run, printed, so a failure replays with CORPUS_LENS_FUZZ_SEED. */
export const SEED = positiveInteger(process.env.CORPUS_LENS_FUZZ_SEED, 20_261_204);
/** Share of the cases each entry point gets. */
export const SHARE = { core: 0.86, cli: 0.04, lsp: 0.1 } as const;
/** Each request must answer within this at p99. */
export const P99_BOUND_MS = 1_000;

export function casesFor(part: keyof typeof SHARE, fraction = 1): number {
  return Math.max(1, Math.round(TOTAL_CASES * SHARE[part] * fraction));
}

function positiveInteger(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a whole number, got ${JSON.stringify(value)}`);
  return n;
}

/** fast-check parameters for one property: the run's seed (offset per property so they differ) and its case count. */
export function runParameters(numRuns: number, salt: number): fc.Parameters<unknown> {
  return { seed: (SEED + salt * 7919) | 0, numRuns, endOnFailure: false, verbose: 0 };
}

// ---------------------------------------------------------------- text generators

const WORDS = [
  'Kyiv', 'Kharkov', 'Kharkiv', 'Georgia', 'Vladimir Putin', 'Putin', 'Joe Biden', 'President', 'NATO', 'the United Nations',
  'Russia', 'Ukraine', 'Interfax', 'officials said', 'US officials', 'more than 130,000 troops', '150,000', '$1.5 billion',
  '$ 1 billion', '12 percent', '1,23,456', '3,5', 'about 200', 'dozens', 'Tuesday', 'Wednesday', 'Feb. 16', 'February 15, 2022',
  '2022-02-15', 'on Monday', 'last week', 'DMYTRO KULEBA', 'Nat Secretary General', 'the', 'a', 'in', 'of', 'said', 'and', '.', ',',
  ' ', ' ', ' ', '"', '\u201c', '\u201d', '(', ')', '-', '\u2014', 'â€™', 'x', '1',
];
const SYNTAX = [
  '[[', '[[', ']]', '[', ']', '|', '|', '|person]]', '|place id=Q1]]', '|person id=Q7747]]', '|figure status=verified]]',
  '|figure min=1 max=0]]', '|figure note="', '|figure source="US officials" ref="#150,000"]]', '|date value=2022-02-30]]',
  '|organization]]', '|unknowntype]]', '|person bogus=1]]', '| person  id=Q7747 ]]', '\\', '\\\\', '\\[[', '\\|', '\\]', '"', '=',
  '[[x|person]]', '[[Vladimir Putin|person id=Q7747]]', '[[a|b|c]]', '[[[', ']]]', '[[Image:x.jpg|thumb|', '[[Category:x]]',
  '[[more than 130,000|figure status=superseded ref=a.txt#150,000]]', '[[150,000|figure anchor=peak]]', '[[x|figure anchor=peak]]',
  '|person', 'status=', 'id=Q', 'ref="', 'note="a\\qb"', ' ]]', '[[\\\n', '\\\r\n', '\\\r',
];
const BREAKS = ['\n', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\u2028', '\u2029', '\t', '\u00a0', '\ufeff', '\u0085', '\v', '\f', '\0'];
const UNICODE = [
  '😀', '🇺🇦', '𝔘', '👩\u200d👩\u200d👧', 'e\u0301', '\u0301', '\u0301\u0301', '\u20dd', '\u200d', '\u200b', 'Харків', 'Київ', '中文',
  '\ufb01', 'İ', 'ß', '\ufffd', '\u{10ffff}', '\u202e', '\u0000',
];
/** Markup an article may hold that a hover must show as text. */
const MARKUP = ['<img src=x onerror=alert(1)>', '<script>', '</div>', '[x](command:workbench.action.quit)', '*', '_', '`', '```', '# ', '1. ', '&amp;', '$x$'];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyCodePoints = fc.string({ unit: 'binary', maxLength: 6 });
/** A run of backslashes, often right before an opener: the outside-text escaping counts them two by two. */
const backslashRun = fc.tuple(fc.integer({ min: 1, max: 600 }), fc.constantFrom('', '[[', '[[x|person]]', '|', '\n', ']]'))
  .map(([n, after]) => '\\'.repeat(n) + after);
/** Repeated or unterminated brackets. */
const bracketRun = fc.tuple(fc.constantFrom('[[', ']]', '[', '[[a', '[[a|', '[[a|person', '|]]', '[[a|b k="'), fc.integer({ min: 2, max: 300 }))
  .map(([s, n]) => s.repeat(n));
/** An annotation whose surface starts or ends on a combining mark or an astral character. */
const edgeAnnotation = fc.tuple(
  fc.constantFrom('\u0301', '😀', '𝔘', '🇺🇦', '\ud83d', '\ude00', 'e\u0301', ''),
  fc.constantFrom('Kyiv', 'Putin', '130,000', 'x', ''),
  fc.constantFrom('\u0301', '😀', '\ud83d', '\u200d', ''),
  fc.constantFrom('person', 'place', 'figure', 'date', 'organization'),
).map(([a, b, c, type]) => `[[${a}${b}${c}|${type}]]`);

/** An annotation whose surface has escapes: "\|", "\[", "\\\\" and escaped line breaks ("x\\" + newline + "y"). */
const escapedAnnotation = fc.tuple(
  fc.array(fc.constantFrom('New', 'York', 'Vladimir', 'Putin', 'Kyiv', '130,000', ' ', '<img src=x>', '[x](command:y)', '`', '\\\n', '\\\r\n', '\\\r', '\\|', '\\[', '\\]', '\\\\', '\\x', '😀'), { minLength: 1, maxLength: 5 }),
  fc.constantFrom('person', 'place', 'organization', 'figure', 'date', 'person id=Q7747'),
).map(([parts, type]) => `[[${parts.join('')}|${type}]]`);

export const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 14, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 8, arbitrary: fc.constantFrom(...BREAKS) },
  { weight: 6, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 2, arbitrary: loneSurrogate },
  { weight: 3, arbitrary: anyCodePoints },
  { weight: 1, arbitrary: backslashRun },
  { weight: 1, arbitrary: bracketRun },
  { weight: 3, arbitrary: edgeAnnotation },
  { weight: 3, arbitrary: escapedAnnotation },
);

const HEADERS = ['', '', 'Troops return\n20220216\n\n', 'Headline\r\n2022-02-16\r\nhttps://example.com/2022/02/15/x\r\n\r\n', 'date 2022-02-16\n', '\ufeffBOM headline\n20220216\n\n'];

/** Hostile article text: an optional header, then pieces. `maxPieces` bounds the size. */
export function articleText(maxPieces = 120): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 20, arbitrary: fc.tuple(fc.constantFrom(...HEADERS), fc.array(piece, { maxLength: maxPieces })).map(([h, p]) => h + p.join('')) },
    // Many tiny paragraphs.
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4000 }), fc.constantFrom('a.\n\n', 'Kyiv.\r\n\r\n', '\n', '[[x|person]]\n\n', '1\u2029')).map(([n, s]) => s.repeat(n)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('[', ']', '|', '\\', '\n', '\r', '"', '=', ' ', 'a', '\ud83d', '\ude00'), maxLength: 200 }) },
  );
}

/** A line of about a megabyte: sparse words, or annotations and escapes repeated. */
export function megabyteLine(): fc.Arbitrary<string> {
  return fc.tuple(fc.array(piece.filter((p) => !/[\r\n\u2028\u2029]/.test(p)), { minLength: 1, maxLength: 8 }), fc.constantFrom('word ', 'x', '[[a|person]] ', '\\', '😀')).map(([pieces, filler]) => {
    const unit = `${pieces.join('')} ${filler.repeat(Math.max(1, Math.floor(2000 / filler.length)))}`;
    return unit.repeat(Math.ceil(1_000_000 / unit.length));
  });
}

/** File bytes: article text as UTF-8 with invalid sequences, NULs and a BOM spliced in, or random bytes. */
export function fileBytes(maxPieces = 80): fc.Arbitrary<Uint8Array> {
  const invalid = fc.constantFrom(
    [0xff], [0xfe], [0xc0, 0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xef, 0xbb, 0xbf], [0x00], [0x0d],
  );
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.tuple(articleText(maxPieces), fc.array(fc.tuple(fc.nat(), invalid), { maxLength: 4 }), fc.boolean()).map(([text, splices, bom]) => {
        let bytes = [...Buffer.from(text, 'utf8')];
        for (const [at, seq] of splices) {
          const i = bytes.length ? at % (bytes.length + 1) : 0;
          bytes = [...bytes.slice(0, i), ...seq, ...bytes.slice(i)];
        }
        return Uint8Array.from(bom ? [0xef, 0xbb, 0xbf, ...bytes] : bytes);
      }),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 600 }) },
  );
}

// ---------------------------------------------------------------- checks

/** Offsets a span may take in a text of `length` code units. */
export function assertSpanInside(span: { start: number; end: number }, length: number, what: string): void {
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length)) {
    throw new Error(`${what}: span ${span.start}–${span.end} is not inside a text of ${length} code units`);
  }
}

/** A pair of code units split by `offset`. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

// ---------------------------------------------------------------- latency and the summary

export class Latencies {
  private readonly samples = new Map<string, number[]>();

  record(kind: string, ms: number): void {
    let list = this.samples.get(kind);
    if (!list) this.samples.set(kind, (list = []));
    list.push(ms);
  }

  async time<T>(kind: string, run: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.record(kind, performance.now() - started);
    }
  }

  timeSync<T>(kind: string, run: () => T): T {
    const started = performance.now();
    try {
      return run();
    } finally {
      this.record(kind, performance.now() - started);
    }
  }

  rows(): LatencyRow[] {
    return [...this.samples].sort((a, b) => a[0].localeCompare(b[0])).map(([kind, list]) => {
      const sorted = [...list].sort((x, y) => x - y);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
      return { kind, count: sorted.length, p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]!) };
    });
  }
}

export interface LatencyRow {
  kind: string;
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface FuzzSummary {
  part: string;
  seed: number;
  /** Generated cases per property. */
  cases: Record<string, number>;
  /** Further checks inside those cases (edits sent, code actions applied, round trips). */
  checks?: Record<string, number>;
  latencies: LatencyRow[];
  /** Latency kinds held to P99_BOUND_MS. */
  bounded: string[];
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

export const SUMMARY_DIR = join(__dirname, '..', '..', 'test-results', 'fuzz');

/** Prints the part's table and leaves its summary for test/run.mjs, which adds the parts up. */
export function reportSummary(summary: FuzzSummary): void {
  mkdirSync(SUMMARY_DIR, { recursive: true });
  writeFileSync(join(SUMMARY_DIR, `${summary.part}.json`), `${JSON.stringify(summary, null, 2)}\n`);
  const total = Object.values(summary.cases).reduce((a, b) => a + b, 0);
  const lines = [`fuzz ${summary.part}: ${total} cases (seed ${summary.seed}): ${Object.entries(summary.cases).map(([k, n]) => `${k} ${n}`).join(', ')}`];
  if (summary.checks) lines.push(`  checks: ${Object.entries(summary.checks).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const r of summary.latencies) lines.push(`  ${r.kind.padEnd(34)} n=${String(r.count).padStart(6)}  p50 ${fmt(r.p50)}  p99 ${fmt(r.p99)}  max ${fmt(r.max)}${summary.bounded.includes(r.kind) ? '' : '  (not bounded)'}`);
  console.log(lines.join('\n'));
}

function fmt(ms: number): string {
  return `${ms.toFixed(1).padStart(8)} ms`;
}

/** Kinds whose p99 is over the bound. */
export function overBound(latencies: Latencies, kinds: string[]): LatencyRow[] {
  return latencies.rows().filter((r) => kinds.includes(r.kind) && r.p99 > P99_BOUND_MS);
}
