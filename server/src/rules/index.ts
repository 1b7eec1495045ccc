// The rule registry: every diagnostic rule, sorted by id. Adding a rule is a new file plus one line here.
import type { SeverityName } from '../shared/protocol';
import type { AnalyzedArticle, CorpusView } from '../core/corpusIndex';
import type { Severity } from '../core/types';
import type { Finding, Rule } from './types';
import { allCapsName } from './allCapsName';
import { ambiguousPlace } from './ambiguousPlace';
import { annotationSyntax } from './annotationSyntax';
import { brokenFigureReference } from './brokenFigureReference';
import { garbledReference } from './garbledReference';
import { roleDisagreement } from './roleDisagreement';
import { spellingVariant } from './spellingVariant';
import { unknownEntityId } from './unknownEntityId';
import { weekdayMismatch } from './weekdayMismatch';

export const RULES: readonly Rule[] = [
  allCapsName,
  ambiguousPlace,
  annotationSyntax,
  brokenFigureReference,
  garbledReference,
  roleDisagreement,
  spellingVariant,
  unknownEntityId,
  weekdayMismatch,
].sort((a, b) => a.id.localeCompare(b.id));

export interface CheckedFinding extends Finding {
  severity: Severity;
}

/** Runs every enabled rule on one article. A rule that throws is reported once and skipped, never fatal. */
export function checkArticle(
  article: AnalyzedArticle,
  corpus: CorpusView,
  severities: Record<string, SeverityName> = {},
  onRuleError?: (rule: Rule, error: unknown) => void,
): CheckedFinding[] {
  const out: CheckedFinding[] = [];
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
    for (const f of findings) out.push({ ...f, severity: configured ?? f.severity ?? rule.defaultSeverity });
  }
  // Order by place in the document: annotation findings carry document offsets, the rest clean offsets.
  const at = (f: CheckedFinding) => (f.offsets === 'document' ? f.start : article.positions.toDocumentOffset(f.start));
  return out.sort((a, b) => at(a) - at(b) || a.end - b.end);
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
