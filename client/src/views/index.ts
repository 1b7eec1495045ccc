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
  const debounced = new DebouncedRefresh(refreshAll);

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
