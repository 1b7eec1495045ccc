// The extension's own protocol, imported by the client and the server alike:
// the language id, setting names with their defaults, commands and custom requests.
// Keep this file free of `vscode` and of Node APIs so both sides can bundle it.

export const LANGUAGE_ID = 'news-article';
export const SERVER_NAME = 'Corpus Lens';

/** Setting keys under the `corpusLens` section (see package.json `contributes.configuration`). */
export const SETTINGS_SECTION = 'corpusLens';
export const Setting = {
  include: 'include',
  exclude: 'exclude',
  maxFileSizeMB: 'maxFileSizeMB',
  rules: 'rules',
  knowledgeBase: 'knowledgeBase',
} as const;

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

/**
 * The settings in force. The server is sent only what the user set (unset keys absent or null): what is missing
 * comes from the project configuration file, then from DEFAULT_SETTINGS.
 */
export interface CorpusLensSettings {
  include: string[];
  exclude: string[];
  maxFileSizeMB: number;
  /** Rule id → severity override. */
  rules: Record<string, SeverityName>;
  /** The user's knowledge-base files, relative to a workspace folder. */
  knowledgeBase: string[];
}

/** Where the knowledge-base files live (watched by the client, validated by the JSON schema). */
export const KNOWLEDGE_BASE_GLOB = '**/.corpus-lens/*.json';
/** URI scheme of the read-only views of the built-in knowledge base and the gazetteer. */
export const KNOWLEDGE_BASE_SCHEME = 'corpus-lens-kb';

/** The project configuration file at the root of a workspace folder (see server/data/corpus-lens.schema.json). */
export const PROJECT_CONFIG_FILE = '.corpus-lens.json';
export const PROJECT_CONFIG_GLOB = `**/${PROJECT_CONFIG_FILE}`;

/** Client facts the server cannot detect through capabilities. */
export interface InitializationFacts {
  /** VS Code validates knowledge-base files against the JSON schema itself: skip those problems to avoid duplicates. */
  clientValidatesKnowledgeBaseSchema?: boolean;
  /** The same for the project configuration file: its errors are then told in a window message, not as diagnostics. */
  clientValidatesProjectConfigSchema?: boolean;
}

export const DEFAULT_SETTINGS: CorpusLensSettings = {
  include: ['**/corpus/**/*.txt'],
  exclude: ['**/node_modules/**', '**/.git/**'],
  maxFileSizeMB: 5,
  rules: {},
  knowledgeBase: ['corpus/.corpus-lens/entities.json'],
};

/** Client-side command ids (contributed in package.json). */
export const Command = {
  treatAsNewsArticle: 'corpusLens.treatAsNewsArticle',
  reindexCorpus: 'corpusLens.reindexCorpus',
  showOutput: 'corpusLens.showOutput',
  exportAnnotations: 'corpusLens.exportAnnotations',
  importBrat: 'corpusLens.importBrat',
} as const;

/** Custom requests and notifications, as `method` names with their parameter and result types. */
export const Requests = {
  /** Re-reads every article from disk. Result: number of indexed articles. */
  reindex: 'corpusLens/reindex',
  /** Index statistics, for status bars and tests. */
  corpusStatus: 'corpusLens/corpusStatus',
  /** Text of a read-only knowledge-base view (`corpus-lens-kb:` URI). Params: { uri }. Result: string. */
  knowledgeBaseView: 'corpusLens/knowledgeBaseView',
} as const;

export interface CorpusStatus {
  articles: number;
  skipped: number;
  indexing: boolean;
  /** Milliseconds the last full index took. */
  lastIndexMs: number;
  /**
   * The last edit or file change: articles changed, others re-checked for their sake, articles republished, and the
   * milliseconds from receiving the change (analysis included) to the last publication.
   */
  lastChange?: { changed: number; rechecked: number; republished: number; ms: number };
}

/**
 * Fallback for rule documentation links when the bundled docs/rules folder is missing.
 * Normally `codeDescription.href` is the file URI of docs/rules/<rule-id>.md inside the extension.
 */
export const RULE_DOCS_BASE = 'docs/rules/';
