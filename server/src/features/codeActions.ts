// Code actions: quick fixes for the diagnostics (their `data` carries everything needed), annotation actions on a
// mention or a selection, "annotate all occurrences in the corpus", knowledge-base additions, and source actions.
// Every edit names the document version it was computed for, so the editor refuses it once the text has moved on.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { modify } from 'jsonc-parser';
import {
  CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import { dirname, relative } from 'node:path';
import { annotateSpans, editAnnotation, figureReferenceTo, removeAnnotations, type AnnotationRequest, type TextEdit } from '../core/annotations';
import type { AnalyzedArticle } from '../core/corpusIndex';
import { fileUri, uriToPath } from '../core/corpusFiles';
import type { EntityMentionInText } from '../core/entities';
import { entityIdentity } from '../core/entityIndex';
import { normalizeName } from '../core/knowledge/names';
import { LineIndex } from '../core/text';
import type { ServerContext } from './context';
import { DIAGNOSTIC_SOURCE, diagnosticsFor } from './diagnostics';
import { entityAt } from './hover';

export const SOURCE_ANNOTATE_ENTITIES = `${CodeActionKind.Source}.annotateEntities.corpusLens`;
export const SOURCE_REMOVE_ANNOTATIONS = `${CodeActionKind.Source}.removeAnnotations.corpusLens`;
const REFACTOR_ANNOTATE = `${CodeActionKind.Refactor}.annotate.corpusLens`;

interface ResolveData {
  kind: 'annotate-all-occurrences';
  uri: string;
  identity: string;
  type: string;
}

export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction((params) => codeActions(context, params));
  context.connection.onCodeActionResolve((action) => resolveCodeAction(context, action));
}

/** One document's edits, pinned to its version (null: the file on disk, not open in an editor). */
function documentEdit(context: ServerContext, article: AnalyzedArticle, edits: readonly TextEdit[]): WorkspaceEdit['documentChanges'] {
  const lines = article.positions.document;
  return [{
    textDocument: { uri: article.id, version: context.corpus.editorVersion(article.id) ?? null },
    edits: edits.map((e) => toLspEdit(lines, e)),
  }];
}

function toLspEdit(lines: LineIndex, e: TextEdit): LspTextEdit {
  return { range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) }, newText: e.newText };
}

function workspaceEdit(context: ServerContext, article: AnalyzedArticle, edits: readonly TextEdit[]): WorkspaceEdit {
  return { documentChanges: documentEdit(context, article, edits) };
}

export function codeActions(context: ServerContext, params: CodeActionParams): CodeAction[] {
  const article = context.corpus.get(params.textDocument.uri);
  if (!article) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const sent of params.context.diagnostics) {
      if (sent.source !== DIAGNOSTIC_SOURCE) continue;
      const diagnostic = currentDiagnostic(context, article, sent);
      if (diagnostic) actions.push(...quickFixes(context, article, diagnostic));
    }
  }
  const start = article.positions.document.offsetAt(params.range.start);
  const end = article.positions.document.offsetAt(params.range.end);
  if (wants(REFACTOR_ANNOTATE)) actions.push(...annotateActions(context, article, start, end));
  actions.push(...sourceActions(context, article).filter((a) => wants(a.kind!)));
  return actions;
}

// ── Quick fixes ───────────────────────────────────────────────────────────────────────────

/**
 * A diagnostic published for an older version of the open document carries offsets and data for text that has
 * moved. It is only used when the current findings hold the same diagnostic at the same place (then with their
 * fresh data); otherwise it gets no quick fix rather than one that edits the wrong characters.
 */
function currentDiagnostic(context: ServerContext, article: AnalyzedArticle, sent: Diagnostic): Diagnostic | undefined {
  const sentVersion = (sent.data as { version?: unknown } | undefined)?.version;
  const version = context.corpus.editorVersion(article.id);
  if (typeof sentVersion !== 'number' || version === undefined || sentVersion === version) return sent;
  const same = (a: Diagnostic['range'], b: Diagnostic['range']) =>
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
  const fresh = diagnosticsFor(context, article).find((d) => d.code === sent.code && same(d.range, sent.range) && d.message === sent.message);
  if (!fresh) context.log(`No quick fix for a ${String(sent.code)} diagnostic of version ${sentVersion}: ${article.id} is at version ${version} and no longer has it there.`);
  return fresh;
}

