// brat standoff (.txt + .ann) export and import. brat counts offsets in code points of the .txt as written
// (a "\r" counts; an emoji is one).
//   T lines   one per annotation: `T1\tperson 0 14\tVladimir Putin` (a surface over line breaks becomes fragments)
//   N lines   id → `N1\tReference T1 Wikidata:Q7747\tVladimir Putin`
//   # lines   note → `#1\tAnnotatorNotes T1\ttext` (\\ \n \r \t escaped)
//   A lines   every other key → `A1\tstatus T1 superseded` (whitespace and "%" in the value percent-encoded)
import { CodePointIndex } from './codePoints';
import { buildAnnotatedText } from './edit';
import { orderedAttributes } from './format';
import { typeFromLabel } from './schema';
import type { CleanAnnotation, Span } from './types';

export interface ExportResult {
  text: string;
  /** Annotations or details the format could not hold. */
  warnings: string[];
}

export function exportBrat(clean: string, annotations: readonly CleanAnnotation[]): ExportResult {
  const index = new CodePointIndex(clean);
  const lines: string[] = [];
  const warnings: string[] = [];
  let t = 0;
  let n = 0;
  let a = 0;
  let note = 0;
  for (const annotation of [...annotations].sort((x, y) => x.start - y.start || x.end - y.end)) {
    if (!/^[A-Za-z0-9_-]+$/.test(annotation.type)) {
      warnings.push(`${quote(clean.slice(annotation.start, annotation.end))}: type ${quote(annotation.type)} cannot be a brat label; skipped`);
      continue;
    }
    const id = `T${++t}`;
    const fragments = splitAtLineBreaks(clean, annotation);
    const offsets = fragments.map((f) => `${index.toCodePoint(f.start)} ${index.toCodePoint(f.end)}`).join(';');
    const surface = oneLine(fragments.map((f) => clean.slice(f.start, f.end)).join(' '));
    lines.push(`${id}\t${annotation.type} ${offsets}\t${surface}`);
    const attributes = orderedAttributes(annotation.attributes);
    const canonical = attributes.find((x) => x.key === 'ref' && annotation.type !== 'figure')?.value;
    for (const { key, value } of attributes) {
      if (key === 'id' && /^\S+$/.test(value)) lines.push(`N${++n}\tReference ${id} Wikidata:${encodeAttributeValue(value)}\t${oneLine(canonical ?? surface)}`);
      else if (key === 'note') lines.push(`#${++note}\tAnnotatorNotes ${id}\t${escapeNote(value)}`);
      else if (/^[A-Za-z0-9_-]+$/.test(key)) lines.push(`A${++a}\t${key} ${id}${value ? ` ${encodeAttributeValue(value)}` : ''}`);
      else warnings.push(`${quote(surface)}: key ${quote(key)} cannot be a brat attribute; skipped`);
    }
  }
  return { text: lines.length ? `${lines.join('\n')}\n` : '', warnings };
}

export interface BratImport {
  /** The annotated article: the .txt with the annotations inline. */
  text: string;
  /** The annotations imported, on the .txt (UTF-16 offsets), attributes in canonical order. */
  annotations: CleanAnnotation[];
  /** What could not be imported, with the .ann line (1-based). */
  warnings: Array<{ line: number; message: string }>;
}

/**
 * Reads brat standoff: `txt` is the document text exactly as brat has it, `ann` its annotations. Relations,
 * events, overlapping entities and other databases' normalizations are reported and skipped.
 */
