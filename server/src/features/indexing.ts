// The corpus on disk: the first full index (with progress), watched-file updates, and open editors.
import { FileChangeType, type DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { relative } from 'node:path';
import { articleMatcher, fileUri, findArticleFiles, readArticleFile, uriToPath } from '../core/corpusFiles';
import type { ServerContext } from './context';
import { clearDiagnostics, publishAfterChange, publishAll } from './diagnostics';

const READ_CONCURRENCY = 16;
const PROGRESS_INTERVAL_MS = 150;
const YIELD_EVERY_MS = 20;

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

function maxBytes(context: ServerContext): number {
  return Math.round(context.settings.maxFileSizeMB * 1024 * 1024);
}

/** True when a path on disk is an article under one of the workspace folders. */
export function isArticlePath(context: ServerContext, path: string): boolean {
  return context.workspaceFolders.some((folder) => {
    const rel = relative(folder, path);
    return !rel.startsWith('..') && rel !== '' && articleMatcher(context.settingsOfFolder(folder), folder)(rel);
  });
}

let indexGeneration = 0;

/** Reads every article under the workspace folders. A newer call supersedes an older one still running. */
export async function indexWorkspace(context: ServerContext): Promise<void> {
  const generation = ++indexGeneration;
  const started = Date.now();
  context.indexing = true;
  context.skipped.clear();
  const progress = context.support.workDoneProgress ? await context.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
  progress?.begin('Indexing corpus', 0, 'Looking for articles…', false);
  try {
    const files: string[] = [];
    for (const folder of context.workspaceFolders) files.push(...(await findArticleFiles(folder, articleMatcher(context.settingsOfFolder(folder), folder))));
    const seen = new Set<string>();
    let done = 0;
    let lastReport = 0;
    let lastYield = performance.now();
    const limit = maxBytes(context);
    const queue = files.slice();
    context.indexProgress = { done: 0, total: files.length };
    context.onStatusChanged();
    // Every article is published after a full index: tracking what each one affects would only cost time.
    context.corpus.figures.trackAffected = false;
    // Reads run in parallel, analyses one at a time in slices of YIELD_EVERY_MS: a burst of finished reads would
    // otherwise run a dozen analyses back to back while a hover waits.
    let turn: Promise<void> = Promise.resolve();
    const inTurn = (analyse: () => void): Promise<void> => {
      const run = turn.then(async () => {
        if (performance.now() - lastYield > YIELD_EVERY_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          lastYield = performance.now();
        }
        if (generation === indexGeneration) analyse();
      });
      turn = run.catch(() => undefined);
      return run;
    };
    const worker = async () => {
      while (queue.length && generation === indexGeneration) {
        const path = queue.shift()!;
        const id = fileUri(path);
        seen.add(id);
        const result = await readArticleFile(path, limit);
        await inTurn(() => {
          if (result.ok) {
            try {
              context.corpus.setFromDisk(id, result.text);
            } catch (error) {
              skip(context, id, `analysis failed (${error instanceof Error ? error.message : String(error)})`);
            }
          } else {
            skip(context, id, result.reason);
          }
          done++;
          context.indexProgress = { done, total: files.length };
          context.onStatusChanged();
          const now = Date.now();
          if (progress && now - lastReport > PROGRESS_INTERVAL_MS) {
            lastReport = now;
            progress.report(Math.floor((done / files.length) * 100), `${formatCount(done)}/${formatCount(files.length)}`);
          }
        });
      }
    };
    await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
    if (generation !== indexGeneration) return;
    // Articles that vanished from disk while the server was away, unless an editor holds them.
    for (const id of context.corpus.ids()) {
      if (!seen.has(id) && context.corpus.editorVersion(id) === undefined) {
        context.corpus.removeFromDisk(id);
        clearDiagnostics(context, id);
      }
    }
    context.lastIndexMs = Date.now() - started;
    context.log(`Indexed ${formatCount(context.corpus.size)} articles in ${context.lastIndexMs} ms (${formatCount(context.skipped.size)} skipped).`);
    void publishAll(context);
  } finally {
    context.corpus.figures.trackAffected = true;
    if (generation === indexGeneration) {
      context.indexing = false;
      context.indexProgress = undefined;
    }
    progress?.done();
    context.onStatusChanged();
  }
}

function skip(context: ServerContext, id: string, reason: string): void {
  context.skipped.set(id, reason);
  context.corpus.removeFromDisk(id);
  context.log(`Skipped ${uriToPath(id) ?? id}: ${reason}`);
}

let watchedFilesQueue: Promise<void> = Promise.resolve();

/** Watched-file events are applied one batch after another, so a delete never overtakes an earlier create. */
export function onWatchedFilesChanged(context: ServerContext, params: DidChangeWatchedFilesParams): Promise<void> {
  watchedFilesQueue = watchedFilesQueue.then(() => applyWatchedFileChanges(context, params)).catch((error: unknown) => {
    context.log(`watched-file update failed: ${error instanceof Error ? error.message : String(error)}`);
  });
  return watchedFilesQueue;
}

async function applyWatchedFileChanges(context: ServerContext, params: DidChangeWatchedFilesParams): Promise<void> {
  const changed = new Set<string>();
  for (const change of params.changes) {
    const path = uriToPath(change.uri);
    if (!path) continue;
    const id = fileUri(path);
    const result = change.type === FileChangeType.Deleted || !isArticlePath(context, path)
      ? undefined
      : await readArticleFile(path, maxBytes(context));
    if (change.type === FileChangeType.Deleted || result?.ok === false && result.missing) {
      context.skipped.delete(id);
      if (context.corpus.removeFromDisk(id)) {
        clearDiagnostics(context, id);
        changed.add(id);
      }
      continue;
    }
    if (!result) continue;
    if (result.ok) {
      context.skipped.delete(id);
      if (context.corpus.setFromDisk(id, result.text) || !context.corpus.editorVersion(id)) changed.add(id);
    } else {
      skip(context, id, result.reason);
      clearDiagnostics(context, id);
    }
  }
  publishAfterChange(context, changed);
}

/** An editor opened or changed an article: its text wins over the disk. */
export function onEditorText(context: ServerContext, uri: string, text: string, version: number): void {
  if (text.length > maxBytes(context)) {
    context.log(`Not analysing ${uri}: ${(text.length / 1048576).toFixed(1)} MB is over corpusLens.maxFileSizeMB.`);
    context.corpus.removeFromDisk(uri);
    clearDiagnostics(context, uri, version);
    return;
  }
  const started = performance.now();
  context.corpus.setFromEditor(uri, text, version);
  publishAfterChange(context, [uri], started);
}

export function onEditorClosed(context: ServerContext, uri: string): void {
  const existed = context.corpus.has(uri);
  context.corpus.closeEditor(uri);
  if (existed && !context.corpus.has(uri)) clearDiagnostics(context, uri);
  publishAfterChange(context, context.corpus.has(uri) ? [uri] : []);
}