function quickFixes(context: ServerContext, article: AnalyzedArticle, diagnostic: Diagnostic): CodeAction[] {
  const data = (diagnostic.data ?? {}) as Record<string, unknown>;
  const lines = article.positions.document;
  const start = lines.offsetAt(diagnostic.range.start);
  const end = lines.offsetAt(diagnostic.range.end);
  const fix = (title: string, edits: TextEdit[], preferred = false): CodeAction => ({
    title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: workspaceEdit(context, article, edits),
  });
  const replace = (newText: string): TextEdit[] => [{ start, end, newText }];
  switch (diagnostic.code) {
    case 'weekday-mismatch':
      return [fix(`Change "${data.written}" to "${data.correctWeekday}"`, replace(String(data.correctWeekday)), true)];
    case 'spelling-variant':
    case 'all-caps-name': {
      const canonical = String(data.canonical ?? data.replacement);
      const replacement = String(data.replacement ?? data.canonical);
      const actions = [fix(`Write "${replacement}"`, replace(replacement), true)];
      const mention = mentionAtDocument(article, start);
      if (mention) {
        const annotate = annotateEdits(context, article, [mention]);
        if (annotate.length) actions.push(fix(`Keep "${mention.text}" and annotate it as ${canonical}`, annotate));
      }
      return actions;
    }
    case 'garbled-reference':
      return [fix(`Replace "${data.surface}" with "${data.replacement}" ("${data.correctedTitle}")`, replace(String(data.replacement)), true)];
    case 'annotation-syntax': {
      const f = data.fix as { title: string; edits: TextEdit[] } | undefined;
      return f ? [fix(f.title, f.edits, true)] : [];
    }
    case 'unknown-entity-id': {
      const actions: CodeAction[] = [];
      const suggestion = data.suggestion as { id: string; name: string; valueSpan: { start: number; end: number } } | undefined;
      if (suggestion) actions.push(fix(`Use ${suggestion.name}'s id ${suggestion.id}`, [{ ...suggestion.valueSpan, newText: suggestion.id }], true));
      const span = data.attributeSpan as { start: number; end: number } | undefined;
      if (span) actions.push(fix(`Remove id=${data.id}`, [removalOf(article.documentText, span)]));
      return actions;
    }
    case 'broken-figure-reference': {
      const span = data.attributeSpan as { start: number; end: number } | undefined;
      return span ? [fix('Remove the broken ref=', [removalOf(article.documentText, span)])] : [];
    }
    case 'date-after-dateline': {
      // Pinning the day records that the annotator checked it; the finding is then settled.
      const edits = annotationEdits(article, [{ start: article.positions.toCleanOffset(start), end: article.positions.toCleanOffset(end), type: 'date', attributes: { value: String(data.date), note: `after the dateline ${data.dateline}` } }]);
      return edits.length ? [fix(`Annotate "${article.documentText.slice(start, end)}" as ${data.date}, checked`, edits)] : [];
    }
    case 'malformed-figure':
      return data.replacementText ? [fix(`Write "${data.replacementText}"`, replace(String(data.replacementText)), true)] : [];
    case 'superseded-figure':
    case 'conflicting-figure':
    case 'conflict-within-article':
    case 'vague-quantity':
    case 'unattributed-figure':
      return figureFixes(context, article, diagnostic, start, end, data);
    case 'ambiguous-place': {
      const mention = mentionAtDocument(article, start);
      const readings = (data.readings ?? []) as Array<{ key: string; label: string }>;
      if (!mention) return [];
      return readings.flatMap((r) => {
        const edits = annotationEdits(article, [{ start: mention.start, end: mention.end, type: 'place', attributes: { ref: mention.canonical, note: r.label } }]);
        return edits.length ? [fix(`Annotate "${mention.text}" as ${r.label}`, edits)] : [];
      });
    }
    default:
      return [];
  }
}

