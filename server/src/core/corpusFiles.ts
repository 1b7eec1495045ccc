// Finding and reading article files on disk, honouring include/exclude globs and the size limit.
// Shared by the server's indexer and the CLI.
import { promises as fs } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { URI } from 'vscode-uri';
import { decodeArticleBytes } from './text';

export interface ArticleFilter {
  include: string[];
  exclude: string[];
}

// A predicate on paths relative to a root folder. The root's own name counts too, so the default
// include pattern for corpus folders matches when the workspace folder is the corpus folder itself.
export function articleMatcher(filter: ArticleFilter, root?: string): (relativePath: string) => boolean {
  const options = { dot: true, nocase: process.platform === 'win32' };
  const include = picomatch(filter.include.length ? filter.include : ['**/*.txt'], options);
  const exclude = filter.exclude.length ? picomatch(filter.exclude, options) : () => false;
  const rootName = root ? basename(root) : '';
  return (relativePath) => {
    const p = relativePath.split(sep).join('/');
    const withRoot = rootName ? `${rootName}/${p}` : p;
    return (include(p) || include(withRoot)) && !exclude(p);
  };
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

/** Every file under `root` whose relative path matches. Symbolic links to directories are not followed. */
export async function findArticleFiles(root: string, matches: (relativePath: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  while (pending.length) {
    const dir = pending.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && matches(relative(root, full))) {
        found.push(full);
      }
    }
  }
  return found.sort();
}

export type ReadArticleResult = { ok: true; text: string } | { ok: false; reason: string; missing?: boolean };

/** Reads an article, refusing what is not one: unreadable, not a file, too big, binary. */
export async function readArticleFile(path: string, maxBytes: number): Promise<ReadArticleResult> {
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    if (stat.size > maxBytes) {
      return { ok: false, reason: `too large (${formatBytes(stat.size)} > ${formatBytes(maxBytes)}, see corpusLens.maxFileSizeMB)` };
    }
    const bytes = await fs.readFile(path);
    const decoded = decodeArticleBytes(bytes);
    return decoded.ok ? { ok: true, text: decoded.text } : decoded;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'missing', missing: true };
    return { ok: false, reason: `unreadable (${code ?? String(error)})` };
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1048576) return `${(bytes / 1048576).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

export function fileUri(path: string): string {
  return URI.file(path).toString();
}

export function uriToPath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}
