// Diagnostics: rule findings turned into LSP diagnostics and pushed for every indexed article.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { checkArticle, currentData, relatedSpan, type CheckedFinding } from '../rules';
import type { AnalyzedArticle } from '../core/corpusIndex';
import type { Severity } from '../core/types';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileUri } from '../core/corpusFiles';
import { RULE_DOCS_BASE } from '../shared/protocol';
import type { ServerContext } from './context';
import { scheduleCodeLensRefresh } from './figureSeries';
import { toRange } from './positions';

export const DIAGNOSTIC_SOURCE = 'corpus-lens';

/** The rule pages ship inside the extension (docs/rules), so the link opens offline, in the editor. */
const RULE_DOCS_DIR = [join(__dirname, '..', 'docs', 'rules'), join(__dirname, '..', '..', '..', 'docs', 'rules')].find((d) => existsSync(d));

const docsHrefs = new Map<string, string>();

export function ruleDocsHref(ruleId: string): string {
  let href = docsHrefs.get(ruleId);
  if (href === undefined) {
    href = RULE_DOCS_DIR ? fileUri(join(RULE_DOCS_DIR, `${ruleId}.md`)) : `${RULE_DOCS_BASE}${ruleId}.md`;
    docsHrefs.set(ruleId, href);
  }
  return href;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(context: ServerContext, analyzed: AnalyzedArticle, finding: CheckedFinding): Diagnostic {
  const version = context.corpus.editorVersion(analyzed.id) ?? null;
  const diagnostic: Diagnostic = {
    range: finding.offsets === 'document' ? toRange(analyzed.positions.document, finding) : toRange(analyzed.positions, finding),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsHref(finding.ruleId) },
    message: finding.message,
    data: { ruleId: finding.ruleId, version, ...currentData(context.corpus, finding) },
  };
  if (finding.tags?.length) {
    diagnostic.tags = finding.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  if (finding.related?.length) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const r of finding.related) {
      const other = context.corpus.get(r.articleId);
      if (!other) continue;
      related.push({ location: { uri: r.articleId, range: toRange(other.positions, relatedSpan(context.corpus, r)) }, message: r.message });
    }
    if (related.length) diagnostic.relatedInformation = related;
  }
  return diagnostic;
}

