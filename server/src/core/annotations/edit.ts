// Writing annotations into text: building an annotated text from clean text, wrapping spans of an annotated
// text, removing or changing annotations. Every function keeps the clean text exactly as it was.
import { formatAnnotation } from './format';
import { stripAnnotations, type StrippedText } from './syntax';
import { SYNTAX_ERROR_CODES, type Annotation, type AttributeInput, type CleanAnnotation, type Span, type TextEdit } from './types';

const BACKSLASH = 92;
const OPEN = 91;

/**
 * Writes clean text that sits outside annotations so that it reads back as itself: a "[[" that would open an
 * annotation becomes "\[[", and backslashes right before it (or before a following annotation) are doubled.
 * `followedByAnnotation`: an annotation's "[[" comes right after this text.
 */
export function encodeOutsideText(clean: string, followedByAnnotation: boolean): string {
  let out = '';
  let from = 0;
  let p = clean.indexOf('[[');
  while (p >= 0) {
    let end = p + 2;
    while (clean.charCodeAt(end) === OPEN) end++;
    if (end >= clean.length && followedByAnnotation) break; // the run joins the next "[[" and does not open
    // A run of k "[" becomes ("[" when k is odd) + k/2 × "\[[": each "\[[" is a literal "[[".
    const odd = (end - p) % 2 === 1;
    let b = p;
    while (b > from && clean.charCodeAt(b - 1) === BACKSLASH) b--;
    const backslashes = odd ? clean.slice(b, p) : '\\'.repeat(2 * (p - b));
    out += `${clean.slice(from, b)}${backslashes}${odd ? '[' : ''}${'\\[['.repeat((end - p) >> 1)}`;
    from = end;
    p = clean.indexOf('[[', from);
  }
  let rest = clean.slice(from);
  if (followedByAnnotation) {
    let b = rest.length;
    while (b > 0 && rest.charCodeAt(b - 1) === BACKSLASH) b--;
    if (b < rest.length) rest = rest.slice(0, b) + '\\'.repeat(2 * (rest.length - b));
  }
  return out + rest;
}

export interface Refusal<T> {
  item: T;
  reason: string;
}

export interface BuiltText {
  /** The annotated text. */
  text: string;
  /** The annotations written, sorted by start. */
  placed: CleanAnnotation[];
  refused: Array<Refusal<CleanAnnotation>>;
}

/**
 * The annotated text for a clean text and annotations on it (clean offsets). Overlapping, empty, out-of-range
 * annotations and ones that split a surrogate pair are refused. stripAnnotations(text).clean === clean.
 */
export function buildAnnotatedText(clean: string, annotations: readonly CleanAnnotation[]): BuiltText {
  const refused: Array<Refusal<CleanAnnotation>> = [];
  const placed: CleanAnnotation[] = [];
  const sorted = [...annotations].sort((a, b) => a.start - b.start || a.end - b.end);
  let cursor = 0;
  let text = '';
  for (const a of sorted) {
    const problem = spanProblem(clean, a) ?? (a.start < cursor ? 'overlaps another annotation' : undefined);
    if (problem) {
      refused.push({ item: a, reason: problem });
      continue;
    }
    text += encodeOutsideText(clean.slice(cursor, a.start), true);
    text += formatAnnotation({ surface: clean.slice(a.start, a.end), type: a.type, attributes: a.attributes });
    cursor = a.end;
    placed.push(a);
  }
  text += encodeOutsideText(clean.slice(cursor), false);
  return { text, placed, refused };
}

function spanProblem(clean: string, span: Span): string | undefined {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > clean.length) return 'outside the text';
  if (span.end <= span.start) return 'empty span';
  if (splitsPair(clean, span.start) || splitsPair(clean, span.end)) return 'splits a character (surrogate pair)';
  return undefined;
}

function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

export interface AnnotationRequest extends Span {
  type: string;
  attributes?: AttributeInput;
}

export interface AnnotateOptions {
  /** Offsets of the requests: into the annotated text (default) or into its clean text. */
  offsets?: 'annotated' | 'clean';
  /** The text's stripAnnotations result, when the caller has it. */
  parsed?: StrippedText;
}

export interface EditResult {
  /** The text after the edits. */
  text: string;
  /** Edits to the original text, sorted, not overlapping: apply them all at once (one WorkspaceEdit). */
  edits: TextEdit[];
}

export interface AnnotateResult extends EditResult {
  refused: Array<Refusal<AnnotationRequest>>;
}

/**
 * Wraps spans of an annotated text in annotations. The surface is the clean text of the span; a span that
 * overlaps an existing annotation (or another request) is refused. The clean text does not change.
 */
