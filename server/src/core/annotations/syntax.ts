// Reading annotated text: finds every [[surface|type key=value …]], reports malformed ones, and computes the
// clean text (annotations replaced by their surfaces) with an offset map between the two. One pass, linear,
// never throws. The grammar is in docs/annotation-format.md.
import { formatValue, isAnnotationWhitespace, isWordBreak } from './format';
import { ANNOTATION_SCHEMA, isAnnotationType, keySpec, suggestKey, suggestType } from './schema';
import type { Annotation, AnnotationAttribute, AnnotationError, Span, TextEdit } from './types';

const BACKSLASH = 92;
const OPEN = 91; // [
const CLOSE = 93; // ]
const BAR = 124;
const QUOTE = 34;
const EQUALS = 61;
const CR = 13;
const LF = 10;

export interface ParsedAnnotations {
  /** Well-formed annotations in text order (they may still carry errors: see `hasErrors`). */
  annotations: Annotation[];
  /** Problems in text order, with spans in the annotated text. */
  errors: AnnotationError[];
}

export interface StrippedText extends ParsedAnnotations {
  /** The text with every annotation replaced by its surface and escapes resolved. */
  clean: string;
  map: AnnotationOffsetMap;
}

/** Parses the annotations of a text. Same pass as stripAnnotations. */
export function parseAnnotations(text: string): ParsedAnnotations {
  const { annotations, errors } = stripAnnotations(text);
  return { annotations, errors };
}

/**
 * The clean text: every well-formed annotation replaced by its surface, escapes resolved. Malformed
 * annotations (unclosed, nested, no "|type") stay as written. `map` converts offsets both ways.
 */
export function stripAnnotations(text: string): StrippedText {
  return new Scanner(text).run();
}

/**
 * Offsets between the annotated text and the clean text. The clean text is the annotated text with some
 * ranges deleted ("[[", "|type …]]", escaping backslashes); the map keeps those ranges.
 */
export class AnnotationOffsetMap {
  /** Deleted ranges of the annotated text, sorted: starts[i]..ends[i]. */
  private readonly starts: number[];
  private readonly ends: number[];
  /** 1 for annotation syntax ("[[", "|type…]]"), 0 for an escaping backslash. */
  private readonly syntax: number[];
  /** Total length deleted before range i (cumulative; one more entry than ranges). */
  private readonly before: number[];
  /** Clean offset where range i sits. */
  private readonly cleanAt: number[];

  constructor(
    readonly annotatedLength: number,
    starts: number[],
    ends: number[],
    syntax: number[],
  ) {
    this.starts = starts;
    this.ends = ends;
    this.syntax = syntax;
    this.before = [0];
    this.cleanAt = [];
    for (let i = 0; i < starts.length; i++) {
      this.cleanAt.push(starts[i]! - this.before[i]!);
      this.before.push(this.before[i]! + ends[i]! - starts[i]!);
    }
  }

  get cleanLength(): number {
    return this.annotatedLength - this.before[this.before.length - 1]!;
  }

  /** True when the two texts are the same (nothing was deleted). */
  get identity(): boolean {
    return this.starts.length === 0;
  }

  /** Deleted ranges of the annotated text, for tests and tools. */
  deletedRanges(): Array<Span & { syntax: boolean }> {
    return this.starts.map((start, i) => ({ start, end: this.ends[i]!, syntax: this.syntax[i] === 1 }));
  }

  /**
   * Annotated offset → clean offset. An offset inside annotation syntax or an escape maps to where that
   * syntax sits in the clean text: "[[" and the surface's start give the surface's clean start.
   */
  toClean(offset: number): number {
    const o = clamp(offset, this.annotatedLength);
    const i = lastAtOrBefore(this.starts, o);
    if (i < 0) return o;
    if (o < this.ends[i]!) return this.cleanAt[i]!;
    return o - this.before[i + 1]!;
  }

  /**
   * Clean offset → annotated offset. Several annotated offsets can mean the same clean one (before or after
   * "[["): `side: 'start'` gives the latest (for the start of a range: inside the annotation, before an
   * escape), `side: 'end'` the earliest (for the end of a range: before "|type…]]").
   */
  toAnnotated(offset: number, side: 'start' | 'end' = 'start'): number {
    const c = clamp(offset, this.cleanLength);
    if (side === 'end') {
      const n = firstAtOrAfter(this.cleanAt, c); // ranges strictly before c
      return c + this.before[n]!;
    }
    let i = lastAtOrBefore(this.cleanAt, c);
    let a = c + this.before[i + 1]!;
    while (i >= 0 && this.ends[i] === a && this.syntax[i] === 0) {
      a = this.starts[i]!;
      i--;
    }
    return a;
  }

