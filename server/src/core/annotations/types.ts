// Data types of inline annotations. Offsets are UTF-16 code units, half-open [start, end), into the
// annotated text (the file as the editor holds it) unless a field says "clean".
import type { Span } from '../types';

export type { Span };

/** A replacement of [start, end) of some text by newText. */
export interface TextEdit extends Span {
  newText: string;
}

/** key=value, as written inside an annotation. */
export interface AnnotationAttribute {
  key: string;
  /** The value with quotes removed and escapes resolved ("" when the value is missing). */
  value: string;
  /** key=value (with quotes when quoted). */
  span: Span;
  keySpan: Span;
  /** The value as written, quotes included; empty at the end of "key=" when the value is missing. */
  valueSpan: Span;
  quoted: boolean;
}

/** One well-formed [[surface|type key=value …]]. `start`/`end` cover it from "[[" to "]]". */
export interface Annotation extends Span {
  /** The annotated text itself, escapes resolved: what the clean text holds. */
  surface: string;
  /** The surface as written, between "[[" and "|" (escapes included). */
  surfaceSpan: Span;
  /** Where the surface is in the clean text. */
  clean: Span;
  /** The type as written; "" when missing (an error says so). */
  type: string;
  /** Empty right after "|" when the type is missing. */
  typeSpan: Span;
  /** In the order written. */
  attributes: AnnotationAttribute[];
  /** True when an error was reported inside this annotation (unknown type or key, bad value…). */
  hasErrors: boolean;
}

export type AnnotationErrorCode =
  /** "[[" with no "]]" on its line (or the text ends): the "[[" stays literal text. */
  | 'unclosed'
  /** "[[" inside an annotation: annotations never nest. The outer "[[" stays literal text. */
  | 'nested'
  /** "[[surface]]" without "|type": stays literal text. */
  | 'missing-surface-separator'
  /** A quoted value runs to the end of the line: the annotation stays literal text. */
  | 'unterminated-quote'
  /** "[[" that opens no annotation of ours (wiki markup such as "[[Image:x.jpg|thumb|…"): text, a hint only. */
  | 'not-an-annotation'
  | 'empty-surface'
  | 'missing-type'
  | 'unknown-type'
  | 'unknown-key'
  | 'missing-value'
  | 'bad-value'
  | 'duplicate-key'
  | 'duplicate-anchor'
  | 'bad-escape'
  /** A second "|" after the surface: the surface needs "\|". */
  | 'unescaped-bar'
  | 'unexpected-character';

/** Errors whose annotation is not recognized at all: its text stays in the clean text as written. */
export const SYNTAX_ERROR_CODES: ReadonlySet<AnnotationErrorCode> = new Set(['unclosed', 'nested', 'missing-surface-separator', 'unterminated-quote', 'not-an-annotation']);

export interface AnnotationFix {
  /** For a code action: "Change type to person". */
  title: string;
  /** Edits to the annotated text, sorted and not overlapping. */
  edits: TextEdit[];
}

export interface AnnotationError extends Span {
  code: AnnotationErrorCode;
  message: string;
  fix?: AnnotationFix;
}

/** Attributes as input to the formatter: a list (order kept for unknown keys) or a record (undefined/null skipped). */
export type AttributeInput =
  | ReadonlyArray<{ readonly key: string; readonly value: string }>
  | Readonly<Record<string, string | number | undefined | null>>;

/** What formatAnnotation writes. */
export interface AnnotationSpec {
  surface: string;
  type: string;
  attributes?: AttributeInput;
}

/** An annotation placed on clean (annotation-free) text: the unit of import, export and buildAnnotatedText. */
export interface CleanAnnotation extends Span {
  type: string;
  attributes: Array<{ key: string; value: string }>;
}
