// The rule registry: every diagnostic rule, sorted by id. Adding a rule is a new file plus one line here.
import type { SeverityName } from '../shared/protocol';
import type { AnalyzedArticle, CorpusView } from '../core/corpusIndex';
import type { Severity } from '../core/types';
import type { Span } from '../core/types';
import { withCurrentOffsets } from '../core/figures/claims';
import { figureCorpusOf } from '../core/figures/corpusFigures';
import { sameFinding } from './findings';
import type { Finding, RelatedFinding, Rule } from './types';
import { allCapsName } from './allCapsName';
import { ambiguousPlace } from './ambiguousPlace';
import { annotationSyntax } from './annotationSyntax';
import { brokenFigureReference } from './brokenFigureReference';
import { conflictingFigure } from './conflictingFigure';
import { dateAfterDateline } from './dateAfterDateline';
import { datelineMismatch } from './datelineMismatch';
import { conflictWithinArticle } from './conflictWithinArticle';
import { garbledReference } from './garbledReference';
import { malformedFigure } from './malformedFigure';
import { revisedFigure } from './revisedFigure';
import { roleDisagreement } from './roleDisagreement';
import { spellingVariant } from './spellingVariant';
import { supersededFigure } from './supersededFigure';
import { unattributedFigure } from './unattributedFigure';
import { vagueQuantity } from './vagueQuantity';
import { unknownEntityId } from './unknownEntityId';
import { weekdayMismatch } from './weekdayMismatch';

export const RULES: readonly Rule[] = [
  allCapsName,
  ambiguousPlace,
  annotationSyntax,
  brokenFigureReference,
  conflictingFigure,
  conflictWithinArticle,
  dateAfterDateline,
  datelineMismatch,
  garbledReference,
  malformedFigure,
  revisedFigure,
  roleDisagreement,
  spellingVariant,
  supersededFigure,
  unattributedFigure,
  unknownEntityId,
  vagueQuantity,
  weekdayMismatch,
].sort((a, b) => a.id.localeCompare(b.id));

export interface CheckedFinding extends Finding {
  severity: Severity;
}

/** Figure rules whose findings an annotator's status= decision settles. Malformed figures stay: the text is still wrong. */
const SETTLED_BY_STATUS = new Set(['conflicting-figure', 'revised-figure', 'superseded-figure', 'conflict-within-article', 'vague-quantity', 'unattributed-figure']);
/** Date rules whose findings a date annotation with a value settles: the annotator has pinned the day. */
const SETTLED_BY_DATE_VALUE = new Set(['date-after-dateline']);

/** Spans the annotator has decided about: figures with a status, dates with a value. */
function decidedSpans(article: AnalyzedArticle): { figures: Span[]; dates: Span[] } {
  const figures: Span[] = [];
  const dates: Span[] = [];
  for (const a of article.annotations.annotations) {
    const has = (key: string) => a.attributes.some((x) => x.key === key && x.value);
    if (a.type === 'figure' && has('status')) figures.push(a.clean);
    else if (a.type === 'date' && has('value')) dates.push(a.clean);
  }
  return { figures, dates };
}

/**
 * Findings of the rules that read only their article, per analysed version: an article re-checked because another
 * one changed runs only its cross-article rules again.
 */
const localFindings = new WeakMap<AnalyzedArticle, Map<Rule, Finding[]>>();

function runRule(rule: Rule, article: AnalyzedArticle, corpus: CorpusView): Finding[] {
  if (rule.crossArticle) return rule.check({ article, corpus });
  let byRule = localFindings.get(article);
  if (!byRule) localFindings.set(article, (byRule = new Map()));
  let findings = byRule.get(rule);
  if (!findings) byRule.set(rule, (findings = rule.check({ article, corpus })));
  return findings;
}

/** The last check of an article: per rule, the findings it returned and what became of them. */
interface LastCheck {
  corpus: CorpusView;
  severities: Record<string, SeverityName>;
  byRule: Map<Rule, { findings: Finding[]; checked: CheckedFinding[] }>;
  result: CheckedFinding[];
}

/**
 * Cached rules return the same arrays when nothing they read changed. An article re-checked because another one
 * changed then reuses everything but the rules whose findings moved.
 */
const lastChecks = new WeakMap<AnalyzedArticle, LastCheck>();

/** Runs every enabled rule on one article. A rule that throws is reported once and skipped, never fatal. */
export function checkArticle(
  article: AnalyzedArticle,
  corpus: CorpusView,
  severities: Record<string, SeverityName> = {},
  onRuleError?: (rule: Rule, error: unknown) => void,
): CheckedFinding[] {
  const previous = lastChecks.get(article);
  const last = previous && previous.corpus === corpus && previous.severities === severities ? previous : undefined;
  const byRule = new Map<Rule, { findings: Finding[]; checked: CheckedFinding[] }>();
  let changed = !last;
  let decided: ReturnType<typeof decidedSpans> | undefined;
  for (const rule of RULES) {
    const configured = severities[rule.id];
    if (configured === 'off') continue;
    let findings: Finding[];
    try {
      findings = runRule(rule, article, corpus);
    } catch (error) {
      onRuleError?.(rule, error);
      changed = true;
      continue;
    }
    const before = last?.byRule.get(rule);
    // The same findings again (the same array, or equal findings recomputed): keep what was made of them.
    if (before && (before.findings === findings || (before.findings.length === findings.length && before.findings.every((f, i) => sameFinding(f, findings[i]))))) {
      byRule.set(rule, before);
      continue;
    }
    changed = true;
    decided ??= decidedSpans(article);
    const settledBy = SETTLED_BY_STATUS.has(rule.id) ? decided.figures : SETTLED_BY_DATE_VALUE.has(rule.id) ? decided.dates : [];
    const checked: CheckedFinding[] = [];
    for (const f of findings) {
      if (settledBy.length && settledBy.some((d) => d.start < f.end && f.start < d.end)) continue;
      checked.push({ ...f, severity: configured ?? f.severity ?? rule.defaultSeverity });
    }
    byRule.set(rule, { findings, checked });
  }
  if (!changed && last && last.byRule.size === byRule.size) return last.result;
  const out: CheckedFinding[] = [];
  for (const { checked } of byRule.values()) for (const f of checked) out.push(f);
  // Order by place in the document: annotation findings carry document offsets, the rest clean offsets.
  const at = new Map<CheckedFinding, number>();
  for (const f of out) at.set(f, f.offsets === 'document' ? f.start : article.positions.toDocumentOffset(f.start));
  out.sort((a, b) => at.get(a)! - at.get(b)! || a.end - b.end);
  lastChecks.set(article, { corpus, severities, byRule, result: out });
  return out;
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/**
 * A finding's data with the offsets of the other figures it names where they are now: cached findings keep the
 * figures they point at, and when such a figure's article was edited since (its claim unchanged), the offsets are
 * the same claim's in the newer version.
 */
export function currentData(corpus: CorpusView, finding: Finding): Record<string, unknown> | undefined {
  if (!finding.data) return undefined;
  const clusters = figureCorpusOf(corpus).clusters;
  return withCurrentOffsets(finding.data, (figure) => clusters.currentFigure(figure));
}

/** Where a related span is now (see `currentData`). */
export function relatedSpan(corpus: CorpusView, related: RelatedFinding): Span {
  if (!related.figure) return related;
  const current = figureCorpusOf(corpus).clusters.currentFigure(related.figure);
  return current ?? related;
}