  spanToClean(span: Span): Span {
    const start = this.toClean(span.start);
    return { start, end: Math.max(start, this.toClean(span.end)) };
  }

  spanToAnnotated(span: Span): Span {
    const start = this.toAnnotated(span.start, 'start');
    if (span.end <= span.start) return { start, end: start };
    return { start, end: Math.max(start, this.toAnnotated(span.end, 'end')) };
  }
}

function clamp(offset: number, length: number): number {
  if (!(offset > 0)) return 0;
  return offset > length ? length : Math.floor(offset);
}

/** Index of the last element <= value, or -1. */
function lastAtOrBefore(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** Index of the first element >= value (the number of elements < value). */
function firstAtOrAfter(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

// ---------------------------------------------------------------------------------------------------------
// The inside of an annotation after "|": words, "=", quoted strings, stray characters, up to "]]".

export type TailToken =
  | { kind: 'word'; start: number; end: number; text: string; spaceBefore: boolean }
  | { kind: 'quoted'; start: number; end: number; value: string; badEscapes: number[]; spaceBefore: boolean; terminated: boolean }
  | { kind: 'equals'; start: number; end: number; spaceBefore: boolean }
  | { kind: 'stray'; start: number; end: number; spaceBefore: boolean };

export interface LexedTail {
  tokens: TailToken[];
  /** Where "]]" starts, or -1 when the tail does not close. */
  close: number;
  /** Why it did not close: a line break or the end ('unclosed'), "[[" ('nested'), a quote ('unterminated-quote'). */
  failure?: 'unclosed' | 'nested' | 'unterminated-quote';
  /** Where lexing stopped: "]]", the line break, the end, or the "[[". */
  stop: number;
}

/** Lexes from `from` (just after "|") to "]]", a line break, "[[" or `limit`. */
export function lexTail(text: string, from: number, limit = text.length): LexedTail {
  const tokens: TailToken[] = [];
  let i = from;
  let spaceBefore = false;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === CR || c === LF) return { tokens, close: -1, failure: 'unclosed', stop: i };
    if (isAnnotationWhitespace(c)) {
      spaceBefore = true;
      i++;
      continue;
    }
    const next = i + 1 < limit ? text.charCodeAt(i + 1) : -1;
    if (c === CLOSE && next === CLOSE) return { tokens, close: i, stop: i };
    if (c === OPEN && next === OPEN) return { tokens, close: -1, failure: 'nested', stop: i };
    if (c === EQUALS) {
      tokens.push({ kind: 'equals', start: i, end: i + 1, spaceBefore });
      i++;
    } else if (c === QUOTE) {
      const start = i;
      let value = '';
      let from = ++i;
      const badEscapes: number[] = [];
      let terminated = false;
      while (i < limit) {
        const d = text.charCodeAt(i);
        if (d === QUOTE) {
          terminated = true;
          break;
        }
        if (d === CR || d === LF) break;
        if (d === OPEN && i + 1 < limit && text.charCodeAt(i + 1) === OPEN) break;
        if (d === BACKSLASH && i + 1 < limit) {
          const e = text.charCodeAt(i + 1);
          const resolved =
            e === QUOTE ? '"' : e === BACKSLASH ? '\\' : e === 110 ? '\n' : e === 114 ? '\r' : e === 116 ? '\t' : e === OPEN ? '[' : e === CLOSE ? ']' : undefined;
          if (resolved !== undefined) {
            value += text.slice(from, i) + resolved;
            i += 2;
            from = i;
            continue;
          }
          if (e !== CR && e !== LF) badEscapes.push(i);
        }
        i++;
      }
      value += text.slice(from, i);
      if (!terminated) {
        tokens.push({ kind: 'quoted', start, end: i, value, badEscapes, spaceBefore, terminated: false });
        return { tokens, close: -1, failure: i < limit ? (text.charCodeAt(i) === OPEN ? 'nested' : 'unterminated-quote') : 'unterminated-quote', stop: i };
      }
      i++;
      tokens.push({ kind: 'quoted', start, end: i, value, badEscapes, spaceBefore, terminated: true });
    } else if (isWordBreak(c)) {
      tokens.push({ kind: 'stray', start: i, end: i + 1, spaceBefore });
      i++;
    } else {
      const start = i;
      while (i < limit && !isWordBreak(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'word', start, end: i, text: text.slice(start, i), spaceBefore });
    }
    spaceBefore = false;
  }
  return { tokens, close: -1, failure: 'unclosed', stop: i };
}

