// Applying LSP workspace edits to in-memory texts the way an editor does, refusing stale versions.
import type { TextDocumentEdit, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { offsetAt } from './lspClient';

export interface EditableDocument {
  text: string;
  /** The version the editor holds, or null for a file that is not open. */
  version: number | null;
}

/** Applies the edit; throws when an edit names a version other than the document's (a stale edit). */
export function applyWorkspaceEdit(edit: WorkspaceEdit, documents: Map<string, EditableDocument>): string[] {
  const touched: string[] = [];
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change)) continue;
    const { textDocument, edits } = change as TextDocumentEdit;
    const document = documents.get(textDocument.uri);
    if (!document) throw new Error(`edit for unknown document ${textDocument.uri}`);
    if (textDocument.version !== null && textDocument.version !== document.version) {
      throw new Error(`stale edit: ${textDocument.uri} is at version ${document.version}, the edit was made for ${textDocument.version}`);
    }
    const resolved = (edits as LspTextEdit[])
      .map((e) => ({ start: offsetAt(document.text, e.range.start), end: offsetAt(document.text, e.range.end), newText: e.newText }))
      .sort((a, b) => b.start - a.start);
    let text = document.text;
    for (const e of resolved) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    document.text = text;
    touched.push(textDocument.uri);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const document = documents.get(uri);
    if (!document) throw new Error(`edit for unknown document ${uri}`);
    const resolved = edits.map((e) => ({ start: offsetAt(document.text, e.range.start), end: offsetAt(document.text, e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
    for (const e of resolved) document.text = document.text.slice(0, e.start) + e.newText + document.text.slice(e.end);
    touched.push(uri);
  }
  return touched;
}
