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
  /** Inlay hints (off by default): `inlayHints.dates` ("→ 2022-02-15"), `inlayHints.figures` (normalised values). */
  inlayHints: 'inlayHints',
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
  inlayHints: InlayHintSettings;
}

export interface InlayHintSettings {
  /** The calendar day a date or weekday resolves to, after it: "→ 2022-02-15". */
  dates: boolean;
  /** A figure's value normalised (interval and unit), after it: "= >130,000 military personnel". */
  figures: boolean;
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
  /** The client runs `Command.showFigureChart`: hovers and code lenses may offer it. */
  figureChartCommand?: boolean;
  /**
   * False in a workspace the user has not trusted (VS Code's restricted mode): the server then reads no knowledge-base
   * file from the workspace and offers no edit that creates files. Absent means trusted (editors without the notion).
   */
  workspaceTrusted?: boolean;
}

export const DEFAULT_SETTINGS: CorpusLensSettings = {
  include: ['**/corpus/**/*.txt'],
  exclude: ['**/node_modules/**', '**/.git/**'],
  maxFileSizeMB: 5,
  rules: {},
  knowledgeBase: ['corpus/.corpus-lens/entities.json'],
  inlayHints: { dates: false, figures: false },
};

/** Client-side command ids (contributed in package.json). */
export const Command = {
  treatAsNewsArticle: 'corpusLens.treatAsNewsArticle',
  reindexCorpus: 'corpusLens.reindexCorpus',
  showOutput: 'corpusLens.showOutput',
  exportAnnotations: 'corpusLens.exportAnnotations',
  importBrat: 'corpusLens.importBrat',
  filterEntities: 'corpusLens.filterEntities',
  clearEntityFilter: 'corpusLens.clearEntityFilter',
  refreshViews: 'corpusLens.refreshViews',
  openLocation: 'corpusLens.openLocation',
  /** Opens the figure comparison chart. Arguments: none (the cursor's figure) or one `FigureSeriesParams`. */
  showFigureChart: 'corpusLens.showFigureChart',
} as const;

/** The view container and its tree views (package.json `contributes.viewsContainers` / `views`). */
export const Views = {
  container: 'corpusLens',
  entities: 'corpusLens.entities',
  figures: 'corpusLens.figures',
  annotationProgress: 'corpusLens.annotationProgress',
} as const;

/** Custom requests and notifications, as `method` names with their parameter and result types. */
export const Requests = {
  /** Re-reads every article from disk. Result: number of indexed articles. */
  reindex: 'corpusLens/reindex',
  /** Index statistics, for status bars and tests. */
  corpusStatus: 'corpusLens/corpusStatus',
  /** Text of a read-only knowledge-base view (`corpus-lens-kb:` URI). Params: { uri }. Result: string. */
  knowledgeBaseView: 'corpusLens/knowledgeBaseView',
  /** Entities by type, most widely mentioned first. Params: EntitiesParams. Result: EntitiesResult. */
  entities: 'corpusLens/entities',
  /** Where one entity is mentioned, per article. Params: { identity }. Result: ArticleMentions[]. */
  entityMentions: 'corpusLens/entityMentions',
  /** Quantities (figure clusters), those with findings first, then by size. Params: { limit? }. Result: QuantitiesResult. */
  quantities: 'corpusLens/quantities',
  /** The figures of one quantity, per article. Params: { id }. Result: ArticleFigureList[]. */
  quantityFigures: 'corpusLens/quantityFigures',
  /** Per article: annotated entities and figures against recognized ones, least done first. Result: ArticleProgress[]. */
  annotationProgress: 'corpusLens/annotationProgress',
  /** Every value of the quantity of the figure at a position, across the corpus. Params: FigureSeriesParams. Result: FigureSeries | null. */
  figureSeries: 'corpusLens/figureSeries',
} as const;

/** Server → client notifications. */
export const Notifications = {
  /**
   * The index or its findings changed (sent at most every few hundred ms). Params: CorpusStatus. Views refresh
   * when `generation` moves; status bars show the counts.
   */
  corpusStatus: 'corpusLens/corpusStatusChanged',
} as const;

/** Semantic token types (custom, declared in package.json `semanticTokenTypes`), in legend order. */
export const SEMANTIC_TOKEN_TYPES = ['person', 'place', 'organization', 'figure', 'annotation'] as const;
export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
/** `annotated`: the annotator confirmed this mention or figure with an inline annotation. */
export const SEMANTIC_TOKEN_MODIFIERS = ['annotated'] as const;

/** LSP-shaped (the client converts), so this file stays free of protocol imports. */
export interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface EntitiesParams {
  /** Keeps entities whose canonical name or a written form contains it (case and accents ignored). */
  filter?: string;
  /** Most entities returned per type (default 500). */
  limitPerType?: number;
}

export interface EntitySummary {
  /** Corpus-wide identity: knowledge-base key, or type and normalised name. */
  identity: string;
  name: string;
  type: string;
  articles: number;
  mentions: number;
  /** Knowledge-base key when linked. */
  key?: string;
}

export interface EntitiesResult {
  types: Array<{ type: string; count: number; entities: EntitySummary[]; truncated: boolean }>;
}

/** A line of text around a mention or figure, with where the mention is inside it (for highlighting). */
export interface Snippet {
  text: string;
  highlight: [number, number];
}

export interface ArticleMentions {
  uri: string;
  /** Short article name ("001"), and its headline when it has one. */
  label: string;
  headline?: string;
  mentions: Array<{ range: WireRange; text: string; line: number; snippet: Snippet; annotated: boolean }>;
}

export interface QuantitySummary {
  id: string;
  /** "military personnel (count)". */
  label: string;
  /** The most common subject as written ("Russian troops"), when there is one. */
  subject?: string;
  figures: number;
  articles: number;
  /** Findings of the figure rules on this quantity's figures. */
  findings: number;
}

export interface QuantitiesResult {
  quantities: QuantitySummary[];
  /** Quantities left out by `limit`. */
  more: number;
}

export interface ArticleFigureList {
  uri: string;
  label: string;
  headline?: string;
  figures: Array<{ range: WireRange; text: string; normalized: string; date?: string; source?: string; findings: string[]; snippet: Snippet }>;
}

export interface ArticleProgress {
  uri: string;
  label: string;
  headline?: string;
  entities: { annotated: number; recognized: number };
  figures: { annotated: number; recognized: number };
}

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

/** Client → server notifications. */
export const ClientNotifications = {
  /** The user trusted the workspace (VS Code only grants trust, never takes it back in a session). Params: WorkspaceTrustParams. */
  workspaceTrust: 'corpusLens/workspaceTrust',
} as const;

export interface WorkspaceTrustParams {
  trusted: boolean;
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
  /** While indexing: articles read of those found. */
  progress?: { done: number; total: number };
  /** Published findings by severity (hints are not shown in Problems). */
  findings?: { error: number; warning: number; information: number; hint: number };
  /** Moves whenever the index changes (an article came, changed or went): views refresh when it does. */
  generation?: number;
}

/**
 * Fallback for rule documentation links when the bundled docs/rules folder is missing.
 * Normally `codeDescription.href` is the file URI of docs/rules/<rule-id>.md inside the extension.
 */
export const RULE_DOCS_BASE = 'docs/rules/';