interface OtherFigure {
  articleId: string;
  label: string;
  start: number;
  end: number;
  text: string;
  source: string | null;
}

/**
 * Records the annotator's decision on a figure: superseded by, disputed against or verified, with its source and a
 * reference to the other figure. An existing annotation is edited rather than wrapped again.
 */
function figureFixes(context: ServerContext, article: AnalyzedArticle, diagnostic: Diagnostic, start: number, end: number, data: Record<string, unknown>): CodeAction[] {
  const figure = (data.figure ?? {}) as { min?: number | null; max?: number | null; value?: number | null; unit?: string; source?: string | null };
  const cleanStart = article.positions.toCleanOffset(start);
  const cleanEnd = article.positions.toCleanOffset(end);
  const base: Record<string, string | number | undefined> = {
    min: figure.min ?? undefined,
    max: figure.max ?? undefined,
    unit: figure.unit && figure.unit !== 'count' ? figure.unit : undefined,
    source: figure.source ?? undefined,
  };
  const decide = (title: string, attributes: Record<string, string | number | undefined>, preferred = false): CodeAction | undefined => {
    const existing = article.annotations.annotations.find((a) => a.type === 'figure' && a.clean.start <= cleanStart && cleanEnd <= a.clean.end);
    const edits = existing
      ? [editAnnotation(existing, { attributes })]
      : annotationEdits(article, [{ start: cleanStart, end: cleanEnd, type: 'figure', attributes: { ...base, ...attributes } }]);
    if (!edits.length) return undefined;
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: workspaceEdit(context, article, edits) };
  };
  const refTo = (other: OtherFigure) => {
    const target = context.corpus.get(other.articleId);
    if (!target) return undefined;
    const from = uriToPath(article.id);
    const to = uriToPath(other.articleId);
    const file = other.articleId === article.id ? '' : from && to ? relative(dirname(from), to).split('\\').join('/') : other.articleId;
    return figureReferenceTo(file, { clean: target.text, annotations: target.annotations.annotations }, spanOfText(target.text, other));
  };
  const actions: Array<CodeAction | undefined> = [];
  const current = (data.current ?? []) as OtherFigure[];
  const conflicts = (data.conflicts ?? []) as OtherFigure[];
  current.forEach((other, i) => actions.push(decide(`Mark as superseded by ${other.text} (${other.label})`, { status: 'superseded', ref: refTo(other) }, i === 0)));
  conflicts.forEach((other, i) => actions.push(decide(`Mark as disputed: conflicts with ${other.text} (${other.label}${other.source ? `, ${other.source}` : ''})`, { status: 'disputed', ref: refTo(other) }, i === 0 && !current.length)));
  if (diagnostic.code === 'vague-quantity') actions.push(decide('Mark as an estimate', { status: 'estimate' }, true));
  actions.push(decide('Mark as verified', { status: 'verified' }));
  return actions.filter((a): a is CodeAction => !!a);
}

/**
 * The span of a figure another article held when the diagnostic was made. That article may have been edited since
 * (the diagnostic is only republished when the figure's claim changes): then the same text nearest the old place.
 */
function spanOfText(text: string, other: OtherFigure): { start: number; end: number } {
  if (text.slice(other.start, other.end) === other.text || !other.text) return other;
  let best: number | undefined;
  for (let at = text.indexOf(other.text); at >= 0; at = text.indexOf(other.text, at + 1)) {
    if (best === undefined || Math.abs(at - other.start) < Math.abs(best - other.start)) best = at;
  }
  return best === undefined ? other : { start: best, end: best + other.text.length };
}

/** Removing `key=value` also removes the space before it. */
function removalOf(text: string, span: { start: number; end: number }): TextEdit {
  let start = span.start;
  while (start > 0 && text[start - 1] === ' ') start--;
  return { start, end: span.end, newText: '' };
}

function mentionAtDocument(article: AnalyzedArticle, documentOffset: number): EntityMentionInText | undefined {
  return entityAt(article, article.positions.toCleanOffset(documentOffset));
}

// ── Annotating mentions ───────────────────────────────────────────────────────────────────

