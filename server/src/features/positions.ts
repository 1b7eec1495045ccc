// Conversions between core spans (UTF-16 offsets) and LSP ranges.
import type { Position, Range } from 'vscode-languageserver';
import type { Span } from '../core/types';
import type { LineIndex } from '../core/text';

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offsetAt(position);
}
