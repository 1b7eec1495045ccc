// Conversions between core spans (clean-text offsets) and LSP ranges.
import type { Position, Range } from 'vscode-languageserver';
import type { PositionMapper } from '../core/positions';
import type { Span } from '../core/types';

export function toRange(positions: PositionMapper, span: Span): Range {
  return { start: positions.positionAt(span.start, 'start'), end: positions.positionAt(span.end, 'end') };
}

export function toOffset(positions: PositionMapper, position: Position): number {
  return positions.offsetAt(position);
}
