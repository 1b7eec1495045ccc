// The article model: header fields, paragraphs, sentences, tokens and boilerplate of one news article.
// Pure functions over the text; every span is in UTF-16 offsets (see text.ts for LSP positions).
import { parseDateString } from './dates';
import { LineIndex } from './text';
import { tokenize } from './tokenize';
import type {
  ArticleHeader, BoilerplateKind, DateField, Paragraph, Sentence, Span, TextSpan, Token,
} from './types';

export interface MojibakeSpan extends Span {
  text: string;
  /** What the bytes meant: "’" for "â€™". */
  repaired: string;
}

export interface Article {
  text: string;
  lines: LineIndex;
  header: ArticleHeader;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  /** Spans of page furniture (navigation, related links, copyright…), in order. */
  boilerplate: Array<Span & { kind: BoilerplateKind }>;
  mojibake: MojibakeSpan[];
}

interface Line extends Span {
  index: number;
  /** Trimmed content span. */
  contentStart: number;
  contentEnd: number;
  content: string;
}

export function parseArticle(text: string): Article {
  const lines = new LineIndex(text);
  const rawLines = collectLines(text, lines);
  const header = parseHeader(text, rawLines);
  const boilerplateLines = classifyBoilerplate(rawLines, header);
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const boilerplate: Article['boilerplate'] = (header.furniture ?? []).map((f) => ({ ...f, kind: 'navigation' as const }));

  for (const block of paragraphBlocks(text, rawLines, header.bodyStart)) {
    const kind = boilerplateLines.get(block.firstLine);
    const paragraphTokens = tokenize(text, block.start, block.end);
    const firstToken = tokens.length;
    for (const t of paragraphTokens) tokens.push(t);
    const firstSentence = sentences.length;
    splitSentences(text, tokens, firstToken, tokens.length, sentences);
    const paragraph: Paragraph = { start: block.start, end: block.end, firstSentence, endSentence: sentences.length };
    if (kind) {
      paragraph.boilerplate = kind;
      boilerplate.push({ start: block.start, end: block.end, kind });
    } else if (block.heading) {
      paragraph.heading = true;
    }
    paragraphs.push(paragraph);
  }
  return { text, lines, header, paragraphs, sentences, tokens, boilerplate, mojibake: findMojibake(text) };
}

function collectLines(text: string, index: LineIndex): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < index.lineCount; i++) {
    const start = index.lineStarts[i]!;
    const end = index.lineContentEnd(i);
    let cs = start;
    let ce = end;
    while (cs < ce && /\s/.test(text[cs]!)) cs++;
    while (ce > cs && /\s/.test(text[ce - 1]!)) ce--;
    out.push({ index: i, start, end, contentStart: cs, contentEnd: ce, content: text.slice(cs, ce) });
  }
  return out;
}

// ── Header ─────────────────────────────────────────────────────────────────────────────

const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;
const BYLINE = /^(?:by|written by|reporting by)\s+[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3}(?:\s*(?:,|and|&)\s*[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3})*(?:\s*[,|–—-]\s*.{0,40})?$/iu;
const DATE_PREFIX = /^(?:date|dated|published|posted|updated|last updated|first published)\s*:?\s+/i;
/** How far into a file header lines are looked for. */
const HEADER_LINES = 6;

