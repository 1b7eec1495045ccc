// The CLI's project file: the nearest .corpus-lens.json from the first path argument's folder (the current folder
// without one) upwards, or --config. Flags win over it; it wins over the defaults. Its problems go to stderr.
import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { findProjectConfig, readProjectConfig, type ProjectConfigProblem } from '../core/projectConfig';
import { LineIndex } from '../core/text';
import { DEFAULT_SETTINGS } from '../shared/protocol';
import { UsageError, type CliArguments } from './arguments';

/** A project file that cannot be used: its problems are already on stderr. */
export class ProjectConfigError extends Error {}

/** The path to print: relative to the current folder when inside it. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

export function printProblems(file: string, text: string, problems: ProjectConfigProblem[], code: string): void {
  const lines = new LineIndex(text);
  for (const p of problems) {
    const at = lines.positionAt(p.start);
    process.stderr.write(`${shownPath(file)}:${at.line + 1}:${at.character + 1} ${p.severity} ${code} ${p.message}\n`);
  }
}

async function startFolder(args: CliArguments): Promise<string> {
  const first = args.paths[0];
  if (first === undefined) return process.cwd();
  const absolute = resolve(first);
  const stat = await fs.stat(absolute).catch(() => undefined);
  return stat?.isDirectory() ? absolute : dirname(absolute);
}

/** The arguments with the project file applied under them. */
export async function withProjectConfig(args: CliArguments): Promise<CliArguments> {
  const file = args.config !== undefined ? resolve(args.config) : await findProjectConfig(await startFolder(args));
  const resolved: CliArguments = { ...args, exclude: args.exclude.length ? args.exclude : DEFAULT_SETTINGS.exclude };
  if (!file) return resolved;
  const parsed = await readProjectConfig(file);
  if (!parsed) throw new UsageError(`--config ${args.config}: no such file`);
  printProblems(file, parsed.text, parsed.problems, 'project-config');
  const config = parsed.config;
  if (!config) throw new ProjectConfigError(`${shownPath(file)} is not valid: fix it, or name another with --config`);
  const root = dirname(file);
  if (!args.include.length && config.include) {
    resolved.include = config.include;
    resolved.includeRoot = root;
  }
  if (!args.exclude.length && config.exclude) {
    resolved.exclude = config.exclude;
    resolved.excludeRoot = root;
  }
  resolved.rules = { ...config.rules, ...args.rules };
  resolved.knowledgeBase = config.knowledgeBase ?? DEFAULT_SETTINGS.knowledgeBase.map((p) => resolve(root, p));
  return resolved;
}
