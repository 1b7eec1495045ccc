// Where a cursor is inside an annotation, for completion: in the surface, the type, a key or a value.
// Works on half-typed annotations ("[[Putin|pe", "[[130,000|figure status=") as well as complete ones.
import { lexTail, stripAnnotations, type ParsedAnnotations, type TailToken } from './syntax';
import type { Span } from './types';

interface CursorBase {
  /** Where the annotation's "[[" is. */
  annotationStart: number;
}

export type AnnotationCursor =
  | (CursorBase & { kind: 'surface' })
  | (CursorBase & { kind: 'type'; prefix: string; replace: Span })
  | (CursorBase & { kind: 'key'; type: string; prefix: string; replace: Span; presentKeys: string[] })
  | (CursorBase & { kind: 'value'; type: string; key: string; prefix: string; replace: Span; quoted: boolean });

const BACKSLASH = 92;

/**
 * The completion context at `offset`, or undefined outside annotations. `replace` is the whole word or
 * value the completion should replace (it can extend past the cursor); `prefix` is the part before it.
 */
export function annotationCursorAt(text: string, offset: number, parsed: ParsedAnnotations = stripAnnotations(text)): AnnotationCursor | undefined {
  let opener = -1;
  for (const a of parsed.annotations) {
    if (a.start + 2 <= offset && offset <= a.end - 2) opener = a.start;
    if (a.start > offset) break;
  }
  if (opener < 0) {
    for (const e of parsed.errors) {
      if ((e.code === 'unclosed' || e.code === 'unterminated-quote' || e.code === 'nested' || e.code === 'missing-surface-separator' || e.code === 'not-an-annotation') && e.start + 2 <= offset && offset <= e.end) {
        opener = e.start;
      }
    }
  }
  if (opener < 0) return undefined;
  // Find the "|" that ends the surface.
  let i = opener + 2;
  let bar = -1;
  while (i < offset) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i += 2;
      continue;
    }
    if (c === 124) {
      bar = i;
      break;
    }
    i++;
  }
  if (bar < 0) return { kind: 'surface', annotationStart: opener };
  const { tokens } = lexTail(text, bar + 1);
  const before = tokens.filter((t) => t.start < offset);
  const typeToken = tokens[0]?.kind === 'word' && !(tokens[1]?.kind === 'equals' && !tokens[1].spaceBefore) ? tokens[0] : undefined;
  const type = typeToken && typeToken.kind === 'word' ? typeToken.text : '';
  const keysExcept = (skip?: TailToken) =>
    tokens.filter((t, k) => t !== skip && t.kind === 'word' && k > 0 && tokens[k + 1]?.kind === 'equals' && !tokens[k + 1]!.spaceBefore).map((t) => (t as { text: string }).text);
  const base = { annotationStart: opener };
  const current = before[before.length - 1];
  if (!current || current.end < offset) {
    // In whitespace (or right after "|"): a new item starts here.
    if (!type) return { ...base, kind: 'type', prefix: '', replace: { start: offset, end: offset } };
    return { ...base, kind: 'key', type, prefix: '', replace: { start: offset, end: offset }, presentKeys: keysExcept() };
  }
  const index = tokens.indexOf(current);
  if (current === typeToken) {
    return { ...base, kind: 'type', prefix: text.slice(current.start, offset), replace: { start: current.start, end: current.end } };
  }
  if (current.kind === 'equals') {
    const key = tokens[index - 1];
    const value = tokens[index + 1];
    const valueEnd = value && !value.spaceBefore && (value.kind === 'word' || value.kind === 'quoted') ? value.end : offset;
    if (key?.kind === 'word' && !current.spaceBefore) {
      return { ...base, kind: 'value', type, key: key.text, prefix: '', replace: { start: offset, end: valueEnd }, quoted: value?.kind === 'quoted' && valueEnd > offset };
    }
    return undefined;
  }
  const previous = tokens[index - 1];
  const key = tokens[index - 2];
  const isValue = previous?.kind === 'equals' && !previous.spaceBefore && !current.spaceBefore && key?.kind === 'word';
  if (isValue && (current.kind === 'word' || current.kind === 'quoted')) {
    const quoted = current.kind === 'quoted';
    return {
      ...base,
      kind: 'value',
      type,
      key: (key as { text: string }).text,
      prefix: text.slice(current.start + (quoted ? 1 : 0), offset),
      replace: { start: current.start, end: current.end },
      quoted,
    };
  }
  if (current.kind === 'word') {
    return { ...base, kind: 'key', type, prefix: text.slice(current.start, offset), replace: { start: current.start, end: current.end }, presentKeys: keysExcept(current) };
  }
  return undefined;
}
