// Inline annotations: [[surface|type key=value …]] (docs/annotation-format.md).
// Pure functions over strings; offsets are UTF-16 code units unless a name says otherwise.
import type { Annotation, CleanAnnotation } from './types';

export * from './types';
export { AnnotationOffsetMap, lexTail, parseAnnotations, stripAnnotations } from './syntax';
export type { LexedTail, ParsedAnnotations, StrippedText, TailToken } from './syntax';
export { escapeSurface, formatAnnotation, formatValue, orderedAttributes } from './format';
export { annotateSpans, applyEdits, buildAnnotatedText, editAnnotation, encodeOutsideText, removeAnnotations } from './edit';
export type { AnnotateOptions, AnnotateResult, AnnotationChange, AnnotationRequest, BuiltText, EditResult, Refusal } from './edit';
export {
  ANCHOR_NAME, ANNOTATION_SCHEMA, ANNOTATION_TYPES, FIGURE_STATUSES, KEY_ORDER, checkIsoDate, isAnnotationType, keySpec, suggestKey,
  suggestType, typeFromLabel,
} from './schema';
export type { AnnotationType, FigureStatus, KeySpec, TypeSpec } from './schema';
export { figureReferenceTo, findReferencedSpan, formatFigureReference, parseFigureReference, referenceTargetUri } from './references';
export type { FigureReference, ParsedFigureReference, ReferenceTarget } from './references';
export { annotationCursorAt } from './cursor';
export type { AnnotationCursor } from './cursor';
export { CodePointIndex } from './codePoints';
export { exportBrat, importBrat } from './brat';
export type { BratImport, ExportResult } from './brat';
export { exportConll, exportJsonl } from './exporters';

/** The first value of a key, or undefined. */
export function attributeValue(annotation: Pick<Annotation, 'attributes'> | Pick<CleanAnnotation, 'attributes'>, key: string): string | undefined {
  return annotation.attributes.find((a) => a.key === key)?.value;
}

/** Parsed annotations as annotations on the clean text (what export and buildAnnotatedText take). */
export function toCleanAnnotations(annotations: readonly Annotation[]): CleanAnnotation[] {
  return annotations.map((a) => ({ start: a.clean.start, end: a.clean.end, type: a.type, attributes: a.attributes.map((x) => ({ key: x.key, value: x.value })) }));
}
