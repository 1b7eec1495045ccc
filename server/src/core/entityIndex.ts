// Where each entity is mentioned across the corpus, kept current article by article.
import type { AnalyzedArticle } from './analysis';
import type { EntityMentionInText } from './entities';
import { normalizeName } from './knowledge/names';
import { toDayNumber } from './dates';

export interface EntityOccurrences {
  /** Article id → indexes into that article's `entities`, in text order. */
  byArticle: Map<string, number[]>;
  mentionCount: number;
}

/** The corpus-wide identity of a mention: its knowledge-base key, or its type and canonical name. */
export function entityIdentity(m: Pick<EntityMentionInText, 'entityKey' | 'type' | 'canonical'>): string {
  if (m.entityKey) return m.entityKey;
  let identity = identities.get(m);
  if (identity === undefined) identities.set(m, (identity = `${m.type}:${normalizeName(m.canonical)}`));
  return identity;
}

/** Identities of mentions without a knowledge-base key, computed once per mention (rules ask for every mention). */
const identities = new WeakMap<object, string>();

/** A person mentioned with a role (a title) in an article. */
export interface RoleOccurrence {
  articleId: string;
  /** Index into the article's `entities`. */
  index: number;
  /** Day number of the article's dateline, when it has one. */
  day: number | undefined;
}

/** The mentions of one person with one role, by the day of their article, so a week is a handful of look-ups. */
export class RoleOccurrences {
  private readonly byDay = new Map<number, RoleOccurrence[]>();
  private undated: RoleOccurrence[] = [];

  add(o: RoleOccurrence): void {
    if (o.day === undefined) {
      this.undated.push(o);
      return;
    }
    const list = this.byDay.get(o.day);
    if (list) list.push(o);
    else this.byDay.set(o.day, [o]);
  }

  removeArticle(articleId: string, day: number | undefined): void {
    if (day === undefined) {
      this.undated = this.undated.filter((o) => o.articleId !== articleId);
      return;
    }
    const rest = (this.byDay.get(day) ?? []).filter((o) => o.articleId !== articleId);
    if (rest.length) this.byDay.set(day, rest);
    else this.byDay.delete(day);
  }

  get empty(): boolean {
    return this.byDay.size === 0 && this.undated.length === 0;
  }

  /**
   * The first mention, outside `exceptArticle`, that `accept` takes, dated within `days` of `day` (nearest first).
   * Undated mentions hold at no known time and are never near.
   */
  firstNear(day: number, days: number, exceptArticle: string, accept: (o: RoleOccurrence) => boolean = () => true): RoleOccurrence | undefined {
    const pick = (list: readonly RoleOccurrence[] | undefined) => list?.find((o) => o.articleId !== exceptArticle && accept(o));
    for (let k = 0; k <= days; k++) {
      const found = pick(this.byDay.get(day - k)) ?? (k > 0 ? pick(this.byDay.get(day + k)) : undefined);
      if (found) return found;
    }
    return undefined;
  }
}

/** The roles the corpus gives one person, each with where it is given. */
export class RoleTable {
  readonly roles = new Map<string, RoleOccurrences>();
  /** Changes when a role is given for the first time or no longer given (not when mentions come and go). */
  version = 0;
  /** Changes whenever a mention with a role comes or goes. */
  changes = 0;
}

export class EntityIndex {
  private readonly byEntity = new Map<string, EntityOccurrences>();
  /** Identity → role as written → where. Only people with a role. */
  private readonly rolesByEntity = new Map<string, RoleTable>();

  /** The roles the corpus gives a person, each with where it is given. */
  roles(identity: string): RoleTable | undefined {
    return this.rolesByEntity.get(identity);
  }

  private addRoles(article: AnalyzedArticle): void {
    const day = article.dateline ? toDayNumber(article.dateline) : undefined;
    article.entities.forEach((m, index) => {
      if (m.type !== 'person' || !m.role) return;
      const key = entityIdentity(m);
      let table = this.rolesByEntity.get(key);
      if (!table) this.rolesByEntity.set(key, (table = new RoleTable()));
      let where = table.roles.get(m.role);
      if (!where) {
        table.roles.set(m.role, (where = new RoleOccurrences()));
        table.version++;
      }
      where.add({ articleId: article.id, index, day });
      table.changes++;
    });
  }

  private removeRoles(article: AnalyzedArticle): void {
    const day = article.dateline ? toDayNumber(article.dateline) : undefined;
    const done = new Set<string>();
    for (const m of article.entities) {
      if (m.type !== 'person' || !m.role) continue;
      const key = entityIdentity(m);
      if (done.has(`${key}\u0000${m.role}`)) continue;
      done.add(`${key}\u0000${m.role}`);
      const table = this.rolesByEntity.get(key);
      const where = table?.roles.get(m.role);
      if (!table || !where) continue;
      where.removeArticle(article.id, day);
      table.changes++;
      if (where.empty) {
        table.roles.delete(m.role);
        table.version++;
      }
      if (table.roles.size === 0) this.rolesByEntity.delete(key);
    }
  }

  add(article: AnalyzedArticle): void {
    this.addRoles(article);
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
    this.removeRoles(article);
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