export function annotateSpans(text: string, requests: readonly AnnotationRequest[], options: AnnotateOptions = {}): AnnotateResult {
  const parsed = options.parsed ?? stripAnnotations(text);
  const { clean, map } = parsed;
  const refused: Array<Refusal<AnnotationRequest>> = [];
  const candidates: Array<{ request: AnnotationRequest; start: number; end: number; cleanStart: number; cleanEnd: number }> = [];
  for (const request of requests) {
    const limit = options.offsets === 'clean' ? clean.length : text.length;
    if (!Number.isInteger(request.start) || !Number.isInteger(request.end) || request.start < 0 || request.end > limit || request.end <= request.start) {
      refused.push({ item: request, reason: 'empty or out-of-range span' });
      continue;
    }
    const cleanStart = options.offsets === 'clean' ? request.start : map.toClean(request.start);
    const cleanEnd = options.offsets === 'clean' ? request.end : map.toClean(request.end);
    const problem = spanProblem(clean, { start: cleanStart, end: cleanEnd });
    if (problem) {
      refused.push({ item: request, reason: problem === 'empty span' ? 'no text to annotate' : problem });
      continue;
    }
    const start = map.toAnnotated(cleanStart, 'start');
    const end = map.toAnnotated(cleanEnd, 'end');
    const raw = options.offsets === 'clean' ? { start, end } : request;
    const existing = parsed.annotations.find((a) => (a.start < end && start < a.end) || (a.start < raw.end && raw.start < a.end));
    if (existing) {
      refused.push({ item: request, reason: `overlaps the annotation [[${existing.surface}|${existing.type}]]` });
      continue;
    }
    candidates.push({ request, start, end, cleanStart, cleanEnd });
  }
  candidates.sort((a, b) => a.start - b.start || a.end - b.end);
  const changes: Change[] = [];
  let last = -1;
  for (const c of candidates) {
    if (c.start < last) {
      refused.push({ item: c.request, reason: 'overlaps another requested span' });
      continue;
    }
    last = c.end;
    const surface = clean.slice(c.cleanStart, c.cleanEnd);
    changes.push({ start: c.start, end: c.end, items: [{ annotation: formatAnnotation({ surface, type: c.request.type, attributes: c.request.attributes }) }] });
  }
  return { ...applyChanges(text, parsed, changes), refused };
}

/** Removes annotations (all, or those `which` selects), leaving their surfaces: the clean text does not change. */
export function removeAnnotations(text: string, which: (annotation: Annotation) => boolean = () => true, parsed = stripAnnotations(text)): EditResult {
  const changes: Change[] = parsed.annotations.filter(which).map((a) => ({ start: a.start, end: a.end, items: [{ outside: a.surface }] }));
  return applyChanges(text, parsed, changes);
}

export interface AnnotationChange {
  type?: string;
  /** Keys to set; null or undefined removes the key. Keys not named stay as they are. */
  attributes?: Readonly<Record<string, string | number | null | undefined>>;
}

/** The edit that rewrites one annotation with another type or attributes (same surface), in canonical form. */
export function editAnnotation(annotation: Annotation, change: AnnotationChange): TextEdit {
  const attributes = annotation.attributes.map((a) => ({ key: a.key, value: a.value }));
  for (const [key, value] of Object.entries(change.attributes ?? {})) {
    const i = attributes.findIndex((a) => a.key === key);
    if (value === null || value === undefined) {
      for (let j = attributes.length - 1; j >= 0; j--) if (attributes[j]!.key === key) attributes.splice(j, 1);
    } else if (i >= 0) {
      attributes[i] = { key, value: String(value) };
    } else {
      attributes.push({ key, value: String(value) });
    }
  }
  const newText = formatAnnotation({ surface: annotation.surface, type: change.type ?? annotation.type, attributes });
  return { start: annotation.start, end: annotation.end, newText };
}

// ---------------------------------------------------------------------------------------------------------

type Item = { annotation: string } | { outside: string };

/** A range of the annotated text (outside annotations, or exactly one annotation) and what it becomes. */
interface Change extends Span {
  items: Item[];
}

function isSpecial(c: number): boolean {
  return c === OPEN || c === BACKSLASH;
}

/**
 * Applies changes, re-encoding the "[" and "\\" right around each one: those are the only characters whose
 * meaning depends on what is next to them (runs of "[" and backslashes before "[["). Removing an annotation can
 * also complete a malformed one before it (its "[[" failed only because of the removed one): the result is
 * parsed again and any such "[[" is escaped, so the clean text and the set of annotations are exactly as meant.
 */
