// Where each entity is mentioned across the corpus, kept current article by article.
import type { AnalyzedArticle } from './analysis';
import type { EntityMentionInText } from './entities';
import { normalizeName } from './knowledge/names';

export interface EntityOccurrences {
  /** Article id → indexes into that article's `entities`, in text order. */
  byArticle: Map<string, number[]>;
  mentionCount: number;
}

/** The corpus-wide identity of a mention: its knowledge-base key, or its type and canonical name. */
export function entityIdentity(m: Pick<EntityMentionInText, 'entityKey' | 'type' | 'canonical'>): string {
  return m.entityKey ?? `${m.type}:${normalizeName(m.canonical)}`;
}

export class EntityIndex {
  private readonly byEntity = new Map<string, EntityOccurrences>();

  add(article: AnalyzedArticle): void {
    article.entities.forEach((m, i) => {
      const key = entityIdentity(m);
      let occurrences = this.byEntity.get(key);
      if (!occurrences) this.byEntity.set(key, (occurrences = { byArticle: new Map(), mentionCount: 0 }));
      const list = occurrences.byArticle.get(article.id);
      if (list) list.push(i);
      else occurrences.byArticle.set(article.id, [i]);
      occurrences.mentionCount++;
    });
  }

  remove(article: AnalyzedArticle): void {
    for (const m of article.entities) {
      const key = entityIdentity(m);
      const occurrences = this.byEntity.get(key);
      if (!occurrences) continue;
      const list = occurrences.byArticle.get(article.id);
      if (!list) continue;
      occurrences.mentionCount -= list.length;
      occurrences.byArticle.delete(article.id);
      if (occurrences.byArticle.size === 0) this.byEntity.delete(key);
    }
  }

  occurrences(identity: string): EntityOccurrences | undefined {
    return this.byEntity.get(identity);
  }

  identities(): IterableIterator<string> {
    return this.byEntity.keys();
  }
}