interface ParsedTail {
  type: string;
  typeSpan: Span;
  attributes: AnnotationAttribute[];
  errors: AnnotationError[];
  /** True when the tokens are exactly a type and complete key=value pairs (so "]]" alone would close it). */
  clean: boolean;
}

/** Items of a lexed tail: the type, then key=value attributes; problems as errors. */
export function parseTail(text: string, bar: number, tokens: TailToken[]): ParsedTail {
  const errors: AnnotationError[] = [];
  const attributes: AnnotationAttribute[] = [];
  let type = '';
  let typeSpan: Span = { start: bar + 1, end: bar + 1 };
  let clean = true;
  let i = 0;
  const first = tokens[0];
  const bars = tokens.filter((t) => t.kind === 'stray' && text.charCodeAt(t.start) === BAR);
  if (bars.length) {
    // "[[a|b|person]]": the surface has a "|" that needs escaping; the last "|" is the separator.
    const last = bars[bars.length - 1]!;
    const edits: TextEdit[] = [{ start: bar, end: bar, newText: '\\' }];
    for (const b of bars) if (b !== last) edits.push({ start: b.start, end: b.start, newText: '\\' });
    errors.push({
      start: bars[0]!.start,
      end: bars[0]!.end,
      code: 'unescaped-bar',
      message: 'a second "|": a "|" inside the surface must be written "\\|"',
      fix: { title: 'Escape the "|" in the surface', edits },
    });
    const tw = tokens[0];
    if (tw?.kind === 'word') {
      type = tw.text;
      typeSpan = { start: tw.start, end: tw.end };
    }
    return { type, typeSpan, attributes, errors, clean: false };
  }
  if (!first) {
    errors.push({ start: bar, end: bar + 1, code: 'missing-type', message: `no type after "|": write one of ${Object.keys(ANNOTATION_SCHEMA).join(', ')}` });
    clean = false;
  } else if (first.kind === 'word' && !(tokens[1]?.kind === 'equals' && !tokens[1].spaceBefore)) {
    type = first.text;
    typeSpan = { start: first.start, end: first.end };
    i = 1;
  } else {
    errors.push({ start: first.start, end: first.end, code: 'missing-type', message: `the type must come first after "|": one of ${Object.keys(ANNOTATION_SCHEMA).join(', ')}` });
    clean = false;
  }
  let previousBareValue: AnnotationAttribute | undefined;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.kind === 'word') {
      const eq = tokens[i + 1];
      if (eq?.kind === 'equals' && !eq.spaceBefore) {
        const v = tokens[i + 2];
        if (v && !v.spaceBefore && (v.kind === 'word' || v.kind === 'quoted')) {
          const attribute: AnnotationAttribute = {
            key: t.text,
            value: v.kind === 'word' ? v.text : v.value,
            span: { start: t.start, end: v.end },
            keySpan: { start: t.start, end: t.end },
            valueSpan: { start: v.start, end: v.end },
            quoted: v.kind === 'quoted',
          };
          attributes.push(attribute);
          if (v.kind === 'quoted') {
            for (const at of v.badEscapes) {
              errors.push({
                start: at,
                end: at + 2,
                code: 'bad-escape',
                message: `"\\${text[at + 1]}" is not an escape: inside quotes write \\\\ for a backslash (escapes: \\" \\\\ \\n \\r \\t \\[ \\])`,
                fix: { title: 'Write the backslash as \\\\', edits: [{ start: at, end: at, newText: '\\' }] },
              });
            }
          }
          previousBareValue = v.kind === 'word' ? attribute : undefined;
          i += 3;
          continue;
        }
        attributes.push({
          key: t.text,
          value: '',
          span: { start: t.start, end: eq.end },
          keySpan: { start: t.start, end: t.end },
          valueSpan: { start: eq.end, end: eq.end },
          quoted: false,
        });
        errors.push({ start: t.start, end: eq.end, code: 'missing-value', message: `${t.text}= has no value` });
        clean = false;
        previousBareValue = undefined;
        i += 2;
        continue;
      }
      // A word without "=": words that continue an unquoted value ("source=US officials") or a stray word.
      clean = false;
      let j = i;
      while (j + 1 < tokens.length && tokens[j + 1]!.kind === 'word' && tokens[j + 1]!.spaceBefore && !(tokens[j + 2]?.kind === 'equals' && !tokens[j + 2]!.spaceBefore)) j++;
      const last = tokens[j]!;
      if (previousBareValue && t.spaceBefore) {
        const from = previousBareValue.valueSpan.start;
        const joined = text.slice(from, last.end);
        const key = previousBareValue.key;
        errors.push({
          start: t.start,
          end: last.end,
          code: 'missing-value',
          message: `"${text.slice(t.start, last.end)}" is not key=value; a value with spaces needs quotes: ${key}=${formatValue(joined)}`,
          fix: { title: `Quote the value of ${key}`, edits: [{ start: from, end: last.end, newText: formatValue(joined) }] },
        });
        previousBareValue.value = joined;
        previousBareValue.valueSpan = { start: from, end: last.end };
        previousBareValue.span = { start: previousBareValue.span.start, end: last.end };
      } else {
        errors.push({
          start: t.start,
          end: t.end,
          code: 'missing-value',
          message: isKeyOfAnyType(t.text) ? `${t.text} needs a value: ${t.text}=…` : `"${t.text}" is not key=value`,
        });
      }
      previousBareValue = undefined;
      i = j + 1;
      continue;
    }
    clean = false;
    previousBareValue = undefined;
    if (t.kind === 'equals') {
      errors.push({ start: t.start, end: t.end, code: 'missing-value', message: '"=" without a key before it' });
      i += tokens[i + 1] && !tokens[i + 1]!.spaceBefore && tokens[i + 1]!.kind !== 'equals' ? 2 : 1;
    } else if (t.kind === 'quoted') {
      errors.push({ start: t.start, end: t.end, code: 'missing-value', message: 'a quoted value needs a key: key="…"' });
      i++;
    } else {
      errors.push({ start: t.start, end: t.end, code: 'unexpected-character', message: `unexpected "${text[t.start]}" (quote values that contain it)` });
      i++;
    }
  }
  return { type, typeSpan, attributes, errors, clean };
}

