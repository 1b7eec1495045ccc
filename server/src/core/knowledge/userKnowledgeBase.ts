// The user's knowledge-base files: parsed leniently, validated against the same JSON Schema VS Code uses, with every
// problem placed at the offending spot so the editor can underline it.
import Ajv, { type ErrorObject } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import schema from '../../../data/entities.schema.json';
import type { Span } from '../types';
import { toEntry } from './knowledgeBase';
import type { KnowledgeEntry } from './types';

export interface KnowledgeBaseProblem extends Span {
  message: string;
  severity: 'error' | 'warning';
}

export interface ParsedKnowledgeBase {
  entries: KnowledgeEntry[];
  problems: KnowledgeBaseProblem[];
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const validateEntry = ajv.compile({ ...schema.definitions.entity, definitions: schema.definitions });

/** Parses one user file. Entries that break the schema are left out; the rest still apply. */
export function parseUserKnowledgeBase(text: string, file: string): ParsedKnowledgeBase {
  const problems: KnowledgeBaseProblem[] = [];
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) {
    problems.push({ start: e.offset, end: e.offset + Math.max(1, e.length), message: `Invalid JSON: ${printParseErrorCode(e.error)}`, severity: 'error' });
  }
  if (!root) return { entries: [], problems };
  const value = nodeValue(root);
  if (!validate(value)) {
    for (const error of validate.errors ?? []) problems.push(placeSchemaError(root, error));
  }
  const entries: KnowledgeEntry[] = [];
  const list = (value as { entities?: unknown })?.entities;
  if (Array.isArray(list)) {
    const seen = new Map<string, number>();
    list.forEach((raw, i) => {
      if (!validateEntry(raw)) return;
      const key = (raw as { key: string }).key;
      if (seen.has(key)) {
        const node = findNodeAtLocation(root, ['entities', i, 'key']);
        problems.push({ ...nodeSpan(node ?? root), message: `Duplicate key "${key}": the later entry wins.`, severity: 'warning' });
      }
      seen.set(key, i);
      entries.push(toEntry(raw as unknown as Parameters<typeof toEntry>[0], { kind: 'user', file }));
    });
  }
  return { entries, problems };
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) out[String(key.value)] = nodeValue(value);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function nodeSpan(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}

function placeSchemaError(root: Node, error: ErrorObject): KnowledgeBaseProblem {
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