/** The attributes that record what a mention is: the canonical name when written otherwise, and a certain id. */
function entityAttributes(context: ServerContext, m: EntityMentionInText): Record<string, string> {
  const entry = m.entityKey ? context.corpus.environment.knowledgeBase.entry(m.entityKey) : undefined;
  const attributes: Record<string, string> = {};
  if (entry?.wikidata) attributes.id = entry.wikidata;
  if (normalizeName(m.text) !== normalizeName(m.canonical) || m.text !== m.canonical) attributes.ref = m.canonical;
  return attributes;
}

function annotationEdits(article: AnalyzedArticle, requests: AnnotationRequest[]): TextEdit[] {
  return annotateSpans(article.documentText, requests, { offsets: 'clean', parsed: article.annotations }).edits;
}

function annotateEdits(context: ServerContext, article: AnalyzedArticle, mentions: readonly EntityMentionInText[]): TextEdit[] {
  return annotationEdits(article, mentions.filter((m) => m.via !== 'annotation').map((m) => ({ start: m.start, end: m.end, type: m.type, attributes: entityAttributes(context, m) })));
}

function annotateActions(context: ServerContext, article: AnalyzedArticle, start: number, end: number): CodeAction[] {
  const actions: CodeAction[] = [];
  const annotation = article.annotations.annotations.find((a) => a.start <= start && end <= a.end);
  if (annotation) {
    const removal = removeAnnotations(article.documentText, (a) => a === annotation, article.annotations).edits;
    actions.push({ title: `Remove the annotation of "${annotation.surface}"`, kind: REFACTOR_ANNOTATE, edit: workspaceEdit(context, article, removal) });
    return actions;
  }
  if (end > start) {
    // A selection: annotate exactly it, as any type.
    const cleanStart = article.positions.toCleanOffset(start);
    const cleanEnd = article.positions.toCleanOffset(end);
    const surface = article.text.slice(cleanStart, cleanEnd).trim();
    if (surface && !/[\r\n]/.test(surface)) {
      const lead = article.text.slice(cleanStart, cleanEnd).search(/\S/);
      const s = cleanStart + lead;
      for (const type of ['person', 'place', 'organization', 'figure']) {
        const edits = annotationEdits(article, [{ start: s, end: s + surface.length, type }]);
        if (edits.length) actions.push({ title: `Annotate "${surface}" as ${type}`, kind: REFACTOR_ANNOTATE, edit: workspaceEdit(context, article, edits) });
      }
    }
    return actions;
  }
  const mention = mentionAtDocument(article, start);
  if (!mention || mention.via === 'annotation') return actions;
  const single = annotateEdits(context, article, [mention]);
  if (single.length) {
    const label = mention.canonical !== mention.text ? ` (${mention.canonical})` : '';
    actions.push({ title: `Annotate "${mention.text}" as ${mention.type}${label}`, kind: REFACTOR_ANNOTATE, isPreferred: true, edit: workspaceEdit(context, article, single) });
    for (const type of ['person', 'place', 'organization'].filter((t) => t !== mention.type)) {
      const edits = annotationEdits(article, [{ start: mention.start, end: mention.end, type }]);
      if (edits.length) actions.push({ title: `Annotate "${mention.text}" as ${type}`, kind: REFACTOR_ANNOTATE, edit: workspaceEdit(context, article, edits) });
    }
  }
  const identity = entityIdentity(mention);
  const occurrences = context.corpus.entityIndex.occurrences(identity);
  if (occurrences && occurrences.mentionCount > 1) {
    const data: ResolveData = { kind: 'annotate-all-occurrences', uri: article.id, identity, type: mention.type };
    const action: CodeAction = {
      title: `Annotate all ${occurrences.mentionCount} occurrences of ${mention.canonical} in the corpus (${occurrences.byArticle.size} articles)`,
      kind: REFACTOR_ANNOTATE,
      data,
    };
    if (!context.support.codeActionResolveEdit) action.edit = annotateAllOccurrences(context, identity);
    actions.push(action);
  }
  if (!mention.entityKey || context.corpus.environment.knowledgeBase.entry(mention.entityKey)?.source.kind === 'gazetteer') {
    const edit = addToKnowledgeBase(context, mention);
    if (edit) actions.push({ title: `Add "${mention.canonical}" (${mention.type}) to the workspace knowledge base`, kind: CodeActionKind.QuickFix, edit });
  }
  return actions;
}