/** " (status is a key of figure annotations)" when another type has the key. */
function ownerNote(type: string, key: string): string {
  const owners = Object.values(ANNOTATION_SCHEMA).filter((t) => t.type !== type && t.keys.some((k) => k.key === key)).map((t) => t.type);
  return owners.length ? ` (${key} is a key of ${owners.join(' and ')} annotations)` : '';
}

function isKeyOfAnyType(key: string): boolean {
  return Object.values(ANNOTATION_SCHEMA).some((t) => t.keys.some((k) => k.key === key));
}

/** Checks a well-formed annotation's type, keys and values against the schema. */
function validate(annotation: Annotation, errors: AnnotationError[], checkSchema: boolean): void {
  const { type, typeSpan } = annotation;
  if (annotation.surface.length === 0) {
    errors.push({ start: annotation.start, end: annotation.end, code: 'empty-surface', message: 'the annotation has no surface text' });
  }
  if (!type || !checkSchema) return;
  if (!isAnnotationType(type)) {
    const suggestion = suggestType(type);
    errors.push({
      ...typeSpan,
      code: 'unknown-type',
      message: `unknown type "${type}": use ${Object.keys(ANNOTATION_SCHEMA).join(', ')}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
      ...(suggestion ? { fix: { title: `Change the type to ${suggestion}`, edits: [{ ...typeSpan, newText: suggestion }] } } : {}),
    });
    return;
  }
  const seen = new Map<string, AnnotationAttribute>();
  let previousEnd = typeSpan.end;
  for (const attribute of annotation.attributes) {
    const { key } = attribute;
    const spec = keySpec(type, key);
    const first = seen.get(key);
    if (first) {
      errors.push({
        ...attribute.span,
        code: 'duplicate-key',
        message: `${key} is given twice`,
        fix: { title: `Remove the second ${key}`, edits: [{ start: previousEnd, end: attribute.span.end, newText: '' }] },
      });
    } else if (!spec) {
      const suggestion = suggestKey(type, key);
      const keys = ANNOTATION_SCHEMA[type].keys.map((k) => k.key).join(', ');
      errors.push({
        ...attribute.keySpan,
        code: 'unknown-key',
        message: `${type} annotations have no key "${key}" (keys: ${keys})${suggestion ? `; did you mean ${suggestion}?` : ''}${ownerNote(type, key)}`,
        ...(suggestion && !annotation.attributes.some((a) => a.key === suggestion)
          ? { fix: { title: `Change the key to ${suggestion}`, edits: [{ ...attribute.keySpan, newText: suggestion }] } }
          : {}),
      });
    } else if (attribute.valueSpan.end > attribute.valueSpan.start) {
      const problem = spec.check(attribute.value);
      if (problem) {
        const repaired = spec.repair?.(attribute.value);
        errors.push({
          ...attribute.valueSpan,
          code: 'bad-value',
          message: `${key}: ${problem}${repaired ? ` (did you mean ${repaired}?)` : ''}`,
          ...(repaired ? { fix: { title: `Change ${key} to ${repaired}`, edits: [{ ...attribute.valueSpan, newText: formatValue(repaired) }] } } : {}),
        });
      }
    }
    if (!first) seen.set(key, attribute);
    previousEnd = attribute.span.end;
  }
  const min = seen.get('min');
  const max = seen.get('max');
  if (type === 'figure' && min && max && Number(min.value) > Number(max.value)) {
    errors.push({ ...max.valueSpan, code: 'bad-value', message: `max ${max.value} is less than min ${min.value}` });
  }
}

// ---------------------------------------------------------------------------------------------------------

class Scanner {
  private readonly annotations: Annotation[] = [];
  private readonly errors: AnnotationError[] = [];
  private readonly delStarts: number[] = [];
  private readonly delEnds: number[] = [];
  private readonly delSyntax: number[] = [];
  private readonly cleanParts: string[] = [];
  private keptFrom = 0;
  private deleted = 0;

  constructor(private readonly text: string) {}

  run(): StrippedText {
    const text = this.text;
    let pos = 0;
    /** Start of the text outside annotations that backslashes before an opener may be counted in. */
    let segmentStart = 0;
    for (;;) {
      let q = text.indexOf('[[', pos);
      if (q < 0) break;
      // In a run of "[", the last two open: "[[[x" is "[" then "[[x".
      while (text.charCodeAt(q + 2) === OPEN) q++;
      let b = q;
      while (b > segmentStart && text.charCodeAt(b - 1) === BACKSLASH) b--;
      const backslashes = q - b;
      // Before an opener, "\\" is one backslash and a last odd "\" makes the "[[" literal.
      for (let k = 0; k + 1 < backslashes; k += 2) this.delete(b + k, b + k + 1, 0);
      if (backslashes % 2 === 1) {
        this.delete(q - 1, q, 0);
        pos = segmentStart = q + 2;
        continue;
      }
      const end = this.annotationAt(q);
      pos = segmentStart = end > 0 ? end : q + 2;
    }
    if (this.keptFrom < text.length || this.cleanParts.length === 0) this.cleanParts.push(text.slice(this.keptFrom));
    const clean = this.delStarts.length === 0 ? text : this.cleanParts.join('');
    this.checkAnchors();
    this.errors.sort((x, y) => x.start - y.start || x.end - y.end);
    return {
      clean,
      map: new AnnotationOffsetMap(text.length, this.delStarts, this.delEnds, this.delSyntax),
      annotations: this.annotations,
      errors: this.errors,
    };
  }

  private delete(start: number, end: number, syntax: number): void {
    this.cleanParts.push(this.text.slice(this.keptFrom, start));
    this.keptFrom = end;
    this.delStarts.push(start);
    this.delEnds.push(end);
    this.delSyntax.push(syntax);
    this.deleted += end - start;
  }

  /** Parses the annotation whose "[[" is at q. Returns its end, or -1 when it is malformed (an error is reported). */
  private annotationAt(q: number): number {
    const text = this.text;
    const length = text.length;
    const escapes: number[] = [];
    let i = q + 2;
    let bar = -1;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) {
        const d = text.charCodeAt(i + 1);
        if (d === BACKSLASH || d === BAR || d === OPEN || d === CLOSE || d === LF) {
          escapes.push(i);
          i += 2;
        } else if (d === CR) {
          escapes.push(i);
          i += text.charCodeAt(i + 2) === LF ? 3 : 2;
        } else {
          i++;
        }
        continue;
      }
      if (c === BAR) {
        bar = i;
        break;
      }
      if (c === CLOSE && text.charCodeAt(i + 1) === CLOSE) {
        this.errors.push({
          start: q,
          end: i + 2,
          code: 'missing-surface-separator',
          message: `"${text.slice(q, Math.min(i + 2, q + 60))}" has no "|type": write [[surface|type]] (or "\\[[" for literal brackets)`,
        });
        return -1;
      }
      if (c === OPEN && text.charCodeAt(i + 1) === OPEN) return this.failNested(q, i);
      if (c === CR || c === LF) return this.unclosedWithoutBar(q, i);
      i++;
    }
    if (bar < 0) return this.unclosedWithoutBar(q, i);
    const tail = lexTail(text, bar + 1);
    if (tail.close < 0) {
      if (tail.failure === 'nested') return this.failNested(q, tail.stop);
      if (tail.failure === 'unterminated-quote') {
        this.errors.push({ start: q, end: tail.stop, code: 'unterminated-quote', message: 'a quoted value is not closed on this line, so neither is the annotation' });
        return -1;
      }
      const parsed = parseTail(text, bar, tail.tokens);
      const lastToken = tail.tokens[tail.tokens.length - 1];
      // Wiki and scraped pages write "[[Image:x.jpg|thumb|…" and "[[page|word]": an unclosed opener whose type is none
      // of ours (nor close to one) is text, not a broken annotation.
      if (!suggestType(parsed.type)) return this.notAnnotation(q, tail.stop, parsed.type);
      this.errors.push({
        start: q,
        end: tail.stop,
        code: 'unclosed',
        message: 'the annotation is not closed with "]]" on its line',
        ...(parsed.clean && lastToken ? { fix: { title: 'Close the annotation with "]]"', edits: [{ start: lastToken.end, end: lastToken.end, newText: ']]' }] } } : {}),
      });
      return -1;
    }
    const end = tail.close + 2;
    // Commit: "[[", the escaping backslashes of the surface, and "|type …]]" leave the clean text.
    this.delete(q, q + 2, 1);
    const cleanStart = q + 2 - this.deleted;
    let surface = '';
    let from = q + 2;
    for (const e of escapes) {
      surface += text.slice(from, e);
      from = e + 1;
      this.delete(e, e + 1, 0);
    }
    surface += text.slice(from, bar);
    this.delete(bar, end, 1);
    const parsed = parseTail(text, bar, tail.tokens);
    const annotation: Annotation = {
      start: q,
      end,
      surface,
      surfaceSpan: { start: q + 2, end: bar },
      clean: { start: cleanStart, end: cleanStart + surface.length },
      type: parsed.type,
      typeSpan: parsed.typeSpan,
      attributes: parsed.attributes,
      hasErrors: false,
    };
    const before = this.errors.length;
    for (const e of parsed.errors) this.errors.push(e);
    validate(annotation, this.errors, !parsed.errors.some((e) => e.code === 'unescaped-bar'));
    annotation.hasErrors = this.errors.length > before;
    this.annotations.push(annotation);
    return end;
  }

  /** "[[File:x.png" or "[[Category:…": a wiki namespace prefix opens no annotation; otherwise an annotation left open. */
  private unclosedWithoutBar(q: number, stop: number): number {
    return /^[\p{L}]+:\S/u.test(this.text.slice(q + 2, Math.min(stop, q + 40))) ? this.notAnnotation(q, stop, '') : this.failUnclosed(q, stop);
  }

  /** Brackets that open no annotation of ours: kept as text, reported as a hint only (`not-an-annotation`). */
  private notAnnotation(q: number, stop: number, type: string): number {
    this.errors.push({
      start: q,
      end: stop,
      code: 'not-an-annotation',
      message: `"[[" here opens no annotation${type ? ` ("${type}" is no annotation type)` : ''}: it is read as text. Write "\\[[" to say so.`,
    });
    return -1;
  }

  private failNested(q: number, inner: number): number {
    this.errors.push({
      start: q,
      end: inner,
      code: 'nested',
      message: 'another "[[" opens before this annotation is closed: annotations cannot nest (close this one with "]]" first, or write "\\[[" for literal brackets)',
    });
    return -1;
  }

  private failUnclosed(q: number, stop: number): number {
    this.errors.push({ start: q, end: stop, code: 'unclosed', message: 'the annotation is not closed with "|type]]" on its line (write "\\[[" for literal brackets)' });
    return -1;
  }

  private checkAnchors(): void {
    const seen = new Set<string>();
    for (const a of this.annotations) {
      if (a.type !== 'figure') continue;
      for (const attribute of a.attributes) {
        if (attribute.key !== 'anchor' || !attribute.value) continue;
        if (seen.has(attribute.value)) {
          this.errors.push({ ...attribute.valueSpan, code: 'duplicate-anchor', message: `anchor ${attribute.value} is already used in this article` });
          a.hasErrors = true;
        }
        seen.add(attribute.value);
      }
    }
  }
}