function parseHeader(text: string, lines: Line[]): ArticleHeader {
  const header: ArticleHeader = { bodyStart: 0 };
  let lastHeaderLine = -1;
  let seen = 0;
  for (const line of lines) {
    if (seen >= HEADER_LINES) break;
    if (!line.content) continue;
    seen++;
    const s = line.content;
    if (!header.dateline) {
      const date = datelineIn(text, line);
      if (date) {
        header.dateline = date.field;
        if (date.restStart < line.contentEnd) {
          // "date 2022-02-16 Russia has no plans…": the body starts on the same line.
          header.bodyStart = date.restStart;
          return header;
        }
        lastHeaderLine = line.index;
        continue;
      }
    }
    if (!header.sourceUrl && URL_LINE.test(s)) {
      header.sourceUrl = span(text, line.contentStart, line.contentEnd);
      lastHeaderLine = line.index;
      continue;
    }
    if (!header.byline && s.length <= 120 && BYLINE.test(s)) {
      header.byline = span(text, line.contentStart, line.contentEnd);
      lastHeaderLine = line.index;
      continue;
    }
    if (!header.headline && lastHeaderLine < line.index && looksLikeHeadline(s, lines, line.index)) {
      const repeated = repeatedHeadline(lines, line);
      header.headline = repeated ?? span(text, line.contentStart, line.contentEnd);
      if (repeated) header.furniture = [{ start: line.contentStart, end: line.contentEnd }];
      lastHeaderLine = repeated ? lines.findIndex((l) => l.contentStart === repeated.start) : line.index;
      continue;
    }
    if (lastHeaderLine >= 0) break;
    // Not header material and no header seen yet: the text may still open with a title we could not
    // recognise followed by a date line, so look one line further before giving up.
    const next = lines.slice(line.index + 1).find((l) => l.content);
    if (!next || !datelineIn(text, next) || next.index > line.index + 2) break;
    header.headline = span(text, line.contentStart, line.contentEnd);
    lastHeaderLine = line.index;
  }
  if (lastHeaderLine >= 0) {
    const next = lines[lastHeaderLine + 1];
    header.bodyStart = next ? next.start : text.length;
  }
  return header;
}

