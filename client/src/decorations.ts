// Dims annotation markup ("[[" and "|type …]]") in article editors, so annotated text reads like the article.
// The markup is found with the same parser the server uses (plain TypeScript, no server round trip).
import * as vscode from 'vscode';
import { stripAnnotations } from '../../server/src/core/annotations/syntax';
import { LANGUAGE_ID } from '../../server/src/shared/protocol';

const UPDATE_DELAY_MS = 120;

/** Offsets of the annotation markup of a text (escaping backslashes are left alone: they are part of the words). */
export function markupRanges(text: string): Array<{ start: number; end: number }> {
  if (!text.includes('[[')) return [];
  return stripAnnotations(text).map.deletedRanges().filter((r) => r.syntax);
}

export function registerMarkupDecorations(context: vscode.ExtensionContext): void {
  const dimmed = vscode.window.createTextEditorDecorationType({ opacity: '0.45', rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
  const timers = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  const update = (editor: vscode.TextEditor) => {
    if (editor.document.languageId !== LANGUAGE_ID) {
      editor.setDecorations(dimmed, []);
      return;
    }
    const document = editor.document;
    editor.setDecorations(
      dimmed,
      markupRanges(document.getText()).map((r) => new vscode.Range(document.positionAt(r.start), document.positionAt(r.end))),
    );
  };
  const schedule = (editor: vscode.TextEditor) => {
    clearTimeout(timers.get(editor));
    timers.set(editor, setTimeout(() => {
      timers.delete(editor);
      update(editor);
    }, UPDATE_DELAY_MS));
  };
  vscode.window.visibleTextEditors.forEach(update);
  context.subscriptions.push(
    dimmed,
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach(update)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      for (const editor of vscode.window.visibleTextEditors) if (editor.document === e.document) schedule(editor);
    }),
    // The language mode can change after opening ("Treat File as News Article").
    vscode.workspace.onDidOpenTextDocument((document) => {
      for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) update(editor);
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
}
