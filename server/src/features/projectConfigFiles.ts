// The project file `.corpus-lens.json` of each workspace folder: read at start and again whenever it changes on disk,
// its problems published on the file (and told in a window message when the file cannot be used).
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type Diagnostic } from 'vscode-languageserver';
import { basename, dirname, join } from 'node:path';
import { fileUri, uriToPath } from '../core/corpusFiles';
import { PROJECT_CONFIG_FILE, readProjectConfig, type ProjectConfig, type ProjectConfigProblem } from '../core/projectConfig';
import { LineIndex } from '../core/text';
import type { CorpusLensSettings } from '../shared/protocol';
import type { ServerContext } from './context';
import { DIAGNOSTIC_SOURCE, publishAll } from './diagnostics';
import { indexWorkspace } from './indexing';
import { loadKnowledgeBaseFiles } from './knowledgeBaseFiles';

/** Project files whose problems are published, so that a file gone or fixed has them withdrawn. */
const withProblems = new Set<string>();

/** True for the project file at the root of a workspace folder (files deeper down belong to no folder). */
export function isProjectConfigUri(context: ServerContext, uri: string): boolean {
  const path = uriToPath(uri);
  return !!path && basename(path) === PROJECT_CONFIG_FILE && context.workspaceFolders.includes(dirname(path));
}

/** Reads every workspace folder's project file and recomputes the settings in force. */
export async function loadProjectConfigs(context: ServerContext): Promise<void> {
  const configs = new Map<string, ProjectConfig>();
  for (const folder of context.workspaceFolders) {
    const file = join(folder, PROJECT_CONFIG_FILE);
    const parsed = await readProjectConfig(file);
    const uri = fileUri(file);
    if (!parsed) {
      if (withProblems.delete(uri)) void context.connection.sendDiagnostics({ uri, diagnostics: [] });
      continue;
    }
    if (parsed.config) configs.set(folder, parsed.config);
    else context.log(`${file} is not valid and is not used until it is fixed.`);
    const { text } = parsed;
    publishProblems(context, uri, text, parsed.problems);
    if (!parsed.config) {
      const first = parsed.problems.find((p) => p.severity === 'error');
      // A notification, not a request: nothing waits for the user to dismiss it.
      const message = `Corpus Lens: ${file} is not used until it is fixed: ${first ? `${where(text, first)} ${first.message}` : 'it is not valid.'}`;
      void context.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
  }
  context.projectConfigs = configs;
  context.updateSettings();
}

/** A project file changed on disk: read them again and redo only what the change touches. */
export async function onProjectConfigChanged(context: ServerContext): Promise<void> {
  const before = new Map(context.workspaceFolders.map((f) => [f, context.settingsOfFolder(f)]));
  await loadProjectConfigs(context);
  const changed = (pick: (s: CorpusLensSettings) => unknown) =>
    context.workspaceFolders.some((f) => {
      const was = before.get(f);
      return !was || JSON.stringify(pick(was)) !== JSON.stringify(pick(context.settingsOfFolder(f)));
    });
  if (changed((s) => [s.include, s.exclude, s.knowledgeBase])) {
    await loadKnowledgeBaseFiles(context);
    await indexWorkspace(context);
  } else if (changed((s) => s.rules)) {
    await publishAll(context);
  }
}

function where(text: string, problem: ProjectConfigProblem): string {
  const p = new LineIndex(text).positionAt(problem.start);
  return `line ${p.line + 1}, column ${p.character + 1}:`;
}

function publishProblems(context: ServerContext, uri: string, text: string, problems: ProjectConfigProblem[]): void {
  const lines = new LineIndex(text);
  const path = uriToPath(uri) ?? uri;
  const diagnostics: Diagnostic[] = [];
  for (const p of problems) {
    const start = lines.positionAt(p.start);
    context.log(`${path}:${start.line + 1}:${start.character + 1} ${p.severity} ${p.message}`);
    // VS Code shows the schema's errors itself; the server's own warnings (unknown rule ids) it cannot know.
    if (context.clientValidatesProjectConfigSchema && p.severity === 'error') continue;
    diagnostics.push({
      range: { start, end: lines.positionAt(p.end) },
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: 'project-config',
      message: p.message,
    });
  }
  if (diagnostics.length) withProblems.add(uri);
  else withProblems.delete(uri);
  void context.connection.sendDiagnostics({ uri, diagnostics });
}
