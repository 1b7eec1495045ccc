// Where each entity is mentioned across the corpus, kept current article by article.
import type { AnalyzedArticle } from './analysis';
import type { EntityMentionInText } from './entities';
import type { KnowledgeBase } from './knowledge/knowledgeBase';
import { normalizeName } from './knowledge/names';
import type { KnowledgeEntry } from './knowledge/types';
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

/**
 * The spellings of one word of a name that the knowledge base lists as variants of each other ("Kyiv" and "Kiev",
 * "Sergey" and "Sergei" of Sergey Lavrov). `key` is the canonical spelling, lower case.
 */
export interface SpellingFamily {
  key: string;
  /** Spelling (lower case) → as written in the knowledge base ("kiev" → "Kiev"). */
  forms: Map<string, string>;
}

const familiesCache = new WeakMap<KnowledgeEntry, SpellingFamily[]>();

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The entry's spelling families: each word of a variant that the name does not have, paired with the name's word it
 * respells ("Volodymyr Zelensky" respells "Zelenskyy"). Words too far apart to be one word respelled are left out.
 */
export function spellingFamilies(entry: KnowledgeEntry): SpellingFamily[] {
  let families = familiesCache.get(entry);
  if (families) return families;
  families = [];
  const words = (name: string) => name.split(/[\s-]+/).map((w) => ({ key: normalizeName(w), written: w.replace(/[’']s$/, '') })).filter((w) => w.key);
  const canonical = words(entry.name);
  for (const variant of entry.variants) {
    for (const w of words(variant)) {
      if (canonical.some((c) => c.key === w.key)) continue;
      let best: { key: string; written: string } | undefined;
      let bestDistance = Infinity;
      for (const c of canonical) {
        const d = editDistance(c.key, w.key);
        if (d < bestDistance) [best, bestDistance] = [c, d];
      }
      if (!best || bestDistance > Math.max(2, Math.floor(best.key.length / 3))) continue;
      let family = families.find((f) => f.key === best!.key);
      if (!family) families.push((family = { key: best.key, forms: new Map([[best.key, best.written]]) }));
      if (!family.forms.has(w.key)) family.forms.set(w.key, w.written);
    }
  }
  familiesCache.set(entry, families);
  return families;
}

/** Which spelling of each family a written name uses ("Kiev's" → kiev); a name without the word uses none. */
export function spellingsIn(families: readonly SpellingFamily[], written: string): Array<{ family: SpellingFamily; spelling: string }> {
  const tokens = new Set(normalizeName(written).split(' '));
  const out: Array<{ family: SpellingFamily; spelling: string }> = [];
  for (const family of families) {
    if (tokens.has(family.key)) out.push({ family, spelling: family.key });
    else for (const spelling of family.forms.keys()) if (tokens.has(spelling)) { out.push({ family, spelling }); break; }
  }
  return out;
}

/** The corpus's use of one spelling family of one entity: which articles write each spelling. */
export class SpellingUse {
  /** Spelling → ids of the articles writing it. */
  readonly articles = new Map<string, Set<string>>();

  constructor(public family: SpellingFamily) {}

  count(spelling: string): number {
    return this.articles.get(spelling)?.size ?? 0;
  }

  /** The spelling most articles write, when at least two do and no other spelling is as common: the corpus's own. */
  leader(): string | undefined {
    let best: string | undefined;
    let bestCount = 0;
    let tie = false;
    for (const [spelling, where] of this.articles) {
      if (where.size > bestCount) [best, bestCount, tie] = [spelling, where.size, false];
      else if (where.size === bestCount) tie = true;
    }
    return bestCount >= 2 && !tie ? best : undefined;
  }
}

export class EntityIndex {
  private readonly byEntity = new Map<string, EntityOccurrences>();
  /** Identity → role as written → where. Only people with a role. */
  private readonly rolesByEntity = new Map<string, RoleTable>();
  /** Identity → family key → where each spelling is written. Only entities whose entry lists variants. */
  private readonly spellingsByEntity = new Map<string, Map<string, SpellingUse>>();
  /** What each article added to the spelling uses, so removing it undoes exactly that (the knowledge base may change). */
  private readonly spellingsOfArticle = new Map<string, Array<{ use: SpellingUse; spelling: string }>>();
  /** Uses changed since the last `takeAffected`, with their leader before the first change. */
  private readonly leadersBefore = new Map<SpellingUse, string | undefined>();

  /** `knowledgeBase` gives the entries whose variants are followed; without it, spellings are not indexed. */
  constructor(private readonly knowledgeBase?: () => KnowledgeBase) {}

  /** How the corpus spells one entity's variant words, per family key. */
  spellings(identity: string): ReadonlyMap<string, SpellingUse> | undefined {
    return this.spellingsByEntity.get(identity);
  }

  /** Articles whose spelling findings may have moved: those of every family whose leading spelling changed. */
  takeAffected(): Set<string> {
    const out = new Set<string>();
    for (const [use, before] of this.leadersBefore) {
      if (use.leader() === before) continue;
      for (const where of use.articles.values()) for (const id of where) out.add(id);
    }
    this.leadersBefore.clear();
    return out;
  }

  private addSpellings(article: AnalyzedArticle): void {
    const kb = this.knowledgeBase?.();
    if (!kb) return;
    const added: Array<{ use: SpellingUse; spelling: string }> = [];
    for (const m of article.entities) {
      // Gazetteer places (geo: keys) list no variants: only knowledge-base entries need a look-up.
      const entry = m.entityKey && !m.entityKey.startsWith('geo:') ? kb.entry(m.entityKey) : undefined;
      if (!entry?.variants.length) continue;
      const families = spellingFamilies(entry);
      if (!families.length) continue;
      const identity = entityIdentity(m);
      let byFamily = this.spellingsByEntity.get(identity);
      if (!byFamily) this.spellingsByEntity.set(identity, (byFamily = new Map()));
      for (const { family, spelling } of spellingsIn(families, m.text)) {
        let use = byFamily.get(family.key);
        // The entry is rebuilt when the knowledge base changes: the use follows its latest family.
        if (!use) byFamily.set(family.key, (use = new SpellingUse(family)));
        else use.family = family;
        if (!this.leadersBefore.has(use)) this.leadersBefore.set(use, use.leader());
        let where = use.articles.get(spelling);
        if (!where) use.articles.set(spelling, (where = new Set()));
        where.add(article.id);
        added.push({ use, spelling });
      }
    }
    if (added.length) this.spellingsOfArticle.set(article.id, added);
  }

  private removeSpellings(article: AnalyzedArticle): void {
    const added = this.spellingsOfArticle.get(article.id);
    if (!added) return;
    this.spellingsOfArticle.delete(article.id);
    for (const { use, spelling } of added) {
      if (!this.leadersBefore.has(use)) this.leadersBefore.set(use, use.leader());
      const where = use.articles.get(spelling);
      where?.delete(article.id);
      if (where && where.size === 0) use.articles.delete(spelling);
    }
  }

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
    this.addSpellings(article);
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
    this.removeSpellings(article);
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

