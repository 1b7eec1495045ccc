// What a diagnostic rule is. Rules are pure: they read the analysed article and the corpus,
// and return findings. The server turns findings into LSP diagnostics; the CLI prints them.
import type { Severity, Span } from '../core/types';
import type { AnalyzedArticle, CorpusView } from '../core/corpusIndex';
import type { Figure } from '../core/figures/types';

export interface RelatedFinding extends Span {
  /** Article id (URI string) the related span is in. */
  articleId: string;
  message: string;
  /** The figure the span is on: the span follows it when its article is edited (see `relatedSpan`). */
  figure?: Figure;
}

export interface Finding extends Span {
  ruleId: string;
  message: string;
  /** Related places, usually in other articles (LSP `relatedInformation`). */
  related?: RelatedFinding[];
  /** Everything a quick fix needs, so code actions need no server state (LSP `Diagnostic.data`). */
  data?: Record<string, unknown>;
  /** Overrides the rule's default severity for this one finding (rare). */
  severity?: Severity;
  /** 'document' when start/end are offsets into the document text (annotation syntax), not the clean text. */
  offsets?: 'clean' | 'document';
  /** Marks the span as unnecessary/deprecated in the editor (LSP DiagnosticTag). */
  tags?: Array<'unnecessary' | 'deprecated'>;
}

export interface RuleContext {
  article: AnalyzedArticle;
  corpus: CorpusView;
}

export interface Rule {
  /** Stable id: kebab-case, never renamed (it is the diagnostic code and the doc page name). */
  id: string;
  /** One line for the README table and the settings description. */
  summary: string;
  defaultSeverity: Severity;
  /** True when the rule reads other articles: its findings can change when another article changes. */
  crossArticle: boolean;
  check(context: RuleContext): Finding[];
}
