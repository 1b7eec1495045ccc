// Loads the articles named on the command line into a corpus index, as the server would.
import { promises as fs } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { articleMatcher, fileUri, findArticleFiles, readArticleFile } from '../core/corpusFiles';
import { CorpusIndex, type AnalyzedArticle } from '../core/corpusIndex';
import { parseUserKnowledgeBase } from '../core/knowledge/userKnowledgeBase';
import type { Span } from '../core/types';
import { DEFAULT_SETTINGS } from '../shared/protocol';
import { UsageError, type CliArguments } from './arguments';
import { Progress } from './progress';
import { printProblems } from './projectConfig';

export interface LoadedCorpus {
  corpus: CorpusIndex;
  /** Article id → the path to print (relative to the current folder when inside it). */
  displayPath: Map<string, string>;
  skipped: Array<{ path: string; reason: string }>;
}

export interface ArticleFile {
  path: string;
  /** The path to print: relative to the current folder when inside it. */
  shown: string;
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return !rel.startsWith('..') && resolve(folder, rel) === path;
}

/**
 * Which files under a folder argument are articles. Globs from the command line are relative to the folder argument;
 * those from the project file to the file's folder, when the folder argument is inside it.
 */
function folderMatcher(args: CliArguments, folder: string): (relativePath: string) => boolean {
  const include = args.include.length ? args.include : args.paths.length ? ['**/*.txt'] : DEFAULT_SETTINGS.include;
  const includeRoot = args.includeRoot && isInside(args.includeRoot, folder) ? args.includeRoot : folder;
  const excludeRoot = args.excludeRoot && isInside(args.excludeRoot, folder) ? args.excludeRoot : folder;
  const included = articleMatcher({ include, exclude: [] }, includeRoot);
  const notExcluded = articleMatcher({ include: ['**'], exclude: args.exclude }, excludeRoot);
  return (rel) => {
    const path = join(folder, rel);
    return included(relative(includeRoot, path)) && notExcluded(relative(excludeRoot, path));
  };
}

/** The article files named by the arguments (files, or folders walked with --include/--exclude). */
export async function articleFiles(args: CliArguments): Promise<ArticleFile[]> {
  const roots = args.paths.length ? args.paths : ['.'];
  const files: string[] = [];
  for (const root of roots) {
    const absolute = resolve(root);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat) throw new UsageError(`no such file or folder: ${root}`);
    if (stat.isDirectory()) files.push(...(await findArticleFiles(absolute, folderMatcher(args, absolute))));
    else files.push(absolute);
  }
  return [...new Set(files)].map((path) => ({ path, shown: relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path) }));
}

/** The project's knowledge-base files into the corpus, before any article is read (missing files add nothing). */
async function loadKnowledgeBase(corpus: CorpusIndex, files: string[]): Promise<void> {
  for (const file of files) {
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const parsed = parseUserKnowledgeBase(text, file);
    printProblems(file, text, parsed.problems, 'knowledge-base');
    corpus.environment.knowledgeBase.setUserFile(file, parsed.entries);
  }
}

export async function loadCorpus(args: CliArguments): Promise<LoadedCorpus> {
  const files = await articleFiles(args);
  const corpus = new CorpusIndex();
  await loadKnowledgeBase(corpus, args.knowledgeBase);
  const displayPath = new Map<string, string>();
  const skipped: LoadedCorpus['skipped'] = [];
  const maxBytes = Math.round(args.maxFileSizeMB * 1024 * 1024);
  const progress = new Progress('Reading', files.length);
  for (const [i, { path, shown }] of files.entries()) {
    progress.update(i);
    const result = await readArticleFile(path, maxBytes);
    if (!result.ok) {
      skipped.push({ path: shown, reason: result.reason });
      continue;
    }
    const id = fileUri(path);
    corpus.setFromDisk(id, result.text);
    displayPath.set(id, shown);
  }
  progress.done();
  return { corpus, displayPath, skipped };
}

/**
 * A clean-text span as the commands print it: offsets into the file's own text and the text there. The clean text of
 * an annotated span differs from the file's (escapes, "[[", "|type…]]"), so the text is taken from the file.
 */
export function fileSpan(article: AnalyzedArticle, span: Span): { start: number; end: number; text: string } {
  const { start, end } = article.positions.toDocumentSpan(span);
  return { start, end, text: article.documentText.slice(start, end) };
}
