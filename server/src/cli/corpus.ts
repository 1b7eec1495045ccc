// Loads the articles named on the command line into a corpus index, as the server would.
import { promises as fs } from 'node:fs';
import { relative, resolve } from 'node:path';
import { articleMatcher, fileUri, findArticleFiles, readArticleFile } from '../core/corpusFiles';
import { CorpusIndex } from '../core/corpusIndex';
import { DEFAULT_SETTINGS } from '../shared/protocol';
import { UsageError, type CliArguments } from './arguments';

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

/** The article files named by the arguments (files, or folders walked with --include/--exclude). */
export async function articleFiles(args: CliArguments): Promise<ArticleFile[]> {
  const roots = args.paths.length ? args.paths : ['.'];
  const files: string[] = [];
  for (const root of roots) {
    const absolute = resolve(root);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat) throw new UsageError(`no such file or folder: ${root}`);
    if (stat.isDirectory()) {
      const include = args.include.length ? args.include : args.paths.length ? ['**/*.txt'] : DEFAULT_SETTINGS.include;
      files.push(...(await findArticleFiles(absolute, articleMatcher({ include, exclude: args.exclude }, absolute))));
    } else {
      files.push(absolute);
    }
  }
  return [...new Set(files)].map((path) => ({ path, shown: relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path) }));
}

export async function loadCorpus(args: CliArguments): Promise<LoadedCorpus> {
  const files = await articleFiles(args);
  const corpus = new CorpusIndex();
  const displayPath = new Map<string, string>();
  const skipped: LoadedCorpus['skipped'] = [];
  const maxBytes = Math.round(args.maxFileSizeMB * 1024 * 1024);
  for (const { path, shown } of files) {
    const result = await readArticleFile(path, maxBytes);
    if (!result.ok) {
      skipped.push({ path: shown, reason: result.reason });
      continue;
    }
    const id = fileUri(path);
    corpus.setFromDisk(id, result.text);
    displayPath.set(id, shown);
  }
  return { corpus, displayPath, skipped };
}
