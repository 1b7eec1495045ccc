// Positions of an analysed article. Analysis runs on the clean text (annotations stripped); editors and files hold the
// annotated text. This maps clean offsets to line/character positions in the document and back.
import type { AnnotationOffsetMap } from './annotations';
import { LineIndex, type LineCharacter } from './text';
import type { Span } from './types';

/** What features need to turn spans into editor positions: a LineIndex, or an article's mapped positions. */
export interface PositionMapper {
  positionAt(offset: number, side?: 'start' | 'end'): LineCharacter;
  offsetAt(position: LineCharacter): number;
}

export class ArticlePositions implements PositionMapper {
  /** Line index over the document text, for spans that are already in document offsets. */
  readonly document: LineIndex;

  constructor(
    documentText: string,
    private readonly map: AnnotationOffsetMap,
  ) {
    this.document = new LineIndex(documentText);
  }

  /** Clean offset → document position. `end` keeps a span's end before an annotation's "|type…]]". */
  positionAt(cleanOffset: number, side: 'start' | 'end' = 'start'): LineCharacter {
    return this.document.positionAt(this.map.identity ? cleanOffset : this.map.toAnnotated(cleanOffset, side));
  }

  /** Document position → clean offset. */
  offsetAt(position: LineCharacter): number {
    const offset = this.document.offsetAt(position);
    return this.map.identity ? offset : this.map.toClean(offset);
  }

  toDocumentSpan(span: Span): Span {
    return this.map.identity ? { start: span.start, end: span.end } : this.map.spanToAnnotated(span);
  }

  toDocumentOffset(cleanOffset: number, side: 'start' | 'end' = 'start'): number {
    return this.map.identity ? cleanOffset : this.map.toAnnotated(cleanOffset, side);
  }

  toCleanOffset(documentOffset: number): number {
    return this.map.identity ? documentOffset : this.map.toClean(documentOffset);
  }
}
