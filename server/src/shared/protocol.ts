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

/** Client facts the server cannot detect through capabilities. */
export interface InitializationFacts {
  /** VS Code validates knowledge-base files against the JSON schema itself: skip those problems to avoid duplicates. */
  clientValidatesKnowledgeBaseSchema?: boolean;
  /** The client runs `Command.showFigureChart`: hovers and code lenses may offer it. */
  figureChartCommand?: boolean;
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
  /** Opens the figure comparison chart. Arguments: none (the cursor's figure) or one `FigureSeriesParams`. */
  showFigureChart: 'corpusLens.showFigureChart',
} as const;

/** Custom requests and notifications, as `method` names with their parameter and result types. */
export const Requests = {
  /** Re-reads every article from disk. Result: number of indexed articles. */
  reindex: 'corpusLens/reindex',
  /** Index statistics, for status bars and tests. */
  corpusStatus: 'corpusLens/corpusStatus',
  /** Text of a read-only knowledge-base view (`corpus-lens-kb:` URI). Params: { uri }. Result: string. */
  knowledgeBaseView: 'corpusLens/knowledgeBaseView',
  /** Every value of the quantity of the figure at a position, across the corpus. Params: FigureSeriesParams. Result: FigureSeries | null. */
  figureSeries: 'corpusLens/figureSeries',
} as const;

export interface ProtocolPosition {
  line: number;
  character: number;
}

export interface ProtocolRange {
  start: ProtocolPosition;
  end: ProtocolPosition;
}

export interface FigureSeriesParams {
  textDocument: { uri: string };
  position: ProtocolPosition;
}

/** One value of the quantity, as stated by one article. */
export interface FigureSeriesPoint {
  /** The article's URI and the figure's range in it (UTF-16 positions). */
  uri: string;
  range: ProtocolRange;
  /** Short article name ("002"). */
  label: string;
  headline: string | null;
  /** The figure as written and the sentence around it (article text: display as text only). */
  text: string;
  sentence: string;
  /** Value and interval in the unit of the charted figure; an open bound is null. */
  value: number;
  min: number | null;
  max: number | null;
  minInclusive: boolean;
  maxInclusive: boolean;
  /** The figure's own unit. */
  unit: string;
  /** ISO date of the figure, else of its article's dateline; null when neither is known. */
  date: string | null;
  dateFrom: 'figure' | 'dateline' | null;
  source: string | null;
  framing: 'current' | 'previous' | 'change' | 'projected' | 'conversion';
  /** Framed by its own text as an earlier value ("up from 130,000"). */
  earlier: boolean;
  /** Other reports call this value the earlier estimate. */
  superseded: boolean;
  /** The annotator's `status=` on the figure, when any. */
  status: string | null;
  /** The figure the chart was opened for. */
  selected: boolean;
}

export interface FigureSeries {
  /** The claim cluster the quantity belongs to ("count|military personnel"). */
  cluster: string;
  /** The charted figure's text, unit and what it counts. */
  text: string;
  unit: string;
  subject: string | null;
  /** Sorted by date (undated last), then article, then position. */
  points: FigureSeriesPoint[];
}

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