/** One workspace edit that annotates every mention of an entity in every article: one undoable step. */
export function annotateAllOccurrences(context: ServerContext, identity: string): WorkspaceEdit {
  const occurrences = context.corpus.entityIndex.occurrences(identity);
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  if (!occurrences) return { documentChanges };
  for (const [id, indexes] of [...occurrences.byArticle].sort((a, b) => a[0].localeCompare(b[0]))) {
    const article = context.corpus.get(id);
    if (!article) continue;
    const mentions = indexes.map((i) => article.entities[i]).filter((m): m is EntityMentionInText => !!m);
    const edits = annotateEdits(context, article, mentions);
    if (edits.length) documentChanges.push(...(documentEdit(context, article, edits) ?? []));
  }
  return { documentChanges };
}

function resolveCodeAction(context: ServerContext, action: CodeAction): CodeAction {
  const data = action.data as ResolveData | undefined;
  if (data?.kind === 'annotate-all-occurrences') action.edit = annotateAllOccurrences(context, data.identity);
  return action;
}

// ── The workspace knowledge base ──────────────────────────────────────────────────────────

function knowledgeBaseFile(context: ServerContext): string | undefined {
  const folder = context.workspaceFolders[0];
  const relative = folder ? context.settingsOfFolder(folder).knowledgeBase[0] : undefined;
  if (!folder || !relative) return undefined;
  return isAbsolute(relative) ? relative : join(folder, relative);
}

function slug(name: string): string {
  return normalizeName(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'entity';
}

/** Adds an entry for the mention to the first knowledge-base file, creating the file when needed. */
export function addToKnowledgeBase(context: ServerContext, mention: EntityMentionInText): WorkspaceEdit | undefined {
  // Restricted mode: workspace knowledge-base files are not read, so writing one would only mislead.
  if (!context.workspaceTrusted) return undefined;
  const path = knowledgeBaseFile(context);
  if (!path) return undefined;
  const uri = fileUri(path);
  const entry: Record<string, unknown> = { key: slug(mention.canonical), name: mention.canonical, type: mention.type, aliases: mention.text !== mention.canonical ? [mention.text] : [] };
  if (mention.role) entry.roles = [{ title: mention.role, note: 'title as written in the corpus; add the period it was held' }];
  const open = context.documents.get(uri);
  const text = open?.getText() ?? (existsSync(path) ? safeRead(path) : undefined);
  const formatting = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };
  if (text === undefined) {
    const content = `${JSON.stringify({ $schema: 'corpus-lens-entities', entities: [entry] }, null, 2)}\n`;
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }] },
      ],
    };
  }
  let edits;
  try {
    edits = modify(text, ['entities', -1], entry, { ...formatting, isArrayInsertion: true });
  } catch {
    return undefined;
  }
  const lines = new LineIndex(text);
  return {
    documentChanges: [{
      textDocument: { uri, version: open?.version ?? null },
      edits: edits.map((e) => toLspEdit(lines, { start: e.offset, end: e.offset + e.length, newText: e.content })),
    }],
  };
}

function safeRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

// ── Source actions ────────────────────────────────────────────────────────────────────────

function sourceActions(context: ServerContext, article: AnalyzedArticle): CodeAction[] {
  const actions: CodeAction[] = [];
  const annotate = annotateEdits(context, article, article.entities);
  if (annotate.length) {
    actions.push({ title: `Annotate all ${annotate.length} recognized entities in this article`, kind: SOURCE_ANNOTATE_ENTITIES, edit: workspaceEdit(context, article, annotate) });
  }
  if (article.annotations.annotations.length) {
    const removal = removeAnnotations(article.documentText, () => true, article.annotations).edits;
    actions.push({ title: `Remove all ${article.annotations.annotations.length} annotations in this article`, kind: SOURCE_REMOVE_ANNOTATIONS, edit: workspaceEdit(context, article, removal) });
  }
  return actions;
}