function span(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

function datelineIn(text: string, line: Line): { field: DateField; restStart: number } | undefined {
  const s = line.content;
  const prefix = DATE_PREFIX.exec(s);
  if (prefix) {
    // "date 2022-02-16 …" or "Published: February 14, 2022 10:00 ET"
    const after = s.slice(prefix[0].length);
    const candidates = [/^\S+/, /^[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}/, /^\d{1,2}\s+[A-Za-z]+\.?,?\s+\d{4}/, /^[A-Za-z]+,?\s+[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}/];
    for (const re of candidates) {
      const m = re.exec(after);
      const date = m ? parseDateString(m[0]) : undefined;
      if (m && date) {
        const start = line.contentStart;
        const dateEnd = start + prefix[0].length + m[0].length;
        let rest = dateEnd;
        while (rest < line.contentEnd && /\s/.test(text[rest]!)) rest++;
        const restIsTime = /^(?:at\s+)?\d{1,2}[:.]\d{2}\b/.test(text.slice(rest, line.contentEnd));
        return { field: { ...span(text, start, dateEnd), date }, restStart: restIsTime ? line.contentEnd : rest };
      }
    }
  }
  const date = parseDateString(s);
  if (date) return { field: { ...span(text, line.contentStart, line.contentEnd), date }, restStart: line.contentEnd };
  return undefined;
}

function looksLikeHeadline(s: string, lines: Line[], index: number): boolean {
  if (s.length < 8 || s.length > 200) return false;
  if (/[.:;,]$/.test(s) && !/\.\.\.$/.test(s)) return false;
  if (!/[\p{L}]/u.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length < 2) return false;
  // A headline is followed by header material, a blank line, or a repeat of itself.
  const next = lines[index + 1];
  if (!next) return false;
  return !next.content || !!parseDateString(next.content) || URL_LINE.test(next.content) || DATE_PREFIX.test(next.content) || BYLINE.test(next.content) || s.length < 120;
}

/** "HomeTrading NewsRussia says …" followed by "Russia says …": the first is breadcrumbs glued to the headline. */
function repeatedHeadline(lines: Line[], line: Line): TextSpan | undefined {
  for (let k = line.index + 1; k < Math.min(lines.length, line.index + 4); k++) {
    const other = lines[k]!;
    if (other.content.length >= 12 && other.content !== line.content && line.content.endsWith(other.content)) {
      return { start: other.contentStart, end: other.contentEnd, text: other.content };
    }
  }
  return undefined;
}

// ── Paragraphs ─────────────────────────────────────────────────────────────────────────

interface Block extends Span {
  firstLine: number;
  heading: boolean;
}

const SENTENCE_END = /[.!?…]["”’')\]]*$/;

/**
 * Paragraphs are separated by blank lines; inside a block, a line that ends a sentence also ends its
 * paragraph (many scraped articles put one paragraph per line), while hard-wrapped lines are joined.
 */
function paragraphBlocks(text: string, lines: Line[], bodyStart: number): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  const close = () => {
    if (current) blocks.push(current);
    current = undefined;
  };
  for (const line of lines) {
    if (line.end <= bodyStart && line.contentEnd <= bodyStart) continue;
    const contentStart = Math.max(line.contentStart, bodyStart);
    if (contentStart >= line.contentEnd) {
      close();
      continue;
    }
    const content = text.slice(contentStart, line.contentEnd);
    const heading = content.length <= 100 && !SENTENCE_END.test(content) && !/[,;:]$/.test(content);
    if (current && !current.heading && !SENTENCE_END.test(text.slice(current.start, current.end)) && !heading) {
      current.end = line.contentEnd; // hard-wrapped continuation
    } else {
      close();
      current = { start: contentStart, end: line.contentEnd, firstLine: line.index, heading };
    }
    if (heading || SENTENCE_END.test(content)) close();
  }
  close();
  return blocks;
}

// ── Boilerplate ────────────────────────────────────────────────────────────────────────

const BOILERPLATE_PATTERNS: Array<[BoilerplateKind, RegExp]> = [
  ['back-to-top', /^(?:back to top(?: button)?|scroll to top|top of page)$/i],
  ['related', /^(?:related(?: articles| stories| posts| news| content| coverage)?|read more|read next|more from .{1,40}|you may also like|recommended(?: for you)?|most read|trending(?: now)?|see also|also read)[:.]?$/i],
  ['comments', /^(?:no comments(?: yet)?|\d+ comments?|leave a (?:comment|reply)|post a comment|comments?|add a comment|join the conversation)[.!:]?$/i],
  ['copyright', /^(?:copyright\b|©|\(c\)\s*\d{4}|all rights reserved)|\ball rights reserved\b|^copyright ©/i],
  ['aggregator', /\b(?:automatic aggregator|aggregator of|all trademarks belong to|hyperlink to the primary source|first appeared on|this (?:story|article) (?:was|has been) (?:automatically generated|published from a (?:wire|syndicated) feed)|originally (?:published|appeared) (?:on|in|at)\b)/i],
  ['navigation', /^(?:home|menu|skip to (?:main )?content|share(?: this(?: article| story)?)?|follow us|subscribe|sign in|log in|advertisement|sponsored|print|email|facebook|twitter|whatsapp|linkedin)$/i],
  ['navigation', /^Home[A-Z][a-z]+/],
  ['syndication', /\b(?:contributed to this report|reports from [A-Z][\p{L}]+|(?:writers?|correspondents?) .{3,120} contributed)\b/iu],
];

const PHOTO_CREDIT = /(?:Getty Images|AP Photo|Reuters\/|AFP(?: via Getty Images)?|Photo(?:graph)?:|\(Photo by|Image (?:source|credit)|Shutterstock|EPA-EFE)/i;

/** Maps a line index to the boilerplate kind of the block that starts there. */
function classifyBoilerplate(lines: Line[], header: ArticleHeader): Map<number, BoilerplateKind> {
  const kinds = new Map<number, BoilerplateKind>();
  let trailer: BoilerplateKind | undefined;
  const nonEmpty = lines.filter((l) => l.content);
  for (const line of nonEmpty) {
    if (line.contentEnd <= header.bodyStart) continue;
    const s = line.content;
    let kind: BoilerplateKind | undefined;
    for (const [k, re] of BOILERPLATE_PATTERNS) {
      if (s.length <= 400 && re.test(s)) {
        kind = k;
        break;
      }
    }
    if (!kind && s.length <= 160 && PHOTO_CREDIT.test(s) && (s.includes('|') || s.length < 80)) kind = 'caption';
    // After copyright or aggregator notices, short lines are part of the page trailer (author names, links).
    if (!kind && trailer && s.length <= 80 && !SENTENCE_END.test(s)) kind = trailer;
    if (kind) {
      kinds.set(line.index, kind);
      if (kind === 'copyright' || kind === 'aggregator' || kind === 'related' || kind === 'back-to-top') trailer = kind;
    }
  }
  // The line just before a photo credit is its caption.
  for (let k = 1; k < nonEmpty.length; k++) {
    const line = nonEmpty[k]!;
    const previous = nonEmpty[k - 1]!;
    if (kinds.get(line.index) === 'caption' && !kinds.has(previous.index) && previous.index >= line.index - 2 && previous.contentStart >= header.bodyStart) {
      kinds.set(previous.index, 'caption');
    }
  }
  return kinds;
}

// ── Sentences ──────────────────────────────────────────────────────────────────────────

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'gov', 'sen', 'rep', 'rev', 'st', 'mt',
  'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'fig', 'approx',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'pres', 'sec',
]);

