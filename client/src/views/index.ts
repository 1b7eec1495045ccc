// Registers the Corpus Lens view container's tree views and their commands; they refresh when the index changes.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Command, Views } from '../../../server/src/shared/protocol';
import type { CorpusEvents } from '../corpusEvents';
import { DebouncedRefresh, openLocation } from './common';
import { EntitiesProvider } from './entitiesView';
import { FiguresProvider } from './figuresView';
import { ProgressProvider } from './progressView';

const FILTERED_CONTEXT = 'corpusLens.entitiesFiltered';

export function registerCorpusViews(context: vscode.ExtensionContext, client: LanguageClient, events: CorpusEvents): void {
  const entities = new EntitiesProvider(client);
  const figures = new FiguresProvider(client);
  const progress = new ProgressProvider(client);
  const entitiesView = vscode.window.createTreeView(Views.entities, { treeDataProvider: entities, showCollapseAll: true });
  const figuresView = vscode.window.createTreeView(Views.figures, { treeDataProvider: figures, showCollapseAll: true });
  const progressView = vscode.window.createTreeView(Views.annotationProgress, { treeDataProvider: progress });
  const refreshAll = () => {
    entities.refresh();
    figures.refresh();
    progress.refresh();
  };
  // A hidden view asks for nothing: it is marked stale and refreshed when it shows again.
  const views: Array<{ view: vscode.TreeView<unknown>; refresh: () => void; stale: boolean }> = [
    { view: entitiesView as vscode.TreeView<unknown>, refresh: () => entities.refresh(), stale: false },
    { view: figuresView as vscode.TreeView<unknown>, refresh: () => figures.refresh(), stale: false },
    { view: progressView as vscode.TreeView<unknown>, refresh: () => progress.refresh(), stale: false },
  ];
  const debounced = new DebouncedRefresh(() => {
    for (const v of views) {
      if (v.view.visible) v.refresh();
      else v.stale = true;
    }
  });
  for (const v of views) {
    context.subscriptions.push(
      v.view.onDidChangeVisibility((e) => {
        if (e.visible && v.stale) {
          v.stale = false;
          v.refresh();
        }
      }),
    );
  }

  const setFilter = async (filter: string) => {
    entities.filter = filter;
    await vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, filter !== '');
    entitiesView.message = filter ? `Filter: ${filter}` : undefined;
    entities.refresh();
  };

  context.subscriptions.push(
    entitiesView,
    figuresView,
    progressView,
    debounced,
    events.onIndexChanged(() => debounced.schedule()),
    vscode.commands.registerCommand(Command.filterEntities, async () => {
      const value = await vscode.window.showInputBox({
        title: 'Filter Entities',
        prompt: 'Show the entities whose name or a written form contains this text (case and accents ignored).',
        value: entities.filter,
        placeHolder: 'Kuleba',
      });
      if (value !== undefined) await setFilter(value.trim());
    }),
    vscode.commands.registerCommand(Command.clearEntityFilter, () => setFilter('')),
    vscode.commands.registerCommand(Command.refreshViews, refreshAll),
    vscode.commands.registerCommand(Command.openLocation, (uri: string, range?: Parameters<typeof openLocation>[1]) => openLocation(uri, range)),
  );
}
