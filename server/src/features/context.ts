// The state every feature module shares: the connection, the corpus index and the settings.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CorpusIndex } from '../core/corpusIndex';
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
  /** The client asks for code lenses again on workspace/codeLens/refresh. */
  codeLensRefresh?: boolean;
}

export class ServerContext {
  readonly corpus = new CorpusIndex();
  settings: CorpusLensSettings = { ...DEFAULT_SETTINGS };
  workspaceFolders: string[] = [];
  support: ClientSupport = {
    configuration: false,
    workDoneProgress: false,
    watchedFilesDynamicRegistration: false,
    relatedInformation: false,
    codeDescription: false,
    markdownHover: true,
    codeActionResolveEdit: false,
  };
  /** VS Code checks knowledge-base files against the schema itself (see InitializationFacts). */
  clientValidatesKnowledgeBaseSchema = false;
  /** The client runs the figure chart command (see InitializationFacts). */
  clientRunsFigureChart = false;
  indexing = false;
  lastIndexMs = 0;
  lastChange: { changed: number; rechecked: number; republished: number; ms: number } | undefined;
  skipped = new Map<string, string>();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
  ) {}

  log(message: string): void {
    this.connection.console.log(message);
  }
}
