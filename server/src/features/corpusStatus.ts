// The corpus status: answered on request (corpusLens/corpusStatus) and pushed as a notification whenever the index,
// the indexing progress or the published findings change, at most once per interval so a full index of thousands
// of articles sends a handful of messages, not thousands.
import { Notifications, Requests, type CorpusStatus } from '../shared/protocol';
import type { CorpusIndexer } from '../core/corpusIndex';
import type { ServerContext } from './context';
import { publishedFindingCounts } from './diagnostics';

const NOTIFY_INTERVAL_MS = 250;

export function corpusStatusOf(context: ServerContext, generation: number): CorpusStatus {
  const status: CorpusStatus = {
    articles: context.corpus.size,
    skipped: context.skipped.size,
    indexing: context.indexing,
    lastIndexMs: context.lastIndexMs,
    findings: { ...publishedFindingCounts() },
    generation,
  };
  if (context.lastChange) status.lastChange = context.lastChange;
  if (context.indexProgress) status.progress = { ...context.indexProgress };
  return status;
}

export function registerCorpusStatus(context: ServerContext): void {
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSent = 0;
  const send = () => {
    timer = undefined;
    lastSent = Date.now();
    void context.connection.sendNotification(Notifications.corpusStatus, corpusStatusOf(context, generation)).catch(() => undefined);
  };
  context.onStatusChanged = () => {
    if (timer) return;
    timer = setTimeout(send, Math.max(0, lastSent + NOTIFY_INTERVAL_MS - Date.now()));
    timer.unref?.();
  };
  // Every article that comes, changes or goes moves the generation: views read it to know they are stale.
  const watcher: CorpusIndexer = {
    add: () => {
      generation++;
      context.onStatusChanged();
    },
    remove: () => {
      generation++;
      context.onStatusChanged();
    },
  };
  context.corpus.addIndexer(watcher);
  context.connection.onRequest(Requests.corpusStatus, (): CorpusStatus => corpusStatusOf(context, generation));
}
