// Activation, language mode and commands, through the public `vscode` API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  LANGUAGE_ID,
  MISMATCH_FIXTURE,
  PLAIN_NOTES,
  SEED_000,
  activateExtension,
  eventually,
  openInEditor,
  workspaceFile,
} from './helpers';

suite('Corpus Lens extension', () => {
  test('activates and registers its commands', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['corpusLens.treatAsNewsArticle', 'corpusLens.reindexCorpus', 'corpusLens.showOutput', 'corpusLens.showFigureChart']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });

  test('an article under corpus/ opens in the news-article language', async () => {
    const seed = await openInEditor(SEED_000);
    assert.equal(seed.languageId, LANGUAGE_ID);
    const fixture = await openInEditor(MISMATCH_FIXTURE);
    assert.equal(fixture.languageId, LANGUAGE_ID);
  });

  test('"Treat File as News Article" switches a plain .txt outside corpus/', async () => {
    const uri = workspaceFile(PLAIN_NOTES);
    const plain = await openInEditor(PLAIN_NOTES);
    assert.equal(plain.languageId, 'plaintext', 'a .txt outside corpus/ starts as plain text');
    await vscode.commands.executeCommand('corpusLens.treatAsNewsArticle');
    // setTextDocumentLanguage re-opens the document, so look it up again rather than reuse `plain`.
    const switched = await eventually(
      'the notes file to become news-article',
      () => vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString())?.languageId,
      (languageId) => languageId === LANGUAGE_ID,
      10_000,
    );
    assert.equal(switched, LANGUAGE_ID);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });
});