function splitSentences(text: string, tokens: Token[], from: number, to: number, out: Sentence[]): void {
  let first = from;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'punct' || !/^[.!?…]$/.test(t.text)) continue;
    let last = k;
    while (last + 1 < to && /^["”’')\]]$/.test(tokens[last + 1]!.text) && tokens[last + 1]!.start === tokens[last]!.end) last++;
    const next = tokens[last + 1];
    if (next) {
      if (next.start === tokens[last]!.end) continue; // no space: "3.5", "e.g.x"
      if (!/^[\p{Lu}\d"“‘'(«]/u.test(next.text)) continue;
      if (t.text === '.') {
        const previous = tokens[k - 1];
        if (previous && previous.end === t.start && previous.kind === 'word') {
          const word = previous.text.toLowerCase();
          if (ABBREVIATIONS.has(word)) continue;
          if (/^\p{Lu}$/u.test(previous.text)) continue; // an initial: "Edith M. Lederer"
        }
      }
    }
    out.push({ start: tokens[first]!.start, end: tokens[last]!.end, firstToken: first, endToken: last + 1 });
    first = last + 1;
    k = last;
  }
  if (first < to) out.push({ start: tokens[first]!.start, end: tokens[to - 1]!.end, firstToken: first, endToken: to });
}

// ── Mojibake ───────────────────────────────────────────────────────────────────────────

/** Windows-1252 characters in 0x80–0x9F, by code point, to their byte. */
const CP1252_BYTES = new Map<number, number>([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86], [0x2021, 0x87],
  [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c], [0x017d, 0x8e], [0x2018, 0x91],
  [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98],
  [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b], [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
]);

// UTF-8 lead byte (Â–ï as Latin-1/Windows-1252) followed by one or two continuation bytes shown as characters.
const MOJIBAKE = /[\u00c2-\u00df][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]|[\u00e0-\u00ef][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]{2}/g;

export function findMojibake(text: string): MojibakeSpan[] {
  const out: MojibakeSpan[] = [];
  for (const m of text.matchAll(MOJIBAKE)) {
    const repaired = repairMojibake(m[0]);
    if (repaired !== undefined) out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], repaired });
  }
  return out;
}

function repairMojibake(s: string): string | undefined {
  const bytes: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const b = cp <= 0xff ? cp : CP1252_BYTES.get(cp);
    if (b === undefined) return undefined;
    bytes.push(b);
  }
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
    return decoded.length === 1 || [...decoded].length === 1 ? decoded : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lets go of an analysed article's tokens (most of its memory) and recomputes them on demand, identically: the
 * corpus keeps thousands of articles, and after analysis only a knowledge-base relink needs tokens again.
 */
export function releaseTokens(article: Article): void {
  Object.defineProperty(article, 'tokens', {
    configurable: true,
    enumerable: true,
    get(): Token[] {
      const tokens: Token[] = [];
      for (const p of article.paragraphs) for (const t of tokenize(article.text, p.start, p.end)) tokens.push(t);
      return tokens;
    },
  });
}

/** The paragraph that contains an offset, if any. */
export function paragraphAt(article: Article, offset: number): Paragraph | undefined {
  let low = 0;
  let high = article.paragraphs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const p = article.paragraphs[mid]!;
    if (offset < p.start) high = mid - 1;
    else if (offset > p.end) low = mid + 1;
    else return p;
  }
  return undefined;
}

/** True when the offset is inside page furniture that features should ignore. */
export function isBoilerplate(article: Article, offset: number): boolean {
  return !!paragraphAt(article, offset)?.boilerplate;
}
