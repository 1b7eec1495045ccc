// The Entities view: entities by type (corpusLens/entities) and where one is mentioned (corpusLens/entityMentions).
import { entityMentions, entityRows } from '../core/corpusViews';
import { Requests, type ArticleMentions, type EntitiesParams, type EntitiesResult } from '../shared/protocol';
import type { ServerContext } from './context';
import { toRange } from './positions';

const DEFAULT_LIMIT_PER_TYPE = 500;
const TYPE_ORDER = ['person', 'organization', 'place'];

export function registerEntityView(context: ServerContext): void {
  const { connection } = context;
  connection.onRequest(Requests.entities, (params: EntitiesParams | undefined): EntitiesResult => {
    const limit = Math.max(1, params?.limitPerType ?? DEFAULT_LIMIT_PER_TYPE);
    const byType = entityRows(context.corpus, params?.filter?.trim() || undefined);
    const types = [...byType.keys()].sort((a, b) => (TYPE_ORDER.indexOf(a) + 1 || 99) - (TYPE_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
    return {
      types: types.map((type) => {
        const rows = byType.get(type)!;
        return { type, count: rows.length, entities: rows.slice(0, limit), truncated: rows.length > limit };
      }),
    };
  });
  connection.onRequest(Requests.entityMentions, (params: { identity: string }): ArticleMentions[] =>
    entityMentions(context.corpus, String(params?.identity ?? '')).map((a) => {
      const article = context.corpus.get(a.articleId)!;
      const out: ArticleMentions = {
        uri: a.articleId,
        label: a.label,
        mentions: a.rows.map((m) => {
          const range = toRange(article.positions, m);
          return { range, text: m.text, line: range.start.line, snippet: m.snippet, annotated: m.annotated };
        }),
      };
      if (a.headline) out.headline = a.headline;
      return out;
    }),
  );
}
