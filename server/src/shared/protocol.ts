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
} as const;

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface CorpusLensSettings {
  include: string[];
  exclude: string[];
  maxFileSizeMB: number;
  /** Rule id → severity override. */
  rules: Record<string, SeverityName>;
}

export const DEFAULT_SETTINGS: CorpusLensSettings = {
  include: ['**/corpus/**/*.txt'],
  exclude: ['**/node_modules/**', '**/.git/**'],
  maxFileSizeMB: 5,
  rules: {},
};

/** Client-side command ids (contributed in package.json). */
export const Command = {
  treatAsNewsArticle: 'corpusLens.treatAsNewsArticle',
  reindexCorpus: 'corpusLens.reindexCorpus',
  showOutput: 'corpusLens.showOutput',
} as const;

/** Custom requests and notifications, as `method` names with their parameter and result types. */
export const Requests = {
  /** Re-reads every article from disk. Result: number of indexed articles. */
  reindex: 'corpusLens/reindex',
  /** Index statistics, for status bars and tests. */
  corpusStatus: 'corpusLens/corpusStatus',
} as const;

export interface CorpusStatus {
  articles: number;
  skipped: number;
  indexing: boolean;
  /** Milliseconds the last full index took. */
  lastIndexMs: number;
}

/**
 * Fallback for rule documentation links when the bundled docs/rules folder is missing.
 * Normally `codeDescription.href` is the file URI of docs/rules/<rule-id>.md inside the extension.
 */
export const RULE_DOCS_BASE = 'docs/rules/';