export function diagnosticsFor(context: ServerContext, analyzed: AnalyzedArticle): Diagnostic[] {
  const findings = checkArticle(analyzed, context.corpus, context.settingsFor(analyzed.id).rules, (rule, error) =>
    context.log(`rule ${rule.id} failed on ${analyzed.id}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
  );
  return findings.map((f) => toDiagnostic(context, analyzed, f));
}

/** What was last published per article: the same findings for the same version need no new publication. */
const lastPublished = new Map<string, { findings: readonly CheckedFinding[]; version: number | undefined }>();

/** Published findings by severity, kept as publications come and go (the status bar shows them). */
const publishedCounts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };

/** The findings last published for an article (what Problems and the editor show), if any yet. */
export function publishedFindings(id: string): readonly CheckedFinding[] | undefined {
  return lastPublished.get(id)?.findings;
}

export function publishedFindingCounts(): Readonly<Record<Severity, number>> {
  return publishedCounts;
}

function countPublished(findings: readonly CheckedFinding[] | undefined, sign: 1 | -1): void {
  for (const f of findings ?? []) publishedCounts[f.severity] += sign;
}

function setPublished(context: ServerContext, id: string, entry: { findings: readonly CheckedFinding[]; version: number | undefined } | undefined): void {
  countPublished(lastPublished.get(id)?.findings, -1);
  if (entry) lastPublished.set(id, entry);
  else lastPublished.delete(id);
  countPublished(entry?.findings, 1);
  context.onStatusChanged();
}

/** Publishes an article's diagnostics; returns false when they were already published as they are. */
export function publishDiagnostics(context: ServerContext, id: string): boolean {
  const analyzed = context.corpus.get(id);
  const version = context.corpus.editorVersion(id);
  if (!analyzed) {
    clearDiagnostics(context, id, version);
    return true;
  }
  const findings = checkArticle(analyzed, context.corpus, context.settingsFor(analyzed.id).rules, (rule, error) =>
    context.log(`rule ${rule.id} failed on ${analyzed.id}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
  );
  const last = lastPublished.get(id);
  if (last && last.findings === findings && last.version === version) return false;
  setPublished(context, id, { findings, version });
  const diagnostics = findings.map((f) => toDiagnostic(context, analyzed, f));
  void context.connection.sendDiagnostics(version === undefined ? { uri: id, diagnostics } : { uri: id, version, diagnostics });
  return true;
}

/** Clears an article's diagnostics (it left the corpus or was skipped). */
export function clearDiagnostics(context: ServerContext, id: string, version?: number): void {
  setPublished(context, id, undefined);
  void context.connection.sendDiagnostics(version === undefined ? { uri: id, diagnostics: [] } : { uri: id, version, diagnostics: [] });
}

/** After a change: the changed articles, plus the others whose cross-article findings may have moved. */
export function publishAfterChange(context: ServerContext, changedIds: Iterable<string>, started = performance.now()): void {
  const ids = new Set(changedIds);
  const changed = ids.size;
  for (const id of ids) movedArticles.add(id);
  const others = [...context.corpus.takeAffected()].filter((id) => !ids.has(id));
  let republished = 0;
  // The edited articles first, at once: the user is looking at them.
  for (const id of ids) if (publishDiagnostics(context, id)) republished++;
  const done = () => {
    context.lastChange = { changed, rechecked: others.length, republished, ms: Math.round((performance.now() - started) * 100) / 100 };
    scheduleRelatedRefresh(context);
    if (others.length > 0) scheduleCodeLensRefresh(context);
  };
  if (others.length === 0) return done();
  // The other articles in batches that yield, so the next keystroke is not kept waiting behind them.
  void (async () => {
    for (let i = 0; i < others.length; i++) {
      if (i % AFFECTED_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
      if (publishDiagnostics(context, others[i]!)) republished++;
    }
    done();
  })();
}

/** Other articles re-checked after a change between two yields to the event loop. */
const AFFECTED_BATCH = 1;

/** Pause after the last edit before other articles' related places into the edited ones are brought up to date. */
const RELATED_REFRESH_MS = 750;
const movedArticles = new Set<string>();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Typing in an article moves its figures without changing what they claim: other articles' findings stay, but
 * their related places (and quick-fix references) into it now point a little off. Once the typing pauses, the
 * articles whose diagnostics point into an edited one are published again with the places where they are now.
 */
function scheduleRelatedRefresh(context: ServerContext): void {
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    refreshTimer = undefined;
    const moved = [...movedArticles];
    movedArticles.clear();
    void refreshRelated(context, moved);
  }, RELATED_REFRESH_MS);
  refreshTimer.unref?.();
}

async function refreshRelated(context: ServerContext, moved: string[]): Promise<void> {
  const candidates = new Set<string>();
  for (const id of moved) for (const other of context.corpus.figures.articlesAffectedBy(id)) candidates.add(other);
  const movedSet = new Set(moved);
  let n = 0;
  for (const id of candidates) {
    if (movedSet.has(id)) continue;
    const findings = lastPublished.get(id)?.findings;
    const stale = findings?.some((f) => f.related?.some((r) => {
      if (!movedSet.has(r.articleId)) return false;
      const now = relatedSpan(context.corpus, r);
      return now.start !== r.start || now.end !== r.end;
    }));
    if (!stale) continue;
    setPublished(context, id, undefined);
    publishDiagnostics(context, id);
    if (++n % PUBLISH_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

const PUBLISH_BATCH = 25;
const PUBLISH_SLICE_MS = 20;
let publishAllGeneration = 0;

/**
 * Publishes every article, a batch at a time, yielding between batches so hovers and edits are served while a big
 * corpus is checked. A newer call stops an older one; open editors go first.
 */
export async function publishAll(context: ServerContext): Promise<void> {
  const generation = ++publishAllGeneration;
  context.corpus.takeAffected();
  const ids = context.corpus.ids().sort((a, b) => Number(context.corpus.editorVersion(b) !== undefined) - Number(context.corpus.editorVersion(a) !== undefined));
  let slice = performance.now();
  for (let i = 0; i < ids.length; i++) {
    // A batch is bounded in time as well: 25 cross-article checks of a big corpus can take a second on a busy machine.
    if (i > 0 && (i % PUBLISH_BATCH === 0 || performance.now() - slice > PUBLISH_SLICE_MS)) {
      await new Promise((resolve) => setImmediate(resolve));
      if (generation !== publishAllGeneration) return;
      slice = performance.now();
    }
    publishDiagnostics(context, ids[i]!);
  }
  scheduleCodeLensRefresh(context);
}
