// The user's knowledge-base files: parsed leniently, validated against the same JSON Schema VS Code uses, with every
// problem placed at the offending spot so the editor can underline it.
import Ajv from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import schema from '../../../data/entities.schema.json';
import { nodeSpan, placeSchemaError, type JsonProblem } from '../jsonProblems';
import { toEntry } from './knowledgeBase';
import type { KnowledgeEntry } from './types';

export type KnowledgeBaseProblem = JsonProblem;

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
