// Seeded random text for the annotation fuzz tests: the characters that matter to the syntax ("[", "]", "|",
// "\", quotes, line breaks) mixed with letters, emoji, lone surrogates and other Unicode.

/** A small seeded generator (mulberry32), so a failing case can be replayed from its seed. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'a', 'b', 'Kyiv', ' ', ' ', ' ', 'x', '1', ',', '.', '130,000',
  '[', '[', '[[', ']', ']]', '|', '\\', '\\\\', '"', '=', '#', '@',
  '\n', '\r\n', '\r', '\t', '\u00a0', '\ufeff', '\u2028',
  '😀', '🇺🇦', '𝔘', 'é', 'e\u0301', 'Харків', '中文', '\u200d',
  '[[x|person]]', '[[y|figure status=verified]]', '[[z|', '|place]]', '\\[[', 'â€™',
];

/** Random text of about `length` pieces. */
export function randomText(next: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    const r = next();
    if (r < 0.03) out += String.fromCharCode(0xd800 + Math.floor(next() * 0x800)); // a lone surrogate
    else if (r < 0.08) out += String.fromCodePoint(Math.floor(next() * 0x2ffff));
    else out += PIECES[Math.floor(next() * PIECES.length)];
  }
  return out;
}

/** Random sorted, non-overlapping, non-empty spans of `text` that do not split surrogate pairs. */
export function randomSpans(next: () => number, text: string, count: number): Array<{ start: number; end: number }> {
  const cuts = new Set<number>();
  for (let i = 0; i < count * 2; i++) cuts.add(Math.floor(next() * (text.length + 1)));
  const points = [...cuts].filter((o) => !splitsPair(text, o)).sort((x, y) => x - y);
  const spans: Array<{ start: number; end: number }> = [];
  for (let i = 0; i + 1 < points.length; i += 2) if (next() < 0.8) spans.push({ start: points[i]!, end: points[i + 1]! });
  return spans;
}

function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

const TYPES = ['person', 'place', 'organization', 'figure', 'date'];
const VALUES = ['Q7747', 'US officials', 'a "quoted" value', 'back\\slash', 'line\nbreak', '[[x]]', 'x|y', '😀', '', 'tab\there', '=', '130000'];
const KEYS = ['id', 'ref', 'note', 'by', 'status', 'min', 'unit', 'source', 'custom-key'];

/** Random attributes, keys unique. */
export function randomAttributes(next: () => number): Array<{ key: string; value: string }> {
  const attributes: Array<{ key: string; value: string }> = [];
  for (const key of KEYS) if (next() < 0.25) attributes.push({ key, value: VALUES[Math.floor(next() * VALUES.length)]! });
  return attributes;
}

export function randomType(next: () => number): string {
  return TYPES[Math.floor(next() * TYPES.length)]!;
}
