// The user's knowledge-base files: loaded at start, reloaded from disk and from unsaved editors, with their problems
// published at the offending place. Every change relinks the corpus, so hovers and rules follow without a restart.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { promises as fs } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileUri, uriToPath } from '../core/corpusFiles';
import { parseUserKnowledgeBase } from '../core/knowledge/userKnowledgeBase';
import { LineIndex } from '../core/text';
import type { ServerContext } from './context';
import { DIAGNOSTIC_SOURCE, publishAll } from './diagnostics';

const RELINK_DELAY_MS = 200;
let relinkTimer: NodeJS.Timeout | undefined;

export function isKnowledgeBaseUri(uri: string): boolean {
  return /\/\.corpus-lens\/[^/]+\.json$/i.test(uri) || configuredPaths.has(uriToPath(uri) ?? '');
}

let configuredPaths = new Set<string>();

export function knowledgeBasePaths(context: ServerContext): string[] {
  const paths = new Set<string>();
  // Restricted mode: the workspace could ship a knowledge base that puts words in hovers; use the bundled one only.
  if (!context.workspaceTrusted) {
    configuredPaths = paths;
    return [];
  }
  for (const folder of context.workspaceFolders) {
    for (const p of context.settingsOfFolder(folder).knowledgeBase) paths.add(isAbsolute(p) ? p : join(folder, p));
  }
  configuredPaths = paths;
  return [...paths];
}

/** Reads every configured knowledge-base file (missing files are fine: nothing to add). */
export async function loadKnowledgeBaseFiles(context: ServerContext): Promise<void> {
  const kb = context.corpus.environment.knowledgeBase;
  for (const file of kb.userFileNames()) kb.removeUserFile(file);
  for (const path of knowledgeBasePaths(context)) {
    const text = await fs.readFile(path, 'utf8').catch(() => undefined);
    if (text !== undefined) applyKnowledgeBaseText(context, fileUri(path), text, { relink: false });
  }
}

/** New text for a knowledge-base file (from disk or an editor): parse, publish problems, relink soon. */
export function applyKnowledgeBaseText(context: ServerContext, uri: string, text: string, options: { relink?: boolean; version?: number } = {}): void {
  const path = uriToPath(uri) ?? uri;
  if (!context.workspaceTrusted) {
    const diagnostic: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: 'knowledge-base',
      message: 'Not used: this workspace is in restricted mode, so Corpus Lens uses its built-in knowledge base only. Trust the workspace to use this file.',
    };
    void context.connection.sendDiagnostics(options.version === undefined ? { uri, diagnostics: [diagnostic] } : { uri, version: options.version, diagnostics: [diagnostic] });
    return;
  }
  const parsed = parseUserKnowledgeBase(text, path);
  context.corpus.environment.knowledgeBase.setUserFile(path, parsed.entries);
  const invalid = parsed.problems.find((p) => p.message.startsWith('Invalid JSON'));
  if (invalid) {
    const at = new LineIndex(text).positionAt(invalid.start);
    context.log(`Knowledge base ${path}:${at.line + 1}:${at.character + 1}: ${invalid.message}; its entries are not used until it is fixed (the built-in ones still are).`);
  }
  const lines = new LineIndex(text);
  const skipSchema = context.clientValidatesKnowledgeBaseSchema;
  const diagnostics: Diagnostic[] = parsed.problems
    .filter((p) => !(skipSchema && p.severity === 'error'))
    .map((p) => ({
      range: { start: lines.positionAt(p.start), end: lines.positionAt(p.end) },
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: 'knowledge-base',
      message: p.message,
    }));
  void context.connection.sendDiagnostics(options.version === undefined ? { uri, diagnostics } : { uri, version: options.version, diagnostics });
  if (options.relink !== false) scheduleRelink(context);
}

export function removeKnowledgeBaseFile(context: ServerContext, uri: string): void {
  const path = uriToPath(uri) ?? uri;
  if (context.corpus.environment.knowledgeBase.removeUserFile(path)) scheduleRelink(context);
  void context.connection.sendDiagnostics({ uri, diagnostics: [] });
}

function scheduleRelink(context: ServerContext): void {
  if (relinkTimer) clearTimeout(relinkTimer);
  relinkTimer = setTimeout(() => {
    relinkTimer = undefined;
    context.corpus.relinkAll();
    void publishAll(context);
  }, RELINK_DELAY_MS);
}
