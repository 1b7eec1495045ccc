// Places a JSON Schema error (ajv) at the offending spot of a parsed JSON text, with a message a person can act on.
// Shared by the knowledge-base files and the project configuration file.
import type { ErrorObject } from 'ajv';
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { Span } from './types';

export interface JsonProblem extends Span {
  message: string;
  severity: 'error' | 'warning';
}

export function nodeSpan(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}

export function placeSchemaError(root: Node, error: ErrorObject): JsonProblem {
  const path = error.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
  let node = findNodeAtLocation(root, path) ?? root;
  let message = error.message ?? 'invalid';
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    const property = node.children?.find((p) => p.children?.[0]?.value === extra);
    if (property) node = property.children![0]!;
    message = `Unknown property "${extra}".`;
  } else if (error.keyword === 'required') {
    message = `Missing property "${(error.params as { missingProperty: string }).missingProperty}".`;
  } else if (error.keyword === 'enum') {
    message = `Must be one of: ${(error.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ')}.`;
  } else {
    message = `${path.length ? path.join('.') : 'The file'} ${message}.`;
  }
  const span = nodeSpan(node);
  // Underline an object's first line rather than the whole object.
  return { start: span.start, end: node.type === 'object' || node.type === 'array' ? span.start + 1 : span.end, message, severity: 'error' };
}