export function importBrat(txt: string, ann: string): BratImport {
  const index = new CodePointIndex(txt);
  const warnings: BratImport['warnings'] = [];
  const entities = new Map<string, { annotation: CleanAnnotation; line: number }>();
  const lines = ann.split(/\r\n|\n|\r/);
  const pending: Array<{ line: number; target: string; apply: (a: CleanAnnotation) => void }> = [];
  lines.forEach((raw, k) => {
    const line = k + 1;
    if (!raw.trim()) return;
    let m = /^(T[^\t]*)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t(.*))?$/s.exec(raw);
    if (m) {
      const [, id, label, offsetText, written] = m;
      const fragments = offsetText!.split(';').map((pair) => {
        const [s, e] = pair.split(' ').map(Number) as [number, number];
        return { start: s, end: e };
      });
      if (fragments.some((f) => f.end < f.start || f.end > index.length)) {
        warnings.push({ line, message: `${id}: offsets ${offsetText} are outside the text (${index.length} code points); skipped` });
        return;
      }
      const spans = fragments.map((f) => ({ start: index.toUtf16(f.start), end: index.toUtf16(f.end) }));
      for (let i = 1; i < spans.length; i++) {
        if (spans[i]!.start < spans[i - 1]!.end || txt.slice(spans[i - 1]!.end, spans[i]!.start).trim() !== '') {
          warnings.push({ line, message: `${id}: discontinuous fragments ${offsetText} cannot be one inline annotation; skipped` });
          return;
        }
      }
      const span = { start: spans[0]!.start, end: spans[spans.length - 1]!.end };
      const actual = spans.map((s) => txt.slice(s.start, s.end)).join(' ');
      if (written !== undefined && normalizeSpace(written) !== normalizeSpace(actual)) {
        warnings.push({ line, message: `${id}: the .ann text ${quote(written)} differs from the .txt at ${offsetText} (${quote(actual)}); the offsets win` });
      }
      const type = typeFromLabel(label!) ?? label!.toLowerCase();
      if (!typeFromLabel(label!)) warnings.push({ line, message: `${id}: label "${label}" is not a known type; kept as "${type}" (the server will flag it)` });
      entities.set(id!, { annotation: { ...span, type, attributes: [] }, line });
      return;
    }
    m = /^N[^\t]*\t(\S+) (\S+) ([^:\s]+):(\S+)(?:\t(.*))?$/s.exec(raw);
    if (m) {
      const [, , target, db, value] = m;
      if (db!.toLowerCase() !== 'wikidata') {
        warnings.push({ line, message: `normalization to ${db} is not kept (only Wikidata ids are)` });
        return;
      }
      pending.push({ line, target: target!, apply: (a) => setAttribute(a, 'id', decodeAttributeValue(value!)) });
      return;
    }
    m = /^[AM][^\t]*\t(\S+) (\S+)(?: (\S+))?\s*$/.exec(raw);
    if (m) {
      const [, name, target, value] = m;
      const key = name!.toLowerCase();
      if (!/^[a-z][a-z0-9_-]*$/.test(key)) {
        warnings.push({ line, message: `attribute "${name}" is not a usable key; skipped` });
        return;
      }
      pending.push({ line, target: target!, apply: (a) => setAttribute(a, key, value === undefined ? '' : decodeAttributeValue(value)) });
      return;
    }
    m = /^#[^\t]*\t(\S+) (\S+)(?:\t(.*))?$/s.exec(raw);
    if (m) {
      const [, kind, target, text] = m;
      if (kind !== 'AnnotatorNotes') {
        warnings.push({ line, message: `note type ${kind} is not kept` });
        return;
      }
      pending.push({
        line,
        target: target!,
        apply: (a) => {
          const note = unescapeNote(text ?? '');
          const existing = a.attributes.find((x) => x.key === 'note');
          if (existing) existing.value += `\n${note}`;
          else a.attributes.push({ key: 'note', value: note });
        },
      });
      return;
    }
    const kind = raw[0] === 'R' ? 'relation' : raw[0] === 'E' ? 'event' : raw[0] === '*' ? 'equivalence' : 'line';
    warnings.push({ line, message: `${kind} ${quote(raw)} cannot be an inline annotation; skipped` });
  });
  for (const p of pending) {
    const entity = entities.get(p.target);
    if (entity) p.apply(entity.annotation);
    else warnings.push({ line: p.line, message: `${p.target} is not an imported text-bound annotation; skipped` });
  }
  const ordered = [...entities.values()].sort((x, y) => x.annotation.start - y.annotation.start || y.annotation.end - x.annotation.end);
  const kept: CleanAnnotation[] = [];
  let end = -1;
  for (const { annotation, line } of ordered) {
    if (annotation.start < end) {
      warnings.push({ line, message: `${quote(txt.slice(annotation.start, annotation.end))} overlaps another annotation; inline annotations cannot overlap; skipped` });
      continue;
    }
    annotation.attributes = orderedAttributes(annotation.attributes);
    kept.push(annotation);
    end = annotation.end;
  }
  const built = buildAnnotatedText(txt, kept);
  for (const r of built.refused) {
    const line = ordered.find((o) => o.annotation === r.item)?.line ?? 0;
    warnings.push({ line, message: `${quote(txt.slice(r.item.start, r.item.end))}: ${r.reason}; skipped` });
  }
  warnings.sort((x, y) => x.line - y.line);
  return { text: built.text, annotations: built.placed, warnings };
}

function setAttribute(annotation: CleanAnnotation, key: string, value: string): void {
  const existing = annotation.attributes.find((a) => a.key === key);
  if (existing) existing.value = value;
  else annotation.attributes.push({ key, value });
}

/** Fragments of a span split at its inner line breaks (brat has no multi-line fragments); outer ones stay. */
function splitAtLineBreaks(text: string, span: Span): Span[] {
  const isBreak = (i: number) => text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
  let first = span.start;
  while (first < span.end && isBreak(first)) first++;
  let last = span.end;
  while (last > first && isBreak(last - 1)) last--;
  const fragments: Span[] = [];
  let start = span.start;
  for (let i = first; i < last; i++) {
    if (!isBreak(i)) continue;
    fragments.push({ start, end: i });
    while (i < last && isBreak(i)) i++;
    start = i;
  }
  fragments.push({ start, end: span.end });
  return fragments;
}

/** A snippet for messages, on one line. */
function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}

function normalizeSpace(text: string): string {
  return text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

/** A value as one brat token: "%", whitespace and control characters percent-encoded. */
export function encodeAttributeValue(value: string): string {
  return value.replace(/[%\s\p{Cc}]/gu, (ch) => encodeURIComponent(ch));
}

export function decodeAttributeValue(token: string): string {
  if (!token.includes('%')) return token;
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

function escapeNote(note: string): string {
  return note.replace(/[\\\n\r\t]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : '\\t'));
}

function unescapeNote(text: string): string {
  return text.replace(/\\([\\nrt])/g, (_, ch: string) => (ch === '\\' ? '\\' : ch === 'n' ? '\n' : ch === 'r' ? '\r' : '\t'));
}
