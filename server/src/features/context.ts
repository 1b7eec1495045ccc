// The state every feature module shares: the connection, the corpus index and the settings.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isAbsolute, relative } from 'node:path';
import { uriToPath } from '../core/corpusFiles';
import { CorpusIndex } from '../core/corpusIndex';
import { effectiveSettings, type ProjectConfig } from '../core/projectConfig';
import { DEFAULT_SETTINGS, type CorpusLensSettings } from '../shared/protocol';

export interface ClientSupport {
  configuration: boolean;
  workDoneProgress: boolean;
  watchedFilesDynamicRegistration: boolean;
  relatedInformation: boolean;
  codeDescription: boolean;
  markdownHover: boolean;
  /** The client resolves a code action's edit lazily (codeAction/resolve). */
  codeActionResolveEdit: boolean;
  /** The client asks for textDocument/semanticTokens. */
  semanticTokens: boolean;
  /** The client takes workspace/inlayHint/refresh (sent when the inlay-hint settings change). */
  inlayHintRefresh: boolean;
  /** The client asks for code lenses again on workspace/codeLens/refresh. */
  codeLensRefresh?: boolean;
  /** The client sends workspace/didChangeWorkspaceFolders. */
  workspaceFolders: boolean;
}

export class ServerContext {
  readonly corpus = new CorpusIndex();
  /** What the user set (initializationOptions, workspace/configuration): it wins over the project files. */
  explicitSettings: Partial<CorpusLensSettings> = {};
  /** The valid project file of each workspace folder that has one. */
  projectConfigs = new Map<string, ProjectConfig>();
  /** The settings in force outside any project file (and for maxFileSizeMB, which the file does not set). */
  settings: CorpusLensSettings = { ...DEFAULT_SETTINGS };
  private folderSettings = new Map<string, CorpusLensSettings>();
  /** Document URI → its settings: every publication asks, and the answer only changes in updateSettings. */
  private documentSettings = new Map<string, CorpusLensSettings>();
  workspaceFolders: string[] = [];
  support: ClientSupport = {
    configuration: false,
    workDoneProgress: false,
    watchedFilesDynamicRegistration: false,
    relatedInformation: false,
    codeDescription: false,
    markdownHover: true,
    codeActionResolveEdit: false,
    semanticTokens: false,
    inlayHintRefresh: false,
    workspaceFolders: false,
  };
  /** VS Code checks knowledge-base files against the schema itself (see InitializationFacts). */
  clientValidatesKnowledgeBaseSchema = false;
  clientValidatesProjectConfigSchema = false;
  /** The client runs the figure chart command (see InitializationFacts). */
  clientRunsFigureChart = false;
  /** Restricted mode when false: the bundled knowledge base only, no edits that create files. */
  workspaceTrusted = true;
  indexing = false;
  lastIndexMs = 0;
  lastChange: { changed: number; rechecked: number; republished: number; ms: number } | undefined;
  skipped = new Map<string, string>();
  /** While indexing: articles read of those found. */
  indexProgress: { done: number; total: number } | undefined;
  /** Called whenever the index, the indexing progress or the published findings change (see corpusStatus.ts). */
  onStatusChanged: () => void = () => {};

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
  ) {}

  /** Recomputes the settings in force after the explicit settings or a project file changed. */
  updateSettings(): void {
    this.settings = effectiveSettings(this.explicitSettings, undefined);
    this.folderSettings = new Map(this.workspaceFolders.map((folder) => [folder, effectiveSettings(this.explicitSettings, this.projectConfigs.get(folder))]));
    this.documentSettings.clear();
  }

  /** The settings of a workspace folder: its project file under the explicit settings. */
  settingsOfFolder(folder: string): CorpusLensSettings {
    return this.folderSettings.get(folder) ?? this.settings;
  }

  /** The settings for a document: those of the innermost workspace folder holding it. */
  settingsFor(uri: string): CorpusLensSettings {
    let settings = this.documentSettings.get(uri);
    if (settings) return settings;
    const path = uriToPath(uri);
    let best: string | undefined;
    if (path) {
      for (const folder of this.workspaceFolders) {
        const rel = relative(folder, path);
        if (rel && !rel.startsWith('..') && !isAbsolute(rel) && (!best || folder.length > best.length)) best = folder;
      }
    }
    settings = best ? this.settingsOfFolder(best) : this.settings;
    this.documentSettings.set(uri, settings);
    return settings;
  }

  log(message: string): void {
    this.connection.console.log(message);
  }
}
