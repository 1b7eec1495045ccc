// References from a figure annotation to another figure: `ref="FILE#TEXT[@N]"` or `ref="FILE#anchor:NAME"`.
// FILE is relative to the referencing article's folder ("" = the same article); TEXT@N is the N-th occurrence
// of TEXT in that article's clean text; anchor:NAME is the figure annotated there with anchor=NAME.
import type { Span } from '../types';

const ANCHOR_PREFIX = 'anchor:';
/** An anchor name: letters, digits, ".", "_", "-", starting with a letter or digit. */
export const ANCHOR_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export type FigureReference =
  | { file: string; kind: 'anchor'; anchor: string }
  | { file: string; kind: 'text'; text: string; occurrence: number };

export type ParsedFigureReference = { ok: true; reference: FigureReference } | { ok: false; message: string };

export function parseFigureReference(value: string): ParsedFigureReference {
  const hash = value.indexOf('#');
  if (hash < 0) return { ok: false, message: `"${value}" is not a figure reference: write FILE#TEXT, FILE#TEXT@N or FILE#anchor:NAME` };
  const file = value.slice(0, hash);
  const fragment = value.slice(hash + 1);
  if (/^(?:\/|\\|[A-Za-z]:[\\/])/.test(file) || /^[a-z][a-z0-9+.-]*:\/\//i.test(file)) {
    return { ok: false, message: `the file "${file}" must be relative to this article's folder` };
  }
  if (fragment.startsWith(ANCHOR_PREFIX)) {
    const anchor = fragment.slice(ANCHOR_PREFIX.length);
    if (!ANCHOR_NAME.test(anchor)) return { ok: false, message: `"${anchor}" is not an anchor name (letters, digits, ".", "_", "-")` };
    return { ok: true, reference: { file, kind: 'anchor', anchor } };
  }
  const at = /@(\d+)$/.exec(fragment);
  const text = at ? fragment.slice(0, at.index) : fragment;
  const occurrence = at ? Number(at[1]) : 1;
  if (!text) return { ok: false, message: 'the reference names no figure text after "#"' };
  if (!(occurrence >= 1) || !Number.isSafeInteger(occurrence)) return { ok: false, message: `occurrence @${at?.[1]} must be 1 or more` };
  return { ok: true, reference: { file, kind: 'text', text, occurrence } };
}

export function formatFigureReference(reference: FigureReference): string {
  if (reference.kind === 'anchor') return `${reference.file}#${ANCHOR_PREFIX}${reference.anchor}`;
  const explicit = reference.occurrence !== 1 || /@\d+$/.test(reference.text);
  return `${reference.file}#${reference.text}${explicit ? `@${reference.occurrence}` : ''}`;
}

/** What a target article offers for resolving references: its clean text and its annotations. */
export interface ReferenceTarget {
  clean: string;
  annotations: ReadonlyArray<{ type: string; clean: Span; attributes: ReadonlyArray<{ key: string; value: string }> }>;
}

/** The referenced span in the target's clean text, or undefined when the reference is broken. */
export function findReferencedSpan(reference: FigureReference, target: ReferenceTarget): Span | undefined {
  if (reference.kind === 'anchor') {
    const a = target.annotations.find((x) => x.type === 'figure' && x.attributes.some((k) => k.key === 'anchor' && k.value === reference.anchor));
    return a ? { start: a.clean.start, end: a.clean.end } : undefined;
  }
  let found = -1;
  for (let n = 0; n < reference.occurrence; n++) {
    found = target.clean.indexOf(reference.text, found + 1);
    if (found < 0) return undefined;
  }
  return { start: found, end: found + reference.text.length };
}

/**
 * A reference to `span` of the target's clean text, as written in a ref= value: the anchor when the span is
 * an annotated figure with one, else its text with the occurrence number when it is not the first.
 */
export function figureReferenceTo(file: string, target: ReferenceTarget, span: Span): string {
  const annotated = target.annotations.find((a) => a.type === 'figure' && a.clean.start === span.start && a.clean.end === span.end);
  const anchor = annotated?.attributes.find((k) => k.key === 'anchor' && ANCHOR_NAME.test(k.value));
  if (anchor) return formatFigureReference({ file, kind: 'anchor', anchor: anchor.value });
  const text = target.clean.slice(span.start, span.end);
  let occurrence = 0;
  for (let i = target.clean.indexOf(text); i >= 0 && i <= span.start; i = target.clean.indexOf(text, i + 1)) occurrence++;
  return formatFigureReference({ file, kind: 'text', text, occurrence: Math.max(1, occurrence) });
}

/** The URI of the article a reference's FILE names, resolved against the referencing article's URI. */
export function referenceTargetUri(fromUri: string, file: string): string {
  if (!file) return fromUri;
  const relative = file.split(/[\\/]/).map((segment) => (segment === '.' || segment === '..' ? segment : encodeURIComponent(segment))).join('/');
  try {
    return new URL(relative, fromUri).toString();
  } catch {
    return relative;
  }
}
