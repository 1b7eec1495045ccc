// The project configuration file `.corpus-lens.json` at the root of a corpus: read, checked against the JSON schema
// VS Code validates it with, and merged under what the user set explicitly (editor settings, command-line flags).
// Shared by the language server and the CLI; plain TypeScript, no LSP types.
import Ajv from 'ajv';
import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import schema from '../../data/corpus-lens.schema.json';
import { DEFAULT_SETTINGS, PROJECT_CONFIG_FILE, type CorpusLensSettings, type SeverityName } from '../shared/protocol';
import { nodeSpan, placeSchemaError, type JsonProblem } from './jsonProblems';

export { PROJECT_CONFIG_FILE };

export interface ProjectConfig {
  /** Absolute path of the file; the paths and globs in it are relative to its folder. */
  file: string;
  include?: string[];
  exclude?: string[];
  rules?: Record<string, SeverityName>;
  /** Absolute paths. */
  knowledgeBase?: string[];
}

export type ProjectConfigProblem = JsonProblem;

export interface ParsedProjectConfig {
  /** Absent when the file has an error: a file that is not valid is not used at all, never half used. */
  config?: ProjectConfig;
  problems: ProjectConfigProblem[];
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
/** The schema names every rule (for completion in the editor); a test keeps it equal to the rule registry. */
export const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(Object.keys(schema.properties.rules.properties));

/** Parses the text of a project file (comments and trailing commas are tolerated, as in VS Code's jsonc). */
export function parseProjectConfig(text: string, file: string): ParsedProjectConfig {
  const problems: ProjectConfigProblem[] = [];
  const errors: ParseError[] = [];
  // A byte order mark becomes a space, so offsets stay those of the text.
  const root = parseTree(text.replace(/^\uFEFF/, ' '), errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) {
    problems.push({ start: e.offset, end: e.offset + Math.max(1, e.length), message: `Invalid JSON: ${printParseErrorCode(e.error)}.`, severity: 'error' });
  }
  if (!root) {
    if (!errors.length) problems.push({ start: 0, end: 1, message: 'Invalid JSON: the file is empty.', severity: 'error' });
    return { problems };
  }
  const value = getNodeValue(root) as unknown;
  if (!validate(value)) for (const error of validate.errors ?? []) problems.push(placeSchemaError(root, error));
  const rules = (value as { rules?: unknown } | null)?.rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const id of Object.keys(rules)) {
      if (KNOWN_RULE_IDS.has(id)) continue;
      const key = findNodeAtLocation(root, ['rules', id])?.parent?.children?.[0];
      problems.push({ ...nodeSpan(key ?? root), message: `Unknown rule "${id}": it is ignored. Rules: ${[...KNOWN_RULE_IDS].join(', ')}.`, severity: 'warning' });
    }
  }
  problems.sort((a, b) => a.start - b.start);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  const valid = value as Omit<ProjectConfig, 'file'>;
  const folder = dirname(file);
  const config: ProjectConfig = { file };
  if (valid.include) config.include = valid.include;
  if (valid.exclude) config.exclude = valid.exclude;
  if (valid.rules) config.rules = Object.fromEntries(Object.entries(valid.rules).filter(([id]) => KNOWN_RULE_IDS.has(id)));
  if (valid.knowledgeBase) config.knowledgeBase = valid.knowledgeBase.map((p) => resolve(folder, p));
  return { config, problems };
}

/** Reads a project file. Undefined when there is none; an unreadable file is a problem, never an exception. */
export async function readProjectConfig(file: string): Promise<(ParsedProjectConfig & { text: string }) | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return { text: '', problems: [{ start: 0, end: 0, message: `Cannot read the file (${code ?? String(error)}).`, severity: 'error' }] };
  }
  return { text, ...parseProjectConfig(text, file) };
}

/** The nearest project file in `folder` or a folder above it. */
export async function findProjectConfig(folder: string): Promise<string | undefined> {
  for (let dir = resolve(folder); ; dir = dirname(dir)) {
    const candidate = join(dir, PROJECT_CONFIG_FILE);
    if (await fs.stat(candidate).then((s) => s.isFile(), () => false)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The settings in force: what the user set explicitly, then the project file, then the defaults. Rules merge per rule
 * id (an explicit severity for one rule leaves the file's others in force); the other keys are taken whole.
 * Knowledge-base paths from the file are absolute; the others stay relative to the root they are read against.
 */
export function effectiveSettings(explicit: Partial<CorpusLensSettings>, config: ProjectConfig | undefined): CorpusLensSettings {
  return {
    include: explicit.include ?? config?.include ?? DEFAULT_SETTINGS.include,
    exclude: explicit.exclude ?? config?.exclude ?? DEFAULT_SETTINGS.exclude,
    maxFileSizeMB: explicit.maxFileSizeMB ?? DEFAULT_SETTINGS.maxFileSizeMB,
    rules: { ...DEFAULT_SETTINGS.rules, ...config?.rules, ...explicit.rules },
    knowledgeBase: explicit.knowledgeBase ?? config?.knowledgeBase ?? DEFAULT_SETTINGS.knowledgeBase,
    inlayHints: explicit.inlayHints ?? DEFAULT_SETTINGS.inlayHints,
  };
}
