// The rule registry: every diagnostic rule, sorted by id. Adding a rule is a new file plus one line here.
import type { SeverityName } from '../shared/protocol';
import type { AnalyzedArticle, CorpusView } from '../core/corpusIndex';
import type { Severity } from '../core/types';
import type { Finding, Rule } from './types';
import { allCapsName } from './allCapsName';
import { ambiguousPlace } from './ambiguousPlace';
import { annotationSyntax } from './annotationSyntax';
import { brokenFigureReference } from './brokenFigureReference';
import { conflictingFigure } from './conflictingFigure';
import { conflictWithinArticle } from './conflictWithinArticle';
import { garbledReference } from './garbledReference';
import { malformedFigure } from './malformedFigure';
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
  garbledReference,
  malformedFigure,
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
const SETTLED_BY_STATUS = new Set(['conflicting-figure', 'superseded-figure', 'conflict-within-article', 'vague-quantity', 'unattributed-figure']);

/** Figure annotations with a status: the annotator has decided about that figure. */
function decidedFigureSpans(article: AnalyzedArticle): Array<{ start: number; end: number }> {
  return article.annotations.annotations
    .filter((a) => a.type === 'figure' && a.attributes.some((x) => x.key === 'status' && x.value))
    .map((a) => a.clean);
}

/** Runs every enabled rule on one article. A rule that throws is reported once and skipped, never fatal. */
export function checkArticle(
  article: AnalyzedArticle,
  corpus: CorpusView,
  severities: Record<string, SeverityName> = {},
  onRuleError?: (rule: Rule, error: unknown) => void,
): CheckedFinding[] {
  const out: CheckedFinding[] = [];
  const decided = decidedFigureSpans(article);
  for (const rule of RULES) {
    const configured = severities[rule.id];
    if (configured === 'off') continue;
    let findings: Finding[];
    try {
      findings = rule.check({ article, corpus });
    } catch (error) {
      onRuleError?.(rule, error);
      continue;
    }
    for (const f of findings) {
      if (decided.length && SETTLED_BY_STATUS.has(rule.id) && decided.some((d) => d.start < f.end && f.start < d.end)) continue;
      out.push({ ...f, severity: configured ?? f.severity ?? rule.defaultSeverity });
    }
  }
  // Order by place in the document: annotation findings carry document offsets, the rest clean offsets.
  const at = (f: CheckedFinding) => (f.offsets === 'document' ? f.start : article.positions.toDocumentOffset(f.start));
  return out.sort((a, b) => at(a) - at(b) || a.end - b.end);
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
