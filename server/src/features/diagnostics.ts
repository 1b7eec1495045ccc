// Diagnostics: rule findings turned into LSP diagnostics and pushed for every indexed article.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { checkArticle, type CheckedFinding } from '../rules';
import type { AnalyzedArticle } from '../core/corpusIndex';
import type { Severity } from '../core/types';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileUri } from '../core/corpusFiles';
import { RULE_DOCS_BASE } from '../shared/protocol';
import type { ServerContext } from './context';
import { toRange } from './positions';

export const DIAGNOSTIC_SOURCE = 'corpus-lens';

/** The rule pages ship inside the extension (docs/rules), so the link opens offline, in the editor. */
const RULE_DOCS_DIR = [join(__dirname, '..', 'docs', 'rules'), join(__dirname, '..', '..', '..', 'docs', 'rules')].find((d) => existsSync(d));

export function ruleDocsHref(ruleId: string): string {
  return RULE_DOCS_DIR ? fileUri(join(RULE_DOCS_DIR, `${ruleId}.md`)) : `${RULE_DOCS_BASE}${ruleId}.md`;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(context: ServerContext, analyzed: AnalyzedArticle, finding: CheckedFinding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.offsets === 'document' ? toRange(analyzed.positions.document, finding) : toRange(analyzed.positions, finding),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsHref(finding.ruleId) },
    message: finding.message,
    data: { ruleId: finding.ruleId, version: context.corpus.editorVersion(analyzed.id) ?? null, ...finding.data },
  };
  if (finding.tags?.length) {
    diagnostic.tags = finding.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  if (finding.related?.length) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const r of finding.related) {
      const other = context.corpus.get(r.articleId);
      if (!other) continue;
      related.push({ location: { uri: r.articleId, range: toRange(other.positions, r) }, message: r.message });
    }
    if (related.length) diagnostic.relatedInformation = related;
  }
  return diagnostic;
}

export function diagnosticsFor(context: ServerContext, analyzed: AnalyzedArticle): Diagnostic[] {
  const findings = checkArticle(analyzed, context.corpus, context.settings.rules, (rule, error) =>
    context.log(`rule ${rule.id} failed on ${analyzed.id}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
  );
  return findings.map((f) => toDiagnostic(context, analyzed, f));
}

export function publishDiagnostics(context: ServerContext, id: string): void {
  const analyzed = context.corpus.get(id);
  const diagnostics = analyzed ? diagnosticsFor(context, analyzed) : [];
  const version = context.corpus.editorVersion(id);
  void context.connection.sendDiagnostics(version === undefined ? { uri: id, diagnostics } : { uri: id, version, diagnostics });
}

/** After a change: the changed articles, plus the others whose cross-article findings may have moved. */
export function publishAfterChange(context: ServerContext, changedIds: Iterable<string>): void {
  const ids = new Set(changedIds);
  for (const id of context.corpus.takeAffected()) ids.add(id);
  for (const id of ids) publishDiagnostics(context, id);
}

const PUBLISH_BATCH = 25;
let publishAllGeneration = 0;

/**
 * Publishes every article, a batch at a time, yielding between batches so hovers and edits are served while a big
 * corpus is checked. A newer call stops an older one; open editors go first.
 */
export async function publishAll(context: ServerContext): Promise<void> {
  const generation = ++publishAllGeneration;
  context.corpus.takeAffected();
  const ids = context.corpus.ids().sort((a, b) => Number(context.corpus.editorVersion(b) !== undefined) - Number(context.corpus.editorVersion(a) !== undefined));
  for (let i = 0; i < ids.length; i++) {
    if (i % PUBLISH_BATCH === 0 && i > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      if (generation !== publishAllGeneration) return;
    }
    publishDiagnostics(context, ids[i]!);
  }
}