function applyChanges(text: string, parsed: StrippedText, changes: Change[]): EditResult {
  if (!changes.length) return { text, edits: [] };
  const removed = changes.filter((c) => c.items.every((i) => 'outside' in i)).length;
  const added = changes.reduce((n, c) => n + c.items.filter((i) => 'annotation' in i).length, 0);
  const expectedCount = parsed.annotations.length - removed + added;
  // Only a malformed "[[" (it stays literal text) can start reading differently after an edit elsewhere.
  if (!parsed.errors.some((e) => SYNTAX_ERROR_CODES.has(e.code))) {
    const { edits } = buildEdits(text, parsed, changes);
    return { text: applyEdits(text, edits), edits };
  }
  let all = [...changes];
  // Escaping one "[[" can complete the malformed one before it ("[[a[[a[[b|x]]|y]]"): a chain needs one pass per
  // link, so the bound counts the malformed openers (each has an error) as well.
  for (let attempt = 0; attempt <= parsed.annotations.length + changes.length + parsed.errors.length + 1; attempt++) {
    const built = buildEdits(text, parsed, all);
    const result = applyEdits(text, built.edits);
    const check = stripAnnotations(result);
    if (check.annotations.length === expectedCount && check.clean === parsed.clean) return { text: result, edits: built.edits };
    const unexpected = check.annotations.filter((a) => !built.expectedStarts.has(a.start)).map((a) => originalOffset(built.edits, a.start));
    if (!unexpected.length || unexpected.some((at) => at === undefined)) return { text: result, edits: built.edits };
    all = [...all, ...unexpected.map((at) => ({ start: at!, end: at! + 2, items: [{ outside: '[[' }] }))].sort((x, y) => x.start - y.start);
  }
  const built = buildEdits(text, parsed, all);
  return { text: applyEdits(text, built.edits), edits: built.edits };
}

/** The offset in the original text of an offset of the edited text that no edit wrote, or undefined. */
function originalOffset(edits: readonly TextEdit[], offset: number): number | undefined {
  let shift = 0;
  for (const e of edits) {
    const newStart = e.start + shift;
    if (offset < newStart) break;
    if (offset < newStart + e.newText.length) return undefined;
    shift += e.newText.length - (e.end - e.start);
  }
  return offset - shift;
}

function buildEdits(text: string, parsed: StrippedText, changes: Change[]): { edits: TextEdit[]; expectedStarts: Set<number> } {
  const starts = new Set(parsed.annotations.map((a) => a.start));
  const cleanOf = (from: number, to: number) => parsed.clean.slice(parsed.map.toClean(from), parsed.map.toClean(to));
  const groups: Array<{ start: number; end: number; changes: Change[] }> = [];
  for (let k = 0; k < changes.length; k++) {
    const change = changes[k]!;
    const lower = groups.length ? groups[groups.length - 1]!.end : 0;
    const upper = k + 1 < changes.length ? changes[k + 1]!.start : text.length;
    let start = change.start;
    while (start > lower && isSpecial(text.charCodeAt(start - 1))) start--;
    // A new annotation ends with "]]", so what follows reads the same; text left where an annotation was can
    // join a "[" run or a backslash run that follows.
    const endsWithText = change.items.every((item) => 'outside' in item);
    let end = change.end;
    while (endsWithText && end < upper && isSpecial(text.charCodeAt(end)) && !starts.has(end)) end++;
    const previous = groups[groups.length - 1];
    if (previous && start <= previous.end) {
      previous.end = Math.max(previous.end, end);
      previous.changes.push(change);
    } else {
      groups.push({ start, end, changes: [change] });
    }
  }
  const edits: TextEdit[] = [];
  const expectedStarts = new Set<number>();
  const removedStarts = new Set(changes.map((c) => c.start));
  // Where each annotation should start in the edited text: kept ones shifted, new ones where written.
  const keptStarts = parsed.annotations.map((a) => a.start).filter((start) => !removedStarts.has(start));
  let shift = 0;
  let kept = 0;
  for (const group of groups) {
    while (kept < keptStarts.length && keptStarts[kept]! < group.start) expectedStarts.add(keptStarts[kept++]! + shift);
    const items: Item[] = [];
    const pushOutside = (s: string) => {
      if (!s) return;
      const last = items[items.length - 1];
      if (last && 'outside' in last) last.outside += s;
      else items.push({ outside: s });
    };
    let cursor = group.start;
    for (const change of group.changes) {
      pushOutside(cleanOf(cursor, change.start));
      for (const item of change.items) {
        if ('outside' in item) pushOutside(item.outside);
        else items.push({ ...item });
      }
      cursor = change.end;
    }
    pushOutside(cleanOf(cursor, group.end));
    const followedByKept = starts.has(group.end) && !removedStarts.has(group.end);
    let newText = '';
    items.forEach((item, i) => {
      if ('annotation' in item) {
        expectedStarts.add(group.start + shift + newText.length);
        newText += item.annotation;
      } else {
        newText += encodeOutsideText(item.outside, i + 1 < items.length ? 'annotation' in items[i + 1]! : followedByKept);
      }
    });
    if (newText !== text.slice(group.start, group.end)) edits.push({ start: group.start, end: group.end, newText });
    shift += newText.length - (group.end - group.start);
  }
  while (kept < keptStarts.length) expectedStarts.add(keptStarts[kept++]! + shift);
  return { edits, expectedStarts };
}

/** Applies sorted, non-overlapping edits. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = '';
  let from = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    result += text.slice(from, e.start) + e.newText;
    from = Math.max(from, e.end);
  }
  return result + text.slice(from);
}
